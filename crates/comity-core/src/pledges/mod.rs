//! Members' pledges tracked to the milestone (seed 004: "clear, near-term interim milestones",
//! "follow-up, follow-up, follow-up"; the Summit for Democracy's written commitments).
//!
//! A pledge is made by a member state or an organ: its text, theme, due date, what it serves,
//! its milestones, its indicators (baseline, target, direction, kind) and its assessment at
//! pledge time on the Open Government Partnership IRM's scales. Three independent *source
//! lanes* report on it: the pledger's self-assessment, a shadow report by accredited civil
//! society, and the independent review by the organ the charter names. Every report is a
//! journal entry signed with its author's role. Progress, status, disagreement and the star
//! are derived (`progress.rs`), never recorded: replay re-derives every figure.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;

mod apply;
mod auth;
mod command;
mod decide;
pub mod document;
mod event;
pub mod file;
pub mod progress;
mod refusal;

pub use apply::apply;
pub use auth::authorize;
pub use command::{Command, ImportedPledge, NewAssessment, NewReport};
pub use decide::{Part, YEARS, check_imported, decide, field_of, lane_fits};
pub use event::Event;
pub use progress::{
    Alert, IndicatorStatus, PledgeStatus, SourceView, Status, Verdict, alerts, recycled_of, status,
    status_at,
};
pub use refusal::Refusal;

/// The seeds' pillars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Democratic resilience at home.
    Resilience,
    /// Defending democracy abroad.
    Abroad,
    AntiCorruption,
    HumanRights,
    Digital,
}

/// Reads a word of a closed scale: lower case, spaces and hyphens as underscores.
pub(crate) fn word(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

macro_rules! scale {
    ($ty:ident { $($v:ident = $code:literal $(| $alias:literal)*),* $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [Self] = &[$(Self::$v),*];
            pub fn code(self) -> &'static str {
                match self { $(Self::$v => $code),* }
            }
            /// Reads the code (case, spaces and hyphens aside).
            pub fn parse(s: &str) -> Option<Self> {
                match word(s).as_str() {
                    $($code $(| $alias)* => Some(Self::$v),)*
                    _ => None,
                }
            }
            /// The codes, for an error message.
            pub fn codes() -> String {
                [$($code),*].join(", ")
            }
        }
    };
}

scale!(Theme {
    Resilience = "resilience" | "democratic_resilience" | "democratic_resilience_at_home" | "resilience_at_home" | "home",
    Abroad = "abroad" | "defending_democracy" | "defending_democracy_abroad" | "democracy_abroad",
    AntiCorruption = "anti_corruption" | "corruption",
    HumanRights = "human_rights" | "rights",
    Digital = "digital" | "technology",
});

/// IRM: how verifiable and measurable the pledge is as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Specificity {
    None,
    Low,
    Medium,
    High,
}
scale!(Specificity { None = "none", Low = "low", Medium = "medium", High = "high" });

/// IRM: what the pledge would change if carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Impact {
    None,
    Minor,
    Moderate,
    Transformative,
}
scale!(Impact { None = "none", Minor = "minor", Moderate = "moderate", Transformative = "transformative" });

/// IRM: how far the pledge (or a milestone) was carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    NotStarted,
    Limited,
    Substantial,
    Complete,
}
scale!(Level { NotStarted = "not_started" | "none", Limited = "limited", Substantial = "substantial", Complete = "complete" | "completed" });

/// Who reports: the three lanes, never averaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The pledger's own assessment.
    #[serde(rename = "self")]
    Own,
    /// A shadow report by accredited civil society.
    Shadow,
    /// The review by the organ the charter names.
    Independent,
}
scale!(Source { Own = "self" | "self_assessment" | "government", Shadow = "shadow" | "civil_society", Independent = "independent" | "review" });

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}
scale!(Direction { Up = "up" | "increase", Down = "down" | "decrease" });

/// How an indicator's reports add up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A level measured at a date: the latest report is the value.
    Level,
    /// A count reported per period: the value is the baseline plus every report since.
    Cumulative,
    /// A ratio reported per period as numerator and denominator: the value is the sum of the
    /// numerators over the sum of the denominators (×100 when the unit is a percentage).
    Ratio,
}
scale!(IndicatorKind { Level = "level", Cumulative = "cumulative" | "cumulative_count", Ratio = "ratio" });

/// Who made a pledge: a state (ISO3), an organ (its charter id), or an accredited
/// organisation (`accredited:N`, its accreditation's number).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum Pledger {
    State(Iso3),
    Organ(String),
    Accredited(u64),
}

impl Pledger {
    /// Three capital letters are a state; `accredited:N` an accredited organisation;
    /// anything else an organ's id.
    pub fn parse(s: &str) -> Self {
        let s = s.trim();
        if let Ok(iso) = Iso3::parse(s) {
            return Self::State(iso);
        }
        match s.strip_prefix("accredited:").map(|n| n.trim().parse()) {
            Some(Ok(n)) => Self::Accredited(n),
            _ => Self::Organ(s.to_owned()),
        }
    }
    pub fn state(&self) -> Option<&Iso3> {
        match self {
            Self::State(iso) => Some(iso),
            Self::Organ(_) | Self::Accredited(_) => None,
        }
    }
}

impl fmt::Display for Pledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::State(iso) => write!(f, "{iso}"),
            Self::Organ(o) => f.write_str(o),
            Self::Accredited(n) => write!(f, "accredited:{n}"),
        }
    }
}
impl From<String> for Pledger {
    fn from(s: String) -> Self {
        Self::parse(&s)
    }
}
impl From<Pledger> for String {
    fn from(p: Pledger) -> Self {
        p.to_string()
    }
}

/// A number as written (decimal), so the journal's bytes never depend on float formatting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Amount {
    text: String,
    value: f64,
}

impl Amount {
    /// The largest magnitude a figure may have (sums of many stay finite).
    pub const MAX: f64 = 1e15;

    /// A finite decimal number of at most [`Self::MAX`]: `-12`, `0.45`, `1e6`.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        let ok_chars = !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
        let value: f64 = t
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && v.abs() <= Self::MAX)?;
        ok_chars.then(|| Self {
            text: t.to_owned(),
            value,
        })
    }
    pub fn from_f64(v: f64) -> Option<Self> {
        v.is_finite().then(|| Self {
            text: v.to_string(),
            value: v,
        })
    }
    pub fn value(&self) -> f64 {
        self.value
    }
    pub fn text(&self) -> &str {
        &self.text
    }
}
impl TryFrom<String> for Amount {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s).ok_or_else(|| format!("{s:?} is not a number"))
    }
}
impl From<Amount> for String {
    fn from(a: Amount) -> Self {
        a.text
    }
}
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A value at a date (an indicator's baseline or target).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub value: Amount,
    pub date: Day,
}

/// What a pledge serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// `declaration`, `motion`, `treaty`, `upr`, `sdg` or `other`.
    pub kind: String,
    pub reference: String,
}

/// The kinds of link.
pub const LINK_KINDS: [&str; 6] = ["declaration", "motion", "treaty", "upr", "sdg", "other"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: String,
    pub title: String,
    pub due: Day,
}

/// The IRM's assessment at pledge time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub specificity: Specificity,
    /// The open-government values it is relevant to (access to information, civic
    /// participation, public accountability, …); empty: not relevant.
    pub relevance: Vec<String>,
    pub potential_impact: Impact,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub unit: String,
    pub direction: Direction,
    pub kind: IndicatorKind,
    pub baseline: Point,
    pub target: Point,
}

impl Indicator {
    /// Ratios in a percentage unit are shown ×100.
    pub fn scale(&self) -> f64 {
        let u = self.unit.to_lowercase();
        if self.kind == IndicatorKind::Ratio && (u.contains('%') || u.contains("percent")) {
            100.0
        } else {
            1.0
        }
    }
}

/// A pledge as made: what the journal's `pledge_made` records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeSpec {
    pub id: String,
    pub by: Pledger,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<Theme>,
    pub due: Day,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    pub assessment: Assessment,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// An indicator's report for one period or date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Reading {
    Ratio {
        numerator: Amount,
        denominator: Amount,
    },
    Value {
        value: Amount,
    },
}

/// A report on an indicator, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub seq: u64,
    pub time: Timestamp,
    pub indicator: String,
    pub source: Source,
    pub role: Role,
    pub date: Day,
    pub reading: Reading,
    pub note: String,
}

/// A completion level given by a source, for the pledge or one milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub seq: u64,
    pub time: Timestamp,
    pub milestone: Option<String>,
    pub source: Source,
    pub role: Role,
    pub date: Day,
    pub level: Level,
    pub note: String,
}

/// A pledge and everything reported on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pledge {
    pub spec: PledgeSpec,
    pub seq: u64,
    pub time: Timestamp,
    pub reports: Vec<Report>,
    pub ratings: Vec<Rating>,
}

impl Pledge {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.spec.indicators.iter().find(|i| i.id == id)
    }
}

/// An import of pledges from a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PledgeImport {
    pub import: u64,
    pub seq: u64,
    pub file: String,
    pub sha256: Hash,
    pub pledges: u64,
    pub reports: u64,
    pub ratings: u64,
}

/// The pledges of the alliance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pledges {
    pub pledges: BTreeMap<String, Pledge>,
    pub imports: Vec<PledgeImport>,
}

/// The charter's settings for pledges, or the defaults (`[pledges]`).
pub struct Settings<'a> {
    /// The organ whose agenda takes the alerts.
    pub organ: Option<&'a str>,
    /// The organ whose seat holders file the independent review.
    pub reviewer: Option<&'a str>,
    /// The source roll-ups and the star use.
    pub designated: Source,
}

impl<'a> Settings<'a> {
    pub fn of(charter: Option<&'a crate::charter::Charter>) -> Self {
        let spec = charter.and_then(|c| c.pledges.as_ref());
        Self {
            organ: spec.and_then(|p| p.organ.as_deref()).or_else(|| {
                charter.and_then(|c| {
                    c.organs
                        .iter()
                        .find(|o| o.kind == crate::charter::OrganKind::Council)
                        .map(|o| o.id.as_str())
                })
            }),
            reviewer: spec.and_then(|p| p.reviewer.as_deref()).or_else(|| {
                charter.and_then(|c| {
                    c.organs
                        .iter()
                        .find(|o| o.kind == crate::charter::OrganKind::Secretariat)
                        .map(|o| o.id.as_str())
                })
            }),
            designated: spec
                .and_then(|p| p.rollup.as_deref())
                .and_then(Source::parse)
                .unwrap_or(Source::Independent),
        }
    }
}
