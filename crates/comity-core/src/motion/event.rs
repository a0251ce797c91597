//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use comity_voting::rules::{Tally, Vote};

use crate::ids::{Iso3, Timestamp};
use crate::motion::{Item, Seat};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    MotionTabled {
        motion: u64,
        organ: String,
        decision: String,
        title: String,
        text: String,
        sponsor: Seat,
    },
    MotionCosponsored {
        motion: u64,
        seat: Seat,
    },
    AmendmentTabled {
        motion: u64,
        amendment: u32,
        title: String,
        text: String,
        group: Option<String>,
        sponsor: Seat,
    },
    MotionWithdrawn {
        motion: u64,
    },
    AmendmentWithdrawn {
        motion: u64,
        amendment: u32,
    },
    DebateOpened {
        motion: u64,
    },
    /// A roll call opened on `item` for the states seated in the organ.
    VoteOpened {
        motion: u64,
        item: Item,
        closes_at: Timestamp,
        electorate: Vec<Iso3>,
        order: Vec<u32>,
    },
    VoteCast {
        motion: u64,
        item: Item,
        state: Iso3,
        vote: Vote,
    },
    /// The roll call closed with this tally; `lapsed` are competing amendments that fell.
    VoteClosed {
        motion: u64,
        item: Item,
        tally: Tally,
        objections: Vec<Iso3>,
        lapsed: Vec<u32>,
        casting_vote: Option<bool>,
    },
}

impl Event {
    /// The motion the event concerns.
    pub fn motion(&self) -> u64 {
        match self {
            Self::MotionTabled { motion, .. }
            | Self::MotionCosponsored { motion, .. }
            | Self::AmendmentTabled { motion, .. }
            | Self::MotionWithdrawn { motion }
            | Self::AmendmentWithdrawn { motion, .. }
            | Self::DebateOpened { motion }
            | Self::VoteOpened { motion, .. }
            | Self::VoteCast { motion, .. }
            | Self::VoteClosed { motion, .. } => *motion,
        }
    }
}
