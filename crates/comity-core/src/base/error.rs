//! Refusals every capability may give about a charter rule or a division.

use crate::ids::Timestamp;

/// Why a charter's rule cannot decide this (motions' roll calls, networks' divisions).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleError {
    #[error("a division needs at least one vote (yes, no or abstain)")]
    EmptyDivision,
    #[error("closes_at: the roll call must close after it opens ({now})")]
    ClosesBeforeOpening { now: Timestamp },
    #[error("a vote is yes, no or abstain; not voting is recorded as absent")]
    AbsentIsNoVote,
    /// The voting engine could not apply the charter's rule (a population or a weight the
    /// rule needs is missing): its own words.
    #[error("{detail}")]
    Tally { detail: String },
}

impl RuleError {
    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        match self {
            Self::EmptyDivision => "refused-rule-empty-division",
            Self::ClosesBeforeOpening { .. } => "refused-rule-closes-before-opening",
            Self::AbsentIsNoVote => "refused-rule-absent-is-no-vote",
            Self::Tally { .. } => "refused-rule-tally",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::EmptyDivision | Self::AbsentIsNoVote => Vec::new(),
            Self::ClosesBeforeOpening { now } => vec![("now", now.to_string())],
            Self::Tally { detail } => vec![("detail", detail.clone())],
        }
    }
}
