//! Why an act on pledges was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations. Every case names the pledge
//! and the field it is about.

use crate::ids::Day;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("there is no pledge {pledge:?}")]
    UnknownPledge { pledge: String },
    #[error("pledge {pledge:?} is already recorded")]
    PledgeExists { pledge: String },
    #[error(
        "pledge {pledge:?} is already recorded with a different {field}: a pledge is not changed by an import"
    )]
    Differs { pledge: String, field: String },
    #[error("{field}: {value:?} is not an id (1 to 64 letters, digits, '.', '_' or '-')")]
    BadId { field: String, value: String },
    #[error(
        "by: {by:?} is neither a state the registry knows (ISO3), an organ of the charter, nor an accredited organisation (accredited:N)"
    )]
    UnknownPledger { by: String },
    #[error("pledge {pledge:?} has no indicator {indicator:?}")]
    UnknownIndicator { pledge: String, indicator: String },
    #[error("pledge {pledge:?} has no milestone {milestone:?}")]
    UnknownMilestone { pledge: String, milestone: String },
    #[error("pledge {pledge:?}: {field} {id:?} is given twice")]
    Repeated {
        pledge: String,
        field: String,
        id: String,
    },
    #[error(
        "pledge {pledge:?}, indicator {indicator:?}: target.value equals baseline.value, so no progress can be measured"
    )]
    TargetIsBaseline { pledge: String, indicator: String },
    #[error(
        "pledge {pledge:?}, indicator {indicator:?}: target.date must come after baseline.date"
    )]
    TargetNotAfterBaseline { pledge: String, indicator: String },
    #[error(
        "pledge {pledge:?}, indicator {indicator:?}: direction is {direction} but the target lies the other way from the baseline"
    )]
    AgainstDirection {
        pledge: String,
        indicator: String,
        direction: String,
    },
    #[error(
        "pledge {pledge:?}, indicator {indicator:?}: a report dated {date} is before the baseline ({baseline})"
    )]
    BeforeBaseline {
        pledge: String,
        indicator: String,
        date: Day,
        baseline: Day,
    },
    #[error("pledge {pledge:?}, indicator {indicator:?}: a {kind} indicator is reported {}", if .expected == "ratio" { "with numerator and denominator" } else { "with a value" })]
    WrongReading {
        pledge: String,
        indicator: String,
        kind: String,
        expected: String,
    },
    #[error("pledge {pledge:?}, indicator {indicator:?}: denominator must be above zero")]
    ZeroDenominator { pledge: String, indicator: String },
    #[error(
        "pledge {pledge:?}, indicator {indicator:?}: a cumulative count cannot be reported negative"
    )]
    NegativeCount { pledge: String, indicator: String },
    #[error(
        "source {lane_of}: the role {role} does not file {lane_of} reports on a pledge by {by} ({lane})"
    )]
    WrongLane {
        lane_of: String,
        role: String,
        by: String,
        lane: String,
    },
    #[error(
        "pledge {pledge:?}, indicator {indicator:?}: a cumulative count only grows, so its direction is up"
    )]
    DownwardCount { pledge: String, indicator: String },
    #[error("{field}: {date} is outside the years 1900 to 2200")]
    DateOutOfRange { field: String, date: Day },
    #[error("link: {kind:?} is not a kind of link (declaration, motion, treaty, upr, sdg, other)")]
    BadLink { kind: String },
    #[error("this file was imported already (import {import})")]
    AlreadyImported { import: u64 },
    #[error("the import holds no pledges")]
    EmptyImport,
    #[error("everything in this file is recorded already")]
    NothingNew,
}

impl Refusal {
    /// The Fluent id and arguments of every case.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let s = |v: &str| v.to_owned();
        let args = match self {
            Self::UnknownPledge { pledge } | Self::PledgeExists { pledge } => {
                vec![("pledge", s(pledge))]
            }
            Self::Differs { pledge, field } => vec![("pledge", s(pledge)), ("field", s(field))],
            Self::BadId { field, value } => vec![("field", s(field)), ("value", s(value))],
            Self::UnknownPledger { by } => vec![("by", s(by))],
            Self::UnknownIndicator { pledge, indicator }
            | Self::TargetIsBaseline { pledge, indicator }
            | Self::TargetNotAfterBaseline { pledge, indicator }
            | Self::ZeroDenominator { pledge, indicator }
            | Self::NegativeCount { pledge, indicator }
            | Self::DownwardCount { pledge, indicator } => {
                vec![("pledge", s(pledge)), ("indicator", s(indicator))]
            }
            Self::UnknownMilestone { pledge, milestone } => {
                vec![("pledge", s(pledge)), ("milestone", s(milestone))]
            }
            Self::Repeated { pledge, field, id } => {
                vec![("pledge", s(pledge)), ("field", s(field)), ("id", s(id))]
            }
            Self::AgainstDirection {
                pledge,
                indicator,
                direction,
            } => vec![
                ("pledge", s(pledge)),
                ("indicator", s(indicator)),
                ("direction", s(direction)),
            ],
            Self::BeforeBaseline {
                pledge,
                indicator,
                date,
                baseline,
            } => vec![
                ("pledge", s(pledge)),
                ("indicator", s(indicator)),
                ("date", date.to_string()),
                ("baseline", baseline.to_string()),
            ],
            Self::WrongReading {
                pledge,
                indicator,
                kind,
                expected,
            } => vec![
                ("pledge", s(pledge)),
                ("indicator", s(indicator)),
                ("kind", s(kind)),
                ("expected", s(expected)),
            ],
            Self::WrongLane {
                lane_of,
                role,
                by,
                lane,
            } => vec![
                ("source", s(lane_of)),
                ("role", s(role)),
                ("by", s(by)),
                ("lane", s(lane)),
            ],
            Self::BadLink { kind } => vec![("kind", s(kind))],
            Self::DateOutOfRange { field, date } => {
                vec![("field", s(field)), ("date", date.to_string())]
            }
            Self::AlreadyImported { import } => vec![("import", import.to_string())],
            Self::EmptyImport | Self::NothingNew => vec![],
        };
        Some((self.message_id(), args))
    }

    fn message_id(&self) -> &'static str {
        match self {
            Self::UnknownPledge { .. } => "refused-pledge-unknown",
            Self::PledgeExists { .. } => "refused-pledge-exists",
            Self::Differs { .. } => "refused-pledge-differs",
            Self::BadId { .. } => "refused-pledge-bad-id",
            Self::UnknownPledger { .. } => "refused-pledge-unknown-pledger",
            Self::UnknownIndicator { .. } => "refused-pledge-unknown-indicator",
            Self::UnknownMilestone { .. } => "refused-pledge-unknown-milestone",
            Self::Repeated { .. } => "refused-pledge-repeated",
            Self::TargetIsBaseline { .. } => "refused-pledge-target-is-baseline",
            Self::TargetNotAfterBaseline { .. } => "refused-pledge-target-not-after-baseline",
            Self::AgainstDirection { .. } => "refused-pledge-against-direction",
            Self::BeforeBaseline { .. } => "refused-pledge-before-baseline",
            Self::WrongReading { .. } => "refused-pledge-wrong-reading",
            Self::ZeroDenominator { .. } => "refused-pledge-zero-denominator",
            Self::NegativeCount { .. } => "refused-pledge-negative-count",
            Self::WrongLane { .. } => "refused-pledge-wrong-lane",
            Self::BadLink { .. } => "refused-pledge-bad-link",
            Self::DownwardCount { .. } => "refused-pledge-downward-count",
            Self::DateOutOfRange { .. } => "refused-pledge-date-out-of-range",
            Self::AlreadyImported { .. } => "refused-pledge-already-imported",
            Self::EmptyImport => "refused-pledge-empty-import",
            Self::NothingNew => "refused-pledge-nothing-new",
        }
    }

    /// Stable identifier, used in API problem types.
    pub fn id(&self) -> &'static str {
        self.message_id()
            .strip_prefix("refused-")
            .unwrap_or(self.message_id())
    }
}
