//! Motions in words: one journal line per event.

use comity_core::{State, motion::Event};

use crate::i18n::Tr;
use crate::kit::names::state_name;

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    match e {
        Event::MotionTabled { motion, title, .. } => tr.t2(
            "ev-motion_tabled",
            "motion",
            *motion,
            "title",
            title.as_str(),
        ),
        Event::MotionCosponsored { motion, .. } => {
            tr.t1("ev-motion_cosponsored", "motion", *motion)
        }
        Event::AmendmentTabled {
            motion, amendment, ..
        } => tr.t2(
            "ev-amendment_tabled",
            "motion",
            *motion,
            "amendment",
            *amendment,
        ),
        Event::MotionWithdrawn { motion } => tr.t1("ev-motion_withdrawn", "motion", *motion),
        Event::AmendmentWithdrawn { motion, amendment } => tr.t2(
            "ev-amendment_withdrawn",
            "motion",
            *motion,
            "amendment",
            *amendment,
        ),
        Event::DebateOpened { motion } => tr.t1("ev-debate_opened", "motion", *motion),
        Event::VoteOpened { motion, .. } => tr.t1("ev-vote_opened", "motion", *motion),
        Event::VoteCast {
            motion, state: iso, ..
        } => tr.t2(
            "ev-vote_cast",
            "state",
            state_name(state, iso),
            "motion",
            *motion,
        ),
        Event::VoteClosed { motion, tally, .. } => tr.t2(
            "ev-vote_closed",
            "motion",
            *motion,
            "outcome",
            tr.t(&format!(
                "outcome-{}",
                crate::motion::pages::outcome_code(tally.outcome)
            )),
        ),
    }
}
