//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, Timestamp};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    ElectionOpened {
        election: u64,
        organ: String,
        title: String,
        method: String,
        seats: u32,
        candidates: Vec<String>,
        closes_at: Timestamp,
        seed: u64,
        electorate: Vec<Iso3>,
    },
    /// A state voted; what it voted is not recorded.
    BallotCast { election: u64, state: Iso3 },
    /// Ballots cast on paper were put in the ballot box: the states that voted (from the
    /// register), how many ballots, and the tellers' file they came from.
    PaperBallotsRecorded {
        election: u64,
        states: Vec<Iso3>,
        ballots: u64,
        source: String,
    },
    /// The ballots, grouped and sorted (no link to voters), and the elected.
    ElectionCounted {
        election: u64,
        ballots: crate::election::Ballots,
        elected: Vec<String>,
        by_lot: bool,
    },
}

impl Event {
    /// The election the event concerns.
    pub fn election(&self) -> u64 {
        match self {
            Self::ElectionOpened { election, .. }
            | Self::BallotCast { election, .. }
            | Self::PaperBallotsRecorded { election, .. }
            | Self::ElectionCounted { election, .. } => *election,
        }
    }
}
