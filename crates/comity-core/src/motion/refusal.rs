//! Why a motion command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

use crate::ids::Iso3;
use crate::ids::Timestamp;
use crate::motion::Item;
use crate::motion::MotionStatus;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("there is no motion {0}")]
    UnknownMotion(u64),
    #[error("motion {motion} has no amendment {amendment}")]
    UnknownAmendment { motion: u64, amendment: u32 },
    #[error("motion {motion} is {}: it cannot {act} now", .status.code().replace('_', " "))]
    WrongStatus {
        motion: u64,
        status: MotionStatus,
        act: &'static str,
    },
    #[error("amendment {amendment} of motion {motion} is {status}: it cannot be withdrawn")]
    AmendmentSettled {
        motion: u64,
        amendment: u32,
        status: &'static str,
    },
    #[error("{seat} already sponsors motion {motion}")]
    AlreadySponsor { motion: u64, seat: String },
    #[error("a vote on {item} of motion {motion} is already open")]
    VoteAlreadyOpen { motion: u64, item: Item },
    #[error("no vote is open on motion {0}")]
    NoVoteOpen(u64),
    #[error("the vote must close after it opens: {closes_at} is not after {now}")]
    DeadlineInPast {
        closes_at: Timestamp,
        now: Timestamp,
    },
    #[error("the voting order must name each tabled amendment once: {0}")]
    BadOrder(crate::motion::OrderError),
    #[error("nobody holds a seat in {0:?} to vote")]
    NoElectorate(String),
    #[error("{state} holds no seat in {organ:?} for this vote")]
    NotSeated { state: Iso3, organ: String },
    #[error("the vote closed at {closes_at}; votes are no longer taken")]
    VoteOver { closes_at: Timestamp },
    #[error("{state} has already voted {vote} on this item")]
    SameVote { state: Iso3, vote: &'static str },
    #[error("the vote is open until {closes_at} and {missing} of the seated states have not voted")]
    VoteStillOpen {
        closes_at: Timestamp,
        missing: usize,
    },
    #[error(
        "voting on this item is by seats that persons hold in {0:?}; only states' roll calls are counted yet"
    )]
    PersonsVoteUnsupported(String),
}

impl Refusal {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::BadOrder(e) => Some((e.id(), e.args())),
            _ => None,
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::UnknownMotion(_) => "motion-unknown",
            Self::UnknownAmendment { .. } => "amendment-unknown",
            Self::WrongStatus { .. } => "motion-wrong-status",
            Self::AmendmentSettled { .. } => "amendment-settled",
            Self::AlreadySponsor { .. } => "motion-already-sponsor",
            Self::VoteAlreadyOpen { .. } => "vote-already-open",
            Self::NoVoteOpen(_) => "vote-none-open",
            Self::DeadlineInPast { .. } => "vote-deadline-past",
            Self::BadOrder(_) => "vote-bad-order",
            Self::NoElectorate(_) => "vote-no-electorate",
            Self::NotSeated { .. } => "vote-not-seated",
            Self::VoteOver { .. } => "vote-over",
            Self::SameVote { .. } => "vote-same",
            Self::VoteStillOpen { .. } => "vote-still-open",
            Self::PersonsVoteUnsupported(_) => "vote-persons-unsupported",
        }
    }
}
