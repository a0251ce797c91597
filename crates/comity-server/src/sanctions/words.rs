//! The sanctions' acts in words: one journal line per event.

use comity_core::State;
use comity_core::sanctions::Event;

use crate::i18n::Tr;
use crate::membership::view::args;

/// How a case is named in a journal line: its target's name.
fn target(state: &State, case: u64) -> String {
    state
        .sanctions
        .cases
        .get(&case)
        .map_or_else(|| case.to_string(), |c| c.target.name.clone())
}

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::ListingProposed {
            case,
            motion,
            target,
            grounds,
            ..
        } => args(
            tr,
            "ev-listing_proposed",
            &[
                ("case", case.to_string()),
                ("motion", motion.to_string()),
                ("name", target.name.clone()),
                ("grounds", grounds.join(", ")),
            ],
        ),
        Event::ListingDecided {
            case, listed, day, ..
        } => args(
            tr,
            if *listed {
                "ev-listing_decided-listed"
            } else {
                "ev-listing_decided-rejected"
            },
            &[
                ("case", case.to_string()),
                ("name", target(state, *case)),
                ("day", day.to_string()),
            ],
        ),
        Event::ImplementationRecorded {
            case,
            state: iso,
            adopted,
            day,
            text,
        } => args(
            tr,
            if *adopted {
                "ev-implementation_recorded-adopted"
            } else {
                "ev-implementation_recorded-declined"
            },
            &[
                ("state", crate::kit::names::state_name(state, iso)),
                ("name", target(state, *case)),
                ("day", day.to_string()),
                ("text", text.clone()),
            ],
        ),
        Event::ListingRenewed { case, day, .. } => args(
            tr,
            "ev-listing_renewed",
            &[("name", target(state, *case)), ("day", day.to_string())],
        ),
        Event::DelistingProposed { case, motion, .. } => args(
            tr,
            "ev-delisting_proposed",
            &[
                ("name", target(state, *case)),
                ("motion", motion.to_string()),
            ],
        ),
        Event::DelistingDecided {
            case,
            delisted,
            day,
            ..
        } => args(
            tr,
            if *delisted {
                "ev-delisting_decided-delisted"
            } else {
                "ev-delisting_decided-kept"
            },
            &[("name", target(state, *case)), ("day", day.to_string())],
        ),
        Event::DifferenceJustified { a, b, .. } => args(
            tr,
            "ev-difference_justified",
            &[("a", a.to_string()), ("b", b.to_string())],
        ),
        Event::ReleasePublished {
            release,
            cases,
            ftm_sha256,
            ..
        } => args(
            tr,
            "ev-release_published",
            &[
                ("release", release.to_string()),
                ("count", cases.len().to_string()),
                ("sha", ftm_sha256.to_string()),
            ],
        ),
    }
}
