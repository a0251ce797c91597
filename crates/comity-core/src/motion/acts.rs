//! What a person may do on a motion now: each act `authorize`d for them and accepted by a
//! dry run of `decide`, with neutral values for what they have yet to type. Pages and the
//! API ask this instead of re-checking statuses themselves, so a form is offered exactly when
//! the act it sends would be recorded.

use comity_voting::rules::Vote;

use super::{Command, Seat};
use crate::auth::{Principal, authorize};
use crate::ids::{Iso3, Timestamp};
use crate::state::State;

/// The acts open to one person on one motion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MotionActs {
    /// Seats the person may table an amendment for.
    pub amend: Vec<Seat>,
    /// Seats the person may add to the sponsors.
    pub cosponsor: Vec<Seat>,
    pub withdraw: bool,
    pub open_debate: bool,
    pub open_vote: bool,
    /// A vote is open and the person may close it (it closes once its time is over or every
    /// seated state has voted; the refusal says which).
    pub close_vote: bool,
    /// States the person votes for on the item open.
    pub vote_for: Vec<Iso3>,
}

/// What `who` may do on motion `id` at `now`; nothing for a motion that does not exist.
pub fn available(state: &State, who: &Principal, now: Timestamp, id: u64) -> MotionActs {
    let Some(m) = state.motions.get(&id) else {
        return MotionActs::default();
    };
    let may = |cmd: Command| {
        let cmd = crate::Command::Motion(cmd);
        authorize(who, &cmd, state).is_ok() && crate::decide(state, now, &cmd).is_ok()
    };
    let mut acts = MotionActs::default();
    for seat in who.seats(state) {
        let amendment = Command::TableAmendment {
            motion: id,
            title: m.title.clone(),
            text: m.text.clone(),
            group: None,
            sponsor: seat.clone(),
        };
        if may(amendment) {
            acts.amend.push(seat.clone());
        }
        if may(Command::Cosponsor {
            motion: id,
            seat: seat.clone(),
        }) {
            acts.cosponsor.push(seat);
        }
    }
    acts.withdraw = may(Command::WithdrawMotion { motion: id });
    acts.open_debate = may(Command::OpenDebate { motion: id });
    acts.open_vote = may(Command::OpenVote {
        motion: id,
        closes_at: Timestamp::from_unix(now.unix() + 86_400),
        order: None,
    });
    acts.close_vote = m.ballot.is_some()
        && authorize(
            who,
            &crate::Command::Motion(Command::CloseVote {
                motion: id,
                casting_vote: None,
            }),
            state,
        )
        .is_ok();
    if let Some(b) = &m.ballot {
        acts.vote_for = b
            .electorate
            .iter()
            .filter(|iso| {
                // Whichever way the state voted already, one of the two is a change.
                [Vote::Yes, Vote::No].into_iter().any(|vote| {
                    may(Command::CastVote {
                        motion: id,
                        state: (*iso).clone(),
                        vote,
                    })
                })
            })
            .cloned()
            .collect();
    }
    acts
}
