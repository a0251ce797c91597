//! Reading a charter: TOML → typed charter → validated charter, with every problem located
//! at its file, line, column and field.

use crate::toml_loc::{self, LocatedError, LocatedErrors, Path, Seg, key};
use std::collections::{BTreeMap, BTreeSet};

use super::{Charter, FoundingMembers, REQUIRED_DECISIONS, Rule, SeatHolders, Seats};
use crate::criteria::Criterion;

/// One problem in a charter, located.
pub type CharterError = LocatedError;
/// Every problem found in a charter (at least one).
pub type CharterErrors = LocatedErrors;

pub(super) fn parse(file: &str, text: &str) -> Result<Charter, CharterErrors> {
    toml_loc::parse(file, text, validate)
}

/// Everything wrong with a well-typed charter: dangling references, duplicates, cycles, impossible values.
fn validate(c: &Charter) -> Vec<(Path, String)> {
    let mut out: Vec<(Path, String)> = Vec::new();
    let mut say = |path: Path, msg: String| out.push((path, msg));

    if c.alliance.name.trim().is_empty() {
        say(
            vec![key("alliance"), key("name")],
            "the alliance needs a name".into(),
        );
    }

    // Criteria: references resolve, no cycles, values in range.
    let criterion_ids: Vec<&str> = c.criteria.keys().map(String::as_str).collect();
    let known_criteria = || criterion_ids.join(", ");
    for (id, named) in &c.criteria {
        let base = vec![key("criteria"), key(id), key("rule")];
        check_criterion(
            &named.rule,
            &base,
            c,
            &mut |p, m| say(p, m),
            &known_criteria,
        );
    }
    if let Some(cycle) = criterion_cycle(c) {
        say(
            vec![key("criteria"), key(&cycle[0])],
            format!(
                "criteria refer to each other in a cycle: {}",
                cycle.join(" → ")
            ),
        );
    }
    let missing = |id: &str| {
        (!c.criteria.contains_key(id)).then(|| {
            format!(
                "no criterion {id:?} is defined (criteria are: {})",
                known_criteria()
            )
        })
    };
    if let Some(m) = missing(&c.membership.criterion) {
        say(vec![key("membership"), key("criterion")], m);
    }
    let mut stage_ids = BTreeSet::new();
    for (i, st) in c.membership.stages.iter().enumerate() {
        let p = |f: &str| vec![key("membership"), key("stages"), Seg::Index(i), key(f)];
        if let Some(m) = missing(&st.criterion) {
            say(p("criterion"), m);
        }
        if !stage_ids.insert(st.id.as_str()) {
            say(p("id"), format!("stage {:?} is defined twice", st.id));
        }
    }
    if let FoundingMembers::States(states) = &c.membership.founding_members {
        let mut seen = BTreeSet::new();
        for (i, s) in states.iter().enumerate() {
            if !seen.insert(s) {
                say(
                    vec![key("membership"), key("founding_members"), Seg::Index(i)],
                    format!("{s} is listed twice"),
                );
            }
        }
        if states.is_empty() {
            say(
                vec![key("membership"), key("founding_members")],
                "the founding group is empty".into(),
            );
        }
    }

    // Organs: unique ids, sensible seats, references to other organs.
    let mut organ_ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, o) in c.organs.iter().enumerate() {
        let p = |f: &str| vec![key("organs"), Seg::Index(i), key(f)];
        if let Some(lot) = &o.sortition {
            let q = |j: usize, f: &str| {
                vec![
                    key("organs"),
                    Seg::Index(i),
                    key("sortition"),
                    key("quotas"),
                    Seg::Index(j),
                    key(f),
                ]
            };
            if !matches!(o.seats, Seats::Fixed(_)) {
                say(
                    p("seats"),
                    "an organ drawn by lot needs `seats = { fixed = N }`: N is the panel size"
                        .into(),
                );
            }
            if !["leximin", "maximin", "nash"].contains(&lot.algorithm.as_str()) {
                say(
                    vec![
                        key("organs"),
                        Seg::Index(i),
                        key("sortition"),
                        key("algorithm"),
                    ],
                    format!("{:?} is not one of leximin, maximin, nash", lot.algorithm),
                );
            }
            if lot.quotas.is_empty() {
                say(
                    p("sortition"),
                    "a lottery needs at least one quota row".into(),
                );
            }
            let mut rows = BTreeSet::new();
            for (j, r) in lot.quotas.iter().enumerate() {
                if r.min > r.max {
                    say(
                        q(j, "min"),
                        format!(
                            "{} = {}: min {} is greater than max {}",
                            r.feature, r.value, r.min, r.max
                        ),
                    );
                }
                if !rows.insert((r.feature.as_str(), r.value.as_str())) {
                    say(
                        q(j, "value"),
                        format!("{} = {} is listed twice", r.feature, r.value),
                    );
                }
            }
        }
        if o.id.trim().is_empty()
            || !o
                .id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        {
            say(
                p("id"),
                format!(
                    "{:?} is not an organ id (lower-case letters, digits and _)",
                    o.id
                ),
            );
        }
        if let Some(prev) = organ_ids.insert(&o.id, i) {
            say(
                p("id"),
                format!("organ {:?} is already defined as organs[{prev}]", o.id),
            );
        }
        if o.seats == Seats::Fixed(0) {
            say(p("seats"), "an organ needs at least one seat".into());
        }
        if o.seats == Seats::OnePerMember && o.seat_holders != SeatHolders::MemberStates {
            say(p("seats"), "one_per_member seats are held by member states: set seat_holders = \"member_states\"".into());
        }
        if let Some(ch) = &o.chair
            && ch.term_months == 0
        {
            say(
                vec![
                    key("organs"),
                    Seg::Index(i),
                    key("chair"),
                    key("term_months"),
                ],
                "a chair's term must be at least one month".into(),
            );
        }
        for (field, v) in [
            ("co_chairs", o.co_chairs),
            ("work_plan_years", o.work_plan_years),
        ] {
            if v == Some(0) {
                say(p(field), "must be at least 1".into());
            }
        }
    }
    let organ_list = || {
        c.organs
            .iter()
            .map(|o| o.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (i, o) in c.organs.iter().enumerate() {
        if let Some(r) = &o.reports_to {
            let p = vec![key("organs"), Seg::Index(i), key("reports_to")];
            if r == &o.id {
                say(p, "an organ cannot report to itself".into());
            } else if !organ_ids.contains_key(r.as_str()) {
                say(p, format!("no organ {r:?} (organs are: {})", organ_list()));
            }
        }
    }

    if let Some(p) = &c.pledges {
        for (field, organ) in [("organ", &p.organ), ("reviewer", &p.reviewer)] {
            if let Some(o) = organ
                && !organ_ids.contains_key(o.as_str())
            {
                say(
                    vec![key("pledges"), key(field)],
                    format!("no organ {o:?} (organs are: {})", organ_list()),
                );
            }
        }
        if let Some(r) = &p.rollup
            && crate::pledges::Source::parse(r).is_none()
        {
            say(
                vec![key("pledges"), key("rollup")],
                format!("{r:?} is not a source (self, shadow, independent)"),
            );
        }
    }

    if let Some(sx) = &c.sanctions {
        let p = |f: &str| vec![key("sanctions"), key(f)];
        if c.decision(sx.decision()).is_none() {
            say(
                p("decision"),
                format!(
                    "no decision kind {:?} in [[decisions]]: listings are decided under it",
                    sx.decision()
                ),
            );
        }
        for (field, v) in [
            ("implementation_days", sx.implementation_days),
            ("review_months", sx.review_months),
        ] {
            if v == Some(0) {
                say(p(field), "must be at least 1".into());
            }
        }
        if sx.criteria.is_empty() {
            say(
                p("criteria"),
                "name at least one criterion: a listing's grounds must be coded against them"
                    .into(),
            );
        }
        let mut codes = BTreeMap::new();
        for (i, cr) in sx.criteria.iter().enumerate() {
            let at = |f: &str| vec![key("sanctions"), key("criteria"), Seg::Index(i), key(f)];
            if cr.code.is_empty()
                || cr.code.len() > 16
                || !cr.code.chars().all(|ch| {
                    ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '-' || ch == '_'
                })
            {
                say(
                    at("code"),
                    format!(
                        "{:?} is not a criterion code (upper-case letters, digits, - and _; at most 16)",
                        cr.code
                    ),
                );
            }
            if let Some(prev) = codes.insert(cr.code.as_str(), i) {
                say(
                    at("code"),
                    format!(
                        "criterion {:?} is already defined as criteria[{prev}]",
                        cr.code
                    ),
                );
            }
            if cr.title.trim().is_empty() {
                say(at("title"), "a criterion needs a title".into());
            }
        }
    }

    if let Some(ix) = &c.initiatives {
        let p = |f: &str| vec![key("initiatives"), key(f)];
        if !organ_ids.contains_key(ix.organ.as_str()) {
            say(
                p("organ"),
                format!("no organ {:?} (organs are: {})", ix.organ, organ_list()),
            );
        }
        for (field, v) in [
            ("committee_states", ix.committee_states),
            ("answer_months", ix.answer_months),
        ] {
            if v == Some(0) {
                say(p(field), "must be at least 1".into());
            }
        }
        for (path, msg) in ix.threshold.problems() {
            let mut at = p("threshold");
            at.extend(path);
            say(at, msg);
        }
        for code in ix.threshold.codes() {
            if crate::ids::Iso3::parse(&code).is_err() {
                say(
                    p("threshold"),
                    format!(
                        "{code:?} is not an ISO3 code: the threshold names member states by their ISO3 codes"
                    ),
                );
            }
        }
        let mut seen = BTreeSet::new();
        for (i, m) in ix.members.iter().enumerate() {
            let at = |f: &str| vec![key("initiatives"), key("members"), Seg::Index(i), key(f)];
            if crate::ids::Iso3::parse(&m.state).is_err() {
                say(at("state"), format!("{:?} is not an ISO3 code", m.state));
            } else if !seen.insert(m.state.as_str()) {
                say(at("state"), format!("{} is listed twice", m.state));
            }
            for r in &m.requires {
                if r != "id_number" && r != "address" {
                    say(
                        at("requires"),
                        format!("{r:?} is not a requirement (id_number, address)"),
                    );
                }
            }
        }
    }

    // Decisions: each kind once, deciding organ exists, procedures name organs that exist.
    let mut kinds = BTreeMap::new();
    for (i, d) in c.decisions.iter().enumerate() {
        let p = |f: &str| vec![key("decisions"), Seg::Index(i), key(f)];
        if let Some(prev) = kinds.insert(d.kind.as_str(), i) {
            say(
                p("kind"),
                format!(
                    "decision kind {:?} is already assigned in decisions[{prev}]",
                    d.kind
                ),
            );
        }
        match c.organ(&d.organ) {
            None => say(
                p("organ"),
                format!("no organ {:?} (organs are: {})", d.organ, organ_list()),
            ),
            Some(o) => {
                let weighs_population =
                    matches!(d.rule, Rule::DoubleMajority { .. } | Rule::Weighted { .. });
                if weighs_population && o.seat_holders != SeatHolders::MemberStates {
                    say(
                        p("rule"),
                        format!(
                            "this rule weighs member states, but organ {:?} is not composed of member states",
                            o.id
                        ),
                    );
                }
            }
        }
        if let Rule::DoubleMajority {
            blocking_minority: Some(0),
            ..
        } = d.rule
        {
            say(
                p("rule"),
                "a blocking minority needs at least one state".into(),
            );
        }
        if let Some(obj) = &d.objection
            && !organ_ids.contains_key(obj.organ.as_str())
        {
            say(
                vec![
                    key("decisions"),
                    Seg::Index(i),
                    key("objection"),
                    key("organ"),
                ],
                format!("no organ {:?} (organs are: {})", obj.organ, organ_list()),
            );
        }
        if d.objection.is_some() && matches!(d.kind.as_str(), "accession" | "membership_review") {
            say(
                vec![key("decisions"), Seg::Index(i), key("objection")],
                "admission and review measures take effect when adopted; give the networks an opinion (opinion_from) or co-decision on them instead".into(),
            );
        }
        for (field, list) in [
            ("opinion_from", &d.opinion_from),
            ("tabled_by", &d.tabled_by),
            ("co_decision", &d.co_decision),
        ] {
            for (j, id) in list.iter().enumerate() {
                if !organ_ids.contains_key(id.as_str()) {
                    say(
                        vec![key("decisions"), Seg::Index(i), key(field), Seg::Index(j)],
                        format!("no organ {id:?} (organs are: {})", organ_list()),
                    );
                }
            }
        }
    }
    for req in REQUIRED_DECISIONS {
        if !kinds.contains_key(req) {
            say(
                vec![key("decisions")],
                format!(
                    "no organ is assigned decisions of kind {req:?}; every charter must say who decides it"
                ),
            );
        }
    }
    out
}

fn check_criterion(
    cr: &Criterion,
    path: &Path,
    c: &Charter,
    say: &mut dyn FnMut(Path, String),
    known: &dyn Fn() -> String,
) {
    let at = |s: &str| {
        let mut p = path.clone();
        p.push(key(s));
        p
    };
    match cr {
        Criterion::FhStatus(list) if list.is_empty() => say(
            at("fh_status"),
            "list at least one status (F, PF, NF)".into(),
        ),
        Criterion::FhScoreMin(v) if *v > 100 => say(
            at("fh_score_min"),
            format!("{v} is above the maximum score of 100"),
        ),
        Criterion::VdemPolyarchyMin(v) if !(0.0..=1.0).contains(v) => say(
            at("vdem_polyarchy_min"),
            format!("{v} is outside the index's range 0–1"),
        ),
        Criterion::All(parts) | Criterion::Any(parts) => {
            let name = if matches!(cr, Criterion::All(_)) {
                "all"
            } else {
                "any"
            };
            if parts.is_empty() {
                say(at(name), "list at least one criterion".into());
            }
            for (i, part) in parts.iter().enumerate() {
                let mut p = at(name);
                p.push(Seg::Index(i));
                check_criterion(part, &p, c, say, known);
            }
        }
        Criterion::Criterion(id) if !c.criteria.contains_key(id) => say(
            at("criterion"),
            format!("no criterion {id:?} is defined (criteria are: {})", known()),
        ),
        _ => {}
    }
}

fn criterion_cycle(c: &Charter) -> Option<Vec<String>> {
    fn refs<'a>(cr: &'a Criterion, out: &mut Vec<&'a str>) {
        match cr {
            Criterion::Criterion(id) => out.push(id),
            Criterion::All(p) | Criterion::Any(p) => p.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    fn visit<'a>(
        id: &'a str,
        c: &'a Charter,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(pos) = stack.iter().position(|s| *s == id) {
            let mut cycle: Vec<String> = stack[pos..].iter().map(|s| (*s).to_owned()).collect();
            cycle.push(id.to_owned());
            return Some(cycle);
        }
        if done.contains(id) {
            return None;
        }
        let (key, named) = c.criteria.get_key_value(id)?;
        stack.push(key);
        let mut out = Vec::new();
        refs(&named.rule, &mut out);
        for r in out {
            if let Some(cy) = visit(r, c, stack, done) {
                return Some(cy);
            }
        }
        stack.pop();
        done.insert(key);
        None
    }
    let mut done = BTreeSet::new();
    c.criteria
        .keys()
        .find_map(|id| visit(id, c, &mut Vec::new(), &mut done))
}
