//! Why a membership command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

use crate::ids::Iso3;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("{0} is already a member")]
    AlreadyMember(Iso3),
    #[error("{state} has an application pending (application {application})")]
    ApplicationPending { state: Iso3, application: u64 },
    #[error("there is no application {0}")]
    UnknownApplication(u64),
    #[error("application {application} cannot go to a vote: {report}")]
    NotEligible { application: u64, report: String },
    #[error("application {application} is {status}: it cannot be referred now")]
    ApplicationSettled {
        application: u64,
        status: &'static str,
    },
    #[error("there is no review {0}")]
    UnknownReview(u64),
    #[error("review {0} already has a measure before the organ or is closed")]
    ReviewBusy(u64),
    #[error("{state}'s voting rights are suspended (review {review})")]
    Suspended { state: Iso3, review: u64 },
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
            Self::AlreadyMember(_) => "membership-already-member",
            Self::ApplicationPending { .. } => "membership-application-pending",
            Self::UnknownApplication(_) => "membership-application-unknown",
            Self::NotEligible { .. } => "membership-not-eligible",
            Self::ApplicationSettled { .. } => "membership-application-settled",
            Self::UnknownReview(_) => "review-unknown",
            Self::ReviewBusy(_) => "review-busy",
            Self::Suspended { .. } => "member-suspended",
        }
    }
}
