//! Membership after founding in words: one journal line per event.

use comity_core::{State, membership::Event};

use crate::i18n::Tr;
use crate::kit::names::{organ_name, state_name};
use crate::membership::view::{args, measure};

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::MemberAdmitted { state: iso, .. } => {
            tr.t1("ev-member_admitted", "state", state_name(state, iso))
        }
        Event::MemberFlaggedForReview {
            state: iso,
            edition,
            ..
        } => tr.t2(
            "ev-member_flagged_for_review",
            "state",
            state_name(state, iso),
            "edition",
            edition.as_str(),
        ),
        Event::MembershipApplied {
            application,
            state: iso,
            eligible,
            ..
        } => args(
            tr,
            "ev-membership_applied",
            &[
                ("application", application.to_string()),
                ("state", state_name(state, iso)),
                (
                    "verdict",
                    tr.t(if *eligible {
                        "application-eligible"
                    } else {
                        "application-ineligible"
                    }),
                ),
            ],
        ),
        Event::ApplicationReferred {
            application,
            motion,
        } => args(
            tr,
            "ev-application_referred",
            &[
                ("application", application.to_string()),
                ("motion", motion.to_string()),
            ],
        ),
        Event::ApplicationDecided {
            application,
            admitted,
        } => args(
            tr,
            "ev-application_decided",
            &[
                ("application", application.to_string()),
                (
                    "outcome",
                    tr.t(if *admitted {
                        "application-status-admitted"
                    } else {
                        "application-status-refused"
                    }),
                ),
            ],
        ),
        Event::ReviewOpened {
            review,
            state: iso,
            organ,
            edition,
            ..
        } => args(
            tr,
            "ev-review_opened",
            &[
                ("review", review.to_string()),
                ("state", state_name(state, iso)),
                ("organ", organ_name(state, organ)),
                ("edition", edition.clone()),
            ],
        ),
        Event::ReviewReferred {
            review,
            motion,
            measure: m,
        } => args(
            tr,
            "ev-review_referred",
            &[
                ("review", review.to_string()),
                ("measure", measure(tr, m.code())),
                ("motion", motion.to_string()),
            ],
        ),
        Event::ReviewDecided {
            review,
            state: iso,
            measure: m,
        } => args(
            tr,
            "ev-review_decided",
            &[
                ("review", review.to_string()),
                ("state", state_name(state, iso)),
                (
                    "measure",
                    m.map_or_else(|| tr.t("measure-none"), |m| measure(tr, m.code())),
                ),
            ],
        ),
        Event::DemocracyOfficerDesignated {
            state: iso, name, ..
        } => args(
            tr,
            "ev-democracy_officer_designated",
            &[("state", state_name(state, iso)), ("name", name.clone())],
        ),
    }
}
