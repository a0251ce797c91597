//! Progress, status, disagreement, the star and alerts, derived from what the sources
//! reported. Nothing here is recorded: replay re-derives every figure.
//!
//! - An indicator's value from one source's reports: a **level** is its latest report; a
//!   **cumulative** count is the baseline plus every report (each a period's count); a
//!   **ratio** is the sum of the numerators over the sum of the denominators (30/100 then
//!   45/50 is 75/150, not the mean of 30 % and 90 %), ×100 in a percentage unit.
//! - Its progress is the fraction of the way from baseline to target: (value − baseline) /
//!   (target − baseline), so a descending indicator from 40 to 10 at 25 is 0.5. A pledge's
//!   progress is the mean of its indicators' progress, each held within 0 and 1, each read
//!   from the designated source or, where it did not report the indicator, from the next
//!   that did (independent, shadow, self); indicators nobody reported are left out.
//! - A source's verdict: `complete` when it rated the pledge complete (or, rating nothing,
//!   every indicator reached its target); else `on_track` when its progress is at least the
//!   share of the time from baseline to target passed at its reports' dates, less ten
//!   points (`ON_TRACK_MARGIN`), `off_track` when further behind; with no indicator reported, its rating decides (not started, limited: off
//!   track, substantial: on track).
//! - **Disputed** when two sources' latest ratings differ, or what their numbers say differs
//!   (complete, on track, off track: like with like, never a rating against numbers): every
//!   source is shown, never averaged. Numbers that move below the baseline are off track. Otherwise the status is the designated source's
//!   verdict (the charter's `[pledges] rollup`, by default the independent review), or the
//!   next source that reported (independent, shadow, self).
//! - **Starred** (the IRM's rule): specificity medium or high, relevant to a value,
//!   potential impact moderate or transformative, and the latest rating substantial or
//!   complete, of the designated source or, where it rated nothing, of the next that did.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Impact, Indicator, IndicatorKind, Level, Pledge, Pledger, Reading, Report, Settings, Source,
    Specificity,
};
use crate::ids::Day;
use crate::state::State;

/// How far behind the straight line from baseline to target a pledge may be and still be
/// on track: ten percentage points of the way.
pub const ON_TRACK_MARGIN: f64 = 0.1;

/// One source's verdict on a pledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    NotStarted,
    OffTrack,
    OnTrack,
    Complete,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::OffTrack => "off_track",
            Self::OnTrack => "on_track",
            Self::Complete => "complete",
        }
    }
}

/// A pledge's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Disputed,
    OffTrack,
    NotStarted,
    OnTrack,
    Complete,
    /// No source has reported.
    NoReports,
}

impl Status {
    pub const ALL: [Self; 6] = [
        Self::Disputed,
        Self::OffTrack,
        Self::NotStarted,
        Self::OnTrack,
        Self::Complete,
        Self::NoReports,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::Disputed => "disputed",
            Self::OffTrack => "off_track",
            Self::NotStarted => "not_started",
            Self::OnTrack => "on_track",
            Self::Complete => "complete",
            Self::NoReports => "no_reports",
        }
    }
    fn of(v: Verdict) -> Self {
        match v {
            Verdict::NotStarted => Self::NotStarted,
            Verdict::OffTrack => Self::OffTrack,
            Verdict::OnTrack => Self::OnTrack,
            Verdict::Complete => Self::Complete,
        }
    }
}

/// One point of an indicator's series as one source reported it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub date: Day,
    pub value: f64,
    /// Fraction of the way from baseline to target (not held within 0 and 1).
    pub progress: f64,
    /// The share of the time from baseline to target passed at `date`.
    pub expected: f64,
}

/// An indicator as one source reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorStatus {
    pub id: String,
    /// After each report, in date order.
    pub series: Vec<Point>,
    /// The latest point moved away from the target.
    pub setback: bool,
}

impl IndicatorStatus {
    pub fn latest(&self) -> Option<&Point> {
        self.series.last()
    }
}

/// What one source says of a pledge.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceView {
    pub source: Source,
    pub indicators: Vec<IndicatorStatus>,
    /// Mean progress over the indicators it reported, each within 0 and 1.
    pub progress: Option<f64>,
    /// Its latest rating of the pledge, and its date.
    pub level: Option<(Level, Day)>,
    /// Its latest rating of each milestone.
    pub milestones: BTreeMap<String, Level>,
    /// The date of its latest report or rating.
    pub date: Option<Day>,
    /// What its indicator reports alone say.
    pub numbers: Option<Verdict>,
    /// Its verdict: its rating of complete, else its numbers, else its rating.
    pub verdict: Option<Verdict>,
}

/// A pledge's derived status.
#[derive(Debug, Clone, PartialEq)]
pub struct PledgeStatus {
    pub progress: Option<f64>,
    pub status: Status,
    /// The source the status comes from.
    pub used: Option<Source>,
    /// The reading each indicator's progress comes from: the first source in the same order
    /// that reported it.
    pub readings: Vec<(String, Source, Point)>,
    /// Each source that reported, in the order self, shadow, independent.
    pub sources: Vec<SourceView>,
    pub starred: bool,
    /// The milestones' levels as the roll-up reads them (the designated source's, else the
    /// latest of any).
    pub milestones: BTreeMap<String, Level>,
    /// Indicators whose latest report (by any source) moved away from the target.
    pub setbacks: Vec<(String, Source)>,
}

impl PledgeStatus {
    pub fn source(&self, s: Source) -> Option<&SourceView> {
        self.sources.iter().find(|v| v.source == s)
    }
}

fn fraction(ind: &Indicator, value: f64) -> f64 {
    let (b, t) = (ind.baseline.value.value(), ind.target.value.value());
    (value - b) / (t - b)
}

fn elapsed(ind: &Indicator, date: Day) -> f64 {
    let span = (ind.target.date.date() - ind.baseline.date.date()).whole_days();
    let done = (date.date() - ind.baseline.date.date()).whole_days();
    if span <= 0 {
        1.0
    } else {
        (done as f64 / span as f64).clamp(0.0, 1.0)
    }
}

/// The value of an indicator after each of `reports` (one source's, in date order).
pub fn series(ind: &Indicator, reports: &[&Report]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::new();
    let (mut sum, mut num, mut den) = (ind.baseline.value.value(), 0.0, 0.0);
    for r in reports {
        let value = match (&r.reading, ind.kind) {
            (Reading::Value { value }, IndicatorKind::Level) => value.value(),
            (Reading::Value { value }, IndicatorKind::Cumulative) => {
                sum += value.value();
                sum
            }
            (
                Reading::Ratio {
                    numerator,
                    denominator,
                },
                IndicatorKind::Ratio,
            ) => {
                num += numerator.value();
                den += denominator.value();
                if den <= 0.0 {
                    continue;
                }
                num / den * ind.scale()
            }
            _ => continue,
        };
        let point = Point {
            date: r.date,
            value,
            progress: fraction(ind, value),
            expected: elapsed(ind, r.date),
        };
        // Two reports of one date: the later entry stands (a level); periods add up.
        match out.last_mut() {
            Some(last) if last.date == r.date => *last = point,
            _ => out.push(point),
        }
    }
    out
}

fn latest_rating(
    p: &Pledge,
    source: Option<Source>,
    milestone: Option<&str>,
) -> Option<(Level, Day)> {
    p.ratings
        .iter()
        .filter(|r| source.is_none_or(|s| r.source == s) && r.milestone.as_deref() == milestone)
        .max_by_key(|r| (r.date, r.seq))
        .map(|r| (r.level, r.date))
}

fn source_view(p: &Pledge, source: Source) -> Option<SourceView> {
    let mine: Vec<&Report> = {
        let mut v: Vec<&Report> = p.reports.iter().filter(|r| r.source == source).collect();
        v.sort_by_key(|r| (r.date, r.seq));
        v
    };
    let has_ratings = p.ratings.iter().any(|r| r.source == source);
    if mine.is_empty() && !has_ratings {
        return None;
    }
    let indicators: Vec<IndicatorStatus> = p
        .spec
        .indicators
        .iter()
        .filter_map(|ind| {
            let of: Vec<&Report> = mine
                .iter()
                .copied()
                .filter(|r| r.indicator == ind.id)
                .collect();
            let series = series(ind, &of);
            // Farther from the target than the report before, or than the baseline.
            let setback = match series.as_slice() {
                [.., a, b] => b.progress < a.progress,
                [b] => b.progress < 0.0,
                [] => false,
            };
            (!series.is_empty()).then(|| IndicatorStatus {
                id: ind.id.clone(),
                series,
                setback,
            })
        })
        .collect();
    let latest: Vec<&Point> = indicators.iter().filter_map(|i| i.latest()).collect();
    let mean = |f: &dyn Fn(&Point) -> f64| {
        (!latest.is_empty()).then(|| latest.iter().map(|p| f(p)).sum::<f64>() / latest.len() as f64)
    };
    let progress = mean(&|p| p.progress.clamp(0.0, 1.0));
    let expected = mean(&|p| p.expected);
    let level = latest_rating(p, Some(source), None);
    let all_at_target = !p.spec.indicators.is_empty()
        && latest.len() == p.spec.indicators.len()
        && latest.iter().all(|x| x.progress >= 1.0);
    // What its numbers say: at target, moving away from it, or against the straight line.
    let numbers = match (progress, expected) {
        (Some(_), _) if all_at_target => Some(Verdict::Complete),
        (Some(_), _) if latest.iter().any(|x| x.progress < 0.0) => Some(Verdict::OffTrack),
        (Some(pr), Some(ex)) => Some(if pr + ON_TRACK_MARGIN + 1e-9 >= ex {
            Verdict::OnTrack
        } else {
            Verdict::OffTrack
        }),
        _ => None,
    };
    let verdict = match (level.map(|l| l.0), numbers) {
        (Some(Level::Complete), _) => Some(Verdict::Complete),
        (_, Some(n)) => Some(n),
        (Some(Level::NotStarted), None) => Some(Verdict::NotStarted),
        (Some(Level::Limited), None) => Some(Verdict::OffTrack),
        (Some(Level::Substantial), None) => Some(Verdict::OnTrack),
        (None, None) => None,
    };
    let milestones = p
        .spec
        .milestones
        .iter()
        .filter_map(|m| latest_rating(p, Some(source), Some(&m.id)).map(|(l, _)| (m.id.clone(), l)))
        .collect();
    let date = mine
        .iter()
        .map(|r| r.date)
        .chain(
            p.ratings
                .iter()
                .filter(|r| r.source == source)
                .map(|r| r.date),
        )
        .max();
    Some(SourceView {
        source,
        indicators,
        progress,
        level,
        milestones,
        date,
        numbers,
        verdict,
    })
}

/// The order in which sources stand in for the designated one.
fn preference(designated: Source) -> [Source; 4] {
    [designated, Source::Independent, Source::Shadow, Source::Own]
}

/// A pledge's status, as of everything reported (no clock: see [`status_at`] for overdue).
pub fn status(settings: &Settings<'_>, p: &Pledge) -> PledgeStatus {
    let sources: Vec<SourceView> = Source::ALL
        .iter()
        .filter_map(|s| source_view(p, *s))
        .collect();
    // Like with like: ratings against ratings, numbers against numbers.
    let numbers: BTreeSet<Verdict> = sources.iter().filter_map(|s| s.numbers).collect();
    let levels: BTreeSet<Level> = sources
        .iter()
        .filter_map(|s| s.level.map(|l| l.0))
        .collect();
    let disputed = numbers.len() > 1 || levels.len() > 1;
    let order = preference(settings.designated);
    let pick = |f: &dyn Fn(&SourceView) -> bool| {
        order
            .into_iter()
            .find(|s| sources.iter().any(|v| v.source == *s && f(v)))
    };
    let used = pick(&|v| v.verdict.is_some());
    let view = |s: Option<Source>| s.and_then(|s| sources.iter().find(|v| v.source == s));
    let status = if disputed {
        Status::Disputed
    } else {
        view(used)
            .and_then(|v| v.verdict)
            .map_or(Status::NoReports, Status::of)
    };
    // Each indicator from the first source in that order that reported it.
    let readings: Vec<(String, Source, Point)> = p
        .spec
        .indicators
        .iter()
        .filter_map(|ind| {
            order.into_iter().find_map(|s| {
                let v = view(Some(s))?;
                let point = v.indicators.iter().find(|i| i.id == ind.id)?.latest()?;
                Some((ind.id.clone(), s, *point))
            })
        })
        .collect();
    let progress = if readings.is_empty() {
        match view(used).and_then(|v| v.verdict) {
            Some(Verdict::Complete) => Some(1.0),
            Some(Verdict::NotStarted) => Some(0.0),
            _ => None,
        }
    } else {
        let sum: f64 = readings.iter().map(|r| r.2.progress.clamp(0.0, 1.0)).sum();
        Some(sum / readings.len() as f64)
    };
    // The star reads the designated source's rating, else the next that rated.
    let rated = view(pick(&|v| v.level.is_some())).and_then(|v| v.level.map(|l| l.0));
    let a = &p.spec.assessment;
    let starred = a.specificity >= Specificity::Medium
        && !a.relevance.is_empty()
        && a.potential_impact >= Impact::Moderate
        && rated.is_some_and(|l| l >= Level::Substantial);
    let milestones = p
        .spec
        .milestones
        .iter()
        .filter_map(|m| {
            latest_rating(p, Some(settings.designated), Some(&m.id))
                .or_else(|| latest_rating(p, None, Some(&m.id)))
                .map(|(l, _)| (m.id.clone(), l))
        })
        .collect();
    let setbacks = sources
        .iter()
        .flat_map(|v| {
            v.indicators
                .iter()
                .filter(|i| i.setback)
                .map(move |i| (i.id.clone(), v.source))
        })
        .collect();
    PledgeStatus {
        progress,
        status,
        used,
        readings,
        sources,
        starred,
        milestones,
        setbacks,
    }
}

/// What needs the responsible organ's attention on `today`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// A milestone past its due date and not complete.
    OverdueMilestone {
        pledge: String,
        by: Pledger,
        milestone: String,
        due: Day,
    },
    /// A pledge past its due date and not complete.
    OverduePledge {
        pledge: String,
        by: Pledger,
        due: Day,
    },
    /// An indicator's latest report moved away from its target.
    Setback {
        pledge: String,
        by: Pledger,
        indicator: String,
        source: Source,
    },
}

impl Alert {
    pub fn pledge(&self) -> &str {
        match self {
            Self::OverdueMilestone { pledge, .. }
            | Self::OverduePledge { pledge, .. }
            | Self::Setback { pledge, .. } => pledge,
        }
    }
    pub fn by(&self) -> &Pledger {
        match self {
            Self::OverdueMilestone { by, .. }
            | Self::OverduePledge { by, .. }
            | Self::Setback { by, .. } => by,
        }
    }
}

/// A pledge's status with what is overdue on `today`.
pub fn status_at(settings: &Settings<'_>, p: &Pledge, today: Day) -> (PledgeStatus, Vec<Alert>) {
    let st = status(settings, p);
    let by = || p.spec.by.clone();
    let mut alerts = Vec::new();
    if p.spec.due < today && st.status != Status::Complete {
        alerts.push(Alert::OverduePledge {
            pledge: p.spec.id.clone(),
            by: by(),
            due: p.spec.due,
        });
    }
    for m in &p.spec.milestones {
        if m.due < today && st.milestones.get(&m.id) != Some(&Level::Complete) {
            alerts.push(Alert::OverdueMilestone {
                pledge: p.spec.id.clone(),
                by: by(),
                milestone: m.id.clone(),
                due: m.due,
            });
        }
    }
    for (indicator, source) in &st.setbacks {
        alerts.push(Alert::Setback {
            pledge: p.spec.id.clone(),
            by: by(),
            indicator: indicator.clone(),
            source: *source,
        });
    }
    (st, alerts)
}

/// Every alert on `today`, pledge by pledge.
pub fn alerts(state: &State, today: Day) -> Vec<Alert> {
    let settings = Settings::of(state.charter.as_ref().map(|c| &c.charter));
    state
        .pledges
        .pledges
        .values()
        .flat_map(|p| status_at(&settings, p, today).1)
        .collect()
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// An earlier pledge of the same pledger that this one nearly repeats ("recycled"): the
/// words of title and text overlap by at least 60 % (Jaccard).
pub fn recycled_of<'a>(state: &'a State, id: &str) -> Option<&'a Pledge> {
    let p = state.pledges.pledges.get(id)?;
    let mine = words(&format!("{} {}", p.spec.title, p.spec.text));
    if mine.is_empty() {
        return None;
    }
    state
        .pledges
        .pledges
        .values()
        .filter(|q| q.spec.by == p.spec.by && q.seq < p.seq)
        .filter(|q| {
            let theirs = words(&format!("{} {}", q.spec.title, q.spec.text));
            let common = mine.intersection(&theirs).count();
            let all = mine.union(&theirs).count();
            all > 0 && common as f64 / all as f64 >= 0.6
        })
        .max_by_key(|q| q.seq)
}
