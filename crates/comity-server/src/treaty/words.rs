//! Treaties in words: one journal line per event.

use comity_core::treaty::Event;
use comity_core::treaty::record::Resolution;
use comity_core::{Iso3, State};

use crate::i18n::Tr;
use crate::kit::names::{organ_name, seat_label, state_name};
use crate::treaty::view::{address, instrument_label, ltr};

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    let id = e.treaty();
    let treaty = state.treaties.get(id).map_or_else(
        || id.to_owned(),
        |t| {
            t.file
                .info
                .short_title
                .clone()
                .unwrap_or_else(|| t.title.clone())
        },
    );
    let nation = |iso: &Iso3| state_name(state, iso);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("treaty", treaty);
    let kind = match e {
        Event::TreatyOpened { title, organ, .. } => {
            args.set("title", title.clone());
            args.set("organ", organ_name(state, organ));
            "treaty_opened"
        }
        Event::TreatyRoundOpened { round, .. } => {
            args.set("round", u64::from(*round));
            "treaty_round_opened"
        }
        Event::TreatyWordingProposed { bracket, by, .. } => {
            args.set("bracket", address(bracket));
            args.set("by", seat_label(state, by));
            "treaty_wording_proposed"
        }
        Event::TreatyBracketResolved { bracket, by, .. } => {
            args.set("bracket", address(bracket));
            args.set(
                "motion",
                match by {
                    Resolution::Motion(m) => m.to_string(),
                    Resolution::Agreement => "none".to_owned(),
                },
            );
            "treaty_bracket_resolved"
        }
        Event::TreatyAdopted { motion, .. } => {
            args.set("motion", *motion);
            "treaty_adopted"
        }
        Event::TreatyOpenedForSignature { date, place, .. } => {
            args.set("date", ltr(tr, date));
            args.set("place", place.clone());
            "treaty_opened_for_signature"
        }
        Event::TreatySigned { state: iso, .. } => {
            args.set("state", nation(iso));
            "treaty_signed"
        }
        Event::InstrumentDeposited { deposit, .. } => {
            args.set("state", nation(&deposit.state));
            args.set("instrument", instrument_label(tr, deposit.instrument));
            "instrument_deposited"
        }
        Event::ReservationObjected {
            state: iso,
            reserving,
            reservation,
            ..
        } => {
            args.set("state", nation(iso));
            args.set("reserving", nation(reserving));
            args.set("n", u64::from(*reservation));
            "reservation_objected"
        }
        Event::TreatyEnteredIntoForce { date, .. } => {
            args.set("date", ltr(tr, date));
            "treaty_entered_into_force"
        }
        Event::TreatyWithdrawal {
            state: iso,
            effective,
            ..
        } => {
            args.set("state", nation(iso));
            args.set("date", ltr(tr, effective));
            "treaty_withdrawal"
        }
    };
    tr.catalog
        .format(tr.lang, &format!("ev-{kind}"), Some(&args))
}
