//! The caucus's acts in words: one journal line per event.

use comity_core::caucus::{Event, VoteSource};
use comity_core::{State, caucus};

use crate::i18n::Tr;
use crate::membership::view::args;

fn symbol(state: &State, item: u64) -> String {
    state
        .caucus
        .agenda
        .get(&item)
        .map_or_else(|| item.to_string(), |i| i.symbol.clone())
}

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::AgendaItemPlaced {
            symbol,
            session,
            plenary,
            ..
        } => args(
            tr,
            "ev-agenda_item_placed",
            &[
                ("symbol", symbol.clone()),
                ("session", session.to_string()),
                ("plenary", plenary.to_string()),
            ],
        ),
        Event::PositionProposed {
            item,
            motion,
            stance,
        } => args(
            tr,
            "ev-position_proposed",
            &[
                ("symbol", symbol(state, *item)),
                ("motion", motion.to_string()),
                ("stance", tr.t(&stance_id(*stance))),
            ],
        ),
        Event::PositionDecided {
            item,
            motion,
            outcome,
        } => args(
            tr,
            &format!("ev-position_{}", outcome.code()),
            &[
                ("symbol", symbol(state, *item)),
                ("motion", motion.to_string()),
            ],
        ),
        Event::PlenaryVotesRecorded {
            item,
            votes,
            source,
        } => {
            let mut a = vec![
                ("symbol", symbol(state, *item)),
                ("count", votes.len().to_string()),
            ];
            let id = match source {
                VoteSource::Hand => "ev-plenary_votes_recorded",
                VoteSource::Record { rcid } => {
                    a.push(("rcid", rcid.to_string()));
                    "ev-plenary_votes_recorded-record"
                }
            };
            args(tr, id, &a)
        }
        Event::VoteExplained {
            item, state: iso, ..
        } => args(
            tr,
            "ev-vote_explained",
            &[
                ("state", crate::kit::names::state_name(state, iso)),
                ("symbol", symbol(state, *item)),
            ],
        ),
        Event::VotesImported {
            import,
            file,
            votes,
            roll_calls,
            ..
        } => args(
            tr,
            "ev-votes_imported",
            &[
                ("import", import.to_string()),
                ("file", file.clone()),
                ("votes", votes.to_string()),
                ("roll_calls", roll_calls.to_string()),
            ],
        ),
    }
}

/// The message id of a stance's name.
pub fn stance_id(s: caucus::Stance) -> String {
    format!("caucus-stance-{}", s.code().replace('_', "-"))
}

/// The message id of a plenary vote's name.
pub fn vote_id(v: caucus::UnVote) -> String {
    format!("caucus-vote-{}", v.code())
}

/// The message id of a compliance's name.
pub fn compliance_id(c: caucus::Compliance) -> String {
    format!("caucus-compliance-{}", c.code())
}
