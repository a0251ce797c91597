//! Deciding the acts on motions: tabling, amending, debating, voting, withdrawing.

use comity_voting::rules::Vote;

use std::collections::BTreeSet;

use super::{Command, OrderError};
use crate::base;
use crate::base::RuleError;
use crate::charter::{Charter, SeatHolders};
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Iso3, Timestamp};
use crate::motion::{self, AmendmentStatus, Item, Motion, MotionStatus, Seat};
use crate::network;
use crate::organs;
use crate::state::State;

use crate::base::{charter_of as charter, text_field};

const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 20_000;

fn motion(state: &State, id: u64) -> Result<&Motion, DomainError> {
    state
        .motions
        .get(&id)
        .ok_or(DomainError::Motion(motion::Refusal::UnknownMotion(id)))
}

fn status(m: &Motion, ok: &[MotionStatus], act: &'static str) -> Result<(), DomainError> {
    if ok.contains(&m.status) {
        Ok(())
    } else {
        Err(DomainError::Motion(motion::Refusal::WrongStatus {
            motion: m.id,
            status: m.status,
            act,
        }))
    }
}

/// A seat must exist: a known member state, or an organ of the charter.
fn check_seat(state: &State, charter: &Charter, seat: &Seat) -> Result<(), DomainError> {
    match seat {
        Seat::State(iso) if !state.members.contains_key(iso) => {
            Err(DomainError::Base(base::Refusal::NotAMember(iso.clone())))
        }
        Seat::Organ(o) if charter.organ(o).is_none() => {
            Err(DomainError::Base(base::Refusal::UnknownOrgan(o.clone())))
        }
        _ => Ok(()),
    }
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    match cmd {
        Command::TableMotion {
            decision,
            title,
            text,
            sponsor,
        } => table_motion(state, decision, title, text, sponsor),
        Command::Cosponsor { motion: id, seat } => cosponsor(state, id, seat),
        Command::TableAmendment {
            motion: id,
            title,
            text,
            group,
            sponsor,
        } => table_amendment(state, id, title, text, group, sponsor),
        Command::WithdrawMotion { motion: id } => withdraw_motion(state, id),
        Command::WithdrawAmendment {
            motion: id,
            amendment,
        } => withdraw_amendment(state, id, amendment),
        Command::OpenDebate { motion: id } => open_debate(state, id),
        Command::OpenVote {
            motion: id,
            closes_at,
            order,
        } => open_vote(state, now, *id, *closes_at, order.as_deref()),
        Command::CastVote {
            motion: id,
            state: iso,
            vote,
        } => cast_vote(state, now, id, iso, vote),
        Command::CloseVote {
            motion: id,
            casting_vote,
        } => close_vote(state, now, id, casting_vote),
    }
}

fn table_motion(
    state: &State,
    decision: &str,
    title: &str,
    text: &str,
    sponsor: &Seat,
) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    let spec = charter
        .decision(decision)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownDecision(decision.to_owned())))?;
    let organ = &spec.organ;
    if charter.organ(organ).is_none() {
        return Err(DomainError::Base(base::Refusal::UnknownOrgan(
            organ.clone(),
        )));
    }
    text_field("title", title, TITLE_MAX)?;
    text_field("text", text, TEXT_MAX)?;
    check_seat(state, charter, sponsor)?;
    let id = crate::motion::next_id(state);
    Ok(vec![Event::Motion(motion::Event::MotionTabled {
        motion: id,
        organ: organ.clone(),
        decision: decision.to_owned(),
        title: title.trim().to_owned(),
        text: text.trim().to_owned(),
        sponsor: sponsor.clone(),
    })])
}

fn cosponsor(state: &State, id: &u64, seat: &Seat) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    status(
        m,
        &[MotionStatus::Tabled, MotionStatus::UnderDebate],
        "take co-sponsors",
    )?;
    check_seat(state, charter(state)?, seat)?;
    if m.sponsor == *seat || m.cosponsors.contains(seat) {
        return Err(DomainError::Motion(motion::Refusal::AlreadySponsor {
            motion: *id,
            seat: seat.to_string(),
        }));
    }
    Ok(vec![Event::Motion(motion::Event::MotionCosponsored {
        motion: *id,
        seat: seat.clone(),
    })])
}

fn table_amendment(
    state: &State,
    id: &u64,
    title: &str,
    text: &str,
    group: &Option<String>,
    sponsor: &Seat,
) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    status(
        m,
        &[MotionStatus::Tabled, MotionStatus::UnderDebate],
        "take amendments",
    )?;
    text_field("title", title, TITLE_MAX)?;
    text_field("text", text, TEXT_MAX)?;
    if let Some(g) = group {
        text_field("group", g, 100)?;
    }
    check_seat(state, charter(state)?, sponsor)?;
    let number = m.amendments.iter().map(|a| a.number).max().unwrap_or(0) + 1;
    Ok(vec![Event::Motion(motion::Event::AmendmentTabled {
        motion: *id,
        amendment: number,
        title: title.trim().to_owned(),
        text: text.trim().to_owned(),
        group: group
            .as_ref()
            .map(|g| g.trim().to_owned())
            .filter(|g| !g.is_empty()),
        sponsor: sponsor.clone(),
    })])
}

fn withdraw_motion(state: &State, id: &u64) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    status(
        m,
        &[MotionStatus::Tabled, MotionStatus::UnderDebate],
        "be withdrawn",
    )?;
    Ok(vec![Event::Motion(motion::Event::MotionWithdrawn {
        motion: *id,
    })])
}

fn withdraw_amendment(state: &State, id: &u64, amendment: &u32) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    let a =
        m.amendment(*amendment)
            .ok_or(DomainError::Motion(motion::Refusal::UnknownAmendment {
                motion: *id,
                amendment: *amendment,
            }))?;
    if a.status != AmendmentStatus::Tabled {
        return Err(DomainError::Motion(motion::Refusal::AmendmentSettled {
            motion: *id,
            amendment: *amendment,
            status: a.status.code(),
        }));
    }
    if m.ballot
        .as_ref()
        .is_some_and(|b| b.item == Item::Amendment(*amendment))
    {
        return Err(DomainError::Motion(motion::Refusal::VoteAlreadyOpen {
            motion: *id,
            item: Item::Amendment(*amendment),
        }));
    }
    Ok(vec![Event::Motion(motion::Event::AmendmentWithdrawn {
        motion: *id,
        amendment: *amendment,
    })])
}

fn open_debate(state: &State, id: &u64) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    status(m, &[MotionStatus::Tabled], "go to debate")?;
    Ok(vec![Event::Motion(motion::Event::DebateOpened {
        motion: *id,
    })])
}

fn cast_vote(
    state: &State,
    now: Timestamp,
    id: &u64,
    iso: &Iso3,
    vote: &Vote,
) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    let ballot = m
        .ballot
        .as_ref()
        .ok_or(DomainError::Motion(motion::Refusal::NoVoteOpen(*id)))?;
    if now > ballot.closes_at {
        return Err(DomainError::Motion(motion::Refusal::VoteOver {
            closes_at: ballot.closes_at,
        }));
    }
    if !ballot.electorate.contains(iso) {
        return Err(DomainError::Motion(motion::Refusal::NotSeated {
            state: iso.clone(),
            organ: m.organ.clone(),
        }));
    }
    if *vote == Vote::Absent {
        return Err(DomainError::Base(base::Refusal::Rule(
            RuleError::AbsentIsNoVote,
        )));
    }
    if ballot.votes.get(iso) == Some(vote) {
        return Err(DomainError::Motion(motion::Refusal::SameVote {
            state: iso.clone(),
            vote: motion::vote_code(*vote),
        }));
    }
    Ok(vec![Event::Motion(motion::Event::VoteCast {
        motion: *id,
        item: ballot.item,
        state: iso.clone(),
        vote: *vote,
    })])
}

fn close_vote(
    state: &State,
    now: Timestamp,
    id: &u64,
    casting_vote: &Option<bool>,
) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, *id)?;
    let ballot = m
        .ballot
        .as_ref()
        .ok_or(DomainError::Motion(motion::Refusal::NoVoteOpen(*id)))?;
    let missing = ballot.electorate.len() - ballot.votes.len();
    if now < ballot.closes_at && missing > 0 {
        return Err(DomainError::Motion(motion::Refusal::VoteStillOpen {
            closes_at: ballot.closes_at,
            missing,
        }));
    }
    let charter = charter(state)?;
    let spec = charter
        .decision(&m.decision)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownDecision(m.decision.clone())))?;
    let roll = motion::roll_of(ballot);
    let (tally, objections) = motion::tally_roll(spec, &state.registry, &roll, *casting_vote)
        .map_err(|e| {
            DomainError::Base(base::Refusal::Rule(RuleError::Tally {
                detail: e.to_string(),
            }))
        })?;
    let lapsed = match ballot.item {
        Item::Amendment(n) if motion::adopted(&tally) => {
            let group = m.amendment(n).and_then(|a| a.group.clone());
            m.amendments
                .iter()
                .filter(|a| {
                    a.number != n
                        && a.status == AmendmentStatus::Tabled
                        && group.is_some()
                        && a.group == group
                })
                .map(|a| a.number)
                .collect()
        }
        _ => Vec::new(),
    };
    Ok(vec![Event::Motion(motion::Event::VoteClosed {
        motion: *id,
        item: ballot.item,
        tally,
        objections,
        lapsed,
        casting_vote: *casting_vote,
    })])
}

fn open_vote(
    state: &State,
    now: Timestamp,
    id: u64,
    closes_at: Timestamp,
    order: Option<&[u32]>,
) -> Result<Vec<Event>, DomainError> {
    let m = motion(state, id)?;
    status(
        m,
        &[MotionStatus::UnderDebate, MotionStatus::Voting],
        "be put to the vote",
    )?;
    if let Some(b) = &m.ballot {
        return Err(DomainError::Motion(motion::Refusal::VoteAlreadyOpen {
            motion: id,
            item: b.item,
        }));
    }
    if closes_at <= now {
        return Err(DomainError::Motion(motion::Refusal::DeadlineInPast {
            closes_at,
            now,
        }));
    }
    let order = match order {
        Some(o) if m.order.is_empty() => {
            let tabled: BTreeSet<u32> = m
                .amendments
                .iter()
                .filter(|a| a.status == AmendmentStatus::Tabled)
                .map(|a| a.number)
                .collect();
            let given: BTreeSet<u32> = o.iter().copied().collect();
            if given.len() != o.len() || given != tabled {
                return Err(DomainError::Motion(motion::Refusal::BadOrder(
                    OrderError::NotTheTabled {
                        tabled: tabled.into_iter().collect(),
                        given: o.to_vec(),
                    },
                )));
            }
            o.to_vec()
        }
        Some(_) => {
            return Err(DomainError::Motion(motion::Refusal::BadOrder(
                OrderError::AlreadyStated,
            )));
        }
        None => m.effective_order(),
    };
    let charter = charter(state)?;
    let organ = charter
        .organ(&m.organ)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownOrgan(m.organ.clone())))?;
    if organ.seat_holders != SeatHolders::MemberStates {
        return Err(DomainError::Motion(
            motion::Refusal::PersonsVoteUnsupported(m.organ.clone()),
        ));
    }
    // A required opinion not yet given holds the vote until its time is up.
    if let Some((organ_id, until)) = crate::network::pending_opinions(charter, m, now)
        .into_iter()
        .next()
    {
        return Err(DomainError::Network(network::Refusal::OpinionPending {
            organ: organ_id,
            until,
        }));
    }
    // Co-decision: the networks' majorities come before the final vote on the motion.
    if m.next_item(&order) == Item::Motion
        && let Some(organ_id) = crate::network::pending_co_decisions(charter, m)
            .into_iter()
            .next()
    {
        return Err(DomainError::Network(network::Refusal::CoDecisionPending {
            organ: organ_id,
            motion: id,
        }));
    }
    let electorate: Vec<Iso3> = organs::voting_members(state, organ).unwrap_or_default();
    if electorate.is_empty() {
        return Err(DomainError::Motion(motion::Refusal::NoElectorate(
            m.organ.clone(),
        )));
    }
    Ok(vec![Event::Motion(motion::Event::VoteOpened {
        motion: id,
        item: m.next_item(&order),
        closes_at,
        electorate,
        order,
    })])
}
