//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use comity_voting::rules::Vote;

use crate::ids::{Iso3, Timestamp};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// An organ the charter asks gave its opinion on a motion.
    OpinionGiven {
        motion: u64,
        organ: String,
        position: crate::network::Position,
        text: String,
    },
    /// A network's own vote on a motion: co-decision (a refusal rejects the motion) or a
    /// qualified objection (carried: second reading or block, by the charter's `effect`).
    NetworkVoted {
        motion: u64,
        organ: String,
        act: crate::network::NetworkAct,
        yes: u32,
        no: u32,
        abstain: u32,
        carried: bool,
        effect: Option<crate::charter::ObjectionEffect>,
    },
    /// A network's roll call of its accredited members opened on the platform; its close is
    /// recorded as `network_voted`, whose counts must follow from the votes cast.
    NetworkDivisionOpened {
        motion: u64,
        organ: String,
        act: crate::network::NetworkAct,
        closes_at: Timestamp,
        /// Accreditation numbers of those who may vote.
        electorate: Vec<u64>,
    },
    /// An accredited member's vote in a network's roll call (public, by name).
    NetworkVoteCast {
        motion: u64,
        organ: String,
        member: u64,
        vote: Vote,
    },
    /// A parliamentarian, opposition leader or civil society organisation asks to sit in a network.
    AccreditationRequested {
        accreditation: u64,
        organ: String,
        name: String,
        country: Iso3,
        kind: crate::network::AccreditationKind,
        description: String,
    },
    /// The organ the charter gives `accreditation` decided, by its reported division.
    AccreditationDecided {
        accreditation: u64,
        organ: String,
        yes: u32,
        no: u32,
        abstain: u32,
        accredited: bool,
    },
}

impl Event {
    /// The motion the event concerns, if any (accreditations concern none).
    pub fn motion(&self) -> Option<u64> {
        match self {
            Self::OpinionGiven { motion, .. }
            | Self::NetworkVoted { motion, .. }
            | Self::NetworkDivisionOpened { motion, .. }
            | Self::NetworkVoteCast { motion, .. } => Some(*motion),
            Self::AccreditationRequested { .. } | Self::AccreditationDecided { .. } => None,
        }
    }
}
