//! Acts on consultations.

use std::collections::BTreeMap;

use super::{Answer, Audience, Question, Respondent};
use crate::ids::Day;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// The organ opens a consultation from `opens` to `closes` (both included).
    Open {
        organ: String,
        title: String,
        question: String,
        questions: Vec<Question>,
        opens: Day,
        closes: Day,
        audience: Audience,
    },
    /// A submission; a confidential one is journaled by its kind, country and SHA-256 alone.
    Submit {
        consultation: u64,
        respondent: Respondent,
        answers: BTreeMap<u32, Answer>,
        confidential: bool,
    },
    /// Record the close, on or after the closing day.
    Close { consultation: u64 },
    /// The organ adopted the synthesis by motion `motion` (adopted, in the organ).
    AdoptSynthesis { consultation: u64, motion: u64 },
    /// The consultation informed the decision on motion `motion`.
    LinkDecision {
        consultation: u64,
        motion: u64,
        note: String,
    },
}
