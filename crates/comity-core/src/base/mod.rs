//! What every capability stands on: ids, the journal, the registry of states and their
//! ratings, the charter, eligibility criteria, organs, the reference data shipped with the
//! binary; and the founding acts (reference data recorded, the charter adopted, the
//! founding members admitted, fixed seats assigned).

pub mod charter;
pub mod criteria;
pub mod data;
pub mod export;
pub mod ids;
pub mod journal;
pub mod organs;
pub mod registry;
pub mod toml_loc;

mod apply;
mod auth;
mod command;
mod decide;
mod error;
mod event;
mod refusal;

pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::decide;
pub use error::RuleError;
pub use event::Event;
pub use refusal::Refusal;

use crate::base;
use crate::error::DomainError;
use crate::state::State;

/// The decision kind that admits a state after founding.
pub(crate) const ACCESSION: &str = "accession";
/// The decision kind that takes a measure in a member's review.
pub(crate) const REVIEW: &str = "membership_review";
/// The decision kind that accredits a network member.
pub(crate) const ACCREDITATION: &str = "accreditation";

/// The adopted charter, or the refusal that there is none.
pub(crate) fn charter_of(state: &State) -> Result<&charter::Charter, DomainError> {
    state
        .charter
        .as_ref()
        .map(|c| &c.charter)
        .ok_or(DomainError::Base(base::Refusal::NoCharter))
}

/// The charter's rule for a decision kind, or the refusal that it has none.
pub(crate) fn decision_spec<'a>(
    charter: &'a charter::Charter,
    kind: &str,
) -> Result<&'a charter::DecisionSpec, DomainError> {
    charter
        .decision(kind)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownDecision(kind.to_owned())))
}

/// A free-text field: not blank, at most `max` characters.
pub(crate) fn text_field(field: &'static str, value: &str, max: usize) -> Result<(), DomainError> {
    if value.trim().is_empty() {
        return Err(DomainError::Base(base::Refusal::EmptyField { field }));
    }
    if value.chars().count() > max {
        return Err(DomainError::Base(base::Refusal::TooLong { field, max }));
    }
    Ok(())
}
