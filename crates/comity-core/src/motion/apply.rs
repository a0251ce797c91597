//! How the events of motions, amendments and their roll calls fold into the state.

use std::collections::BTreeMap;

use super::Event;
use crate::ids::{Actor, Iso3, Timestamp};
use crate::motion::{
    self, Amendment, AmendmentStatus, Ballot, Item, Motion, MotionStatus, VoteRecord,
};
use crate::state::{ApplyError, State, inconsistent};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::MotionTabled {
            motion,
            organ,
            decision,
            title,
            text,
            sponsor,
        } => {
            st.motions.insert(
                *motion,
                Motion {
                    id: *motion,
                    organ: organ.clone(),
                    decision: decision.clone(),
                    title: title.clone(),
                    text: text.clone(),
                    original_text: text.clone(),
                    sponsor: sponsor.clone(),
                    cosponsors: Vec::new(),
                    tabled_by: actor.clone(),
                    tabled_seq: seq,
                    tabled_at: time,
                    status: MotionStatus::Tabled,
                    amendments: Vec::new(),
                    order: Vec::new(),
                    ballot: None,
                    votes: Vec::new(),
                    opinions: Vec::new(),
                    network_votes: Vec::new(),
                    network_divisions: BTreeMap::new(),
                    second_reading: false,
                    acts: vec![seq],
                },
            );
        }
        Event::MotionCosponsored { motion, seat } => {
            st.motion_mut(seq, *motion)?.cosponsors.push(seat.clone());
        }
        Event::AmendmentTabled {
            motion,
            amendment,
            title,
            text,
            group,
            sponsor,
        } => {
            st.motion_mut(seq, *motion)?.amendments.push(Amendment {
                number: *amendment,
                title: title.clone(),
                text: text.clone(),
                group: group.clone(),
                sponsor: sponsor.clone(),
                status: AmendmentStatus::Tabled,
                tabled_seq: seq,
            });
        }
        Event::MotionWithdrawn { motion } => {
            st.motion_mut(seq, *motion)?.status = MotionStatus::Withdrawn;
        }
        Event::AmendmentWithdrawn { motion, amendment } => {
            let m = st.motion_mut(seq, *motion)?;
            if let Some(a) = m.amendments.iter_mut().find(|a| a.number == *amendment) {
                a.status = AmendmentStatus::Withdrawn;
            }
        }
        Event::DebateOpened { motion } => {
            st.motion_mut(seq, *motion)?.status = MotionStatus::UnderDebate;
        }
        Event::VoteOpened {
            motion,
            item,
            closes_at,
            electorate,
            order,
        } => {
            let m = st.motion_mut(seq, *motion)?;
            m.status = MotionStatus::Voting;
            m.order = order.clone();
            m.ballot = Some(Ballot {
                item: *item,
                opened_seq: seq,
                opened_at: time,
                closes_at: *closes_at,
                electorate: electorate.clone(),
                votes: BTreeMap::new(),
            });
        }
        Event::VoteCast {
            motion,
            state,
            vote,
            ..
        } => {
            let m = st.motion_mut(seq, *motion)?;
            let Some(b) = m.ballot.as_mut() else {
                return Err(inconsistent(seq, "a vote was cast with no vote open"));
            };
            b.votes.insert(state.clone(), *vote);
        }
        Event::VoteClosed {
            motion,
            item,
            tally,
            objections,
            lapsed,
            casting_vote,
        } => close_vote(
            st,
            seq,
            time,
            *motion,
            *item,
            tally,
            objections,
            lapsed,
            *casting_vote,
        )?,
    }
    Ok(())
}

/// Close the open ballot, re-deriving the tally from the recorded votes under the
/// charter's rule: a journal whose recorded outcome does not follow is refused.
#[allow(clippy::too_many_arguments)]
fn close_vote(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    id: u64,
    item: Item,
    tally: &comity_voting::rules::Tally,
    objections: &[Iso3],
    lapsed: &[u32],
    casting_vote: Option<bool>,
) -> Result<(), ApplyError> {
    let spec = {
        let m = st
            .motions
            .get(&id)
            .ok_or_else(|| inconsistent(seq, &format!("there is no motion {id}")))?;
        st.charter
            .as_ref()
            .and_then(|c| c.charter.decision(&m.decision))
            .cloned()
            .ok_or_else(|| inconsistent(seq, "the motion's decision kind is not in the charter"))?
    };
    let registry = &st.registry;
    let m = st
        .motions
        .get_mut(&id)
        .ok_or_else(|| inconsistent(seq, &format!("there is no motion {id}")))?;
    let Some(ballot) = m.ballot.clone() else {
        return Err(inconsistent(seq, "a vote was closed with no vote open"));
    };
    if ballot.item != item {
        return Err(inconsistent(seq, "the vote closed is not the one open"));
    }
    let roll = motion::roll_of(&ballot);
    let (recomputed, _) = motion::tally_roll(&spec, registry, &roll, casting_vote)
        .map_err(|e| inconsistent(seq, &e.to_string()))?;
    if recomputed != *tally {
        return Err(ApplyError::TallyMismatch {
            seq,
            motion: id,
            recorded: tally.to_string(),
            recomputed: recomputed.to_string(),
        });
    }
    let adopted = motion::adopted(tally);
    m.ballot = None;
    match item {
        Item::Amendment(n) => {
            for a in &mut m.amendments {
                if a.number == n {
                    a.status = if adopted {
                        AmendmentStatus::Adopted
                    } else {
                        AmendmentStatus::Rejected
                    };
                    if adopted {
                        m.text = a.text.clone();
                    }
                } else if lapsed.contains(&a.number) {
                    a.status = AmendmentStatus::Lapsed;
                }
            }
        }
        Item::Motion => {
            m.status = match tally.outcome {
                comity_voting::rules::Outcome::Adopted => MotionStatus::Adopted,
                comity_voting::rules::Outcome::Rejected => MotionStatus::Rejected,
                // No decision: the motion stays before the organ for another vote.
                comity_voting::rules::Outcome::NoQuorum => MotionStatus::Voting,
            };
        }
    }
    m.votes.push(VoteRecord {
        item,
        opened_seq: ballot.opened_seq,
        closed_seq: seq,
        closed_at: time,
        roll,
        tally: tally.clone(),
        objections: objections.to_vec(),
        lapsed: lapsed.to_vec(),
    });
    Ok(())
}
