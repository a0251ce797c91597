//! The rules: from the current state and a command to the events it causes, or a refusal.
//! Pure: no I/O, no clock, no randomness. Each capability decides its own commands
//! (`<capability>/decide.rs`); what crosses capabilities is listed here, in the open.

use crate::command::Command;
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::Timestamp;
use crate::state::State;
use crate::{
    assembly, base, caucus, consultations, election, initiatives, membership, motion, network,
    pledges, reporting, sanctions, treaty,
};

/// `now` is the time the act is recorded at (deadlines are checked against it).
pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    guard(state, cmd)?;
    let events = match cmd {
        Command::Base(c) => base::decide(state, c),
        Command::Motion(c) => motion::decide(state, now, c),
        Command::Election(c) => election::decide(state, now, c),
        Command::Assembly(c) => assembly::decide(state, c),
        Command::Membership(c) => membership::decide(state, now, c),
        Command::Network(c) => network::decide(state, now, c),
        Command::Reporting(c) => reporting::decide(state, now, c),
        Command::Treaty(c) => treaty::decide(state, now, c),
        Command::Caucus(c) => caucus::decide(state, now, c),
        Command::Pledges(c) => pledges::decide(state, now, c),
        Command::Sanctions(c) => sanctions::decide(state, now, c),
        Command::Initiatives(c) => initiatives::decide(state, now, c),
        Command::Consultations(c) => consultations::decide(state, now, c),
    }?;
    Ok(react(state, now, events))
}

/// Checks one capability makes on another's commands: a member whose voting rights are
/// suspended (membership) casts no vote on a motion and no ballot in an election.
fn guard(state: &State, cmd: &Command) -> Result<(), DomainError> {
    if let Command::Motion(motion::Command::CastVote { state: iso, .. })
    | Command::Election(election::Command::CastBallot { state: iso, .. }) = cmd
    {
        membership::check_not_suspended(state, iso)?;
    }
    Ok(())
}

/// What one capability's events bring about in another: a closed vote on an accession
/// motion admits the state (or refuses the application), one on a review motion takes the
/// measure (membership), and one on a common position takes the position (caucus).
fn react(state: &State, now: Timestamp, mut events: Vec<Event>) -> Vec<Event> {
    let mut more = membership::after_close(state, &events);
    more.extend(caucus::after_close(state, now, &events));
    more.extend(sanctions::after_close(state, now, &events));
    events.extend(more);
    events
}
