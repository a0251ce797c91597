//! Deciding the acts on consultations: one function per command.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{
    Answer, Audience, Command, Consultation, Event, MAX_TEXT, Question, QuestionKind, Refusal,
    Respondent, RespondentKind, SCALE_POINTS, Status,
};
use crate::base::text_field;
use crate::error::DomainError;
use crate::event::Event as AnyEvent;
use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;
use crate::motion::MotionStatus;
use crate::network::AccreditationStatus;
use crate::state::State;

fn refused(r: Refusal) -> DomainError {
    DomainError::Consultations(r)
}

fn one(e: Event) -> Vec<AnyEvent> {
    vec![AnyEvent::Consultations(e)]
}

fn consultation(state: &State, id: u64) -> Result<&Consultation, DomainError> {
    state
        .consultations
        .consultations
        .get(&id)
        .ok_or(refused(Refusal::Unknown(id)))
}

/// The SHA-256 of a submission's respondent and answers, as the journal records it for a
/// confidential one: the JSON of `{"answers": …, "respondent": …}`, keys in order.
pub fn content_sha256(respondent: &Respondent, answers: &BTreeMap<u32, Answer>) -> Hash {
    #[derive(Serialize)]
    struct Content<'a> {
        answers: &'a BTreeMap<u32, Answer>,
        respondent: &'a Respondent,
    }
    let bytes = serde_json::to_vec(&Content {
        answers,
        respondent,
    })
    .unwrap_or_default();
    Hash::of(&bytes)
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<AnyEvent>, DomainError> {
    let charter = crate::base::charter_of(state)?;
    let day = Day::of(now).ok_or(refused(Refusal::BadPeriod {
        opens: Day::from_date(time::Date::MIN),
    }))?;
    match cmd {
        Command::Open {
            organ,
            title,
            question,
            questions,
            opens,
            closes,
            audience,
        } => {
            if charter.organ(organ).is_none() {
                return Err(refused(Refusal::UnknownOrgan(organ.clone())));
            }
            text_field("title", title, 300)?;
            text_field("question", question, 5_000)?;
            if closes < opens {
                return Err(refused(Refusal::BadPeriod { opens: *opens }));
            }
            check_questions(questions)?;
            if *audience == Audience::default() {
                return Err(refused(Refusal::NoAudience));
            }
            Ok(one(Event::ConsultationOpened {
                consultation: state.consultations.consultations.len() as u64 + 1,
                organ: organ.clone(),
                title: title.trim().to_owned(),
                question: question.trim().to_owned(),
                questions: questions.clone(),
                opens: *opens,
                closes: *closes,
                audience: *audience,
            }))
        }
        Command::Submit {
            consultation: id,
            respondent,
            answers,
            confidential,
        } => submit(state, day, *id, respondent, answers, *confidential),
        Command::Close { consultation: id } => {
            let c = consultation(state, *id)?;
            if c.closed.is_some() {
                return Err(refused(Refusal::Closed(*id)));
            }
            if day <= c.closes {
                return Err(refused(Refusal::NotEnded {
                    consultation: *id,
                    closes: c.closes,
                }));
            }
            Ok(one(Event::ConsultationClosed {
                consultation: *id,
                day,
                submissions: c.submissions.len() as u64,
            }))
        }
        Command::AdoptSynthesis {
            consultation: id,
            motion,
        } => {
            let c = consultation(state, *id)?;
            match c.status(day) {
                Status::Concluded => return Err(refused(Refusal::HasSynthesis(*id))),
                Status::Closed => {}
                _ => return Err(refused(Refusal::NotClosed(*id))),
            }
            let m = state
                .motions
                .get(motion)
                .ok_or(refused(Refusal::UnknownMotion(*motion)))?;
            if m.organ != c.organ || m.status != MotionStatus::Adopted {
                return Err(refused(Refusal::NotAdopted {
                    motion: *motion,
                    organ: c.organ.clone(),
                }));
            }
            // A synthesis weighs every submission: its motion comes after the closing day.
            if Day::of(m.tabled_at).is_none_or(|d| d <= c.closes) {
                return Err(refused(Refusal::TabledTooEarly {
                    motion: *motion,
                    closes: c.closes,
                }));
            }
            Ok(one(Event::SynthesisAdopted {
                consultation: *id,
                motion: *motion,
                day,
            }))
        }
        Command::LinkDecision {
            consultation: id,
            motion,
            note,
        } => {
            let c = consultation(state, *id)?;
            if c.closed.is_none() {
                return Err(refused(Refusal::NotClosed(*id)));
            }
            if !state.motions.contains_key(motion) {
                return Err(refused(Refusal::UnknownMotion(*motion)));
            }
            if c.links.iter().any(|l| l.motion == *motion) {
                return Err(refused(Refusal::Linked {
                    consultation: *id,
                    motion: *motion,
                }));
            }
            if note.chars().count() > 2_000 {
                return Err(DomainError::Base(crate::base::Refusal::TooLong {
                    field: "note",
                    max: 2_000,
                }));
            }
            Ok(one(Event::DecisionLinked {
                consultation: *id,
                motion: *motion,
                note: note.trim().to_owned(),
                day,
            }))
        }
    }
}

fn check_questions(questions: &[Question]) -> Result<(), DomainError> {
    if questions.is_empty() || questions.len() > 50 {
        return Err(refused(Refusal::Questions));
    }
    for (i, q) in questions.iter().enumerate() {
        let bad = |problem| {
            refused(Refusal::BadQuestion {
                number: q.number,
                problem,
            })
        };
        if q.number as usize != i + 1 {
            return Err(bad("questions are numbered 1, 2, 3… in order"));
        }
        if q.text.trim().is_empty() || q.text.chars().count() > 2_000 {
            return Err(bad("its text must have 1 to 2,000 characters"));
        }
        if let QuestionKind::Choice { options } = &q.kind {
            if options.len() < 2 || options.len() > 20 {
                return Err(bad("a choice offers 2 to 20 options"));
            }
            if options
                .iter()
                .any(|o| o.trim().is_empty() || o.chars().count() > 300)
            {
                return Err(bad("an option must have 1 to 300 characters"));
            }
        }
    }
    Ok(())
}

fn submit(
    state: &State,
    day: Day,
    id: u64,
    respondent: &Respondent,
    answers: &BTreeMap<u32, Answer>,
    confidential: bool,
) -> Result<Vec<AnyEvent>, DomainError> {
    let c = consultation(state, id)?;
    if c.closed.is_some() || day < c.opens || day > c.closes {
        return Err(refused(Refusal::NotOpen {
            consultation: id,
            opens: c.opens,
            closes: c.closes,
        }));
    }
    let kind = respondent.kind();
    if !c.audience.allows(kind) {
        return Err(refused(Refusal::NotInAudience {
            consultation: id,
            kind: kind.code(),
        }));
    }
    let country: Iso3 = match respondent {
        Respondent::Organisation { accreditation } => {
            let a = state
                .accreditations
                .get(accreditation)
                .filter(|a| a.status == AccreditationStatus::Accredited)
                .ok_or(refused(Refusal::NotAccredited(*accreditation)))?;
            a.country.clone()
        }
        Respondent::State { state: s } => {
            if !state.members.contains_key(s) {
                return Err(refused(Refusal::NotAMember(s.clone())));
            }
            s.clone()
        }
        Respondent::Person {
            name,
            country,
            organisation,
        } => {
            text_field("name", name, 200)?;
            if let Some(o) = organisation {
                text_field("organisation", o, 300)?;
            }
            if state.registry.country(country).is_none() {
                return Err(refused(Refusal::UnknownCountry(country.clone())));
            }
            country.clone()
        }
    };
    // An organisation or a state speaks once (its name is published even when its content
    // is confidential); people are not identified, so they are not deduplicated.
    if !matches!(respondent, Respondent::Person { .. })
        && c.submissions
            .iter()
            .any(|s| s.respondent.as_ref() == Some(respondent))
    {
        return Err(refused(Refusal::AlreadyResponded(id)));
    }
    let answers = check_answers(c, answers)?;
    let sha256 = content_sha256(respondent, &answers);
    Ok(one(Event::SubmissionReceived {
        consultation: id,
        submission: c.submissions.len() as u64 + 1,
        kind,
        country,
        respondent: (!confidential || kind != RespondentKind::Person).then(|| respondent.clone()),
        answers: if confidential {
            BTreeMap::new()
        } else {
            answers
        },
        confidential,
        sha256,
        day,
    }))
}

/// The answers with free text trimmed and empty ones dropped; each must fit its question.
fn check_answers(
    c: &Consultation,
    answers: &BTreeMap<u32, Answer>,
) -> Result<BTreeMap<u32, Answer>, DomainError> {
    let mut out = BTreeMap::new();
    for (n, a) in answers {
        let q = c.question(*n).ok_or(refused(Refusal::NoQuestion {
            consultation: c.id,
            number: *n,
        }))?;
        let bad = |expected| {
            refused(Refusal::BadAnswer {
                number: *n,
                expected,
            })
        };
        let a = match (&q.kind, a) {
            (QuestionKind::Text, Answer::Text(t)) => {
                let t = t.trim();
                if t.is_empty() {
                    continue;
                }
                if t.chars().count() > MAX_TEXT {
                    return Err(bad("a text of at most 10,000 characters"));
                }
                Answer::Text(t.to_owned())
            }
            (QuestionKind::Text, _) => return Err(bad("a text")),
            (QuestionKind::Choice { options }, Answer::Choice(i))
                if (*i as usize) < options.len() =>
            {
                Answer::Choice(*i)
            }
            (QuestionKind::Choice { .. }, _) => return Err(bad("one of the options")),
            (QuestionKind::Scale, Answer::Scale(p)) if (1..=SCALE_POINTS).contains(p) => {
                Answer::Scale(*p)
            }
            (QuestionKind::Scale, _) => return Err(bad("a point from 1 to 5")),
        };
        out.insert(*n, a);
    }
    if out.is_empty() {
        return Err(refused(Refusal::NoAnswer));
    }
    Ok(out)
}
