//! How the consultations' events fold into the state. A published submission's SHA-256 is
//! re-derived from its content; the synthesis is read from the motion that adopted it.

use super::{Consultation, Event, Link, RespondentKind, Submission, Synthesis, content_sha256};
use crate::ids::{Actor, Timestamp};
use crate::motion::MotionStatus;
use crate::state::{ApplyError, State, inconsistent, next_in_sequence};

fn consultation_mut(st: &mut State, seq: u64, id: u64) -> Result<&mut Consultation, ApplyError> {
    st.consultations
        .consultations
        .get_mut(&id)
        .ok_or_else(|| inconsistent(seq, &format!("there is no consultation {id}")))
}

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::ConsultationOpened {
            consultation,
            organ,
            title,
            question,
            questions,
            opens,
            closes,
            audience,
        } => {
            next_in_sequence(
                seq,
                "consultation",
                *consultation,
                st.consultations.consultations.len(),
            )?;
            st.consultations.consultations.insert(
                *consultation,
                Consultation {
                    id: *consultation,
                    organ: organ.clone(),
                    title: title.clone(),
                    question: question.clone(),
                    questions: questions.clone(),
                    opens: *opens,
                    closes: *closes,
                    audience: *audience,
                    opened_seq: seq,
                    submissions: Vec::new(),
                    closed: None,
                    synthesis: None,
                    links: Vec::new(),
                },
            );
        }
        Event::SubmissionReceived {
            consultation,
            submission,
            kind,
            country,
            respondent,
            answers,
            confidential,
            sha256,
            day,
        } => {
            let c = consultation_mut(st, seq, *consultation)?;
            next_in_sequence(seq, "submission", *submission, c.submissions.len())?;
            let content_ok = match respondent {
                // Published: the content is the record's, and hashes to what it says.
                Some(r) if !confidential => {
                    r.kind() == *kind && content_sha256(r, answers) == *sha256
                }
                // Confidential: the answers are withheld, and a person's name with them.
                Some(r) => {
                    r.kind() == *kind && *kind != RespondentKind::Person && answers.is_empty()
                }
                None => *confidential && *kind == RespondentKind::Person && answers.is_empty(),
            };
            if !content_ok {
                return Err(inconsistent(
                    seq,
                    "the submission's kind, respondent, answers or SHA-256 do not agree with whether it is confidential",
                ));
            }
            c.submissions.push(Submission {
                number: *submission,
                kind: *kind,
                country: country.clone(),
                respondent: respondent.clone(),
                answers: answers.clone(),
                confidential: *confidential,
                sha256: *sha256,
                day: *day,
                seq,
            });
        }
        Event::ConsultationClosed {
            consultation,
            day,
            submissions,
        } => {
            let c = consultation_mut(st, seq, *consultation)?;
            if *submissions != c.submissions.len() as u64 {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "the close counts {submissions} submissions; the record holds {}",
                        c.submissions.len()
                    ),
                ));
            }
            c.closed = Some((*day, *submissions));
        }
        Event::SynthesisAdopted {
            consultation,
            motion,
            day,
        } => {
            let (title, text) = st
                .motions
                .get(motion)
                .filter(|m| m.status == MotionStatus::Adopted)
                .map(|m| (m.title.clone(), m.text.clone()))
                .ok_or_else(|| inconsistent(seq, &format!("motion {motion} is not adopted")))?;
            consultation_mut(st, seq, *consultation)?.synthesis = Some(Synthesis {
                motion: *motion,
                title,
                text,
                day: *day,
                seq,
            });
        }
        Event::DecisionLinked {
            consultation,
            motion,
            note,
            day,
        } => {
            consultation_mut(st, seq, *consultation)?.links.push(Link {
                motion: *motion,
                note: note.clone(),
                day: *day,
                seq,
            });
        }
    }
    Ok(())
}
