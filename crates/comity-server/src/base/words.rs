//! The founding acts in words: one journal line per event.

use comity_core::{State, base::Event};

use crate::i18n::Tr;
use crate::kit::names::organ_name;

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::StatesImported { states } => tr.t1("ev-states_imported", "count", states.len()),
        Event::FreedomHouseEditionImported(ed) => {
            tr.t1("ev-freedom_house_edition_imported", "edition", ed.edition)
        }
        Event::VdemYearImported(y) => tr.t1("ev-vdem_year_imported", "year", y.year),
        Event::CharterAdopted { name, .. } => tr.t1("ev-charter_adopted", "name", name.as_str()),
        Event::SeatsAssigned { organ, states } => tr.t2(
            "ev-seats_assigned",
            "organ",
            organ_name(state, organ),
            "count",
            states.len(),
        ),
        Event::LogKeyPublished { key } => tr.t1("ev-log_key_published", "key", key.as_str()),
    }
}
