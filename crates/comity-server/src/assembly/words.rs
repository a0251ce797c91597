//! Organs drawn by lot in words: one journal line per event.

use comity_core::{State, assembly::Event};

use crate::i18n::Tr;

pub fn summary(tr: &Tr<'_>, _state: &State, e: &Event) -> String {
    match e {
        Event::VolunteersRegistered { volunteers, .. } => {
            tr.t1("ev-volunteers_registered", "count", volunteers.len())
        }
        Event::DrawCommitted { draw, .. } => tr.t1("ev-draw_committed", "draw", *draw),
        Event::AssemblyDrawn { draw, .. } => tr.t1("ev-assembly_drawn", "draw", *draw),
    }
}
