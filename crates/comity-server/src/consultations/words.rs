//! The consultations' acts in words: one journal line per event.

use comity_core::State;
use comity_core::consultations::Event;

use crate::i18n::Tr;
use crate::membership::view::args;

fn title(state: &State, id: u64) -> String {
    state
        .consultations
        .consultations
        .get(&id)
        .map_or_else(|| id.to_string(), |c| c.title.clone())
}

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    let name = title(state, e.consultation());
    match e {
        Event::ConsultationOpened {
            consultation,
            organ,
            title,
            questions,
            opens,
            closes,
            ..
        } => args(
            tr,
            "ev-consultation_opened",
            &[
                ("consultation", consultation.to_string()),
                ("title", title.clone()),
                ("organ", crate::kit::names::organ_name(state, organ)),
                ("questions", questions.len().to_string()),
                ("opens", opens.to_string()),
                ("closes", closes.to_string()),
            ],
        ),
        Event::SubmissionReceived {
            submission,
            kind,
            country,
            confidential,
            ..
        } => args(
            tr,
            if *confidential {
                "ev-submission_received-confidential"
            } else {
                "ev-submission_received"
            },
            &[
                ("title", name),
                ("submission", submission.to_string()),
                ("kind", tr.t(&format!("consultations-kind-{}", kind.code()))),
                ("country", country.to_string()),
            ],
        ),
        Event::ConsultationClosed {
            day, submissions, ..
        } => args(
            tr,
            "ev-consultation_closed",
            &[
                ("title", name),
                ("day", day.to_string()),
                ("count", submissions.to_string()),
            ],
        ),
        Event::SynthesisAdopted { motion, .. } => args(
            tr,
            "ev-synthesis_adopted",
            &[("title", name), ("motion", motion.to_string())],
        ),
        Event::DecisionLinked { motion, .. } => args(
            tr,
            "ev-decision_linked",
            &[("title", name), ("motion", motion.to_string())],
        ),
    }
}
