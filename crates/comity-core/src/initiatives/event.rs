//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Channel, CommitteeMember, Criterion};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Registered on `day`; the table in force from `table_from` is frozen with it.
    InitiativeRegistered {
        initiative: u64,
        title: String,
        objective: String,
        committee: Vec<CommitteeMember>,
        day: Day,
        table_from: Day,
    },
    InitiativeAdmissibilityDecided {
        initiative: u64,
        admissible: bool,
        reasons: String,
        day: Day,
        opens: Option<Day>,
        closes: Option<Day>,
    },
    SignaturesRecorded {
        initiative: u64,
        batch: u64,
        channel: Channel,
        counts: BTreeMap<Iso3, u64>,
        rows_sha256: Hash,
        sheets: u64,
        source: String,
        day: Day,
    },
    SignaturesInvalidated {
        initiative: u64,
        invalidation: u64,
        criterion: Criterion,
        counts: BTreeMap<Iso3, u64>,
        rows_sha256: Hash,
        note: String,
        day: Day,
    },
    InvalidationReversed {
        initiative: u64,
        invalidation: u64,
        reasons: String,
        day: Day,
    },
    /// The collection ended; `valid` is each member's count at that moment.
    CollectionClosed {
        initiative: u64,
        day: Day,
        valid: BTreeMap<Iso3, u64>,
    },
    SampleSeedPublished {
        initiative: u64,
        seed: String,
        day: Day,
    },
    /// A member certified: replay re-derives `lower_ppm` and `certified` from the rest.
    SignaturesCertified {
        initiative: u64,
        state: Iso3,
        population: u64,
        sample: u64,
        valid: u64,
        lower_ppm: u64,
        certified: u64,
        day: Day,
    },
    /// The verdict, re-derived on replay; a passing initiative is on the organ's agenda
    /// until `answer_by`.
    InitiativeVerdictDeclared {
        initiative: u64,
        passes: bool,
        total: u64,
        members_meeting_minimum: Vec<Iso3>,
        required_members: u32,
        day: Day,
        answer_by: Option<Day>,
    },
    InitiativeAnswered {
        initiative: u64,
        text: String,
        day: Day,
    },
}

impl Event {
    pub fn initiative(&self) -> u64 {
        match self {
            Self::InitiativeRegistered { initiative, .. }
            | Self::InitiativeAdmissibilityDecided { initiative, .. }
            | Self::SignaturesRecorded { initiative, .. }
            | Self::SignaturesInvalidated { initiative, .. }
            | Self::InvalidationReversed { initiative, .. }
            | Self::CollectionClosed { initiative, .. }
            | Self::SampleSeedPublished { initiative, .. }
            | Self::SignaturesCertified { initiative, .. }
            | Self::InitiativeVerdictDeclared { initiative, .. }
            | Self::InitiativeAnswered { initiative, .. } => *initiative,
        }
    }
}
