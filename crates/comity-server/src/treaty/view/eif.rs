//! The entry-into-force clause in words: its conditions with their progress, the date
//! steps, and how the computed date follows from the day the conditions were met.

use comity_core::treaty::eif::{Condition, Share, Step};
use comity_core::treaty::record::TreatyRecord;

use super::{instrument_label, ltr};
use crate::i18n::Tr;

pub fn step_words(tr: &Tr<'_>, s: Step) -> String {
    match s {
        Step::AddDays(n) => tr.t1("treaty-step-days", "n", n),
        Step::AddMonths(n) => tr.t1("treaty-step-months", "n", n),
        Step::AddYears(n) => tr.t1("treaty-step-years", "n", n),
        Step::FirstDayOfMonth => tr.t("treaty-step-first-of-month"),
        Step::FirstDayOfNextMonth => tr.t("treaty-step-first-of-next-month"),
    }
}

fn steps_words(tr: &Tr<'_>, steps: &[Step]) -> String {
    if steps.is_empty() {
        return tr.t("treaty-step-same-day");
    }
    steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let words = step_words(tr, *s);
            if i == 0 {
                words
            } else {
                tr.t1("treaty-step-then", "step", words)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub struct ConditionView {
    pub words: String,
    pub progress: String,
    pub met: bool,
}

/// The entry-into-force clause in words, with the progress of its conditions and how the
/// date follows from the day they were met.
pub struct EifView {
    pub clause: String,
    pub text: String,
    pub counts: String,
    pub conditions: Vec<ConditionView>,
    pub date_rule: String,
    pub not_before: String,
    pub later_clause: String,
    pub later_text: String,
    pub later_rule: String,
    /// From the day the conditions were met: (step in words, the day it gives).
    pub chain: Vec<(String, String)>,
    pub date: String,
    /// The computed date in a sentence, and how the conditions were met.
    pub computed: String,
    pub met: String,
    pub instruments: usize,
    pub parties: usize,
    pub withdrawal_clause: String,
    pub withdrawal_text: String,
    pub withdrawal_rule: String,
}

pub fn eif_view(tr: &Tr<'_>, t: &TreatyRecord) -> EifView {
    let rule = &t.file.rule;
    let counts = rule
        .counts
        .iter()
        .map(|i| instrument_label(tr, *i))
        .collect::<Vec<_>>()
        .join(", ");
    let conditions = t
        .eif
        .progress
        .iter()
        .map(|p| match &p.condition {
            Condition::Instruments(n) => ConditionView {
                words: tr.t2("treaty-cond-instruments", "n", *n, "kinds", counts.clone()),
                progress: tr.t2("treaty-progress-instruments", "reached", p.reached, "n", *n),
                met: p.met,
            },
            Condition::Quantity { quantity, at_least } => {
                let described = t
                    .file
                    .quantities
                    .get(quantity)
                    .map_or_else(|| quantity.clone(), |q| q.description.clone());
                ConditionView {
                    words: tr.t2(
                        "treaty-cond-quantity",
                        "share",
                        at_least.to_string(),
                        "quantity",
                        described,
                    ),
                    progress: tr.t1(
                        "treaty-progress-quantity",
                        "reached",
                        Share(p.reached).to_string(),
                    ),
                    met: p.met,
                }
            }
        })
        .collect();
    let mut chain = Vec::new();
    if let Some(met) = t.eif.conditions_met {
        let mut d = met.date();
        for s in &rule.date {
            let Some(next) = s.apply(d) else { break };
            d = next;
            let day = comity_core::ids::Day::from_date(d);
            chain.push((step_words(tr, *s), day.to_string()));
        }
        if let Some(nb) = rule.not_before
            && nb.date() > d
        {
            chain.push((tr.t("treaty-not-before-applies"), nb.to_string()));
        }
    }
    let w = t.file.withdrawal.as_ref();
    EifView {
        clause: rule.clause.clone().unwrap_or_default(),
        text: rule.text.clone().unwrap_or_default(),
        counts,
        conditions,
        date_rule: steps_words(tr, &rule.date),
        not_before: rule.not_before.map(|d| d.to_string()).unwrap_or_default(),
        later_clause: rule.later_clause.clone().unwrap_or_default(),
        later_text: rule.later_text.clone().unwrap_or_default(),
        later_rule: steps_words(tr, &rule.later),
        chain,
        date: t
            .eif
            .entry_into_force
            .map(|d| d.to_string())
            .unwrap_or_default(),
        computed: t
            .eif
            .entry_into_force
            .map(|d| tr.t1("treaty-eif-computed", "date", ltr(tr, d)))
            .unwrap_or_default(),
        met: t
            .eif
            .conditions_met
            .map(|d| {
                tr.t2(
                    "treaty-eif-met",
                    "date",
                    ltr(tr, d),
                    "count",
                    t.eif.instruments,
                )
            })
            .unwrap_or_default(),
        instruments: t.eif.instruments,
        parties: t.eif.per_state.len(),
        withdrawal_clause: w.and_then(|w| w.clause.clone()).unwrap_or_default(),
        withdrawal_text: w.and_then(|w| w.text.clone()).unwrap_or_default(),
        withdrawal_rule: w.map(|w| steps_words(tr, &w.effective)).unwrap_or_default(),
    }
}
