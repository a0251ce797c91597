//! A treaty's two charts, as geometry the template draws in SVG: open brackets per
//! negotiating round, and instruments deposited over time against the number the
//! entry-into-force clause requires. Each comes with a description and a figures table.

use comity_core::ids::Day;

use crate::i18n::Tr;
use crate::kit::chart::{Gridline, Tick, round};

/// One round: an outlined bar for the brackets open when it opened, a solid one for those
/// open at its end (or now, for the round under way).
pub struct RoundBars {
    pub label: String,
    pub label_x: f64,
    pub start_x: f64,
    pub start_y: f64,
    pub start_h: f64,
    pub start: usize,
    pub end_x: f64,
    pub end_y: f64,
    pub end_h: f64,
    pub end: usize,
}

pub struct RoundsChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub bottom: f64,
    pub bar_width: f64,
    pub rounds: Vec<RoundBars>,
    pub gridlines: Vec<Gridline>,
    pub description: String,
}

/// Open brackets per round: (round, open at its start, open at its end).
pub fn rounds_chart(tr: &Tr<'_>, rounds: &[(u32, usize, usize)]) -> RoundsChart {
    let (width, height) = (720.0, 260.0);
    let (left, right, top, bottom) = (48.0, width - 16.0, 16.0, height - 36.0);
    let highest = rounds.iter().map(|r| r.1.max(r.2)).max().unwrap_or(0);
    let ymax = nice_max(highest as f64);
    let y = |v: usize| round(bottom - (bottom - top) * (v as f64 / ymax).clamp(0.0, 1.0));
    let slot = (right - left) / rounds.len().max(1) as f64;
    let bar_width = round((slot * 0.3).min(48.0));
    let bars = rounds
        .iter()
        .enumerate()
        .map(|(i, &(n, start, end))| {
            let mid = left + slot * (i as f64 + 0.5);
            RoundBars {
                label: tr.t1("treaty-round-n", "n", n),
                label_x: round(mid),
                start_x: round(mid - bar_width - 2.0),
                start_y: y(start),
                start_h: round(bottom - y(start)),
                start,
                end_x: round(mid + 2.0),
                end_y: y(end),
                end_h: round(bottom - y(end)),
                end,
            }
        })
        .collect();
    let gridlines = (0..=4)
        .map(|i| ymax * f64::from(i) / 4.0)
        .map(|v| Gridline {
            y: round(bottom - (bottom - top) * v / ymax),
            label: format!("{v:.0}"),
        })
        .collect();
    let description = match (rounds.first(), rounds.last()) {
        (Some(first), Some(last)) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("rounds", rounds.len() as f64);
            args.set("first", first.1 as f64);
            args.set("last", last.2 as f64);
            tr.catalog
                .format(tr.lang, "treaty-rounds-chart-desc", Some(&args))
        }
        _ => String::new(),
    };
    RoundsChart {
        width,
        height,
        left,
        right,
        bottom,
        bar_width,
        rounds: bars,
        gridlines,
        description,
    }
}

/// The cumulative deposits as a step line, with the clause's threshold and the day of
/// entry into force marked.
pub struct DepositsChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub points: String,
    /// A dot on each day instruments were deposited.
    pub dots: Vec<(f64, f64)>,
    /// (y, label)
    pub threshold: Option<(f64, String)>,
    /// (x, label)
    pub eif: Option<(f64, String)>,
    pub gridlines: Vec<Gridline>,
    pub ticks: Vec<Tick>,
    pub description: String,
}

/// `series` is (day, instruments counted so far); `from` the day the axis starts (the
/// opening for signature); `eif` the computed day of entry into force.
pub fn deposits_chart(
    tr: &Tr<'_>,
    series: &[(Day, usize)],
    threshold: Option<u32>,
    from: Option<Day>,
    eif: Option<Day>,
) -> Option<DepositsChart> {
    let (first, last) = (series.first()?, series.last()?);
    let (width, height) = (720.0, 280.0);
    let (left, right, top, bottom) = (48.0, width - 24.0, 16.0, height - 36.0);
    let jd = |d: Day| f64::from(d.date().to_julian_day());
    let start = from.map_or(first.0, |f| f.min(first.0));
    let end = eif.map_or(last.0, |e| e.max(last.0));
    let span = (jd(end) - jd(start)).max(1.0);
    let x = |d: Day| round(left + (right - left) * (jd(d) - jd(start)) / span);
    let total = last.1;
    let ymax = nice_max(total.max(threshold.unwrap_or(0) as usize) as f64);
    let y = |v: f64| round(bottom - (bottom - top) * (v / ymax).clamp(0.0, 1.0));
    let mut pts = vec![(x(start), y(0.0))];
    let dots = series.iter().map(|&(d, n)| (x(d), y(n as f64))).collect();
    let mut prev = 0usize;
    for &(d, n) in series {
        pts.push((x(d), y(prev as f64)));
        pts.push((x(d), y(n as f64)));
        prev = n;
    }
    pts.push((x(end).max(x(last.0)), y(prev as f64)));
    let points = pts
        .iter()
        .map(|(a, b)| format!("{a},{b}"))
        .collect::<Vec<_>>()
        .join(" ");
    let gridlines = (0..=4)
        .map(|i| ymax * f64::from(i) / 4.0)
        .map(|v| Gridline {
            y: y(v),
            label: format!("{v:.0}"),
        })
        .collect();
    let mut ticks = vec![Tick {
        x: x(start),
        label: start.to_string(),
    }];
    if end != start {
        ticks.push(Tick {
            x: x(end),
            label: end.to_string(),
        });
    }
    let threshold_line =
        threshold.map(|n| (y(f64::from(n)), tr.t1("treaty-deposits-threshold", "n", n)));
    let eif_line = eif.map(|d| {
        let label = tr.t1(
            "treaty-deposits-eif",
            "date",
            crate::treaty::view::ltr(tr, d),
        );
        (x(d), label)
    });
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", total as f64);
    args.set("last", crate::treaty::view::ltr(tr, last.0));
    args.set("start", crate::treaty::view::ltr(tr, start));
    let mut description = tr
        .catalog
        .format(tr.lang, "treaty-deposits-chart-desc", Some(&args));
    if let Some(n) = threshold {
        description.push(' ');
        description.push_str(&tr.t1("treaty-deposits-chart-threshold", "n", n));
    }
    if let Some(d) = eif {
        description.push(' ');
        let date = crate::treaty::view::ltr(tr, d);
        description.push_str(&tr.t1("treaty-deposits-chart-eif", "date", date));
    }
    Some(DepositsChart {
        width,
        height,
        left,
        right,
        top,
        bottom,
        points,
        dots,
        threshold: threshold_line,
        eif: eif_line,
        gridlines,
        ticks,
        description,
    })
}

/// A round number at least `v` (and at least 4), so four gridlines fall on whole numbers.
fn nice_max(v: f64) -> f64 {
    let mut m = 4.0;
    while m < v {
        m = if m < 20.0 { m + 4.0 } else { m * 1.5 };
        m = (m / 4.0).ceil() * 4.0;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    #[test]
    fn axes_hold_the_data_on_whole_gridlines() {
        for (v, min) in [
            (0.0, 4.0),
            (3.0, 4.0),
            (11.0, 12.0),
            (30.0, 32.0),
            (45.0, 48.0),
        ] {
            let m = nice_max(v);
            assert!(m >= v && m >= min, "{v}: {m}");
            assert_eq!(m % 4.0, 0.0, "{v}: {m}");
        }
    }

    #[test]
    fn the_deposit_line_steps_up_to_the_threshold() {
        let c = Catalog::load().unwrap();
        let tr = Tr {
            catalog: &c,
            lang: Lang::En,
        };
        let d = |s: &str| Day::parse(s).unwrap();
        let series = [(d("2026-03-01"), 29), (d("2026-03-02"), 30)];
        let chart = deposits_chart(
            &tr,
            &series,
            Some(30),
            Some(d("2026-02-02")),
            Some(d("2026-05-01")),
        )
        .unwrap();
        // From zero, two steps, then flat to the day of entry into force.
        assert_eq!(chart.points.split(' ').count(), 6);
        let (ty, _) = chart.threshold.as_ref().unwrap();
        let last_y: f64 = chart.points.rsplit(',').next().unwrap().parse().unwrap();
        assert_eq!(*ty, last_y, "30 deposits reach the line");
        assert_eq!(chart.eif.as_ref().unwrap().0, chart.right);
        assert!(chart.description.contains("30"), "{}", chart.description);
        assert!(deposits_chart(&tr, &[], Some(30), None, None).is_none());
        let rounds = rounds_chart(&tr, &[(1, 13, 10), (2, 10, 8), (3, 8, 0)]);
        assert_eq!(rounds.rounds.len(), 3);
        assert!(rounds.rounds[0].start_h > rounds.rounds[2].end_h);
        assert_eq!(rounds.rounds[2].end_h, 0.0);
    }
}
