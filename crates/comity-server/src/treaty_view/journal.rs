//! One translated line per treaty act, for the journal's pages.

use comity_core::State;
use comity_core::motion::Seat;
use comity_core::treaty::eif::Instrument;
use comity_core::treaty::text::BracketRef;

use super::{address, instrument_label, ltr, organ_name, seat_label, state_name};
use crate::i18n::Tr;

/// The journal kinds of treaty acts; `labels::entry_summary` hands them here.
pub const TREATY_EVENTS: [&str; 11] = [
    "treaty_opened",
    "treaty_round_opened",
    "treaty_wording_proposed",
    "treaty_bracket_resolved",
    "treaty_adopted",
    "treaty_opened_for_signature",
    "treaty_signed",
    "instrument_deposited",
    "reservation_objected",
    "treaty_entered_into_force",
    "treaty_withdrawal",
];

/// One line saying what a treaty entry records, in the reader's language.
pub fn entry_summary(tr: &Tr<'_>, state: &State, e: &comity_core::journal::Entry) -> String {
    use serde_json::Value;
    let p = &e.payload;
    let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let n = |k: &str| p.get(k).and_then(Value::as_u64).unwrap_or(0);
    let id = s(p.get("treaty"));
    let treaty = state
        .treaties
        .get(&id)
        .map(|t| {
            t.file
                .info
                .short_title
                .clone()
                .unwrap_or_else(|| t.title.clone())
        })
        .unwrap_or_else(|| id.clone());
    let nation = |v: Option<&Value>| {
        let code = s(v);
        comity_core::Iso3::parse(&code)
            .map(|iso| state_name(state, &iso))
            .unwrap_or(code)
    };
    let bracket = || {
        p.get("bracket")
            .and_then(|b| serde_json::from_value::<BracketRef>(b.clone()).ok())
            .map(|b| address(&b))
            .unwrap_or_default()
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("treaty", treaty);
    match e.kind.as_str() {
        "treaty_opened" => {
            args.set("title", s(p.get("title")));
            args.set("organ", organ_name(state, &s(p.get("organ"))));
        }
        "treaty_round_opened" => args.set("round", n("round")),
        "treaty_wording_proposed" => {
            args.set("bracket", bracket());
            let by = p
                .get("by")
                .and_then(|b| serde_json::from_value::<Seat>(b.clone()).ok())
                .map(|b| seat_label(state, &b))
                .unwrap_or_default();
            args.set("by", by);
        }
        "treaty_bracket_resolved" => {
            args.set("bracket", bracket());
            let motion = p.pointer("/by/motion").and_then(Value::as_u64);
            args.set(
                "motion",
                motion.map_or_else(|| "none".to_owned(), |m| m.to_string()),
            );
        }
        "treaty_adopted" => args.set("motion", n("motion")),
        "treaty_opened_for_signature" => {
            args.set("date", ltr(tr, s(p.get("date"))));
            args.set("place", s(p.get("place")));
        }
        "treaty_signed" => args.set("state", nation(p.get("state"))),
        "instrument_deposited" => {
            args.set("state", nation(p.pointer("/deposit/state")));
            let instrument = Instrument::parse(&s(p.pointer("/deposit/instrument")))
                .map(|i| instrument_label(tr, i))
                .unwrap_or_default();
            args.set("instrument", instrument);
        }
        "reservation_objected" => {
            args.set("state", nation(p.get("state")));
            args.set("reserving", nation(p.get("reserving")));
            args.set("n", n("reservation"));
        }
        "treaty_entered_into_force" => args.set("date", ltr(tr, s(p.get("date")))),
        "treaty_withdrawal" => {
            args.set("state", nation(p.get("state")));
            args.set("date", ltr(tr, s(p.get("effective"))));
        }
        _ => {}
    }
    tr.catalog
        .format(tr.lang, &format!("ev-{}", e.kind), Some(&args))
}
