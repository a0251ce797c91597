//! Why a command was refused. Each variant has a stable id, which is also its message id
//! in the translations.

use crate::charter::CharterErrors;
use crate::ids::Iso3;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DomainError {
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
}

impl DomainError {
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
        }
    }
}
