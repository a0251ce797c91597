//! Deciding the acts of an election: open, cast a secret ballot, close and count.

use std::collections::BTreeSet;

use super::{Command, ElectionError};
use crate::base;
use crate::charter::SeatHolders;
use crate::election::{self, Ballots};
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Iso3, Timestamp};
use crate::motion;
use crate::organs;
use crate::state::State;

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    match cmd {
        Command::OpenElection {
            organ,
            title,
            method,
            seats,
            candidates,
            closes_at,
            seed,
        } => open_election(
            state, now, organ, title, method, seats, candidates, closes_at, seed,
        ),
        Command::CastBallot {
            election: id,
            state: iso,
            ranking,
        } => cast_ballot(state, now, id, iso, ranking),
        Command::CloseElection {
            election: id,
            ballots,
        } => close_election(state, now, id, ballots),
        Command::RecordPaperBallots {
            election: id,
            states,
            ballots,
            source,
        } => record_paper_ballots(state, id, states, ballots, source),
    }
}

#[allow(clippy::too_many_arguments)] // one parameter per field of the command
fn open_election(
    state: &State,
    now: Timestamp,
    organ: &str,
    title: &str,
    method: &str,
    seats: &u32,
    candidates: &[String],
    closes_at: &Timestamp,
    seed: &u64,
) -> Result<Vec<Event>, DomainError> {
    let charter = &state
        .charter
        .as_ref()
        .ok_or(DomainError::Base(base::Refusal::NoCharter))?
        .charter;
    let o = charter
        .organ(organ)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownOrgan(organ.to_owned())))?;
    if title.trim().is_empty() {
        return Err(DomainError::Base(base::Refusal::EmptyField {
            field: "title",
        }));
    }
    if !comity_voting::count::is_method(method) {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::UnknownMethod {
                method: method.to_owned(),
                known: comity_voting::count::METHODS.join(", "),
            },
        )));
    }
    let names: BTreeSet<&str> = candidates.iter().map(|c| c.trim()).collect();
    if candidates.len() < 2 || names.len() != candidates.len() || names.contains("") {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::Candidates,
        )));
    }
    if *seats == 0 || *seats as usize >= candidates.len() {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::Seats {
                max: candidates.len() - 1,
                candidates: candidates.len(),
            },
        )));
    }
    if *closes_at <= now {
        return Err(DomainError::Motion(motion::Refusal::DeadlineInPast {
            closes_at: *closes_at,
            now,
        }));
    }
    if o.seat_holders != SeatHolders::MemberStates {
        return Err(DomainError::Motion(
            motion::Refusal::PersonsVoteUnsupported(organ.to_owned()),
        ));
    }
    let electorate = organs::voting_members(state, o).unwrap_or_default();
    if electorate.is_empty() {
        return Err(DomainError::Motion(motion::Refusal::NoElectorate(
            organ.to_owned(),
        )));
    }
    let id = state.elections.keys().next_back().map_or(1, |k| k + 1);
    Ok(vec![Event::Election(election::Event::ElectionOpened {
        election: id,
        organ: organ.to_owned(),
        title: title.trim().to_owned(),
        method: method.to_owned(),
        seats: *seats,
        candidates: candidates.iter().map(|c| c.trim().to_owned()).collect(),
        closes_at: *closes_at,
        seed: *seed,
        electorate,
    })])
}

fn cast_ballot(
    state: &State,
    now: Timestamp,
    id: &u64,
    iso: &Iso3,
    ranking: &[String],
) -> Result<Vec<Event>, DomainError> {
    let e = state.elections.get(id).ok_or(DomainError::Election(
        election::Refusal::UnknownElection(*id),
    ))?;
    if e.result.is_some() || now > e.closes_at {
        return Err(DomainError::Motion(motion::Refusal::VoteOver {
            closes_at: e.closes_at,
        }));
    }
    if !e.electorate.contains(iso) {
        return Err(DomainError::Motion(motion::Refusal::NotSeated {
            state: iso.clone(),
            organ: e.organ.clone(),
        }));
    }
    if e.voted.contains(iso) {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::AlreadyVoted { state: iso.clone() },
        )));
    }
    ranking_indices(&e.candidates, ranking)?;
    Ok(vec![Event::Election(election::Event::BallotCast {
        election: *id,
        state: iso.clone(),
    })])
}

fn close_election(
    state: &State,
    now: Timestamp,
    id: &u64,
    ballots: &[(Vec<String>, u64)],
) -> Result<Vec<Event>, DomainError> {
    let e = state.elections.get(id).ok_or(DomainError::Election(
        election::Refusal::UnknownElection(*id),
    ))?;
    if e.result.is_some() {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::Counted,
        )));
    }
    let missing = e.electorate.len() - e.voted.len();
    if now < e.closes_at && missing > 0 {
        return Err(DomainError::Motion(motion::Refusal::VoteStillOpen {
            closes_at: e.closes_at,
            missing,
        }));
    }
    let published = publish(&e.candidates, ballots)?;
    let total: u64 = published.iter().map(|(_, c)| c).sum();
    if total != e.voted.len() as u64 {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::BoxMismatch {
                ballots: total,
                voted: e.voted.len(),
            },
        )));
    }
    if total == 0 {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::NoBallot,
        )));
    }
    let (elected, by_lot) =
        election::tally_ballots(&e.method, &e.candidates, e.seats, e.seed, &published).map_err(
            |detail| {
                DomainError::Election(election::Refusal::Invalid(ElectionError::Count { detail }))
            },
        )?;
    Ok(vec![Event::Election(election::Event::ElectionCounted {
        election: *id,
        ballots: published,
        elected,
        by_lot,
    })])
}

fn record_paper_ballots(
    state: &State,
    id: &u64,
    states: &[Iso3],
    ballots: &[(Vec<String>, u64)],
    source: &str,
) -> Result<Vec<Event>, DomainError> {
    let e = state.elections.get(id).ok_or(DomainError::Election(
        election::Refusal::UnknownElection(*id),
    ))?;
    if e.result.is_some() {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::Counted,
        )));
    }
    if states.is_empty() {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::NoRegister,
        )));
    }
    let mut seen = BTreeSet::new();
    for (i, iso) in states.iter().enumerate() {
        if !e.electorate.contains(iso) {
            return Err(DomainError::Motion(motion::Refusal::NotSeated {
                state: iso.clone(),
                organ: e.organ.clone(),
            }));
        }
        if e.voted.contains(iso) || !seen.insert(iso) {
            return Err(DomainError::Election(election::Refusal::Invalid(
                ElectionError::RegisterVoted {
                    index: i,
                    state: iso.clone(),
                },
            )));
        }
    }
    let mut total: u64 = 0;
    for (i, (ranking, count)) in ballots.iter().enumerate() {
        if *count == 0 {
            return Err(DomainError::Election(election::Refusal::Invalid(
                ElectionError::ZeroCount { index: i },
            )));
        }
        ranking_indices(&e.candidates, ranking).map_err(|err| match err {
            DomainError::Election(election::Refusal::Invalid(m)) => {
                DomainError::Election(election::Refusal::Invalid(m.in_ballot(i)))
            }
            other => other,
        })?;
        total = total.saturating_add(*count);
    }
    if total != states.len() as u64 {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::FileMismatch {
                ballots: total,
                states: states.len(),
            },
        )));
    }
    crate::base::text_field("source", source, 300)?;
    Ok(vec![Event::Election(
        election::Event::PaperBallotsRecorded {
            election: *id,
            states: states.to_owned(),
            ballots: total,
            source: source.trim().to_owned(),
        },
    )])
}

/// A ranking as candidate indices: every name known, none twice, at least one.
pub fn ranking_indices(candidates: &[String], ranking: &[String]) -> Result<Vec<u32>, DomainError> {
    if ranking.is_empty() {
        return Err(DomainError::Election(election::Refusal::Invalid(
            ElectionError::EmptyRanking { ballot: None },
        )));
    }
    let mut seen = BTreeSet::new();
    ranking
        .iter()
        .enumerate()
        .map(|(pos, name)| {
            let i = candidates
                .iter()
                .position(|c| c == name.trim())
                .ok_or_else(|| {
                    DomainError::Election(election::Refusal::Invalid(
                        ElectionError::NotACandidate {
                            ballot: None,
                            pos,
                            name: name.clone(),
                        },
                    ))
                })?;
            if !seen.insert(i) {
                return Err(DomainError::Election(election::Refusal::Invalid(
                    ElectionError::RankedTwice {
                        ballot: None,
                        pos,
                        name: name.clone(),
                    },
                )));
            }
            Ok(i as u32)
        })
        .collect()
}

/// Ballots as published: indices, grouped, sorted.
fn publish(candidates: &[String], ballots: &[(Vec<String>, u64)]) -> Result<Ballots, DomainError> {
    let mut grouped: std::collections::BTreeMap<Vec<u32>, u64> = std::collections::BTreeMap::new();
    for (ranking, count) in ballots {
        *grouped
            .entry(ranking_indices(candidates, ranking)?)
            .or_default() += count;
    }
    Ok(grouped.into_iter().collect())
}
