//! The base API: members, the charter and organs, the journal.

pub mod account;
pub mod accounts;
pub mod charter;
pub mod journal;
pub mod members;
