//! Pledges in words: one journal line per event.

use comity_core::State;
use comity_core::pledges::{Event, Reading};

use crate::i18n::Tr;
use crate::membership::view::args;

/// A reading as the reader sees it: `25`, `45 / 50`.
pub fn reading_words(r: &Reading) -> String {
    match r {
        Reading::Value { value } => value.to_string(),
        Reading::Ratio {
            numerator,
            denominator,
        } => format!("{numerator} / {denominator}"),
    }
}

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    let _ = state;
    match e {
        Event::PledgeMade(spec) => args(
            tr,
            "ev-pledge_made",
            &[
                ("pledge", spec.id.clone()),
                ("by", spec.by.to_string()),
                ("title", spec.title.clone()),
            ],
        ),
        Event::PledgeProgressReported {
            pledge,
            indicator,
            source,
            date,
            reading,
            ..
        } => args(
            tr,
            "ev-pledge_progress_reported",
            &[
                ("pledge", pledge.clone()),
                ("indicator", indicator.clone()),
                ("source", tr.t(&format!("pledges-source-{}", source.code()))),
                ("date", date.to_string()),
                ("value", reading_words(reading)),
            ],
        ),
        Event::PledgeCompletionAssessed {
            pledge,
            milestone,
            source,
            date,
            level,
            ..
        } => args(
            tr,
            "ev-pledge_completion_assessed",
            &[
                ("pledge", pledge.clone()),
                ("milestone", milestone.clone().unwrap_or_default()),
                ("source", tr.t(&format!("pledges-source-{}", source.code()))),
                ("date", date.to_string()),
                ("level", tr.t(&format!("pledges-level-{}", level.code()))),
            ],
        ),
        Event::PledgesImported {
            file,
            pledges,
            reports,
            ratings,
            ..
        } => args(
            tr,
            "ev-pledges_imported",
            &[
                ("file", file.clone()),
                ("pledges", pledges.to_string()),
                ("reports", reports.to_string()),
                ("ratings", ratings.to_string()),
            ],
        ),
    }
}
