//! Pledges for the pages: rows in the reader's words, and the pictures (a burn-up chart per
//! pledge, the members × themes matrix, the sources' agreement over time), drawn on the
//! server as SVG.

use std::collections::BTreeMap;

use comity_core::State;
use comity_core::ids::Day;
use comity_core::pledges::progress::{Alert, PledgeStatus, Status, status, status_at};
use comity_core::pledges::{Pledge, Pledger, Settings, Source, Theme};

use crate::i18n::Tr;
use crate::kit::chart::{Gridline, Tick, round};
use crate::kit::names::{organ_name, state_name};

/// The charter's settings for pledges.
pub fn settings(state: &State) -> Settings<'_> {
    Settings::of(state.charter.as_ref().map(|c| &c.charter))
}

/// Who made a pledge, by name, and where their page is.
pub fn pledger(state: &State, by: &Pledger) -> (String, String) {
    match by {
        Pledger::State(iso) => (state_name(state, iso), format!("/members/{iso}")),
        Pledger::Organ(o) => (organ_name(state, o), format!("/organs/{o}")),
        Pledger::Accredited(n) => (
            state
                .accreditations
                .get(n)
                .map_or_else(|| by.to_string(), |a| a.name.clone()),
            "/accreditations".to_owned(),
        ),
    }
}

pub fn status_word(tr: &Tr<'_>, s: Status) -> String {
    tr.t(&format!("pledges-status-{}", s.code().replace('_', "-")))
}

pub fn source_word(tr: &Tr<'_>, s: Source) -> String {
    tr.t(&format!("pledges-source-{}", s.code()))
}

pub fn theme_word(tr: &Tr<'_>, t: Option<Theme>) -> String {
    t.map_or_else(
        || tr.t("pledges-theme-none"),
        |t| tr.t(&format!("pledges-theme-{}", t.code().replace('_', "-"))),
    )
}

/// A fraction as a whole percentage, or a dash.
pub fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |x| format!("{:.0} %", x * 100.0))
}

/// One pledge in a list.
pub struct PledgeRow {
    pub id: String,
    pub by: String,
    pub by_link: String,
    pub title: String,
    pub theme: String,
    pub due: String,
    pub status: String,
    pub status_code: &'static str,
    pub progress: String,
    pub starred: bool,
    pub recycled_of: Option<String>,
    pub overdue: bool,
}

pub fn row(tr: &Tr<'_>, state: &State, p: &Pledge, today: Day) -> PledgeRow {
    let (st, alerts) = status_at(&settings(state), p, today);
    let (by, by_link) = pledger(state, &p.spec.by);
    PledgeRow {
        id: p.spec.id.clone(),
        by,
        by_link,
        title: p.spec.title.clone(),
        theme: theme_word(tr, p.spec.theme),
        due: p.spec.due.to_string(),
        status: status_word(tr, st.status),
        status_code: st.status.code(),
        progress: percent(st.progress),
        starred: st.starred,
        recycled_of: comity_core::pledges::recycled_of(state, &p.spec.id)
            .map(|q| q.spec.id.clone()),
        overdue: alerts.iter().any(|a| {
            matches!(
                a,
                Alert::OverduePledge { .. } | Alert::OverdueMilestone { .. }
            )
        }),
    }
}

/// An alert in words, with the pledge it is about.
pub struct AlertRow {
    pub pledge: String,
    pub by: String,
    pub text: String,
}

pub fn alert_row(tr: &Tr<'_>, state: &State, a: &Alert) -> AlertRow {
    let (by, _) = pledger(state, a.by());
    let text = match a {
        Alert::OverdueMilestone { milestone, due, .. } => tr.t2(
            "pledges-alert-milestone",
            "milestone",
            milestone.as_str(),
            "due",
            due.to_string(),
        ),
        Alert::OverduePledge { due, .. } => tr.t1("pledges-alert-overdue", "due", due.to_string()),
        Alert::Setback {
            indicator, source, ..
        } => tr.t2(
            "pledges-alert-setback",
            "indicator",
            indicator.as_str(),
            "source",
            source_word(tr, *source),
        ),
    };
    AlertRow {
        pledge: a.pledge().to_owned(),
        by,
        text,
    }
}

/// The alerts on the pledges of one pledger (a member's page), or all (an organ's agenda).
pub fn alert_rows(tr: &Tr<'_>, state: &State, today: Day, of: Option<&Pledger>) -> Vec<AlertRow> {
    comity_core::pledges::alerts(state, today)
        .iter()
        .filter(|a| of.is_none_or(|by| a.by() == by))
        .map(|a| alert_row(tr, state, a))
        .collect()
}

/// A polyline's points.
pub struct Line {
    pub color: &'static str,
    pub label: String,
    pub points: String,
    pub dots: Vec<(f64, f64)>,
    pub dashed: bool,
}

/// A line chart of progress (0 to 100 %) over dates.
pub struct ProgressChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub lines: Vec<Line>,
    pub gridlines: Vec<Gridline>,
    pub ticks: Vec<Tick>,
}

pub fn source_color(s: Source) -> &'static str {
    match s {
        Source::Own => "#1f4e8c",
        Source::Shadow => "#a0461b",
        Source::Independent => "#2a6b2e",
    }
}

/// The burn-up chart of a pledge: the planned straight line from baseline to target (dashed)
/// and each source's progress after each of its reports (the mean over the indicators it
/// had reported by then, each within 0 and 1).
pub fn burn_up(tr: &Tr<'_>, p: &Pledge, st: &PledgeStatus) -> Option<ProgressChart> {
    let first = p.spec.indicators.iter().map(|i| i.baseline.date).min()?;
    let planned_end = p.spec.indicators.iter().map(|i| i.target.date).max()?;
    let last_report = st
        .sources
        .iter()
        .flat_map(|v| {
            v.indicators
                .iter()
                .flat_map(|i| i.series.iter().map(|x| x.date))
        })
        .max();
    let last = last_report.map_or(planned_end, |d| d.max(planned_end));
    let (width, height) = (640.0, 240.0);
    let (left, right, top, bottom) = (48.0, 620.0, 14.0, 208.0);
    let span = (last.date() - first.date()).whole_days().max(1) as f64;
    let x = |d: Day| {
        round(left + (right - left) * (d.date() - first.date()).whole_days() as f64 / span)
    };
    let y = |v: f64| round(bottom - (bottom - top) * v.clamp(0.0, 1.0));
    let mut lines = vec![Line {
        color: "#555555",
        label: tr.t("pledges-chart-planned"),
        points: format!("{},{} {},{}", x(first), y(0.0), x(planned_end), y(1.0)),
        dots: Vec::new(),
        dashed: true,
    }];
    for v in &st.sources {
        // Each indicator's progress carried forward; the mean at each report date.
        let mut dates: Vec<Day> = v
            .indicators
            .iter()
            .flat_map(|i| i.series.iter().map(|x| x.date))
            .collect();
        dates.sort();
        dates.dedup();
        let dots: Vec<(f64, f64)> = dates
            .iter()
            .filter_map(|d| {
                let known: Vec<f64> = v
                    .indicators
                    .iter()
                    .filter_map(|i| i.series.iter().rev().find(|x| x.date <= *d))
                    .map(|x| x.progress.clamp(0.0, 1.0))
                    .collect();
                (!known.is_empty())
                    .then(|| (x(*d), y(known.iter().sum::<f64>() / known.len() as f64)))
            })
            .collect();
        if dots.is_empty() {
            continue;
        }
        lines.push(Line {
            color: source_color(v.source),
            label: source_word(tr, v.source),
            points: dots
                .iter()
                .map(|(a, b)| format!("{a},{b}"))
                .collect::<Vec<_>>()
                .join(" "),
            dots,
            dashed: false,
        });
    }
    let years = first.date().year()..=last.date().year();
    let ticks = years
        .filter_map(|yr| {
            let d =
                Day::from_date(time::Date::from_calendar_date(yr, time::Month::January, 1).ok()?);
            (d >= first && d <= last).then(|| Tick {
                x: x(d),
                label: yr.to_string(),
            })
        })
        .collect();
    Some(ProgressChart {
        width,
        height,
        left,
        right,
        top,
        bottom,
        lines,
        gridlines: [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&v| Gridline {
                y: y(v),
                label: format!("{:.0} %", v * 100.0),
            })
            .collect(),
        ticks,
    })
}

/// One cell of the members × themes matrix.
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub fill: &'static str,
    pub count: usize,
    pub title: String,
}

/// The members × themes matrix: a row for every member or organ that pledged, a column per
/// theme; a cell counts the pledges and takes the colour of the worst status
/// among them (disputed, off track, not started, on track, complete).
pub struct Matrix {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<(f64, String)>,
    pub rows: Vec<(f64, String)>,
    pub cells: Vec<Cell>,
    pub legend: Vec<(f64, &'static str, String)>,
    pub head: f64,
    pub cell_w: f64,
    pub cell_h: f64,
    pub label_w: f64,
}

pub fn status_color(s: Status) -> &'static str {
    match s {
        Status::Disputed => "#7b2d8b",
        Status::OffTrack => "#b3261e",
        Status::NotStarted => "#d08a00",
        Status::OnTrack => "#3a7d44",
        Status::Complete => "#1f4e8c",
        Status::NoReports => "#9a9a9a",
    }
}

/// Every member, then every other pledger, by name.
pub fn pledgers(state: &State) -> Vec<(Pledger, String)> {
    let mut out: Vec<(Pledger, String)> = state
        .members
        .keys()
        .map(|iso| (Pledger::State(iso.clone()), state_name(state, iso)))
        .collect();
    for p in state.pledges.pledges.values() {
        if !out.iter().any(|(by, _)| by == &p.spec.by) {
            out.push((p.spec.by.clone(), pledger(state, &p.spec.by).0));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

pub fn matrix(tr: &Tr<'_>, state: &State) -> Matrix {
    let settings = settings(state);
    // Only who pledged: the coverage table lists every member, with or without a pledge.
    let rows: Vec<(Pledger, String)> = pledgers(state)
        .into_iter()
        .filter(|(by, _)| state.pledges.pledges.values().any(|p| &p.spec.by == by))
        .collect();
    let themes: Vec<Option<Theme>> = Theme::ALL
        .iter()
        .map(|t| Some(*t))
        .chain(std::iter::once(None))
        .collect();
    let (label_w, cell_w, cell_h, head) = (200.0, 70.0, 20.0, 120.0);
    let mut by_cell: BTreeMap<(usize, usize), Vec<Status>> = BTreeMap::new();
    for p in state.pledges.pledges.values() {
        let Some(r) = rows.iter().position(|(by, _)| by == &p.spec.by) else {
            continue;
        };
        let c = themes
            .iter()
            .position(|t| *t == p.spec.theme)
            .unwrap_or(themes.len() - 1);
        by_cell
            .entry((r, c))
            .or_default()
            .push(status(&settings, p).status);
    }
    let mut cells = Vec::new();
    for (r, (_, name)) in rows.iter().enumerate() {
        for (c, theme) in themes.iter().enumerate() {
            let statuses = by_cell.get(&(r, c));
            let worst = statuses.and_then(|s| s.iter().min().copied());
            let count = statuses.map_or(0, Vec::len);
            cells.push(Cell {
                x: round(label_w + cell_w * c as f64),
                y: round(head + cell_h * r as f64),
                fill: worst.map_or("#f2f2f2", status_color),
                count,
                title: format!(
                    "{name} · {}: {}",
                    theme_word(tr, *theme),
                    worst.map_or_else(|| tr.t("pledges-no-pledge"), |s| status_word(tr, s))
                ),
            });
        }
    }
    let legend = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                round(8.0 + 105.0 * i as f64),
                status_color(*s),
                status_word(tr, *s),
            )
        })
        .collect();
    Matrix {
        width: (label_w + cell_w * themes.len() as f64 + 10.0).max(650.0),
        height: head + cell_h * rows.len() as f64 + 40.0,
        columns: themes
            .iter()
            .enumerate()
            .map(|(c, t)| {
                (
                    round(label_w + cell_w * (c as f64 + 0.5)),
                    theme_word(tr, *t),
                )
            })
            .collect(),
        rows: rows
            .iter()
            .enumerate()
            .map(|(r, (_, n))| (round(head + cell_h * (r as f64 + 0.5) + 4.0), n.clone()))
            .collect(),
        cells,
        legend,
        head,
        cell_w,
        cell_h,
        label_w,
    }
}

/// A pledge as it stood on `day`: only what was reported or rated by then.
fn as_of(p: &Pledge, day: Day) -> Pledge {
    let mut q = p.clone();
    q.reports.retain(|r| r.date <= day);
    q.ratings.retain(|r| r.date <= day);
    q
}

/// One bar of the agreement chart: at the end of a half-year, the pledges two or more
/// sources had assessed, and how many of them were disputed.
pub struct AgreementBar {
    pub x: f64,
    pub label: String,
    pub assessed_y: f64,
    pub assessed_h: f64,
    pub disputed_y: f64,
    pub disputed_h: f64,
    pub assessed: usize,
    pub disputed: usize,
}

pub struct AgreementChart {
    pub width: f64,
    pub height: f64,
    pub bottom: f64,
    pub bar_w: f64,
    pub bars: Vec<AgreementBar>,
    pub gridlines: Vec<Gridline>,
}

pub fn agreement(state: &State) -> Option<AgreementChart> {
    let settings = settings(state);
    let dates: Vec<Day> = state
        .pledges
        .pledges
        .values()
        .flat_map(|p| {
            p.reports
                .iter()
                .map(|r| r.date)
                .chain(p.ratings.iter().map(|r| r.date))
        })
        .collect();
    let (first, last) = (*dates.iter().min()?, *dates.iter().max()?);
    let mut halves = Vec::new();
    let mut year = first.date().year();
    while year <= last.date().year() {
        for (m, d, tag) in [
            (time::Month::June, 30, "H1"),
            (time::Month::December, 31, "H2"),
        ] {
            if let Ok(date) = time::Date::from_calendar_date(year, m, d) {
                let day = Day::from_date(date);
                if day >= first
                    && halves
                        .last()
                        .is_none_or(|(prev, _): &(Day, String)| *prev < last)
                {
                    halves.push((day, format!("{year} {tag}")));
                }
            }
        }
        year += 1;
    }
    let counts: Vec<(usize, usize)> = halves
        .iter()
        .map(|(day, _)| {
            let mut assessed = 0;
            let mut disputed = 0;
            for p in state.pledges.pledges.values() {
                let st = status(&settings, &as_of(p, *day));
                if st.sources.iter().filter(|v| v.verdict.is_some()).count() >= 2 {
                    assessed += 1;
                    disputed += usize::from(st.status == Status::Disputed);
                }
            }
            (assessed, disputed)
        })
        .collect();
    let top = counts.iter().map(|c| c.0).max().unwrap_or(0).max(1);
    let (height, bottom, top_px, left) = (220.0, 190.0, 12.0, 44.0);
    let bar_w = 36.0;
    let h = |n: usize| round((bottom - top_px) * n as f64 / top as f64);
    let bars = halves
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(i, ((_, label), (a, d)))| AgreementBar {
            x: round(left + 8.0 + (bar_w + 18.0) * i as f64),
            label: label.clone(),
            assessed_y: round(bottom - h(*a)),
            assessed_h: h(*a),
            disputed_y: round(bottom - h(*d)),
            disputed_h: h(*d),
            assessed: *a,
            disputed: *d,
        })
        .collect::<Vec<_>>();
    let step = top.div_ceil(4).max(1);
    Some(AgreementChart {
        width: left + 16.0 + (bar_w + 18.0) * bars.len() as f64,
        height,
        bottom,
        bar_w,
        gridlines: (0..=top)
            .step_by(step)
            .map(|n| Gridline {
                y: round(bottom - h(n)),
                label: n.to_string(),
            })
            .collect(),
        bars,
    })
}
