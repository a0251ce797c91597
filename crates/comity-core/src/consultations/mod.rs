//! Consultations (seed 002: the Global Digital Compact's stakeholder consultations; MISSION:
//! citizens and civil society with real power). An organ asks a question for a fixed period,
//! in structured questions (free text, one choice among options, a scale of agreement), of
//! the audience it chooses: accredited organisations, member states and, where it allows,
//! anyone. Submissions are published as they arrive; a confidential one is journaled without
//! its answers (and, for a person, without the name), with the SHA-256 of its content, which
//! is kept beside the journal for the secretariat. Organisations and states are named even
//! then: who lobbies an organ is public, and each speaks once.
//! After the close, the organ adopts a synthesis by a motion under its own rule, and the
//! consultation is linked to the decisions it informed. The figures per question are derived
//! (`results`), never recorded.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{Day, Iso3};
use crate::journal::Hash;

mod apply;
mod auth;
mod command;
mod decide;
mod event;
pub mod file;
mod refusal;

pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{content_sha256, decide};
pub use event::Event;
pub use refusal::Refusal;

/// Longest free-text answer, in characters.
pub const MAX_TEXT: usize = 10_000;
/// Points of a scale answer: 1 (strongly disagree) to 5 (strongly agree).
pub const SCALE_POINTS: u8 = 5;

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Free text.
    Text,
    /// One of the options.
    Choice { options: Vec<String> },
    /// Agreement from 1 (strongly disagree) to 5 (strongly agree).
    Scale,
}

impl QuestionKind {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Choice { .. } => "choice",
            Self::Scale => "scale",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Numbered from 1 in the order asked.
    pub number: u32,
    pub text: String,
    pub kind: QuestionKind,
}

/// One answer: its shape must match its question's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    /// The option's index, from 0.
    Choice(u32),
    Scale(u8),
}

/// Who may respond, as the organ chose when it opened the consultation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audience {
    /// Organisations accredited to the networks.
    pub organisations: bool,
    /// Member states, by their delegates.
    pub states: bool,
    /// Anyone, with a name and a country.
    pub public: bool,
}

impl Audience {
    pub fn allows(&self, kind: RespondentKind) -> bool {
        match kind {
            RespondentKind::Organisation => self.organisations,
            RespondentKind::State => self.states,
            RespondentKind::Person => self.public,
        }
    }
    /// The kinds allowed, as codes.
    pub fn codes(&self) -> Vec<&'static str> {
        RespondentKind::ALL
            .iter()
            .filter(|k| self.allows(**k))
            .map(|k| k.code())
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RespondentKind {
    Organisation,
    State,
    Person,
}

impl RespondentKind {
    pub const ALL: [Self; 3] = [Self::Organisation, Self::State, Self::Person];
    pub fn code(self) -> &'static str {
        match self {
            Self::Organisation => "organisation",
            Self::State => "state",
            Self::Person => "person",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

/// Who responds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Respondent {
    /// An organisation accredited to a network, by its accreditation number.
    Organisation { accreditation: u64 },
    /// A member state.
    State { state: Iso3 },
    /// Anyone: a name, the country they live in, and the organisation they speak for, if any.
    Person {
        name: String,
        country: Iso3,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        organisation: Option<String>,
    },
}

impl Respondent {
    pub fn kind(&self) -> RespondentKind {
        match self {
            Self::Organisation { .. } => RespondentKind::Organisation,
            Self::State { .. } => RespondentKind::State,
            Self::Person { .. } => RespondentKind::Person,
        }
    }
}

/// A submission as the record gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub number: u64,
    pub kind: RespondentKind,
    pub country: Iso3,
    /// `None` for a person who asked for confidentiality.
    pub respondent: Option<Respondent>,
    /// Empty when confidential.
    pub answers: BTreeMap<u32, Answer>,
    pub confidential: bool,
    /// SHA-256 of the respondent and answers (see [`content_sha256`]).
    pub sha256: Hash,
    pub day: Day,
    pub seq: u64,
}

/// The synthesis the organ adopted: the text of the motion that adopted it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synthesis {
    pub motion: u64,
    pub title: String,
    pub text: String,
    pub day: Day,
    pub seq: u64,
}

/// A decision the consultation informed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub motion: u64,
    pub note: String,
    pub day: Day,
    pub seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consultation {
    pub id: u64,
    pub organ: String,
    pub title: String,
    /// The question consulted on, in a sentence or a paragraph.
    pub question: String,
    pub questions: Vec<Question>,
    pub opens: Day,
    pub closes: Day,
    pub audience: Audience,
    pub opened_seq: u64,
    pub submissions: Vec<Submission>,
    /// The day the close was recorded, and the submissions it counted.
    pub closed: Option<(Day, u64)>,
    pub synthesis: Option<Synthesis>,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Opens on a later day.
    Upcoming,
    /// Taking submissions.
    Open,
    /// Past its closing day; the close not yet recorded.
    Ended,
    /// Closed; the synthesis awaits the organ.
    Closed,
    /// The organ adopted its synthesis.
    Concluded,
}

impl Status {
    pub const ALL: [Self; 5] = [
        Self::Upcoming,
        Self::Open,
        Self::Ended,
        Self::Closed,
        Self::Concluded,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Open => "open",
            Self::Ended => "ended",
            Self::Closed => "closed",
            Self::Concluded => "concluded",
        }
    }
}

/// Figures of one question over the published submissions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub number: u32,
    /// Published submissions that answered it.
    pub answered: u64,
    /// Per option (choice) or per point 1..=5 (scale); empty for free text.
    pub counts: Vec<u64>,
}

impl Consultation {
    /// Where the consultation stands on `today`.
    pub fn status(&self, today: Day) -> Status {
        if self.synthesis.is_some() {
            Status::Concluded
        } else if self.closed.is_some() {
            Status::Closed
        } else if today < self.opens {
            Status::Upcoming
        } else if today <= self.closes {
            Status::Open
        } else {
            Status::Ended
        }
    }

    pub fn question(&self, n: u32) -> Option<&Question> {
        self.questions.iter().find(|q| q.number == n)
    }

    pub fn confidential(&self) -> usize {
        self.submissions.iter().filter(|s| s.confidential).count()
    }

    /// Submissions per respondent kind, confidential ones included.
    pub fn by_kind(&self) -> BTreeMap<RespondentKind, u64> {
        let mut out = BTreeMap::new();
        for s in &self.submissions {
            *out.entry(s.kind).or_default() += 1;
        }
        out
    }

    /// Submissions per country, confidential ones included, most first.
    pub fn by_country(&self) -> Vec<(Iso3, u64)> {
        let mut m: BTreeMap<&Iso3, u64> = BTreeMap::new();
        for s in &self.submissions {
            *m.entry(&s.country).or_default() += 1;
        }
        let mut v: Vec<(Iso3, u64)> = m.into_iter().map(|(c, n)| (c.clone(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }

    /// Each question's figures over the published submissions.
    pub fn results(&self) -> Vec<QuestionResult> {
        self.questions
            .iter()
            .map(|q| {
                let mut counts = match &q.kind {
                    QuestionKind::Text => Vec::new(),
                    QuestionKind::Choice { options } => vec![0; options.len()],
                    QuestionKind::Scale => vec![0; usize::from(SCALE_POINTS)],
                };
                let mut answered = 0;
                for s in &self.submissions {
                    let Some(a) = s.answers.get(&q.number) else {
                        continue;
                    };
                    answered += 1;
                    let slot = match a {
                        Answer::Choice(i) => Some(*i as usize),
                        Answer::Scale(p) => usize::from(*p).checked_sub(1),
                        Answer::Text(_) => None,
                    };
                    if let Some(c) = slot.and_then(|i| counts.get_mut(i)) {
                        *c += 1;
                    }
                }
                QuestionResult {
                    number: q.number,
                    answered,
                    counts,
                }
            })
            .collect()
    }
}

/// The consultations, by number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consultations {
    pub consultations: BTreeMap<u64, Consultation>,
}

impl Consultations {
    /// The consultations that informed motion `id` (or adopted their synthesis by it).
    pub fn informing(&self, motion: u64) -> impl Iterator<Item = &Consultation> {
        self.consultations.values().filter(move |c| {
            c.links.iter().any(|l| l.motion == motion)
                || c.synthesis.as_ref().is_some_and(|s| s.motion == motion)
        })
    }
}
