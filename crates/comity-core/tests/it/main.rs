//! Integration tests of the domain against the real shipped data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod assembly;
mod authorize;
mod caucus;
mod charters;
mod consultations;
mod elections;
mod eligibility;
mod founding;
mod matrix;
mod membership;
mod motions;
mod pledges;
mod treaties;
mod treaty_eif;

use comity_core::base;
use comity_core::{Actor, Command, DomainError, Event, State, Timestamp, data, decide, journal};

pub fn run(state: &mut State, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    run_at(state, t0(), cmd)
}

pub fn run_at(state: &mut State, t: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let events = decide(state, t, cmd)?;
    for e in journal::seal(state.head(), t, &Actor::system(), &events) {
        state.apply(&e).unwrap();
    }
    Ok(events)
}

pub fn found(charter_id: &str) -> State {
    let mut state = State::new();
    for cmd in data::reference_imports().unwrap() {
        run(&mut state, &cmd).unwrap();
    }
    let c = data::charter(charter_id).unwrap();
    run(
        &mut state,
        &Command::Base(base::Command::AdoptCharter {
            file: c.file.into(),
            source: c.source.into(),
        }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Base(base::Command::AdmitFoundingMembers),
    )
    .unwrap();
    state
}

pub fn t0() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}
mod golden;
mod sanctions;
