//! Organs' reports to the organ they answer to (seed 000: the Summit receives reports).

use serde::{Deserialize, Serialize};

mod apply;
mod auth;
mod command;
mod decide;
mod event;

pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::decide;
pub use event::Event;

use crate::ids::Timestamp;

/// An organ's report to the organ it answers to (its `reports_to`, else the Summit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub id: u64,
    pub organ: String,
    pub to: String,
    pub title: String,
    /// The period it covers, as the organ states it (e.g. `2026`).
    pub period: String,
    pub text: String,
    pub seq: u64,
    pub time: Timestamp,
}
