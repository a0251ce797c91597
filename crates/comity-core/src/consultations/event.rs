//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Answer, Audience, Question, Respondent, RespondentKind};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    ConsultationOpened {
        consultation: u64,
        organ: String,
        title: String,
        question: String,
        questions: Vec<Question>,
        opens: Day,
        closes: Day,
        audience: Audience,
    },
    /// `answers` are withheld when `confidential`, and `respondent` too for a person;
    /// `sha256` covers both either way (see `content_sha256`).
    SubmissionReceived {
        consultation: u64,
        submission: u64,
        kind: RespondentKind,
        country: Iso3,
        respondent: Option<Respondent>,
        answers: BTreeMap<u32, Answer>,
        confidential: bool,
        sha256: Hash,
        day: Day,
    },
    ConsultationClosed {
        consultation: u64,
        day: Day,
        submissions: u64,
    },
    /// The synthesis is the text of the adopted motion, as the record gives it.
    SynthesisAdopted {
        consultation: u64,
        motion: u64,
        day: Day,
    },
    DecisionLinked {
        consultation: u64,
        motion: u64,
        note: String,
        day: Day,
    },
}

impl Event {
    pub fn consultation(&self) -> u64 {
        match self {
            Self::ConsultationOpened { consultation, .. }
            | Self::SubmissionReceived { consultation, .. }
            | Self::ConsultationClosed { consultation, .. }
            | Self::SynthesisAdopted { consultation, .. }
            | Self::DecisionLinked { consultation, .. } => *consultation,
        }
    }
}
