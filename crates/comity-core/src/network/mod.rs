//! The networks' real powers: opinions the charter requires before a vote, co-decision,
//! qualified objections that send a decision back, their divisions (reported, or held on the
//! platform as roll calls of accredited members), and accreditation to sit in a network
//! (seed 001, point 5: parliamentarians, opposition leaders and civil society from any
//! country, member or not).

use comity_voting::rules::Vote;
use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, Timestamp};

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod event;
mod refusal;

pub use acts::{AccreditationActs, NetworkActs, accreditation_acts, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{
    decide, division_carries, network_outcome, pending_co_decisions, pending_opinions,
};
pub use event::Event;
pub use refusal::Refusal;

/// A network's view of a motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    Favourable,
    Unfavourable,
    /// Favourable subject to conditions stated in the text.
    Conditional,
}

impl Position {
    pub fn code(self) -> &'static str {
        match self {
            Self::Favourable => "favourable",
            Self::Unfavourable => "unfavourable",
            Self::Conditional => "conditional",
        }
    }
}

/// An opinion an organ gave on a motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opinion {
    pub seq: u64,
    pub time: Timestamp,
    pub organ: String,
    pub position: Position,
    pub text: String,
}

/// What a network's own vote on a motion was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkAct {
    /// Co-decision: its majority is needed for adoption.
    CoDecision,
    /// A qualified objection to an adopted decision.
    Objection,
}

/// A network's division on a motion and what it brought about. Either the network reports
/// it (a plenary held elsewhere: only the counts are recorded), or it is held on the platform
/// as a roll call of its accredited members (see [`NetworkDivision`]): then `roll` names every
/// member's vote, publicly, as parliaments publish their roll calls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkVote {
    pub seq: u64,
    pub time: Timestamp,
    pub organ: String,
    pub act: NetworkAct,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// Co-decision: approved. Objection: reached the qualified majority.
    pub carried: bool,
    /// A roll call on the platform: each accredited member (by accreditation number) with
    /// its vote, `absent` if it did not vote. Empty for a reported division.
    pub roll: Vec<(u64, Vote)>,
}

/// A network's roll call in progress on a motion: its accredited members when it opened
/// vote until `closes_at`; a later vote replaces an earlier one until the close.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkDivision {
    pub organ: String,
    pub act: NetworkAct,
    pub opened_seq: u64,
    pub opened_at: Timestamp,
    pub closes_at: Timestamp,
    /// Accreditation numbers, in order.
    pub electorate: Vec<u64>,
    pub votes: std::collections::BTreeMap<u64, Vote>,
}

impl NetworkDivision {
    /// Every member of the electorate with its vote, `absent` where it cast none.
    pub fn roll(&self) -> Vec<(u64, Vote)> {
        self.electorate
            .iter()
            .map(|a| (*a, self.votes.get(a).copied().unwrap_or(Vote::Absent)))
            .collect()
    }

    /// Yes, no and abstain in the roll.
    pub fn counts(&self) -> [u32; 3] {
        let mut c = [0u32; 3];
        for v in self.votes.values() {
            match v {
                Vote::Yes => c[0] += 1,
                Vote::No => c[1] += 1,
                Vote::Abstain => c[2] += 1,
                Vote::Absent => {}
            }
        }
        c
    }
}

/// The accredited members of a network (accreditation numbers, in order): those who vote in
/// its roll calls on the platform.
pub fn accredited_members(
    accreditations: &std::collections::BTreeMap<u64, Accreditation>,
    organ: &str,
) -> Vec<u64> {
    accreditations
        .values()
        .filter(|a| a.organ == organ && a.status == AccreditationStatus::Accredited)
        .map(|a| a.id)
        .collect()
}

/// Who asks to sit in a network (seed 001, point 5: from any country, member or not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccreditationKind {
    /// A member of a national parliament.
    Parliamentarian,
    /// A leader of a democratic opposition.
    OppositionLeader,
    /// A civil society organisation.
    CivilSocietyOrganisation,
}

impl AccreditationKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Parliamentarian => "parliamentarian",
            Self::OppositionLeader => "opposition_leader",
            Self::CivilSocietyOrganisation => "civil_society_organisation",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccreditationStatus {
    Requested,
    Accredited,
    Refused,
}

/// A request to sit in a network, and the decision on it by the organ the charter gives the
/// decision kind `accreditation` (seed 003: civil society has a say in who is invited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accreditation {
    pub id: u64,
    pub organ: String,
    pub name: String,
    pub country: Iso3,
    pub kind: AccreditationKind,
    pub description: String,
    pub seq: u64,
    pub time: Timestamp,
    pub status: AccreditationStatus,
    /// The deciding organ's division: (organ, yes, no, abstain).
    pub decided: Option<(String, u32, u32, u32)>,
}

/// Days an organ has to give a required opinion when the charter sets none.
pub const DEFAULT_OPINION_DAYS: u32 = 30;
