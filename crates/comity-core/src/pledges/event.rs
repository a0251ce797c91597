//! What the journal records of pledges: `kind` is the variant's snake_case name, `payload`
//! its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use super::{Level, PledgeSpec, Reading, Source};
use crate::auth::Role;
use crate::ids::Day;
use crate::journal::Hash;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A pledge was made.
    PledgeMade(PledgeSpec),
    /// A source reported on an indicator of a pledge.
    PledgeProgressReported {
        pledge: String,
        indicator: String,
        source: Source,
        role: Role,
        date: Day,
        #[serde(flatten)]
        reading: Reading,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// A source rated the completion of a pledge or of one of its milestones.
    PledgeCompletionAssessed {
        pledge: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        milestone: Option<String>,
        source: Source,
        role: Role,
        date: Day,
        level: Level,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// A file of pledges and reports was imported: its SHA-256 and what it added (the
    /// pledges and reports are the entries recorded with it).
    PledgesImported {
        import: u64,
        file: String,
        sha256: Hash,
        pledges: u64,
        reports: u64,
        ratings: u64,
    },
}

impl Event {
    /// The pledge an event concerns.
    pub fn pledge(&self) -> Option<&str> {
        match self {
            Self::PledgeMade(spec) => Some(&spec.id),
            Self::PledgeProgressReported { pledge, .. }
            | Self::PledgeCompletionAssessed { pledge, .. } => Some(pledge),
            Self::PledgesImported { .. } => None,
        }
    }
}
