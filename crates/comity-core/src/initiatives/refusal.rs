//! Why an initiatives command was refused. Each case has a stable id: the API's problem type
//! and, prefixed with `refused-`, its message id in the translations.

use crate::ids::{Day, Iso3};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("the charter has no [initiatives] section: no initiative can be registered")]
    NoSpec,
    #[error("no table of the threshold applies to a registration on {day}")]
    NoTable { day: Day },
    #[error("the committee's members come from {have} member states; the charter requires {need}")]
    Committee { have: u32, need: u32 },
    #[error("{state} is not a member of the alliance")]
    NotAMember { state: Iso3 },
    #[error("there is no initiative {0}")]
    Unknown(u64),
    #[error("initiative {initiative} is {status}: {act} is not open")]
    WrongStatus {
        initiative: u64,
        status: &'static str,
        act: &'static str,
    },
    #[error("the collection of initiative {initiative} runs from {opens} to {closes}")]
    OutsidePeriod {
        initiative: u64,
        opens: Day,
        closes: Day,
    },
    #[error("the collection cannot open before the decision ({day})")]
    OpensTooEarly { day: Day },
    #[error("a batch must count at least one signature")]
    EmptyBatch,
    #[error("{state} has {valid} valid signatures; {asked} cannot be invalidated")]
    TooMany { state: Iso3, valid: u64, asked: u64 },
    #[error(
        "there is no invalidation {invalidation} of initiative {initiative}, or it is reversed"
    )]
    UnknownInvalidation { initiative: u64, invalidation: u64 },
    #[error("the sample's seed is published: the counts are frozen for the draw")]
    SeedPublished,
    #[error("publish the sample's seed before certifying")]
    NoSeed,
    #[error("a sample of {sample} from {population} valid signatures with {valid} valid cannot be")]
    BadSample {
        sample: u64,
        valid: u64,
        population: u64,
    },
    #[error("{state} is already certified")]
    AlreadyCertified { state: Iso3 },
    #[error("the seed must be 16 to 128 letters, digits or dashes")]
    BadSeed,
}

impl Refusal {
    /// The Fluent id and arguments of every case.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let s = |x: &dyn ToString| x.to_string();
        let args = match self {
            Self::NoSpec
            | Self::EmptyBatch
            | Self::SeedPublished
            | Self::NoSeed
            | Self::BadSeed => {
                vec![]
            }
            Self::NoTable { day } | Self::OpensTooEarly { day } => vec![("day", s(day))],
            Self::Committee { have, need } => vec![("have", s(have)), ("need", s(need))],
            Self::NotAMember { state } | Self::AlreadyCertified { state } => {
                vec![("state", s(state))]
            }
            Self::Unknown(i) => vec![("initiative", s(i))],
            Self::WrongStatus {
                initiative,
                status,
                act,
            } => vec![
                ("initiative", s(initiative)),
                ("status", s(status)),
                ("act", s(act)),
            ],
            Self::OutsidePeriod {
                initiative,
                opens,
                closes,
            } => vec![
                ("initiative", s(initiative)),
                ("opens", s(opens)),
                ("closes", s(closes)),
            ],
            Self::TooMany {
                state,
                valid,
                asked,
            } => vec![
                ("state", s(state)),
                ("valid", s(valid)),
                ("asked", s(asked)),
            ],
            Self::UnknownInvalidation {
                initiative,
                invalidation,
            } => vec![
                ("initiative", s(initiative)),
                ("invalidation", s(invalidation)),
            ],
            Self::BadSample {
                sample,
                valid,
                population,
            } => vec![
                ("sample", s(sample)),
                ("valid", s(valid)),
                ("population", s(population)),
            ],
        };
        Some((self.message_id(), args))
    }

    fn message_id(&self) -> &'static str {
        match self {
            Self::NoSpec => "refused-initiatives-no-spec",
            Self::NoTable { .. } => "refused-initiatives-no-table",
            Self::Committee { .. } => "refused-initiatives-committee",
            Self::NotAMember { .. } => "refused-initiatives-not-a-member",
            Self::Unknown(_) => "refused-initiatives-unknown",
            Self::WrongStatus { .. } => "refused-initiatives-wrong-status",
            Self::OutsidePeriod { .. } => "refused-initiatives-outside-period",
            Self::OpensTooEarly { .. } => "refused-initiatives-opens-too-early",
            Self::EmptyBatch => "refused-initiatives-empty-batch",
            Self::TooMany { .. } => "refused-initiatives-too-many",
            Self::UnknownInvalidation { .. } => "refused-initiatives-unknown-invalidation",
            Self::SeedPublished => "refused-initiatives-seed-published",
            Self::NoSeed => "refused-initiatives-no-seed",
            Self::BadSample { .. } => "refused-initiatives-bad-sample",
            Self::AlreadyCertified { .. } => "refused-initiatives-already-certified",
            Self::BadSeed => "refused-initiatives-bad-seed",
        }
    }

    /// Stable identifier, used in API problem types.
    pub fn id(&self) -> &'static str {
        self.message_id()
            .strip_prefix("refused-")
            .unwrap_or(self.message_id())
    }
}
