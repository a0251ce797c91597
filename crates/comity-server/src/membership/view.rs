//! Membership after founding and the networks' powers, in words: the labels pages and the
//! API share (the journal's lines are in `membership/words.rs` and `network/words.rs`).

use crate::i18n::Tr;

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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use comity_core::charter::ObjectionEffect;
    use comity_core::membership::{ApplicationStatus, Measure};
    use comity_core::network::{NetworkAct, Position};

    use crate::i18n::{Catalog, Lang};

    /// Every id built from a code at run time has a message in every language.
    #[test]
    fn every_membership_label_has_a_message() {
        let mut dynamic: Vec<String> = Vec::new();
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
            let code = crate::network::on_motion::act_code(a);
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
        let figures = crate::network::powers_use::figures(&Default::default());
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
        for lang in Lang::ALL {
            let ids = Catalog::ids(lang);
            for id in &dynamic {
                assert!(ids.iter().any(|i| i == id), "{lang} lacks {id}");
            }
        }
    }
}
