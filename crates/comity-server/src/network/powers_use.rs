//! An organ's powers under the charter (opinions asked of it, motions it may table,
//! objections, co-decision) and what it did with them, from `view::power_use`: the clauses
//! in words, the figures, and a bar chart drawn as SVG geometry.

use comity_core::State;
use comity_core::charter::{Charter, DecisionSpec};
use comity_core::network::DEFAULT_OPINION_DAYS;
use comity_core::view::PowerUse;

use crate::i18n::Tr;
use crate::kit::names::organ_name;
use crate::membership::view::effect;

/// One power the charter gives, in words, with where it is written.
pub struct Power {
    pub kind: String,
    pub text: String,
    pub clause: String,
}

/// The powers `organ` holds over other organs' decisions (not its own decisions).
pub fn powers(tr: &Tr<'_>, state: &State, charter: &Charter, organ: &str) -> Vec<Power> {
    let mut out = Vec::new();
    let args = |id: &str, d: &DecisionSpec, extra: &[(&str, String)]| {
        let mut a = fluent_bundle::FluentArgs::new();
        a.set("kind", d.kind.clone());
        a.set("organ", organ_name(state, &d.organ));
        for (k, v) in extra {
            a.set(*k, v.clone());
        }
        tr.catalog.format(tr.lang, id, Some(&a))
    };
    for d in &charter.decisions {
        let clause = |field: &str| format!("decisions[kind = {:?}].{field}", d.kind);
        if d.opinion_from.iter().any(|o| o == organ) {
            let days = d.opinion_days.unwrap_or(DEFAULT_OPINION_DAYS);
            out.push(Power {
                kind: d.kind.clone(),
                text: args("powers-opinion", d, &[("days", days.to_string())]),
                clause: clause("opinion_from"),
            });
        }
        if d.tabled_by.iter().any(|o| o == organ) {
            out.push(Power {
                kind: d.kind.clone(),
                text: args("powers-table", d, &[]),
                clause: clause("tabled_by"),
            });
        }
        if let Some(rule) = d.objection.as_ref().filter(|r| r.organ == organ) {
            out.push(Power {
                kind: d.kind.clone(),
                text: args(
                    "powers-objection",
                    d,
                    &[
                        ("days", rule.days.to_string()),
                        ("majority", rule.majority.to_string()),
                        ("effect", effect(tr, rule.effect.code())),
                    ],
                ),
                clause: clause("objection"),
            });
        }
        if d.co_decision.iter().any(|o| o == organ) {
            out.push(Power {
                kind: d.kind.clone(),
                text: args("powers-co-decision", d, &[]),
                clause: clause("co_decision"),
            });
        }
    }
    out
}

/// (message id, value) for each figure, in the order pages show them.
pub fn figures(u: &PowerUse) -> Vec<(&'static str, usize)> {
    vec![
        ("use-opinions-asked", u.opinions_asked),
        ("use-opinions-given", u.opinions_given),
        ("use-opinions-favourable", u.opinions_favourable),
        ("use-opinions-unfavourable", u.opinions_unfavourable),
        ("use-opinions-conditional", u.opinions_conditional),
        ("use-tabled", u.tabled),
        ("use-tabled-adopted", u.tabled_adopted),
        ("use-tabled-rejected", u.tabled_rejected),
        ("use-tabled-withdrawn", u.tabled_withdrawn),
        ("use-tabled-pending", u.tabled_pending),
        ("use-objections", u.objections),
        ("use-objections-carried", u.objections_carried),
        ("use-second-readings", u.second_readings),
        ("use-second-readings-adopted", u.second_readings_adopted),
        ("use-second-readings-rejected", u.second_readings_rejected),
        ("use-blocked", u.blocked),
        ("use-co-decisions", u.co_decisions),
        ("use-co-decisions-approved", u.co_decisions_approved),
        ("use-co-decisions-refused", u.co_decisions_refused),
    ]
}

pub struct Bar {
    pub label: String,
    pub value: usize,
    pub y: f64,
    pub width: f64,
}

pub struct UseChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub bars: Vec<Bar>,
}

pub struct UseSection {
    pub powers: Vec<Power>,
    pub chart: UseChart,
}

/// The section for `organ`, or `None` if the charter gives it no such power and it used none.
pub fn section(tr: &Tr<'_>, state: &State, organ: &str) -> Option<UseSection> {
    let charter = &state.charter.as_ref()?.charter;
    let powers = powers(tr, state, charter, organ);
    let used = comity_core::view::power_use(state)
        .remove(organ)
        .unwrap_or_default();
    let figs = figures(&used);
    if powers.is_empty() && figs.iter().all(|(_, v)| *v == 0) {
        return None;
    }
    let (width, left, row) = (720.0, 300.0, 22.0);
    let max = figs.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let span = width - left - 60.0;
    let bars = figs
        .iter()
        .enumerate()
        .map(|(i, (id, v))| Bar {
            label: tr.t(id),
            value: *v,
            y: 8.0 + i as f64 * row,
            width: (*v as f64 / max * span).max(if *v > 0 { 2.0 } else { 0.0 }),
        })
        .collect::<Vec<_>>();
    let height = 16.0 + bars.len() as f64 * row;
    Some(UseSection {
        powers,
        chart: UseChart {
            width,
            height,
            left,
            bars,
        },
    })
}
