//! Why a command was refused: one case per capability, each holding that capability's own
//! `Refusal` (in `<capability>/refusal.rs`), whose every case has a stable id (the API's
//! problem type, and with `refused-` its message id in the translations).

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DomainError {
    #[error(transparent)]
    Base(crate::base::Refusal),
    #[error(transparent)]
    Motion(crate::motion::Refusal),
    #[error(transparent)]
    Election(crate::election::Refusal),
    #[error(transparent)]
    Assembly(crate::assembly::Refusal),
    #[error(transparent)]
    Membership(crate::membership::Refusal),
    #[error(transparent)]
    Network(crate::network::Refusal),
    #[error(transparent)]
    Treaty(crate::treaty::Refusal),
    #[error(transparent)]
    Caucus(crate::caucus::Refusal),
    #[error(transparent)]
    Pledges(crate::pledges::Refusal),
    #[error(transparent)]
    Sanctions(crate::sanctions::Refusal),
    #[error(transparent)]
    Initiatives(crate::initiatives::Refusal),
    #[error(transparent)]
    Consultations(crate::consultations::Refusal),
}

impl DomainError {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments (the refusals whose words come from a capability's typed error).
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::Base(e) => e.detail(),
            Self::Motion(e) => e.detail(),
            Self::Election(e) => e.detail(),
            Self::Assembly(e) => e.detail(),
            Self::Membership(e) => e.detail(),
            Self::Network(e) => e.detail(),
            Self::Treaty(e) => e.detail(),
            Self::Caucus(e) => e.detail(),
            Self::Pledges(e) => e.detail(),
            Self::Sanctions(e) => e.detail(),
            Self::Initiatives(e) => e.detail(),
            Self::Consultations(e) => e.detail(),
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::Base(e) => e.id(),
            Self::Motion(e) => e.id(),
            Self::Election(e) => e.id(),
            Self::Assembly(e) => e.id(),
            Self::Membership(e) => e.id(),
            Self::Network(e) => e.id(),
            Self::Treaty(e) => e.id(),
            Self::Caucus(e) => e.id(),
            Self::Pledges(e) => e.id(),
            Self::Sanctions(e) => e.id(),
            Self::Initiatives(e) => e.id(),
            Self::Consultations(e) => e.id(),
        }
    }
}

impl From<crate::base::Refusal> for DomainError {
    fn from(e: crate::base::Refusal) -> Self {
        Self::Base(e)
    }
}

impl From<crate::motion::Refusal> for DomainError {
    fn from(e: crate::motion::Refusal) -> Self {
        Self::Motion(e)
    }
}

impl From<crate::election::Refusal> for DomainError {
    fn from(e: crate::election::Refusal) -> Self {
        Self::Election(e)
    }
}

impl From<crate::assembly::Refusal> for DomainError {
    fn from(e: crate::assembly::Refusal) -> Self {
        Self::Assembly(e)
    }
}

impl From<crate::membership::Refusal> for DomainError {
    fn from(e: crate::membership::Refusal) -> Self {
        Self::Membership(e)
    }
}

impl From<crate::network::Refusal> for DomainError {
    fn from(e: crate::network::Refusal) -> Self {
        Self::Network(e)
    }
}

impl From<crate::treaty::Refusal> for DomainError {
    fn from(e: crate::treaty::Refusal) -> Self {
        Self::Treaty(e)
    }
}

impl From<crate::caucus::Refusal> for DomainError {
    fn from(e: crate::caucus::Refusal) -> Self {
        Self::Caucus(e)
    }
}

impl From<crate::sanctions::Refusal> for DomainError {
    fn from(e: crate::sanctions::Refusal) -> Self {
        Self::Sanctions(e)
    }
}

impl From<crate::pledges::Refusal> for DomainError {
    fn from(e: crate::pledges::Refusal) -> Self {
        Self::Pledges(e)
    }
}

impl From<crate::initiatives::Refusal> for DomainError {
    fn from(e: crate::initiatives::Refusal) -> Self {
        Self::Initiatives(e)
    }
}

impl From<crate::consultations::Refusal> for DomainError {
    fn from(e: crate::consultations::Refusal) -> Self {
        Self::Consultations(e)
    }
}
