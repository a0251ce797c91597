//! Membership after founding and the networks' powers, in words: the journal's one-line
//! summaries of their events, and the labels pages and the API share.

use comity_core::State;
use comity_core::journal::Entry;
use serde_json::Value;

use crate::i18n::Tr;

/// The event kinds [`entry_summary`] describes.
pub const MEMBERSHIP_EVENTS: [&str; 14] = [
    "membership_applied",
    "application_referred",
    "application_decided",
    "review_opened",
    "review_referred",
    "review_decided",
    "opinion_given",
    "network_voted",
    "network_division_opened",
    "network_vote_cast",
    "accreditation_requested",
    "accreditation_decided",
    "report_submitted",
    "democracy_officer_designated",
];

/// An organ's name from the charter, or its id.
pub fn organ_name(state: &State, id: &str) -> String {
    state
        .charter
        .as_ref()
        .and_then(|a| a.charter.organ(id))
        .map_or_else(|| id.to_owned(), |o| o.name.clone())
}

/// A state's name from the registry, or its code.
pub fn state_name(state: &State, code: &str) -> String {
    comity_core::Iso3::parse(code)
        .ok()
        .and_then(|iso| state.registry.country(&iso).map(|c| c.name.clone()))
        .unwrap_or_else(|| code.to_owned())
}

/// `warning`, `suspension`, `termination` in words.
pub fn measure(tr: &Tr<'_>, code: &str) -> String {
    tr.t(&format!("measure-{code}"))
}

/// `favourable`, `unfavourable`, `conditional` in words.
pub fn position(tr: &Tr<'_>, code: &str) -> String {
    tr.t(&format!("position-{code}"))
}

/// `co_decision` or `objection` in words.
pub fn network_act(tr: &Tr<'_>, code: &str) -> String {
    tr.t(&format!("network-act-{}", code.replace('_', "-")))
}

/// `second_reading` or `block` in words.
pub fn effect(tr: &Tr<'_>, code: &str) -> String {
    tr.t(&format!("objection-effect-{}", code.replace('_', "-")))
}

pub(crate) fn args(tr: &Tr<'_>, id: &str, pairs: &[(&str, String)]) -> String {
    let mut a = fluent_bundle::FluentArgs::new();
    for (k, v) in pairs {
        a.set(*k, v.clone());
    }
    tr.catalog.format(tr.lang, id, Some(&a))
}

/// One line for a membership or network entry.
pub fn entry_summary(tr: &Tr<'_>, state: &State, e: &Entry) -> String {
    let p = &e.payload;
    let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or_default();
    let n = |k: &str| p.get(k).and_then(Value::as_u64).unwrap_or(0).to_string();
    match e.kind.as_str() {
        "membership_applied" => args(
            tr,
            "ev-membership_applied",
            &[
                ("application", n("application")),
                ("state", state_name(state, s("state"))),
                (
                    "verdict",
                    tr.t(
                        if p.get("eligible").and_then(Value::as_bool) == Some(true) {
                            "application-eligible"
                        } else {
                            "application-ineligible"
                        },
                    ),
                ),
            ],
        ),
        "application_referred" => args(
            tr,
            "ev-application_referred",
            &[("application", n("application")), ("motion", n("motion"))],
        ),
        "application_decided" => args(
            tr,
            "ev-application_decided",
            &[
                ("application", n("application")),
                (
                    "outcome",
                    tr.t(
                        if p.get("admitted").and_then(Value::as_bool) == Some(true) {
                            "application-status-admitted"
                        } else {
                            "application-status-refused"
                        },
                    ),
                ),
            ],
        ),
        "review_opened" => args(
            tr,
            "ev-review_opened",
            &[
                ("review", n("review")),
                ("state", state_name(state, s("state"))),
                ("organ", organ_name(state, s("organ"))),
                ("edition", s("edition").to_owned()),
            ],
        ),
        "review_referred" => args(
            tr,
            "ev-review_referred",
            &[
                ("review", n("review")),
                ("measure", measure(tr, s("measure"))),
                ("motion", n("motion")),
            ],
        ),
        "review_decided" => args(
            tr,
            "ev-review_decided",
            &[
                ("review", n("review")),
                ("state", state_name(state, s("state"))),
                (
                    "measure",
                    match p.get("measure").and_then(Value::as_str) {
                        Some(m) => measure(tr, m),
                        None => tr.t("measure-none"),
                    },
                ),
            ],
        ),
        "opinion_given" => args(
            tr,
            "ev-opinion_given",
            &[
                ("organ", organ_name(state, s("organ"))),
                ("motion", n("motion")),
                ("position", position(tr, s("position"))),
            ],
        ),
        "network_division_opened" => args(
            tr,
            "ev-network_division_opened",
            &[
                ("organ", organ_name(state, s("organ"))),
                ("motion", n("motion")),
                ("act", network_act(tr, s("act"))),
                (
                    "members",
                    p.get("electorate")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len)
                        .to_string(),
                ),
            ],
        ),
        "network_vote_cast" => args(
            tr,
            "ev-network_vote_cast",
            &[
                ("organ", organ_name(state, s("organ"))),
                ("motion", n("motion")),
                (
                    "member",
                    p.get("member")
                        .and_then(Value::as_u64)
                        .and_then(|a| state.accreditations.get(&a))
                        .map_or_else(|| n("member"), |a| a.name.clone()),
                ),
                ("vote", tr.t(&format!("vote-{}", s("vote")))),
            ],
        ),
        "network_voted" => args(
            tr,
            "ev-network_voted",
            &[
                ("organ", organ_name(state, s("organ"))),
                ("motion", n("motion")),
                ("act", network_act(tr, s("act"))),
                ("yes", n("yes")),
                ("no", n("no")),
                ("abstain", n("abstain")),
                (
                    "result",
                    match (
                        p.get("carried").and_then(Value::as_bool) == Some(true),
                        p.get("effect").and_then(Value::as_str),
                    ) {
                        (true, Some(e)) => effect(tr, e),
                        (true, None) => tr.t("network-carried"),
                        (false, _) => tr.t("network-not-carried"),
                    },
                ),
            ],
        ),
        "accreditation_requested" => args(
            tr,
            "ev-accreditation_requested",
            &[
                ("name", s("name").to_owned()),
                ("country", state_name(state, s("country"))),
                ("organ", organ_name(state, s("organ"))),
            ],
        ),
        "accreditation_decided" => args(
            tr,
            "ev-accreditation_decided",
            &[
                ("accreditation", n("accreditation")),
                ("organ", organ_name(state, s("organ"))),
                ("yes", n("yes")),
                ("no", n("no")),
                ("abstain", n("abstain")),
                (
                    "outcome",
                    tr.t(
                        if p.get("accredited").and_then(Value::as_bool) == Some(true) {
                            "accreditation-granted"
                        } else {
                            "accreditation-refused"
                        },
                    ),
                ),
            ],
        ),
        "report_submitted" => args(
            tr,
            "ev-report_submitted",
            &[
                ("organ", organ_name(state, s("organ"))),
                ("to", organ_name(state, s("to"))),
                ("title", s("title").to_owned()),
            ],
        ),
        "democracy_officer_designated" => args(
            tr,
            "ev-democracy_officer_designated",
            &[
                ("state", state_name(state, s("state"))),
                ("name", s("name").to_owned()),
            ],
        ),
        other => tr.t1("ev-unknown", "kind", other),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use comity_core::charter::ObjectionEffect;
    use comity_core::membership::{ApplicationStatus, Measure};
    use comity_core::network::{NetworkAct, Position};

    use super::MEMBERSHIP_EVENTS;
    use crate::i18n::{Catalog, Lang};

    /// Every id built from a code at run time has a message in every language.
    #[test]
    fn every_membership_label_has_a_message() {
        let mut dynamic: Vec<String> = MEMBERSHIP_EVENTS
            .iter()
            .map(|k| format!("ev-{k}"))
            .collect();
        for m in [Measure::Warning, Measure::Suspension, Measure::Termination] {
            dynamic.push(format!("measure-{}", m.code()));
        }
        for p in [
            Position::Favourable,
            Position::Unfavourable,
            Position::Conditional,
        ] {
            dynamic.push(format!("position-{}", p.code()));
        }
        for a in [NetworkAct::CoDecision, NetworkAct::Objection] {
            let code = crate::pages::motion_network::act_code(a);
            dynamic.push(format!("network-act-{}", code.replace('_', "-")));
        }
        for e in [ObjectionEffect::SecondReading, ObjectionEffect::Block] {
            dynamic.push(format!("objection-effect-{}", e.code().replace('_', "-")));
        }
        for s in [
            ApplicationStatus::Received,
            ApplicationStatus::Referred,
            ApplicationStatus::Admitted,
            ApplicationStatus::Refused,
        ] {
            dynamic.push(format!("application-status-{}", s.code()));
        }
        for s in ["good", "warned", "suspended"] {
            dynamic.push(format!("standing-{s}"));
        }
        let figures = crate::powers_use::figures(&Default::default());
        dynamic.extend(figures.iter().map(|(id, _)| (*id).to_owned()));
        for id in [
            "measure-none",
            "network-carried",
            "network-not-carried",
            "network-approved",
            "network-refused",
            "application-eligible",
            "application-ineligible",
            "powers-opinion",
            "powers-table",
            "powers-objection",
            "powers-co-decision",
            "form-choose-position",
            "form-choose-organ",
            "form-choose-division",
            "form-count",
            "form-choose-applicant",
            "form-choose-review",
            "form-choose-measure",
            "accreditation-granted",
            "accreditation-refused",
        ] {
            dynamic.push(id.to_owned());
        }
        let _ = Catalog::load().unwrap();
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
            let ids = Catalog::ids(lang);
            for id in &dynamic {
                assert!(ids.iter().any(|i| i == id), "{lang} lacks {id}");
            }
        }
    }
}
