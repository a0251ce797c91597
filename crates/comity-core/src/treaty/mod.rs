//! Treaties: negotiating text with square brackets, redlines between versions, export to
//! Akoma Ntoso, and entry into force computed from the treaty's own rule and the deposits.

pub mod eif;
pub mod record;

// The text engine is its own pure crate; its modules keep their paths under `treaty`.
pub use comity_drafting::{akn, redline, text};
