//! The networks' acts in words: one journal line per event.

use comity_core::{State, network::Event};

use crate::i18n::Tr;
use crate::kit::names::{organ_name, state_name};
use crate::membership::view::{args, effect, network_act, position};

pub fn summary(tr: &Tr<'_>, state: &State, e: &Event) -> String {
    let act_code = |a| crate::network::on_motion::act_code(a);
    match e {
        Event::OpinionGiven {
            motion,
            organ,
            position: p,
            ..
        } => args(
            tr,
            "ev-opinion_given",
            &[
                ("organ", organ_name(state, organ)),
                ("motion", motion.to_string()),
                ("position", position(tr, p.code())),
            ],
        ),
        Event::NetworkDivisionOpened {
            motion,
            organ,
            act,
            electorate,
            ..
        } => args(
            tr,
            "ev-network_division_opened",
            &[
                ("organ", organ_name(state, organ)),
                ("motion", motion.to_string()),
                ("act", network_act(tr, act_code(*act))),
                ("members", electorate.len().to_string()),
            ],
        ),
        Event::NetworkVoteCast {
            motion,
            organ,
            member,
            vote,
        } => args(
            tr,
            "ev-network_vote_cast",
            &[
                ("organ", organ_name(state, organ)),
                ("motion", motion.to_string()),
                (
                    "member",
                    state
                        .accreditations
                        .get(member)
                        .map_or_else(|| member.to_string(), |a| a.name.clone()),
                ),
                (
                    "vote",
                    tr.t(&format!("vote-{}", comity_core::motion::vote_code(*vote))),
                ),
            ],
        ),
        Event::NetworkVoted {
            motion,
            organ,
            act,
            yes,
            no,
            abstain,
            carried,
            effect: fx,
        } => args(
            tr,
            "ev-network_voted",
            &[
                ("organ", organ_name(state, organ)),
                ("motion", motion.to_string()),
                ("act", network_act(tr, act_code(*act))),
                ("yes", yes.to_string()),
                ("no", no.to_string()),
                ("abstain", abstain.to_string()),
                (
                    "result",
                    match (carried, fx) {
                        (true, Some(fx)) => effect(tr, fx.code()),
                        (true, None) => tr.t("network-carried"),
                        (false, _) => tr.t("network-not-carried"),
                    },
                ),
            ],
        ),
        Event::AccreditationRequested {
            organ,
            name,
            country,
            ..
        } => args(
            tr,
            "ev-accreditation_requested",
            &[
                ("name", name.clone()),
                ("country", state_name(state, country)),
                ("organ", organ_name(state, organ)),
            ],
        ),
        Event::AccreditationDecided {
            accreditation,
            organ,
            yes,
            no,
            abstain,
            accredited,
        } => args(
            tr,
            "ev-accreditation_decided",
            &[
                ("accreditation", accreditation.to_string()),
                ("organ", organ_name(state, organ)),
                ("yes", yes.to_string()),
                ("no", no.to_string()),
                ("abstain", abstain.to_string()),
                (
                    "outcome",
                    tr.t(if *accredited {
                        "accreditation-granted"
                    } else {
                        "accreditation-refused"
                    }),
                ),
            ],
        ),
    }
}
