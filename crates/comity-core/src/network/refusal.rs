//! Why a network command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

use crate::ids::Timestamp;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("{organ} acts outside its powers: {clause}")]
    OutsidePowers { organ: String, clause: String },
    #[error("{organ} has given its opinion on motion {motion} already")]
    OpinionGiven { organ: String, motion: u64 },
    #[error("the vote waits for the opinion of {organ}, required by the charter, until {until}")]
    OpinionPending { organ: String, until: Timestamp },
    #[error("{organ} has voted on motion {motion} already ({act})")]
    NetworkVotedAlready {
        organ: String,
        motion: u64,
        act: &'static str,
    },
    #[error("no roll call of {organ} is open on motion {motion}")]
    NoDivisionOpen { organ: String, motion: u64 },
    #[error("a roll call of {organ} on motion {motion} is open already")]
    DivisionOpen { organ: String, motion: u64 },
    #[error("{0} has no accredited member: a roll call needs at least one")]
    NoAccreditedMembers(String),
    #[error("accreditation {member} does not vote in this roll call of {organ}")]
    NotInDivision { member: u64, organ: String },
    #[error("accreditation {member} has voted {vote} already")]
    SameNetworkVote { member: u64, vote: &'static str },
    #[error("the vote on motion {motion} waits for the co-decision of {organ}")]
    CoDecisionPending { organ: String, motion: u64 },
    #[error("the time to object to motion {motion} ended at {until}")]
    ObjectionTooLate { motion: u64, until: Timestamp },
    #[error("there is no accreditation request {0}")]
    UnknownAccreditation(u64),
    #[error("accreditation request {0} is decided already")]
    AccreditationSettled(u64),
    #[error("{organ:?} is not a network whose seats persons or organisations hold")]
    NotANetwork { organ: String },
}

impl Refusal {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        None
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::OutsidePowers { .. } => "outside-powers",
            Self::OpinionGiven { .. } => "opinion-given",
            Self::OpinionPending { .. } => "opinion-pending",
            Self::NetworkVotedAlready { .. } => "network-voted-already",
            Self::NoDivisionOpen { .. } => "network-division-none",
            Self::DivisionOpen { .. } => "network-division-open",
            Self::NoAccreditedMembers(_) => "network-division-empty",
            Self::NotInDivision { .. } => "network-division-not-member",
            Self::SameNetworkVote { .. } => "network-vote-same",
            Self::CoDecisionPending { .. } => "co-decision-pending",
            Self::ObjectionTooLate { .. } => "objection-too-late",
            Self::UnknownAccreditation(_) => "accreditation-unknown",
            Self::AccreditationSettled(_) => "accreditation-settled",
            Self::NotANetwork { .. } => "accreditation-not-a-network",
        }
    }
}
