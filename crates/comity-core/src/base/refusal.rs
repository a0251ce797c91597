//! Why a command was refused on the shared ground (charter, registry, organs, fields). Each
//! case has a stable id: the API's problem type and, prefixed with `refused-`, its message
//! id in the translations.

use crate::charter::CharterErrors;
use crate::ids::Iso3;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("the charter is not valid:\n{0}")]
    InvalidCharter(CharterErrors),
    #[error(
        "a charter is already adopted; change it by a decision of kind charter_amendment under its own rule"
    )]
    CharterAlreadyAdopted,
    #[error("no charter is adopted yet")]
    NoCharter,
    #[error("the founding members are already admitted")]
    AlreadyFounded,
    #[error("no states are loaded in the registry; import the states first")]
    NoStates,
    #[error("founding members that do not meet the criterion {criterion:?}: {}", .refused.iter().map(|(s, r)| format!("{s} ({r})")).collect::<Vec<_>>().join("; "))]
    FoundersNotEligible {
        criterion: String,
        refused: Vec<(Iso3, String)>,
    },
    #[error("{0} is not a state the registry knows")]
    UnknownState(Iso3),
    #[error("{what} is already recorded with exactly these values; nothing to import")]
    NothingNew { what: String },
    #[error("the import is empty")]
    EmptyImport,
    #[error("there is no organ {0:?} in the charter")]
    UnknownOrgan(String),
    #[error("there is no decision kind {0:?} in the charter")]
    UnknownDecision(String),
    #[error("{field}: must not be empty")]
    EmptyField { field: &'static str },
    #[error("{field}: at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{organ:?} has no fixed seats for member states to assign")]
    NoFixedSeats { organ: String },
    #[error("{organ:?} has {seats} seats; {given} states were named")]
    SeatCount {
        organ: String,
        seats: u32,
        given: usize,
    },
    #[error("{0} is not a member of the alliance")]
    NotAMember(Iso3),
    #[error("{0} is named twice")]
    Duplicate(String),
    #[error("the charter's rule cannot be applied: {0}")]
    Rule(crate::base::RuleError),
}

impl Refusal {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::Rule(e) => Some((e.id(), e.args())),
            _ => None,
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::InvalidCharter(_) => "charter-invalid",
            Self::CharterAlreadyAdopted => "charter-already-adopted",
            Self::NoCharter => "charter-missing",
            Self::AlreadyFounded => "founding-already-done",
            Self::NoStates => "registry-empty",
            Self::FoundersNotEligible { .. } => "founders-not-eligible",
            Self::UnknownState(_) => "state-unknown",
            Self::NothingNew { .. } => "import-nothing-new",
            Self::EmptyImport => "import-empty",
            Self::UnknownOrgan(_) => "organ-unknown",
            Self::UnknownDecision(_) => "decision-unknown",
            Self::EmptyField { .. } => "field-empty",
            Self::TooLong { .. } => "field-too-long",
            Self::NoFixedSeats { .. } => "seats-not-fixed",
            Self::SeatCount { .. } => "seats-count",
            Self::NotAMember(_) => "state-not-member",
            Self::Duplicate(_) => "duplicate",
            Self::Rule(_) => "rule-invalid",
        }
    }
}
