//! The initiatives' acts in words: one journal line per event.

use std::collections::BTreeMap;

use comity_core::initiatives::Event;
use comity_core::{Iso3, State};

use crate::i18n::Tr;
use crate::membership::view::args;

/// How an initiative is named in a journal line: its title.
fn title(state: &State, id: u64) -> String {
    state
        .initiatives
        .initiatives
        .get(&id)
        .map_or_else(|| id.to_string(), |i| i.title.clone())
}

fn sum(counts: &BTreeMap<Iso3, u64>) -> String {
    counts.values().sum::<u64>().to_string()
}

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    let name = title(state, e.initiative());
    match e {
        Event::InitiativeRegistered {
            initiative,
            title,
            committee,
            table_from,
            ..
        } => args(
            tr,
            "ev-initiative_registered",
            &[
                ("initiative", initiative.to_string()),
                ("title", title.clone()),
                ("committee", committee.len().to_string()),
                ("table", table_from.to_string()),
            ],
        ),
        Event::InitiativeAdmissibilityDecided {
            admissible,
            opens,
            closes,
            ..
        } => args(
            tr,
            if *admissible {
                "ev-initiative_admissibility_decided-admissible"
            } else {
                "ev-initiative_admissibility_decided-inadmissible"
            },
            &[
                ("title", name),
                ("opens", opens.map(|d| d.to_string()).unwrap_or_default()),
                ("closes", closes.map(|d| d.to_string()).unwrap_or_default()),
            ],
        ),
        Event::SignaturesRecorded {
            batch,
            channel,
            counts,
            sheets,
            ..
        } => args(
            tr,
            &format!("ev-signatures_recorded-{}", channel.code()),
            &[
                ("title", name),
                ("batch", batch.to_string()),
                ("count", sum(counts)),
                ("members", counts.len().to_string()),
                ("sheets", sheets.to_string()),
            ],
        ),
        Event::SignaturesInvalidated {
            invalidation,
            criterion,
            counts,
            ..
        } => args(
            tr,
            "ev-signatures_invalidated",
            &[
                ("title", name),
                ("invalidation", invalidation.to_string()),
                ("count", sum(counts)),
                (
                    "criterion",
                    tr.t(&format!("initiative-criterion-{}", criterion.code())),
                ),
            ],
        ),
        Event::InvalidationReversed { invalidation, .. } => args(
            tr,
            "ev-invalidation_reversed",
            &[("title", name), ("invalidation", invalidation.to_string())],
        ),
        Event::CollectionClosed { day, valid, .. } => args(
            tr,
            "ev-collection_closed",
            &[
                ("title", name),
                ("day", day.to_string()),
                ("count", sum(valid)),
            ],
        ),
        Event::SampleSeedPublished { seed, .. } => args(
            tr,
            "ev-sample_seed_published",
            &[("title", name), ("seed", seed.clone())],
        ),
        Event::SignaturesCertified {
            state: iso,
            population,
            sample,
            valid,
            certified,
            ..
        } => args(
            tr,
            "ev-signatures_certified",
            &[
                ("title", name),
                ("state", crate::kit::names::state_name(state, iso)),
                ("population", population.to_string()),
                ("sample", sample.to_string()),
                ("valid", valid.to_string()),
                ("certified", certified.to_string()),
            ],
        ),
        Event::InitiativeVerdictDeclared {
            passes,
            total,
            members_meeting_minimum,
            required_members,
            answer_by,
            ..
        } => args(
            tr,
            if *passes {
                "ev-initiative_verdict_declared-passed"
            } else {
                "ev-initiative_verdict_declared-failed"
            },
            &[
                ("title", name),
                ("total", total.to_string()),
                ("members", members_meeting_minimum.len().to_string()),
                ("required", required_members.to_string()),
                (
                    "answer_by",
                    answer_by.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ],
        ),
        Event::InitiativeAnswered { day, .. } => args(
            tr,
            "ev-initiative_answered",
            &[("title", name), ("day", day.to_string())],
        ),
    }
}
