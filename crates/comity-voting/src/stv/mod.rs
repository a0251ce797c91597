//! Single transferable vote: Scottish STV (exact fixed-point) and Meek STV.

mod meek;
mod scottish;

pub use meek::{MeekResult, MeekRound, meek_stv};
pub use scottish::{ScottishOptions, scottish_stv};

use std::fmt;

use serde::Serialize;

use crate::profile::CandidateId;

/// A number of votes in exact fixed point: hundred-thousandths of a vote (5 decimals, the
/// precision of SSI 2007/42 rule 48(3)). Integer arithmetic only; no floats anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Votes(u128);

impl Votes {
    /// Units per whole vote.
    pub const SCALE: u128 = 100_000;

    /// `n` whole votes.
    pub fn whole(n: u64) -> Self {
        Self(u128::from(n) * Self::SCALE)
    }

    /// From hundred-thousandths of a vote.
    pub fn from_units(units: u128) -> Self {
        Self(units)
    }

    /// In hundred-thousandths of a vote.
    pub fn units(self) -> u128 {
        self.0
    }
}

impl fmt::Display for Votes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:05}", self.0 / Self::SCALE, self.0 % Self::SCALE)
    }
}

/// How a choice between tied candidates was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Decision {
    /// There was no tie.
    Clear,
    /// Tie resolved by the totals at the most recent earlier stage where they differed.
    History,
    /// Tie resolved by lot (seeded SplitMix64).
    Lot,
}

/// What happened at one stage of a Scottish STV count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum StageAction {
    /// Allocation of first preferences.
    FirstPreferences,
    /// Transfer of an elected candidate's surplus.
    Surplus {
        /// The elected candidate whose surplus moved.
        from: CandidateId,
        /// The surplus transferred (total − quota).
        surplus: Votes,
        /// How the candidate was chosen among equal surpluses.
        decision: Decision,
    },
    /// Exclusion of the candidate with the fewest votes.
    Exclusion {
        /// The excluded candidate.
        candidate: CandidateId,
        /// How the candidate was chosen among equal lowest totals.
        decision: Decision,
    },
    /// Rule 51/52-style filling of the last vacancies by the continuing candidates.
    LastVacancies,
}

/// One stage of an STV count: the action and the totals after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StvStage {
    /// What was done.
    pub action: StageAction,
    /// Every candidate's total after the stage (elected candidates are shown at the quota
    /// once their surplus has moved; excluded candidates at zero).
    pub tallies: Vec<Votes>,
    /// Cumulative votes on non-transferable papers (no further continuing preference).
    pub non_transferable: Votes,
    /// Cumulative votes lost to the 5-decimal truncation of transfer values.
    pub lost_to_rounding: Votes,
    /// Candidates deemed elected at the end of this stage, highest total first.
    pub elected: Vec<CandidateId>,
}

/// The outcome of a Scottish STV count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StvResult {
    /// Elected candidates in order of election.
    pub elected: Vec<CandidateId>,
    /// The quota (whole votes).
    pub quota: Votes,
    /// Every stage of the count.
    pub stages: Vec<StvStage>,
}

impl StvResult {
    /// The elected set, sorted by candidate id (for comparing with other counts).
    pub fn elected_sorted(&self) -> Vec<CandidateId> {
        let mut e = self.elected.clone();
        e.sort_unstable();
        e
    }

    /// True when some tie was resolved by lot (the result then depends on the seed).
    pub fn used_lot(&self) -> bool {
        self.stages.iter().any(|s| {
            matches!(
                s.action,
                StageAction::Surplus {
                    decision: Decision::Lot,
                    ..
                } | StageAction::Exclusion {
                    decision: Decision::Lot,
                    ..
                }
            )
        })
    }
}
