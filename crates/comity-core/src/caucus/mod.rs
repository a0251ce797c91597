//! The UN Democracy Caucus (seed 001, point 10): the resolutions of a General Assembly
//! session on the caucus's agenda, the common position its members agree on each (a motion of
//! the charter's kind `un_common_position`, decided in the organ the charter names), the
//! members' recorded plenary votes compared with it, their explanations of vote, and the
//! imports of the Assembly's roll calls (whose votes live beside the journal).
//!
//! A position is proposed before the plenary vote and takes effect when its motion's final
//! vote adopts it, if the plenary has not voted by then. The comparison of a member's vote
//! with the position (followed, departed, absent) is derived, never recorded: replay
//! re-derives it from the votes and the position.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod event;
mod refusal;

pub use acts::{CaucusActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{after_close, decide};
pub use event::Event;
pub use refusal::Refusal;

/// The decision kind of a common position.
pub const COMMON_POSITION: &str = "un_common_position";

/// The issue codes of the Assembly's record (`unga_roll_call_issues.csv`'s `short_name`).
pub const ISSUES: [&str; 6] = ["me", "nu", "di", "hr", "co", "ec"];

/// A common position: how the members are to vote, or that they agreed none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Yes,
    No,
    Abstain,
    NoCommonPosition,
}

impl Stance {
    pub const ALL: [Self; 4] = [Self::Yes, Self::No, Self::Abstain, Self::NoCommonPosition];

    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Abstain => "abstain",
            Self::NoCommonPosition => "no_common_position",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s.trim())
    }

    /// The vote the position asks for, if it asks for one.
    pub fn vote(self) -> Option<UnVote> {
        match self {
            Self::Yes => Some(UnVote::Yes),
            Self::No => Some(UnVote::No),
            Self::Abstain => Some(UnVote::Abstain),
            Self::NoCommonPosition => None,
        }
    }
}

/// A member's vote in the plenary: only yes, no and abstain are votes; absent is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnVote {
    Yes,
    No,
    Abstain,
    Absent,
}

impl UnVote {
    pub const ALL: [Self; 4] = [Self::Yes, Self::No, Self::Abstain, Self::Absent];

    pub fn code(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::No => "no",
            Self::Abstain => "abstain",
            Self::Absent => "absent",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s.trim())
    }
}

/// A member's vote against the common position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    Followed,
    Departed,
    Absent,
}

impl Compliance {
    pub fn code(self) -> &'static str {
        match self {
            Self::Followed => "followed",
            Self::Departed => "departed",
            Self::Absent => "absent",
        }
    }
}

/// `vote` against `stance`: none where the caucus agreed no common position.
pub fn compare(stance: Stance, vote: UnVote) -> Option<Compliance> {
    let asked = stance.vote()?;
    Some(if vote == UnVote::Absent {
        Compliance::Absent
    } else if vote == asked {
        Compliance::Followed
    } else {
        Compliance::Departed
    })
}

/// Where recorded plenary votes come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteSource {
    /// Entered by hand by the secretariat.
    Hand,
    /// The Assembly's record: the roll call `rcid` (shipped, or from an import).
    Record { rcid: u64 },
}

/// A proposal of a common position: the motion that decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub motion: u64,
    pub stance: Stance,
    pub seq: u64,
    /// Adopted, rejected, or adopted too late; `None` while the motion is open.
    pub outcome: Option<Outcome>,
}

/// What came of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    Rejected,
    /// Adopted after the plenary had voted: no position was taken.
    Late,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Self::Adopted => "adopted",
            Self::Rejected => "rejected",
            Self::Late => "late",
        }
    }
}

/// A member's explanation of its vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Explanation {
    pub text: String,
    pub seq: u64,
    pub time: Timestamp,
}

/// A resolution on the caucus's agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: u64,
    /// The General Assembly session (74 = 2019–20).
    pub session: u32,
    /// The document symbol, e.g. `A/RES/74/246` or the draft `A/74/L.57`.
    pub symbol: String,
    pub title: String,
    /// One of [`ISSUES`], where the resolution has one.
    pub issue: Option<String>,
    /// The day of the plenary vote.
    pub plenary: Day,
    /// The roll call of the plenary vote in the Assembly's record, where known.
    pub rcid: Option<u64>,
    pub seq: u64,
    pub proposals: Vec<Proposal>,
    /// The adopted position: its stance and the motion that adopted it.
    pub position: Option<(Stance, u64)>,
    /// The plenary votes of the members in the UN when they were recorded (absent included);
    /// a state not listed was not then a member.
    pub votes: BTreeMap<Iso3, UnVote>,
    /// Where the votes come from and the entry that recorded them.
    pub recorded: Option<(VoteSource, u64)>,
    pub explanations: BTreeMap<Iso3, Explanation>,
}

impl AgendaItem {
    /// The proposal still being decided, if any.
    pub fn pending(&self) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.outcome.is_none())
    }

    pub fn stance(&self) -> Option<Stance> {
        self.position.map(|(s, _)| s)
    }

    /// `member`'s vote against the position, once votes are recorded, where there is a
    /// common position and the state was a member in the UN when they were.
    pub fn compliance(&self, member: &Iso3) -> Option<Compliance> {
        compare(self.stance()?, *self.votes.get(member)?)
    }
}

/// An import of the Assembly's roll calls: what the journal keeps of it (the votes are in a
/// side table, checked against these figures on replay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VotesImport {
    pub import: u64,
    pub file: String,
    /// SHA-256 of the votes file as read.
    pub sha256: Hash,
    pub votes: u64,
    pub roll_calls: u64,
    /// The first and last session the file's roll calls belong to.
    pub sessions: (u32, u32),
    /// SHA-256 of the imported rows in their canonical order (see `comity-store`).
    pub rows_sha256: Hash,
    pub seq: u64,
    pub time: Timestamp,
}

/// The caucus's record in the state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caucus {
    pub agenda: BTreeMap<u64, AgendaItem>,
    pub imports: Vec<VotesImport>,
}

impl Caucus {
    /// The agenda item a motion decides a position on.
    pub fn item_of_motion(&self, motion: u64) -> Option<&AgendaItem> {
        self.agenda
            .values()
            .find(|i| i.proposals.iter().any(|p| p.motion == motion))
    }
}

/// The alliance's members that are members of the United Nations (the caucus's members).
pub fn un_members(state: &crate::state::State) -> Vec<Iso3> {
    state
        .members
        .keys()
        .filter(|m| is_un_member(state, m))
        .cloned()
        .collect()
}

/// A member of the United Nations (the registry says which states are).
pub fn is_un_member(state: &crate::state::State, iso: &Iso3) -> bool {
    state.registry.country(iso).is_some_and(|c| c.un_member)
}

/// The UN's member states, and the votes a two-thirds majority needs when all of them vote
/// (Article 18 of the UN Charter: two thirds of the members present and voting).
pub const UN_SEATS: u32 = 193;
pub const TWO_THIRDS_OF_ALL: u32 = UN_SEATS * 2 / 3 + 1;

/// The alliance's weight in the General Assembly: the seats its members hold of the 193, and
/// how many it lacks for a two-thirds majority when all vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Weight {
    pub held: u32,
    pub seats: u32,
    pub two_thirds: u32,
    pub short: u32,
}

pub fn weight(state: &crate::state::State) -> Weight {
    let held = u32::try_from(un_members(state).len()).unwrap_or(u32::MAX);
    Weight {
        held,
        seats: UN_SEATS,
        two_thirds: TWO_THIRDS_OF_ALL,
        short: TWO_THIRDS_OF_ALL.saturating_sub(held),
    }
}

/// How often each member followed the common position, over the items with a position and
/// recorded votes: (followed, departed, absent).
pub fn follow_counts(caucus: &Caucus, members: &[Iso3]) -> BTreeMap<Iso3, [u32; 3]> {
    let mut out: BTreeMap<Iso3, [u32; 3]> = members.iter().map(|m| (m.clone(), [0; 3])).collect();
    for item in caucus.agenda.values() {
        for (m, counts) in &mut out {
            match item.compliance(m) {
                Some(Compliance::Followed) => counts[0] += 1,
                Some(Compliance::Departed) => counts[1] += 1,
                Some(Compliance::Absent) => counts[2] += 1,
                None => {}
            }
        }
    }
    out
}
