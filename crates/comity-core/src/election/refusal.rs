//! Why an election command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("there is no election {0}")]
    UnknownElection(u64),
    #[error("{0}")]
    Invalid(crate::election::ElectionError),
}

impl Refusal {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::Invalid(e) => Some((e.id(), e.args())),
            _ => None,
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::UnknownElection(_) => "election-unknown",
            Self::Invalid(_) => "election-invalid",
        }
    }
}
