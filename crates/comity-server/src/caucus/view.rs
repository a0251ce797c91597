//! What the caucus page and API count: the query (years, issue, states), the members'
//! agreement matrix and its heat-map, the group's cohesion per session and its chart
//! (geometry here, SVG in the template).

pub use comity_caucus::Drift;
use comity_caucus::{Filter, Issues, Matrix, agreement, cohesion, drift, selection};
use serde::Deserialize;

use super::data::Record;
use crate::kit::chart::{Gridline, Tick, round};

/// `?from=&to=&issue=&states=` of the page and the API.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaucusQuery {
    /// First year counted (the roll call's date), inclusive.
    pub from: Option<i32>,
    /// Last year counted, inclusive.
    pub to: Option<i32>,
    /// Only roll calls on this issue: me, nu, di, hr, co or ec.
    pub issue: Option<String>,
    /// States by ISO3 code, comma-separated (default: the alliance's members).
    pub states: Option<String>,
    /// `json` (default) or `csv`, for the API's downloads.
    pub format: Option<String>,
}

/// A query that cannot be counted: the parameter and why.
pub type QueryError = (&'static str, String);

impl CaucusQuery {
    /// The roll calls counted.
    pub fn filter(&self) -> Result<Filter, QueryError> {
        let issue = match self
            .issue
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(code) => Some(Issues::bit(code).ok_or((
                "issue",
                format!("{code:?} is not an issue code (me, nu, di, hr, co, ec)"),
            ))?),
        };
        if let (Some(f), Some(t)) = (self.from, self.to)
            && f > t
        {
            return Err(("from", format!("{f} is after {t}")));
        }
        Ok(Filter {
            from: self.from,
            to: self.to,
            issue,
        })
    }

    /// The states counted: those named, or the alliance's members that have votes.
    pub fn states(
        &self,
        record: &Record,
        state: &comity_core::State,
    ) -> Result<Vec<usize>, QueryError> {
        match self
            .states
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(list) => {
                let mut out: Vec<usize> = Vec::new();
                for c in list.split(',').map(|c| c.trim().to_ascii_uppercase()) {
                    if c.is_empty() {
                        continue;
                    }
                    let at = record
                        .votes
                        .state(&c)
                        .ok_or(("states", format!("{c} has no vote in the record")))?;
                    // A state named twice is counted once.
                    if !out.contains(&at) {
                        out.push(at);
                    }
                }
                Ok(out)
            }
            None => {
                let mut members: Vec<(String, String, usize)> = state
                    .members
                    .keys()
                    .filter_map(|iso| {
                        let at = record.votes.state(iso.as_str())?;
                        let c = state.registry.country(iso)?;
                        Some((c.un_group.clone().unwrap_or_default(), c.name.clone(), at))
                    })
                    .collect();
                members.sort();
                Ok(members.into_iter().map(|(_, _, at)| at).collect())
            }
        }
    }
}

/// A state's record in the General Assembly, for its member page.
pub struct UnRecord {
    pub roll_calls: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub first_session: u32,
    pub last_session: u32,
    /// Mean agreement with the alliance's other members that have votes, and how many.
    pub with_members: Option<(f64, usize)>,
}

/// `iso3`'s votes in the record, if it has any.
pub fn un_record(record: &Record, state: &comity_core::State, iso3: &str) -> Option<UnRecord> {
    let v = &record.votes;
    let s = v.state(iso3)?;
    let ones = |sets: &Vec<Vec<u64>>| sets[s].iter().map(|w| w.count_ones()).sum::<u32>();
    let (yes, no, abstain) = (ones(&v.yes), ones(&v.no), ones(&v.abstain));
    let voted = |i: usize| v.vote(s, i).is_some();
    let first = (0..record.roll_calls.len()).find(|&i| voted(i))?;
    let last = (0..record.roll_calls.len()).rev().find(|&i| voted(i))?;
    let mut group = vec![s];
    group.extend(
        state
            .members
            .keys()
            .filter_map(|m| v.state(m.as_str()))
            .filter(|&m| m != s),
    );
    let m = matrix(record, &Filter::default(), &group);
    let shares: Vec<f64> = (1..group.len())
        .filter_map(|j| m.get(0, j).value())
        .collect();
    Some(UnRecord {
        roll_calls: yes + no + abstain,
        yes,
        no,
        abstain,
        first_session: record.roll_calls.list[first].session,
        last_session: record.roll_calls.list[last].session,
        with_members: (!shares.is_empty()).then(|| {
            (
                shares.iter().sum::<f64>() / shares.len() as f64,
                shares.len(),
            )
        }),
    })
}

/// The agreement matrix of `states` over the roll calls `filter` selects.
pub fn matrix(record: &Record, filter: &Filter, states: &[usize]) -> Matrix {
    let mask = selection(&record.roll_calls, &record.issues, filter);
    agreement(&record.votes, &mask, states)
}

/// The group's cohesion per session over the roll calls `filter` selects.
pub fn cohesion_of(
    record: &Record,
    filter: &Filter,
    group: &[usize],
) -> std::collections::BTreeMap<u32, f64> {
    let mask = selection(&record.roll_calls, &record.issues, filter);
    cohesion(&record.votes, &record.roll_calls, &mask, group)
}

/// The last sessions counted over which a member's drift is measured.
pub const DRIFT_SESSIONS: usize = 10;

/// Each state of `group`'s agreement with the group's majority per session, and its trend
/// over the last [`DRIFT_SESSIONS`] sessions counted.
pub fn drift_of(record: &Record, filter: &Filter, group: &[usize]) -> Vec<Drift> {
    let mask = selection(&record.roll_calls, &record.issues, filter);
    drift(
        &record.votes,
        &record.roll_calls,
        &mask,
        group,
        DRIFT_SESSIONS,
    )
}

/// The shades of the heat-map: agreement cut into eighths, darker for more.
pub const SHADES: usize = 8;

/// One shade's squares, as one SVG path (a few hundred kilobytes for 135 members where a
/// rectangle per pair would take megabytes).
pub struct Band {
    pub fill: String,
    /// "0.50–0.63", for the legend.
    pub range: String,
    pub path: String,
}

/// The agreement matrix as a heat-map: a row and a column per state, darker for more
/// agreement, white where two states never both voted.
pub struct HeatMap {
    /// The labels' font size: the cell's, so that the codes do not overlap (zoom to read).
    pub font: f64,
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub top: f64,
    /// (position, ISO3) of each row and column.
    pub labels: Vec<(f64, String)>,
    pub bands: Vec<Band>,
    /// The squares of pairs that never both voted.
    pub never: String,
}

/// A blue from white (0) to dark (1).
fn shade(a: f64) -> String {
    let t = a.clamp(0.0, 1.0);
    let mix = |lo: f64, hi: f64| (lo + (hi - lo) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(247.0, 8.0),
        mix(251.0, 48.0),
        mix(255.0, 107.0)
    )
}

pub fn heat_map(codes: &[String], m: &Matrix) -> HeatMap {
    let k = codes.len().max(1) as f64;
    let cell = round((640.0 / k).clamp(4.0, 18.0));
    let (left, top) = (40.0, 40.0);
    let mut paths = vec![String::new(); SHADES];
    let mut never = String::new();
    for i in 0..codes.len() {
        for j in 0..codes.len() {
            let a = m.get(i, j);
            let square = format!(
                "M{} {}h{cell}v{cell}h-{cell}z",
                round(left + j as f64 * cell),
                round(top + i as f64 * cell)
            );
            match a.value() {
                Some(v) => {
                    let b = ((v * SHADES as f64) as usize).min(SHADES - 1);
                    paths[b].push_str(&square);
                }
                None => never.push_str(&square),
            }
        }
    }
    let bands = paths
        .into_iter()
        .enumerate()
        .map(|(b, path)| {
            let (lo, hi) = (b as f64 / SHADES as f64, (b + 1) as f64 / SHADES as f64);
            Band {
                fill: shade((lo + hi) / 2.0),
                range: format!("{lo:.2}–{hi:.2}"),
                path,
            }
        })
        .collect();
    HeatMap {
        font: round((cell * 0.85).min(9.0)),
        width: round(left + k * cell + 10.0),
        height: round(top + k * cell + 10.0),
        left,
        top,
        labels: codes
            .iter()
            .enumerate()
            .map(|(i, c)| (round(i as f64 * cell + cell / 2.0), c.clone()))
            .collect(),
        bands,
        never,
    }
}

/// Cohesion per session as a line chart on [0, 1].
pub struct CohesionChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    pub points: String,
    pub dots: Vec<(f64, f64)>,
    pub gridlines: Vec<Gridline>,
    pub ticks: Vec<Tick>,
}

pub fn cohesion_chart(by_session: &std::collections::BTreeMap<u32, f64>) -> CohesionChart {
    let (width, height) = (720.0, 260.0);
    let (left, right, top, bottom) = (48.0, 700.0, 16.0, 228.0);
    let first = by_session.keys().next().copied().unwrap_or(1);
    let last = by_session
        .keys()
        .next_back()
        .copied()
        .unwrap_or(first)
        .max(first + 1);
    let x = |s: u32| round(left + (right - left) * f64::from(s - first) / f64::from(last - first));
    let y = |c: f64| round(bottom - (bottom - top) * c.clamp(0.0, 1.0));
    let dots: Vec<(f64, f64)> = by_session.iter().map(|(s, c)| (x(*s), y(*c))).collect();
    CohesionChart {
        width,
        height,
        left,
        right,
        top,
        bottom,
        points: dots
            .iter()
            .map(|(a, b)| format!("{a},{b}"))
            .collect::<Vec<_>>()
            .join(" "),
        dots,
        gridlines: [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&c| Gridline {
                y: y(c),
                label: format!("{c:.2}"),
            })
            .collect(),
        ticks: (first..=last)
            .filter(|s| s % 10 == 0 || *s == first || *s == last)
            .map(|s| Tick {
                x: x(s),
                label: s.to_string(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pair_falls_in_one_band() {
        let votes = comity_caucus::Votes::parse(
            "v",
            b"rcid,iso3,vote\n1,AAA,yes\n1,BBB,no\n2,AAA,yes\n",
            &comity_caucus::RollCalls::parse(
                "r",
                b"rcid,session,date\n1,1,1990-01-01\n2,1,1990-01-02\n",
            )
            .unwrap(),
            &|_| true,
        )
        .unwrap();
        let m = comity_caucus::agreement(&votes, &[u64::MAX], &[0, 1]);
        let h = heat_map(&["AAA".into(), "BBB".into()], &m);
        let squares = |s: &str| s.matches('M').count();
        // AAA–AAA and BBB–BBB agree fully; AAA–BBB never alike.
        assert_eq!(squares(&h.bands[SHADES - 1].path), 2);
        assert_eq!(squares(&h.bands[0].path), 2);
        assert!(h.never.is_empty());
    }

    #[test]
    fn shades_run_from_white_to_dark_blue() {
        assert_eq!(shade(0.0), "#f7fbff");
        assert_eq!(shade(1.0), "#08306b");
        assert_eq!(shade(2.0), shade(1.0));
    }

    #[test]
    fn the_chart_spans_the_sessions_counted() {
        let by: std::collections::BTreeMap<u32, f64> = [(30, 0.5), (40, 1.0)].into();
        let c = cohesion_chart(&by);
        assert_eq!(c.dots, vec![(48.0, 122.0), (700.0, 16.0)]);
        assert_eq!(c.ticks.len(), 2);
    }
}
