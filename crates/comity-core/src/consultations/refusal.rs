//! Why a consultations command was refused. Each case has a stable id: the API's problem
//! type and, prefixed with `refused-`, its message id in the translations.

use crate::ids::{Day, Iso3};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("there is no organ {0}")]
    UnknownOrgan(String),
    #[error("there is no consultation {0}")]
    Unknown(u64),
    #[error("the consultation must close on or after the day it opens ({opens})")]
    BadPeriod { opens: Day },
    #[error("a consultation asks at least one question, at most 50")]
    Questions,
    #[error("question {number}: {problem}")]
    BadQuestion { number: u32, problem: &'static str },
    #[error("a consultation is open to at least one kind of respondent")]
    NoAudience,
    #[error("consultation {consultation} takes submissions from {opens} to {closes}")]
    NotOpen {
        consultation: u64,
        opens: Day,
        closes: Day,
    },
    #[error("consultation {consultation} does not take submissions from a {kind}")]
    NotInAudience {
        consultation: u64,
        kind: &'static str,
    },
    #[error("there is no accredited organisation {0}")]
    NotAccredited(u64),
    #[error("{0} is not a member of the alliance")]
    NotAMember(Iso3),
    #[error("{0} is not a country of the registry")]
    UnknownCountry(Iso3),
    #[error("this respondent has already responded to consultation {0}")]
    AlreadyResponded(u64),
    #[error("consultation {consultation} has no question {number}")]
    NoQuestion { consultation: u64, number: u32 },
    #[error("the answer to question {number} must be {expected}")]
    BadAnswer { number: u32, expected: &'static str },
    #[error("a submission answers at least one question")]
    NoAnswer,
    #[error("consultation {consultation} closes on {closes}: its close cannot be recorded before")]
    NotEnded { consultation: u64, closes: Day },
    #[error("consultation {0} is closed already")]
    Closed(u64),
    #[error("consultation {0} is not closed yet")]
    NotClosed(u64),
    #[error("consultation {0} has its synthesis already")]
    HasSynthesis(u64),
    #[error("there is no motion {0}")]
    UnknownMotion(u64),
    #[error("motion {motion} is not an adopted motion of {organ}")]
    NotAdopted { motion: u64, organ: String },
    #[error(
        "motion {motion} was tabled before the consultation closed ({closes}): it cannot adopt its synthesis"
    )]
    TabledTooEarly { motion: u64, closes: Day },
    #[error("consultation {consultation} is linked to motion {motion} already")]
    Linked { consultation: u64, motion: u64 },
}

impl Refusal {
    /// The Fluent id and arguments of every case.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let s = |x: &dyn ToString| x.to_string();
        let args = match self {
            Self::UnknownOrgan(o) => vec![("organ", o.clone())],
            Self::Unknown(c)
            | Self::AlreadyResponded(c)
            | Self::Closed(c)
            | Self::NotClosed(c)
            | Self::HasSynthesis(c) => vec![("consultation", s(c))],
            Self::BadPeriod { opens } => vec![("opens", s(opens))],
            Self::Questions | Self::NoAudience | Self::NoAnswer => vec![],
            Self::BadQuestion { number, problem } => {
                vec![("number", s(number)), ("problem", s(problem))]
            }
            Self::NotOpen {
                consultation,
                opens,
                closes,
            } => vec![
                ("consultation", s(consultation)),
                ("opens", s(opens)),
                ("closes", s(closes)),
            ],
            Self::NotInAudience { consultation, kind } => {
                vec![("consultation", s(consultation)), ("kind", s(kind))]
            }
            Self::NotAccredited(a) => vec![("accreditation", s(a))],
            Self::NotAMember(c) | Self::UnknownCountry(c) => vec![("state", s(c))],
            Self::NoQuestion {
                consultation,
                number,
            } => vec![("consultation", s(consultation)), ("number", s(number))],
            Self::BadAnswer { number, expected } => {
                vec![("number", s(number)), ("expected", s(expected))]
            }
            Self::NotEnded {
                consultation,
                closes,
            } => vec![("consultation", s(consultation)), ("closes", s(closes))],
            Self::UnknownMotion(m) => vec![("motion", s(m))],
            Self::NotAdopted { motion, organ } => {
                vec![("motion", s(motion)), ("organ", organ.clone())]
            }
            Self::Linked {
                consultation,
                motion,
            } => vec![("consultation", s(consultation)), ("motion", s(motion))],
            Self::TabledTooEarly { motion, closes } => {
                vec![("motion", s(motion)), ("closes", s(closes))]
            }
        };
        Some((self.message_id(), args))
    }

    fn message_id(&self) -> &'static str {
        match self {
            Self::UnknownOrgan(_) => "refused-consultations-unknown-organ",
            Self::Unknown(_) => "refused-consultations-unknown",
            Self::BadPeriod { .. } => "refused-consultations-bad-period",
            Self::Questions => "refused-consultations-questions",
            Self::BadQuestion { .. } => "refused-consultations-bad-question",
            Self::NoAudience => "refused-consultations-no-audience",
            Self::NotOpen { .. } => "refused-consultations-not-open",
            Self::NotInAudience { .. } => "refused-consultations-not-in-audience",
            Self::NotAccredited(_) => "refused-consultations-not-accredited",
            Self::NotAMember(_) => "refused-consultations-not-a-member",
            Self::UnknownCountry(_) => "refused-consultations-unknown-country",
            Self::AlreadyResponded(_) => "refused-consultations-already-responded",
            Self::NoQuestion { .. } => "refused-consultations-no-question",
            Self::BadAnswer { .. } => "refused-consultations-bad-answer",
            Self::NoAnswer => "refused-consultations-no-answer",
            Self::NotEnded { .. } => "refused-consultations-not-ended",
            Self::Closed(_) => "refused-consultations-closed",
            Self::NotClosed(_) => "refused-consultations-not-closed",
            Self::HasSynthesis(_) => "refused-consultations-has-synthesis",
            Self::UnknownMotion(_) => "refused-consultations-unknown-motion",
            Self::NotAdopted { .. } => "refused-consultations-not-adopted",
            Self::Linked { .. } => "refused-consultations-linked",
            Self::TabledTooEarly { .. } => "refused-consultations-tabled-too-early",
        }
    }

    /// Stable identifier, used in API problem types.
    pub fn id(&self) -> &'static str {
        self.message_id()
            .strip_prefix("refused-")
            .unwrap_or(self.message_id())
    }
}
