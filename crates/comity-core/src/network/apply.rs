//! How the events of the networks' opinions, divisions and accreditations fold into the state.

use std::collections::BTreeMap;

use super::Event;
use crate::ids::{Actor, Timestamp};
use crate::motion::MotionStatus;
use crate::state::{ApplyError, State, inconsistent, next_in_sequence};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::OpinionGiven {
            organ,
            position,
            text,
            motion,
        } => {
            st.motion_mut(seq, *motion)?
                .opinions
                .push(crate::network::Opinion {
                    seq,
                    time,
                    organ: organ.clone(),
                    position: *position,
                    text: text.clone(),
                });
        }
        Event::NetworkVoted {
            motion,
            organ,
            act,
            yes,
            no,
            abstain,
            carried,
            effect,
        } => {
            // The outcome must follow from the division under the charter.
            let spec = st.charter.as_ref().and_then(|c| {
                st.motions
                    .get(motion)
                    .and_then(|m| c.charter.decision(&m.decision))
                    .cloned()
            });
            if let Some(spec) = spec {
                let (want, want_effect) = crate::network::network_outcome(&spec, *act, *yes, *no);
                if want != *carried || want_effect != *effect {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "motion {motion}: the recorded outcome of {organ}'s division ({yes}–{no}) does not follow from the charter"
                        ),
                    ));
                }
            }
            let m = st.motion_mut(seq, *motion)?;
            // A roll call held on the platform closes here: its counts are the votes cast.
            if let Some(d) = m.network_divisions.get(organ.as_str())
                && (d.counts() != [*yes, *no, *abstain] || d.act != *act)
            {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "motion {motion}: {organ}'s division ({yes}–{no}–{abstain}) is not the roll call's votes"
                    ),
                ));
            }
            let roll = m
                .network_divisions
                .remove(organ.as_str())
                .map(|d| d.roll())
                .unwrap_or_default();
            m.network_votes.push(crate::network::NetworkVote {
                seq,
                time,
                organ: organ.clone(),
                act: *act,
                yes: *yes,
                no: *no,
                abstain: *abstain,
                carried: *carried,
                roll,
            });
            use crate::charter::ObjectionEffect;
            use crate::network::NetworkAct;
            match (act, carried, effect) {
                (NetworkAct::CoDecision, false, _) => m.status = MotionStatus::Rejected,
                (NetworkAct::Objection, true, Some(ObjectionEffect::SecondReading)) => {
                    m.status = MotionStatus::UnderDebate;
                    m.second_reading = true;
                }
                (NetworkAct::Objection, true, Some(ObjectionEffect::Block)) => {
                    m.status = MotionStatus::Rejected;
                }
                _ => {}
            }
        }
        Event::NetworkDivisionOpened {
            motion,
            organ,
            act,
            closes_at,
            electorate,
        } => {
            let members = crate::network::accredited_members(&st.accreditations, organ);
            if &members != electorate {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "motion {motion}: the roll call's electorate is not {organ}'s accredited members"
                    ),
                ));
            }
            let m = st.motion_mut(seq, *motion)?;
            m.network_divisions.insert(
                organ.clone(),
                crate::network::NetworkDivision {
                    organ: organ.clone(),
                    act: *act,
                    opened_seq: seq,
                    opened_at: time,
                    closes_at: *closes_at,
                    electorate: electorate.clone(),
                    votes: BTreeMap::new(),
                },
            );
        }
        Event::NetworkVoteCast {
            motion,
            organ,
            member,
            vote,
        } => {
            let m = st.motion_mut(seq, *motion)?;
            let Some(d) = m.network_divisions.get_mut(organ.as_str()) else {
                return Err(inconsistent(
                    seq,
                    &format!("motion {motion}: no roll call of {organ} is open"),
                ));
            };
            if !d.electorate.contains(member) {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "motion {motion}: accreditation {member} does not vote in {organ}'s roll call"
                    ),
                ));
            }
            d.votes.insert(*member, *vote);
        }
        Event::AccreditationRequested {
            accreditation,
            organ,
            name,
            country,
            kind,
            description,
        } => {
            next_in_sequence(
                seq,
                "accreditation",
                *accreditation,
                st.accreditations.len(),
            )?;
            st.accreditations.insert(
                *accreditation,
                crate::network::Accreditation {
                    id: *accreditation,
                    organ: organ.clone(),
                    name: name.clone(),
                    country: country.clone(),
                    kind: *kind,
                    description: description.clone(),
                    seq,
                    time,
                    status: crate::network::AccreditationStatus::Requested,
                    decided: None,
                },
            );
        }
        Event::AccreditationDecided {
            accreditation,
            organ,
            yes,
            no,
            abstain,
            accredited,
        } => {
            let rule = st
                .charter
                .as_ref()
                .and_then(|c| c.charter.decision("accreditation"))
                .map(|d| d.rule.clone());
            if let Some(rule) = rule
                && crate::network::division_carries(&rule, *yes, *no) != *accredited
            {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "accreditation {accreditation}: the recorded outcome does not follow from the division under the charter's rule"
                    ),
                ));
            }
            let a = st
                .accreditations
                .get_mut(accreditation)
                .ok_or_else(|| inconsistent(seq, &format!("no accreditation {accreditation}")))?;
            a.status = if *accredited {
                crate::network::AccreditationStatus::Accredited
            } else {
                crate::network::AccreditationStatus::Refused
            };
            a.decided = Some((organ.clone(), *yes, *no, *abstain));
        }
    }
    Ok(())
}
