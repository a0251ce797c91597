//! Motions and amendments in an organ, and their roll-call votes under the charter's rule.
//!
//! Lifecycle: tabled → under debate → voting → adopted / rejected, or withdrawn before the
//! vote. Amendments are tabled while the motion is tabled or under debate, and voted
//! before the motion in the order the secretariat states when it opens the first vote
//! (tabling order if it states none). Amendments that share a `group` compete for the same
//! part of the text: once one of them is adopted, the others lapse. An adopted amendment
//! carries the motion's text as amended, which becomes the motion's text.
//!
//! Each vote is a public roll call of the states seated in the organ when it opened.
//! A delegate may change the state's vote until the vote closes; the close records the
//! tally, which `State::apply` recomputes from the recorded votes and refuses to accept
//! if it differs, so replaying a journal re-derives every outcome.

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod error;
mod event;
mod refusal;

pub use acts::{MotionActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::decide;
pub use error::OrderError;
pub use event::Event;
pub use refusal::Refusal;

use std::collections::BTreeMap;
use std::fmt;

use comity_voting::rules::{self as vr, Member, Outcome, Procedure, Quorum, RollCall, Tally, Vote};
use serde::{Deserialize, Serialize};

use crate::charter::{Base, DecisionSpec, Fraction, Rule, WeightSource};
use crate::ids::{Actor, Iso3, Timestamp};
use crate::registry::Registry;

/// On whose behalf someone acts: a state, or an organ (a network, the secretariat).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    State(Iso3),
    Organ(String),
}

impl fmt::Display for Seat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::State(iso) => write!(f, "{iso}"),
            Self::Organ(o) => f.write_str(o),
        }
    }
}

impl Seat {
    /// Reads `DNK` (a state) or an organ id such as `parliamentary_network`.
    pub fn parse(s: &str) -> Self {
        match Iso3::parse(s.trim()) {
            Ok(iso) => Self::State(iso),
            Err(_) => Self::Organ(s.trim().to_owned()),
        }
    }
}

/// What is put to the vote: an amendment (by number) or the motion itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Amendment(u32),
    Motion,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Amendment(n) => write!(f, "amendment {n}"),
            Self::Motion => f.write_str("the motion"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MotionStatus {
    Tabled,
    UnderDebate,
    Voting,
    Adopted,
    Rejected,
    Withdrawn,
}

impl MotionStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Tabled => "tabled",
            Self::UnderDebate => "under_debate",
            Self::Voting => "voting",
            Self::Adopted => "adopted",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }
    /// Amendments and co-sponsors may still be added, and the motion withdrawn.
    pub fn open_for_amendment(self) -> bool {
        matches!(self, Self::Tabled | Self::UnderDebate)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmendmentStatus {
    Tabled,
    Adopted,
    Rejected,
    /// A competing amendment of the same group was adopted first.
    Lapsed,
    Withdrawn,
}

impl AmendmentStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Tabled => "tabled",
            Self::Adopted => "adopted",
            Self::Rejected => "rejected",
            Self::Lapsed => "lapsed",
            Self::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub number: u32,
    pub title: String,
    /// The motion's text as this amendment would make it.
    pub text: String,
    /// Amendments of the same group compete for the same part of the text.
    pub group: Option<String>,
    pub sponsor: Seat,
    pub status: AmendmentStatus,
    pub tabled_seq: u64,
}

/// A vote in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub item: Item,
    pub opened_seq: u64,
    pub opened_at: Timestamp,
    pub closes_at: Timestamp,
    /// The states seated when the vote opened, in code order.
    pub electorate: Vec<Iso3>,
    pub votes: BTreeMap<Iso3, Vote>,
}

/// A closed vote: who voted how, and the tally under the charter's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRecord {
    pub item: Item,
    pub opened_seq: u64,
    pub closed_seq: u64,
    pub closed_at: Timestamp,
    /// Every state of the electorate with its vote (`absent` if it did not vote).
    pub roll: Vec<(Iso3, Vote)>,
    pub tally: Tally,
    /// Members who objected (consensus) or blocked (unanimity).
    pub objections: Vec<Iso3>,
    pub lapsed: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motion {
    pub id: u64,
    pub organ: String,
    pub decision: String,
    pub title: String,
    /// The text as it stands (amended, where amendments were adopted).
    pub text: String,
    pub original_text: String,
    pub sponsor: Seat,
    pub cosponsors: Vec<Seat>,
    pub tabled_by: Actor,
    pub tabled_seq: u64,
    pub tabled_at: Timestamp,
    pub status: MotionStatus,
    pub amendments: Vec<Amendment>,
    /// The order amendments are voted in, once the first vote opened.
    pub order: Vec<u32>,
    pub ballot: Option<Ballot>,
    pub votes: Vec<VoteRecord>,
    /// Opinions of the organs the charter asks, in the order given.
    pub opinions: Vec<crate::network::Opinion>,
    /// Networks' co-decision votes and objections.
    pub network_votes: Vec<crate::network::NetworkVote>,
    /// Networks' roll calls open on the platform, by network.
    pub network_divisions: BTreeMap<String, crate::network::NetworkDivision>,
    /// Sent back by a qualified objection: the next vote on the motion is its second reading.
    pub second_reading: bool,
    /// Journal entries about this motion, oldest first.
    pub acts: Vec<u64>,
}

impl Motion {
    pub fn amendment(&self, n: u32) -> Option<&Amendment> {
        self.amendments.iter().find(|a| a.number == n)
    }

    /// The next item to put to the vote: the first amendment still tabled in the voting
    /// order (tabling order before the order is stated), else the motion.
    pub fn next_item(&self, order: &[u32]) -> Item {
        order
            .iter()
            .filter_map(|n| self.amendment(*n))
            .find(|a| a.status == AmendmentStatus::Tabled)
            .map_or(Item::Motion, |a| Item::Amendment(a.number))
    }

    /// The stated order, or tabling order.
    pub fn effective_order(&self) -> Vec<u32> {
        if self.order.is_empty() {
            self.amendments.iter().map(|a| a.number).collect()
        } else {
            self.order.clone()
        }
    }
}

/// The charter's rule for one decision kind as a `comity-voting` procedure over a roll
/// call of `electorate`, with weights and populations from the registry.
pub fn roll_call(
    spec: &DecisionSpec,
    registry: &Registry,
    roll: &[(Iso3, Vote)],
    casting_vote: Option<bool>,
) -> Result<(RollCall, Procedure), vr::RuleError> {
    let population = |iso: &Iso3| {
        registry
            .country(iso)
            .and_then(|c| c.population)
            .unwrap_or(0)
    };
    let weight = |iso: &Iso3| match &spec.rule {
        Rule::Weighted { weights, .. } => match weights {
            WeightSource::Population => population(iso),
            WeightSource::SqrtPopulation => population(iso).isqrt(),
            WeightSource::Equal => 1,
        },
        _ => 1,
    };
    let members: Vec<Member> = roll
        .iter()
        .map(|(iso, vote)| Member {
            vote: *vote,
            weight: weight(iso),
            population: population(iso),
        })
        .collect();
    let total_weight: u64 = members.iter().map(|m| m.weight).sum();
    let frac = |f: Fraction| vr::Fraction::new(u64::from(f.num), u64::from(f.den));
    let base = |b: Base| match b {
        Base::VotesCast => vr::Base::VotesCast,
        Base::MembersPresent => vr::Base::Present,
        Base::Members => vr::Base::AllMembers,
    };
    let rule = match &spec.rule {
        Rule::Consensus => vr::Rule::Consensus,
        Rule::Unanimity { abstention_blocks } => vr::Rule::Unanimity {
            abstention_blocks: *abstention_blocks,
            absence_blocks: false,
        },
        Rule::SimpleMajority { of } => vr::Rule::Majority {
            threshold: vr::Fraction::HALF,
            strict: true,
            base: base(*of),
        },
        Rule::QualifiedMajority { fraction, of } => vr::Rule::Majority {
            threshold: frac(*fraction)?,
            strict: false,
            base: base(*of),
        },
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority,
        } => vr::Rule::DoubleMajority {
            members: frac(*states)?,
            min_members: 0,
            population: frac(*population)?,
            blocking_minority: blocking_minority.map(u64::from),
        },
        Rule::Weighted { quota, .. } => {
            // The smallest whole number of votes that is at least the quota's share.
            let num = u128::from(total_weight) * u128::from(quota.num);
            let den = u128::from(quota.den);
            let q = num.div_ceil(den);
            vr::Rule::Weighted {
                quota: u64::try_from(q).map_err(|_| vr::RuleError::Overflow)?,
            }
        }
    };
    let procedure = Procedure {
        rule,
        quorum: spec.quorum.map(frac).transpose()?.map(Quorum::Share),
        casting_vote: if spec.chair_casting_vote {
            casting_vote
        } else {
            None
        },
    };
    Ok((RollCall::new(members)?, procedure))
}

/// The roll of a ballot: every state of the electorate with its vote or `Absent`.
pub fn roll_of(ballot: &Ballot) -> Vec<(Iso3, Vote)> {
    ballot
        .electorate
        .iter()
        .map(|iso| {
            (
                iso.clone(),
                ballot.votes.get(iso).copied().unwrap_or(Vote::Absent),
            )
        })
        .collect()
}

/// Tally a roll under a decision's rule.
pub fn tally_roll(
    spec: &DecisionSpec,
    registry: &Registry,
    roll: &[(Iso3, Vote)],
    casting_vote: Option<bool>,
) -> Result<(Tally, Vec<Iso3>), vr::RuleError> {
    let (call, procedure) = roll_call(spec, registry, roll, casting_vote)?;
    let tally = vr::tally(&call, &procedure);
    let objections = tally
        .objections
        .iter()
        .filter_map(|i| roll.get(*i).map(|(iso, _)| iso.clone()))
        .collect();
    Ok((tally, objections))
}

/// The motion the `motion_tabled` entry `seq` created, if it created one. Motions are numbered
/// in journal order, so the search walks back from the newest and stops at the first tabled
/// before `seq`: a few steps for an act just recorded, however many motions there are.
pub fn tabled_at_entry(state: &crate::state::State, seq: u64) -> Option<u64> {
    state
        .motions
        .values()
        .rev()
        .take_while(|m| m.tabled_seq >= seq)
        .find(|m| m.tabled_seq == seq)
        .map(|m| m.id)
}

/// The motion the next `motion_tabled` will create.
pub(crate) fn next_id(state: &crate::state::State) -> u64 {
    state.motions.keys().next_back().map_or(1, |m| m + 1)
}

/// The motions whose final vote `events` close, with the tally: what other capabilities
/// react to (`crate::decide::react`).
pub(crate) fn final_votes(
    events: &[crate::event::Event],
) -> impl Iterator<Item = (u64, &Tally)> + '_ {
    events.iter().filter_map(|e| match e {
        crate::event::Event::Motion(Event::VoteClosed {
            motion,
            item: Item::Motion,
            tally,
            ..
        }) => Some((*motion, tally)),
        _ => None,
    })
}

/// Whether an outcome adopts.
pub fn adopted(t: &Tally) -> bool {
    t.outcome == Outcome::Adopted
}

/// The vote's word as the API and the journal write it.
pub fn vote_code(v: Vote) -> &'static str {
    match v {
        Vote::Yes => "yes",
        Vote::No => "no",
        Vote::Abstain => "abstain",
        Vote::Absent => "absent",
    }
}

/// Reads `yes`, `no` or `abstain`.
pub fn parse_vote(s: &str) -> Option<Vote> {
    match s.trim() {
        "yes" => Some(Vote::Yes),
        "no" => Some(Vote::No),
        "abstain" => Some(Vote::Abstain),
        _ => None,
    }
}
