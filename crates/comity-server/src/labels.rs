//! Domain values in the reader's language.

use comity_core::State;
use comity_core::charter::{
    Base, ChairSelection, Charter, DecisionSpec, Organ, OrganKind, Rule, Seats, WeightSource,
};
use comity_core::journal::Entry;
use comity_core::registry::Regime;
use serde_json::Value;

use crate::i18n::Tr;

pub fn organ_kind_key(k: OrganKind) -> String {
    let id = match k {
        OrganKind::Summit => "summit",
        OrganKind::Council => "council",
        OrganKind::Secretariat => "secretariat",
        OrganKind::ParliamentaryNetwork => "parliamentary_network",
        OrganKind::CivilSocietyNetwork => "civil_society_network",
        OrganKind::CitizensAssembly => "citizens_assembly",
        OrganKind::WorkingGroup => "working_group",
        OrganKind::TaskForce => "task_force",
        OrganKind::Caucus => "caucus",
        OrganKind::Commission => "commission",
    };
    format!("kind-{id}")
}

pub fn regime(tr: &Tr<'_>, r: Regime) -> String {
    let id = match r {
        Regime::ClosedAutocracy => "regime-closed_autocracy",
        Regime::ElectoralAutocracy => "regime-electoral_autocracy",
        Regime::ElectoralDemocracy => "regime-electoral_democracy",
        Regime::LiberalDemocracy => "regime-liberal_democracy",
    };
    tr.t(id)
}

pub fn group(tr: &Tr<'_>, code: Option<&str>) -> String {
    match code {
        Some(c) => tr.t(&format!("group-{c}")),
        None => tr.t("group-none"),
    }
}

pub fn seats(tr: &Tr<'_>, s: Seats) -> String {
    match s {
        Seats::OnePerMember => tr.t("seats-one_per_member"),
        Seats::Open => tr.t("seats-open"),
        Seats::Fixed(n) => tr.t1("seats-fixed", "count", n),
    }
}

pub fn chair(tr: &Tr<'_>, o: &Organ) -> String {
    let Some(c) = &o.chair else {
        return String::new();
    };
    let id = match c.selection {
        ChairSelection::RotationAlphabetical => "chair-rotation_alphabetical",
        ChairSelection::RotationRegional => "chair-rotation_regional",
        ChairSelection::Election => "chair-election",
        ChairSelection::Host => "chair-host",
    };
    tr.t1(id, "months", c.term_months)
}

pub fn meets(tr: &Tr<'_>, o: &Organ) -> String {
    match o.meets.as_deref() {
        Some(
            m @ ("yearly" | "twice_yearly" | "quarterly" | "monthly" | "permanent" | "as_needed"
            | "every_two_years"),
        ) => tr.t(&format!("meets-{m}")),
        Some(other) => other.to_owned(),
        None => tr.t("meets-unspecified"),
    }
}

pub fn rule(tr: &Tr<'_>, r: &Rule) -> String {
    let base = |b: &Base| {
        tr.t(match b {
            Base::VotesCast => "base-votes_cast",
            Base::MembersPresent => "base-members_present",
            Base::Members => "base-members",
        })
    };
    match r {
        Rule::Consensus => tr.t("rule-consensus"),
        Rule::Unanimity {
            abstention_blocks: true,
        } => tr.t("rule-unanimity-blocks"),
        Rule::Unanimity {
            abstention_blocks: false,
        } => tr.t("rule-unanimity"),
        Rule::SimpleMajority { of } => tr.t1("rule-simple", "base", base(of)),
        Rule::QualifiedMajority { fraction, of } => tr.t2(
            "rule-qualified",
            "fraction",
            fraction.to_string(),
            "base",
            base(of),
        ),
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority: None,
        } => tr.t2(
            "rule-double",
            "states",
            states.to_string(),
            "population",
            population.to_string(),
        ),
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority: Some(b),
        } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("states", states.to_string());
            args.set("population", population.to_string());
            args.set("blocking", f64::from(*b));
            tr.catalog
                .format(tr.lang, "rule-double-blocking", Some(&args))
        }
        Rule::Weighted { weights, quota } => {
            let w = tr.t(match weights {
                WeightSource::Population => "weights-population",
                WeightSource::SqrtPopulation => "weights-sqrt_population",
                WeightSource::Equal => "weights-equal",
            });
            tr.t2("rule-weighted", "weights", w, "quota", quota.to_string())
        }
    }
}

pub fn procedure(tr: &Tr<'_>, charter: &Charter, d: &DecisionSpec) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                charter
                    .organ(id)
                    .map(|o| o.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !d.opinion_from.is_empty() {
        parts.push(tr.t1("proc-opinion", "organs", names(&d.opinion_from)));
    }
    if !d.tabled_by.is_empty() {
        parts.push(tr.t1("proc-tabled", "organs", names(&d.tabled_by)));
    }
    if let Some(q) = d.quorum {
        parts.push(tr.t1("proc-quorum", "quorum", q.to_string()));
    }
    if d.chair_casting_vote {
        parts.push(tr.t("proc-casting"));
    }
    if parts.is_empty() {
        tr.t("proc-none")
    } else {
        parts.join("; ")
    }
}

/// One line saying what a journal entry records.
pub fn entry_summary(tr: &Tr<'_>, state: &State, e: &Entry) -> String {
    let p = &e.payload;
    let str_of = |k: &str| {
        p.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let num_of = |k: &str| p.get(k).and_then(Value::as_u64).unwrap_or(0);
    let state_name = |k: &str| {
        let code = str_of(k);
        comity_core::Iso3::parse(&code)
            .ok()
            .and_then(|iso| state.registry.country(&iso).map(|c| c.name.clone()))
            .unwrap_or(code)
    };
    match e.kind.as_str() {
        "states_imported" => tr.t1(
            "ev-states_imported",
            "count",
            p.get("states")
                .and_then(Value::as_array)
                .map_or(0, Vec::len),
        ),
        "freedom_house_edition_imported" => tr.t1(
            "ev-freedom_house_edition_imported",
            "edition",
            num_of("edition"),
        ),
        "vdem_year_imported" => tr.t1("ev-vdem_year_imported", "year", num_of("year")),
        "charter_adopted" => tr.t1("ev-charter_adopted", "name", str_of("name")),
        "member_admitted" => tr.t1("ev-member_admitted", "state", state_name("state")),
        "member_flagged_for_review" => tr.t2(
            "ev-member_flagged_for_review",
            "state",
            state_name("state"),
            "edition",
            str_of("edition"),
        ),
        other => tr.t1("ev-unknown", "kind", other),
    }
}

/// A tally explained in words and numbers, e.g. "adopted: 18 of 27 members (66.7 % ≥ 55 %)
/// representing 71.2 % of the population (≥ 65 %)".
pub fn tally(tr: &Tr<'_>, t: &comity_voting::rules::Tally) -> String {
    use comity_voting::rules::{Outcome, TestKind};
    let pct = |permille: u64| format!("{}.{} %", permille / 10, permille % 10);
    let need = |f: comity_voting::rules::Fraction| {
        let p = (u128::from(f.num()) * 2000 + u128::from(f.den())) / (2 * u128::from(f.den()));
        pct(u64::try_from(p).unwrap_or(0))
    };
    let mut parts = Vec::new();
    for test in &t.tests {
        let cmp = if test.strict { ">" } else { "≥" };
        let share = pct(test.share_permille());
        let args = |id: &str| {
            let mut a = fluent_bundle::FluentArgs::new();
            a.set("achieved", test.achieved);
            a.set("base", test.base);
            a.set("share", share.clone());
            a.set("cmp", cmp);
            a.set("need", need(test.threshold));
            a.set("minimum", test.minimum);
            tr.catalog.format(tr.lang, id, Some(&a))
        };
        parts.push(match test.kind {
            TestKind::Quorum => args("tally-quorum"),
            TestKind::Members => args("tally-members"),
            TestKind::Population => args("tally-population"),
            TestKind::Weight => args("tally-weight"),
        });
    }
    if !t.objections.is_empty() {
        parts.push(tr.t1("tally-objections", "count", t.objections.len()));
    }
    if t.casting_vote_used {
        parts.push(tr.t("tally-casting-vote"));
    }
    if t.blocking_minority_applied {
        parts.push(tr.t("tally-no-blocking-minority"));
    }
    let word = match t.outcome {
        Outcome::Adopted => tr.t("outcome-adopted"),
        Outcome::Rejected => tr.t("outcome-rejected"),
        Outcome::NoQuorum => tr.t("outcome-no-quorum"),
    };
    if parts.is_empty() {
        word
    } else {
        format!("{word}: {}", parts.join("; "))
    }
}
