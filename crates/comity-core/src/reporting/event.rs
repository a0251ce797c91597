//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// An organ reported to the organ it answers to (seed 000: the Summit receives reports).
    ReportSubmitted {
        report: u64,
        organ: String,
        to: String,
        title: String,
        period: String,
        text: String,
    },
}
