//! What the assembly's page shows, computed from the journal's facts: the quotas beside the
//! pool's counts, each draw, and the chart of every volunteer's chance of selection (as
//! geometry the template draws in SVG, with a summary in words and figures).

use std::collections::BTreeMap;

use comity_core::assembly::{Assembly, Draw, DrawResult, Volunteer};
use comity_core::charter::Sortition;

use crate::i18n::{Lang, Tr};
use crate::kit::chart::{Gridline, round};

/// One quota row with how many pooled volunteers have the value.
pub struct QuotaRow {
    pub value: String,
    pub min: u32,
    pub max: u32,
    pub pool: usize,
}

/// The quotas grouped by feature, each value with the pool's count.
pub fn quota_rows(rules: &Sortition, assembly: &Assembly) -> Vec<(String, Vec<QuotaRow>)> {
    rules
        .features()
        .into_iter()
        .map(|(feature, rows)| {
            let rows = rows
                .iter()
                .map(|q| QuotaRow {
                    value: q.value.clone(),
                    min: q.min,
                    max: q.max,
                    pool: usize::try_from(assembly.count(feature, &q.value)).unwrap_or(usize::MAX),
                })
                .collect();
            (feature.to_owned(), rows)
        })
        .collect()
}

/// A probability as a percentage in the reader's language.
pub fn percent(p: f64, lang: Lang) -> String {
    crate::i18n::numbers::percent(p, lang)
}

/// Every volunteer's chance, sorted ascending, with the line at k/n.
pub struct ProbabilityChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub points: String,
    pub fair_y: f64,
    pub fair_label: String,
    pub gridlines: Vec<Gridline>,
    pub description: String,
}

/// The chart's figures in a table: (label, value).
pub type Summary = Vec<(String, String)>;

/// A completed draw as the page shows it.
pub struct ResultView {
    pub seed: String,
    pub min_probability: String,
    pub fair: String,
    pub panels: usize,
    /// (volunteer number, their features in the quota features' order)
    pub panel: Vec<(u64, Vec<String>)>,
    pub chart: ProbabilityChart,
    pub summary: Summary,
}

pub struct DrawView {
    pub number: u64,
    pub commitment: String,
    pub algorithm: String,
    pub pool: usize,
    pub panel_size: usize,
    pub committed_seq: u64,
    pub drawn_seq: Option<u64>,
}

pub fn draw_view(d: &Draw) -> DrawView {
    DrawView {
        number: d.number,
        commitment: d.commitment.to_string(),
        algorithm: d.algorithm.clone(),
        pool: d.pool,
        panel_size: d.panel_size,
        committed_seq: d.committed_seq,
        drawn_seq: d.result.as_ref().map(|r| r.seq),
    }
}

pub fn ppt(v: u64) -> f64 {
    v as f64 / 1e12
}

/// The value at quantile `q` of sorted values (nearest rank).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The smallest of a few round scales that holds `v`, for the chart's axis.
fn axis_max(v: f64) -> f64 {
    [0.02, 0.04, 0.08, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0]
        .into_iter()
        .find(|m| v <= *m)
        .unwrap_or(1.0)
}

pub fn result_view(
    tr: &Tr<'_>,
    rules: &Sortition,
    members: &BTreeMap<u64, Volunteer>,
    d: &Draw,
    r: &DrawResult,
) -> ResultView {
    let features = rules.features();
    let panel = r
        .panel
        .iter()
        .map(|&n| {
            let v = members.get(&n);
            let values = features
                .iter()
                .map(|(f, _)| {
                    v.and_then(|v| v.features.get(*f))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect();
            (n, values)
        })
        .collect();
    let fair = if d.pool == 0 {
        0.0
    } else {
        d.panel_size as f64 / d.pool as f64
    };
    let mut sorted: Vec<f64> = r.probabilities_ppt.iter().map(|&p| ppt(p)).collect();
    sorted.sort_by(f64::total_cmp);
    let (chart, summary) = chart(tr, &sorted, fair, d.panel_size);
    ResultView {
        seed: r.seed.clone(),
        min_probability: percent(ppt(r.min_probability_ppt), tr.lang),
        fair: percent(fair, tr.lang),
        panels: r.panels,
        panel,
        chart,
        summary,
    }
}

fn chart(tr: &Tr<'_>, sorted: &[f64], fair: f64, k: usize) -> (ProbabilityChart, Summary) {
    let (width, height) = (720.0, 280.0);
    let (left, right, top, bottom) = (56.0, width - 16.0, 16.0, height - 28.0);
    let n = sorted.len();
    let highest = sorted.last().copied().unwrap_or(0.0);
    let ymax = axis_max(highest.max(fair));
    let y = |p: f64| round(bottom - (bottom - top) * (p / ymax).clamp(0.0, 1.0));
    let x = |i: usize| round(left + (right - left) * (i as f64 + 0.5) / n.max(1) as f64);
    let points = sorted
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{},{}", x(i), y(*p)))
        .collect::<Vec<_>>()
        .join(" ");
    let gridlines = (0..=4)
        .map(|i| ymax * f64::from(i) / 4.0)
        .map(|v| Gridline {
            y: y(v),
            label: percent(v, tr.lang),
        })
        .collect();
    let pc = |p: f64| percent(p, tr.lang);
    let lowest = sorted.first().copied().unwrap_or(0.0);
    let median = quantile(sorted, 0.5);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("n", n as f64);
    args.set("min", pc(lowest));
    args.set("median", pc(median));
    args.set("max", pc(highest));
    args.set("fair", pc(fair));
    let description = tr
        .catalog
        .format(tr.lang, "assembly-chart-desc", Some(&args));
    // Below k/n by more than rounding: the journal keeps parts per trillion.
    let below = sorted.iter().filter(|p| **p < fair - 1e-9).count();
    let summary = vec![
        (tr.t("assembly-stat-lowest"), pc(lowest)),
        (tr.t("assembly-stat-p10"), pc(quantile(sorted, 0.1))),
        (tr.t("assembly-stat-median"), pc(median)),
        (tr.t("assembly-stat-p90"), pc(quantile(sorted, 0.9))),
        (tr.t("assembly-stat-highest"), pc(highest)),
        (tr.t2("assembly-stat-fair", "k", k, "n", n), pc(fair)),
        (
            tr.t("assembly-stat-below-fair"),
            tr.t2("assembly-stat-count", "count", below, "n", n),
        ),
    ];
    let chart = ProbabilityChart {
        width,
        height,
        left,
        right,
        points,
        fair_y: y(fair),
        fair_label: tr.t1("assembly-chart-line", "fair", pc(fair)),
        gridlines,
        description,
    };
    (chart, summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_take_the_nearest_rank() {
        let v = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        assert_eq!(quantile(&v, 0.1), 0.1);
        assert_eq!(quantile(&v, 0.5), 0.5);
        assert_eq!(quantile(&v, 0.9), 0.9);
        assert_eq!(quantile(&[], 0.5), 0.0);
    }

    #[test]
    fn the_axis_holds_the_highest_chance_and_k_over_n() {
        for (v, m) in [
            (0.0, 0.02),
            (0.1667, 0.2),
            (0.25, 0.4),
            (1.0, 1.0),
            (0.03, 0.04),
        ] {
            assert_eq!(axis_max(v), m, "{v}");
        }
    }

    #[test]
    fn percentages_in_each_language() {
        assert_eq!(percent(1.0 / 6.0, Lang::En), "16.7%");
        assert_eq!(percent(1.0 / 6.0, Lang::Fr), "16,7\u{a0}%");
        assert_eq!(percent(0.0012, Lang::En), "0.12%");
        assert_eq!(percent(0.0, Lang::Ar), "0.0%");
        let c = crate::i18n::Catalog::load().unwrap();
        let tr = Tr {
            catalog: &c,
            lang: Lang::En,
        };
        let (chart, summary) = chart(&tr, &[0.1, 0.15, 0.2, 0.3], 0.2, 1);
        assert_eq!(chart.points.split(' ').count(), 4);
        assert!(
            chart.description.contains("4 volunteers"),
            "{}",
            chart.description
        );
        assert_eq!(summary.last().unwrap().1, "2 of 4");
    }
}
