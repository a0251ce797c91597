//! Treaties: negotiating text with square brackets, redlines between versions, export to
//! Akoma Ntoso, and entry into force computed from the treaty's own rule and the deposits.

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod error;
mod event;

pub use acts::{TreatyActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::decide;
pub use error::{ActError, AdoptionError, InvalidError, edit_args, edit_id};
pub use event::Event;

pub mod eif;
pub mod record;
mod refusal;

// The text engine is its own pure crate; its modules keep their paths under `treaty`.
pub use comity_drafting::{akn, redline, text};
pub use refusal::Refusal;
