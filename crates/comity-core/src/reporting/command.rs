//! Organs' reports.

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// An organ's report, to its `reports_to` organ or, without one, to the Summit.
    SubmitReport {
        organ: String,
        title: String,
        period: String,
        text: String,
    },
}
