//! Treaties: negotiating text with square brackets, redlines between versions, export to
//! Akoma Ntoso, and entry into force computed from the treaty's own rule and the deposits.

pub mod akn;
pub mod eif;
pub mod record;
pub mod redline;
pub mod text;
