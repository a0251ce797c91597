//! Organs' reports in words: one journal line per event.

use comity_core::{State, reporting::Event};

use crate::i18n::Tr;
use crate::kit::names::organ_name;
use crate::membership::view::args;

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::ReportSubmitted {
            organ, to, title, ..
        } => args(
            tr,
            "ev-report_submitted",
            &[
                ("organ", organ_name(state, organ)),
                ("to", organ_name(state, to)),
                ("title", title.clone()),
            ],
        ),
    }
}
