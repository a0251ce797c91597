//! The rating-history chart of a member page, as geometry the template draws in SVG.

use comity_core::Iso3;
use comity_core::charter::Charter;
use comity_core::criteria::Criterion;
use comity_core::registry::{Regime, Registry};

use crate::i18n::Tr;
use crate::kit::chart::{Gridline, Tick, round};

pub struct Threshold {
    pub y: f64,
    pub label: String,
}
pub struct Series {
    pub label: String,
    pub color: &'static str,
    pub points: String,
    pub dots: Vec<(f64, f64)>,
}

pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub plot_width: f64,
    pub plot_height: f64,
    pub gridlines: Vec<Gridline>,
    pub ticks: Vec<Tick>,
    pub thresholds: Vec<Threshold>,
    pub series: Vec<Series>,
    pub description: String,
}

/// First year shown: V-Dem goes back to 1900 and Freedom House scores to 2012; a reader wants
/// the last quarter century.
const FIRST_YEAR: u16 = 2000;

/// Freedom House total score by year under review (edition − 1) and V-Dem's electoral
/// democracy index × 100 by year, on one 0–100 scale, with the charter's numeric thresholds.
pub fn rating_chart(
    tr: &Tr<'_>,
    registry: &Registry,
    charter: Option<&Charter>,
    iso3: &Iso3,
) -> Chart {
    let (width, height) = (720.0, 300.0);
    let (left, right, top, bottom) = (44.0, width - 16.0, 16.0, height - 32.0);
    let last_year = registry
        .latest_vdem_year()
        .max(registry.latest_fh_edition().map(|e| e - 1))
        .unwrap_or(FIRST_YEAR + 1)
        .max(FIRST_YEAR + 1);
    let x = |year: u16| {
        left + (right - left) * f64::from(year - FIRST_YEAR) / f64::from(last_year - FIRST_YEAR)
    };
    let y = |v: f64| bottom - (bottom - top) * v.clamp(0.0, 100.0) / 100.0;

    let fh: Vec<(u16, f64)> = registry
        .fh_history(iso3)
        .filter_map(|(ed, r)| Some((ed.checked_sub(1)?, f64::from(r.total?))))
        .filter(|(year, _)| *year >= FIRST_YEAR)
        .collect();
    let vdem: Vec<(u16, f64)> = registry
        .vdem_history(iso3)
        .filter_map(|(year, r)| Some((year, r.polyarchy? * 100.0)))
        .filter(|(year, _)| *year >= FIRST_YEAR)
        .collect();
    let mut series = Vec::new();
    for (label, color, data) in [
        (tr.t("chart-fh"), "#0b5394", &fh),
        (tr.t("chart-vdem"), "#6a3d9a", &vdem),
    ] {
        if data.is_empty() {
            continue;
        }
        let dots: Vec<(f64, f64)> = data
            .iter()
            .map(|(yr, v)| (round(x(*yr)), round(y(*v))))
            .collect();
        let points = dots
            .iter()
            .map(|(a, b)| format!("{a},{b}"))
            .collect::<Vec<_>>()
            .join(" ");
        series.push(Series {
            label,
            color,
            points,
            dots,
        });
    }

    let mut thresholds = Vec::new();
    if let Some(c) = charter {
        let mut found = Vec::new();
        collect_thresholds(c, &c.membership.criterion, &mut found, 0);
        for t in found {
            let (value, label) = match t {
                Limit::FhScore(s) => (f64::from(s), tr.t1("chart-fh-threshold", "score", s)),
                Limit::Polyarchy(p) => (
                    p * 100.0,
                    tr.t1("chart-vdem-threshold", "index", format!("{p:.2}")),
                ),
            };
            thresholds.push(Threshold {
                y: round(y(value)),
                label,
            });
        }
    }

    let gridlines = (0..=4)
        .map(|i| f64::from(i) * 25.0)
        .map(|v| Gridline {
            y: round(y(v)),
            label: format!("{v:.0}"),
        })
        .collect();
    let ticks = (FIRST_YEAR..=last_year)
        .step_by(4)
        .map(|yr| Tick {
            x: round(x(yr)),
            label: yr.to_string(),
        })
        .collect();
    let description = match (fh.first(), fh.last(), vdem.first(), vdem.last()) {
        (Some(f0), Some(f1), Some(v0), Some(v1)) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("first", format!("{} ({:.0})", f0.0 + 1, f0.1));
            args.set("last", format!("{} ({:.0})", f1.0 + 1, f1.1));
            args.set("vfirst", format!("{} ({:.2})", v0.0, v0.1 / 100.0));
            args.set("vlast", format!("{} ({:.2})", v1.0, v1.1 / 100.0));
            tr.catalog.format(tr.lang, "chart-description", Some(&args))
        }
        _ if series.is_empty() => tr.t("chart-no-data"),
        _ => series
            .iter()
            .map(|s| s.label.clone())
            .collect::<Vec<_>>()
            .join("; "),
    };
    Chart {
        width,
        height,
        left,
        right,
        top,
        bottom,
        plot_width: right - left,
        plot_height: bottom - top,
        gridlines,
        ticks,
        thresholds,
        series,
        description,
    }
}

enum Limit {
    FhScore(u8),
    Polyarchy(f64),
}

/// Numeric thresholds in a criterion (a regime minimum of electoral democracy or better is drawn
/// at the index's 0.5, the threshold Regimes of the World itself uses).
fn collect_thresholds(c: &Charter, id: &str, out: &mut Vec<Limit>, depth: usize) {
    fn walk(c: &Charter, cr: &Criterion, out: &mut Vec<Limit>, depth: usize) {
        match cr {
            Criterion::FhScoreMin(s) => out.push(Limit::FhScore(*s)),
            Criterion::VdemPolyarchyMin(p) => out.push(Limit::Polyarchy(*p)),
            Criterion::VdemRegimeMin(r) if *r >= Regime::ElectoralDemocracy => {
                out.push(Limit::Polyarchy(0.5))
            }
            Criterion::All(parts) | Criterion::Any(parts) => {
                parts.iter().for_each(|p| walk(c, p, out, depth))
            }
            Criterion::Criterion(id) => collect_thresholds(c, id, out, depth + 1),
            _ => {}
        }
    }
    if depth > 16 {
        return;
    }
    if let Some(named) = c.criteria.get(id) {
        walk(c, &named.rule, out, depth);
    }
}
