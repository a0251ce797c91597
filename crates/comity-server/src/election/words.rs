//! Elections in words: one journal line per event.

use comity_core::{State, election::Event};

use crate::i18n::Tr;
use crate::kit::names::state_name;
use crate::membership::view::args;

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::ElectionOpened {
            election, title, ..
        } => tr.t2(
            "ev-election_opened",
            "election",
            *election,
            "title",
            title.as_str(),
        ),
        Event::BallotCast {
            election,
            state: iso,
        } => tr.t2(
            "ev-ballot_cast",
            "state",
            state_name(state, iso),
            "election",
            *election,
        ),
        Event::PaperBallotsRecorded {
            election,
            ballots,
            source,
            ..
        } => args(
            tr,
            "ev-paper_ballots_recorded",
            &[
                ("ballots", ballots.to_string()),
                ("election", election.to_string()),
                ("source", source.clone()),
            ],
        ),
        Event::ElectionCounted { election, .. } => {
            tr.t1("ev-election_counted", "election", *election)
        }
    }
}
