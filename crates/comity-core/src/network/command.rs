//! The networks' powers: opinions, co-decision and objections, roll calls, accreditation.

use comity_voting::rules::Vote;

use crate::ids::{Iso3, Timestamp};

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// An organ the charter asks (`opinion_from`) gives its opinion on a motion.
    GiveOpinion {
        motion: u64,
        organ: String,
        position: crate::network::Position,
        text: String,
    },
    /// A network's division on a motion, as it reports it: co-decision where the charter
    /// gives it (before the deciding organ's final vote), or a qualified objection to an
    /// adopted decision within the charter's time.
    NetworkVote {
        motion: u64,
        organ: String,
        act: crate::network::NetworkAct,
        yes: u32,
        no: u32,
        abstain: u32,
    },
    /// Hold a network's co-decision or objection as a roll call of its accredited members on
    /// the platform, open until `closes_at`.
    OpenNetworkDivision {
        motion: u64,
        organ: String,
        act: crate::network::NetworkAct,
        closes_at: Timestamp,
    },
    /// An accredited member's vote (by accreditation number) in a network's open roll call;
    /// a later vote replaces it until the close.
    CastNetworkVote {
        motion: u64,
        organ: String,
        member: u64,
        vote: Vote,
    },
    /// Close a network's roll call and record its division: when the time is over, or
    /// earlier once every member has voted.
    CloseNetworkDivision { motion: u64, organ: String },
    /// Ask that a parliamentarian, opposition leader or organisation sit in network `organ`.
    RequestAccreditation {
        organ: String,
        name: String,
        country: Iso3,
        kind: crate::network::AccreditationKind,
        description: String,
    },
    /// The deciding organ's division on an accreditation, as it reports it.
    DecideAccreditation {
        accreditation: u64,
        yes: u32,
        no: u32,
        abstain: u32,
    },
}
