//! A consultation as the page and the API give it, and its charts.

use comity_core::State;
use comity_core::consultations::{Answer, Consultation, QuestionKind, Respondent};
use comity_core::ids::Day;
use serde::Serialize;

use crate::kit::names::{escape, organ_name, state_name};

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct QuestionDoc {
    pub number: u32,
    pub text: String,
    /// `text`, `choice` or `scale` (1 strongly disagree … 5 strongly agree).
    pub kind: String,
    /// A choice's options, in order (answers give the index, from 0).
    pub options: Vec<String>,
    /// Published submissions that answered it.
    pub answered: u64,
    /// Per option (choice) or per point 1–5 (scale); empty for free text.
    pub counts: Vec<u64>,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct AnswerDoc {
    pub question: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A choice's option index, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<u8>,
    /// The answer in words: the text, the option, or the point.
    pub shown: String,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SubmissionDoc {
    pub number: u64,
    /// `organisation`, `state` or `person`.
    pub kind: String,
    pub country: String,
    /// Who responded: the organisation, the state, or the person (with the organisation
    /// they speak for); empty for a person who asked for confidentiality.
    pub respondent: String,
    /// The accreditation number of an organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accreditation: Option<u64>,
    pub confidential: bool,
    /// Empty when confidential.
    pub answers: Vec<AnswerDoc>,
    pub sha256: String,
    pub day: String,
    /// The journal entry that records it.
    pub entry: u64,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct MotionRef {
    pub motion: u64,
    pub title: String,
    pub status: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub day: String,
    pub entry: u64,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SynthesisDoc {
    pub motion: u64,
    pub title: String,
    pub text: String,
    pub day: String,
    pub entry: u64,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct ConsultationDoc {
    pub id: u64,
    pub organ: String,
    pub organ_name: String,
    pub title: String,
    pub question: String,
    pub opens: String,
    pub closes: String,
    /// Days left to respond, while open.
    pub days_left: Option<i64>,
    /// Who may respond: `organisation`, `state`, `person`.
    pub audience: Vec<String>,
    /// `upcoming`, `open`, `ended`, `closed` or `concluded`.
    pub status: String,
    pub questions: Vec<QuestionDoc>,
    pub submissions: u64,
    pub confidential: u64,
    pub by_kind: Vec<Count>,
    pub by_country: Vec<Count>,
    /// The published submissions, oldest first.
    pub published: Vec<SubmissionDoc>,
    pub synthesis: Option<SynthesisDoc>,
    /// The decisions it informed.
    pub decisions: Vec<MotionRef>,
    pub opened_entry: u64,
}

/// An answer in words.
pub fn shown(c: &Consultation, n: u32, a: &Answer) -> String {
    match a {
        Answer::Text(t) => t.clone(),
        Answer::Scale(p) => format!("{p} / 5"),
        Answer::Choice(i) => match c.question(n).map(|q| &q.kind) {
            Some(QuestionKind::Choice { options }) => {
                options.get(*i as usize).cloned().unwrap_or_default()
            }
            _ => i.to_string(),
        },
    }
}

fn respondent(state: &State, r: Option<&Respondent>) -> (String, Option<u64>) {
    match r {
        Some(Respondent::Organisation { accreditation }) => (
            state
                .accreditations
                .get(accreditation)
                .map_or_else(|| accreditation.to_string(), |a| a.name.clone()),
            Some(*accreditation),
        ),
        Some(Respondent::State { state: s }) => (state_name(state, s), None),
        Some(Respondent::Person {
            name, organisation, ..
        }) => (
            match organisation {
                Some(o) => format!("{name} ({o})"),
                None => name.clone(),
            },
            None,
        ),
        None => (String::new(), None),
    }
}

fn motion_ref(state: &State, motion: u64, note: &str, day: Day, entry: u64) -> MotionRef {
    let m = state.motions.get(&motion);
    MotionRef {
        motion,
        title: m.map(|m| m.title.clone()).unwrap_or_default(),
        status: m.map(|m| m.status.code().to_owned()).unwrap_or_default(),
        note: note.to_owned(),
        day: day.to_string(),
        entry,
    }
}

pub fn detail(state: &State, c: &Consultation, today: Day) -> ConsultationDoc {
    let status = c.status(today);
    let results = c.results();
    ConsultationDoc {
        id: c.id,
        organ: c.organ.clone(),
        organ_name: organ_name(state, &c.organ),
        title: c.title.clone(),
        question: c.question.clone(),
        opens: c.opens.to_string(),
        closes: c.closes.to_string(),
        days_left: (status == comity_core::consultations::Status::Open)
            .then(|| (c.closes.date() - today.date()).whole_days() + 1),
        audience: c.audience.codes().into_iter().map(str::to_owned).collect(),
        status: status.code().to_owned(),
        questions: c
            .questions
            .iter()
            .zip(results)
            .map(|(q, r)| QuestionDoc {
                number: q.number,
                text: q.text.clone(),
                kind: q.kind.code().to_owned(),
                options: match &q.kind {
                    QuestionKind::Choice { options } => options.clone(),
                    _ => Vec::new(),
                },
                answered: r.answered,
                counts: r.counts,
            })
            .collect(),
        submissions: c.submissions.len() as u64,
        confidential: c.confidential() as u64,
        by_kind: c
            .by_kind()
            .into_iter()
            .map(|(k, n)| Count {
                key: k.code().to_owned(),
                count: n,
            })
            .collect(),
        by_country: c
            .by_country()
            .into_iter()
            .map(|(k, n)| Count {
                key: k.to_string(),
                count: n,
            })
            .collect(),
        published: c
            .submissions
            .iter()
            .map(|s| {
                let (name, accreditation) = respondent(state, s.respondent.as_ref());
                SubmissionDoc {
                    number: s.number,
                    kind: s.kind.code().to_owned(),
                    country: s.country.to_string(),
                    respondent: name,
                    accreditation,
                    confidential: s.confidential,
                    answers: s
                        .answers
                        .iter()
                        .map(|(n, a)| AnswerDoc {
                            question: *n,
                            text: match a {
                                Answer::Text(t) => Some(t.clone()),
                                _ => None,
                            },
                            choice: match a {
                                Answer::Choice(i) => Some(*i),
                                _ => None,
                            },
                            scale: match a {
                                Answer::Scale(p) => Some(*p),
                                _ => None,
                            },
                            shown: shown(c, *n, a),
                        })
                        .collect(),
                    sha256: s.sha256.to_string(),
                    day: s.day.to_string(),
                    entry: s.seq,
                }
            })
            .collect(),
        synthesis: c.synthesis.as_ref().map(|s| SynthesisDoc {
            motion: s.motion,
            title: s.title.clone(),
            text: s.text.clone(),
            day: s.day.to_string(),
            entry: s.seq,
        }),
        decisions: c
            .links
            .iter()
            .map(|l| motion_ref(state, l.motion, &l.note, l.day, l.seq))
            .collect(),
        opened_entry: c.opened_seq,
    }
}

/// Horizontal bars of one question's answers: one bar per option or point, its count and
/// share written beside it.
pub fn bars(id: &str, title: &str, labels: &[String], counts: &[u64]) -> String {
    let total: u64 = counts.iter().sum();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let (w, row, left) = (560.0, 22.0, 200.0);
    let h = row * labels.len() as f64 + 8.0;
    let scale = w - left - 90.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-t\" class=\"chart\"><title id=\"{id}-t\">{}</title>",
        escape(title)
    );
    for (i, (label, n)) in labels.iter().zip(counts).enumerate() {
        let y = 4.0 + row * i as f64;
        let bw = crate::kit::chart::round(scale * *n as f64 / max as f64);
        let pct = (*n * 100).checked_div(total).unwrap_or(0);
        let short: String = if label.chars().count() > 30 {
            label.chars().take(29).chain(['…']).collect()
        } else {
            label.clone()
        };
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text><rect x=\"{left}\" y=\"{y}\" width=\"{bw}\" height=\"{}\" fill=\"#1f4e79\"><title>{}: {n}</title></rect><text x=\"{}\" y=\"{}\" font-size=\"12\">{n} ({pct} %)</text>",
            left - 6.0,
            y + 14.0,
            escape(&short),
            row - 6.0,
            escape(label),
            left + bw + 6.0,
            y + 14.0,
        ));
    }
    svg.push_str("</svg>");
    svg
}
