//! Volunteering, committing to a seed, and the draw.

use crate::assembly;
use crate::base;
use comity_sortition::{Algorithm, explain_infeasible, select};

use super::{Command, SortitionError};
use crate::assembly::{Assembly, Volunteer, commitment};
use crate::charter::{Seats, Sortition};
use crate::error::DomainError;
use crate::event::Event;
use crate::journal::Hash;
use crate::state::State;

/// The organ's lottery rules and panel size, or why it has none.
pub fn rules<'a>(state: &'a State, organ: &str) -> Result<(&'a Sortition, usize), DomainError> {
    let charter = &state
        .charter
        .as_ref()
        .ok_or(DomainError::Base(base::Refusal::NoCharter))?
        .charter;
    if charter.organ(organ).is_none() {
        return Err(DomainError::Base(base::Refusal::UnknownOrgan(
            organ.to_owned(),
        )));
    }
    match charter.by_lot(organ) {
        Some((o, s)) if matches!(o.seats, Seats::Fixed(_)) => Ok((s, o.fixed_seats())),
        _ => Err(DomainError::Assembly(assembly::Refusal::NotByLot(
            organ.to_owned(),
        ))),
    }
}

pub fn decide(state: &State, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    match cmd {
        Command::RegisterVolunteers {
            organ,
            volunteers,
            already,
        } => register_volunteers(state, organ, volunteers, already),
        Command::CommitDraw {
            organ,
            commitment,
            pool,
        } => commit_draw(state, organ, commitment, pool),
        Command::DrawAssembly { organ, seed, pool } => draw(state, organ, seed, pool, &mut |_| {}),
    }
}

fn register_volunteers(
    state: &State,
    organ: &str,
    volunteers: &[crate::assembly::Volunteer],
    already: &[crate::journal::Hash],
) -> Result<Vec<Event>, DomainError> {
    let (rules, _) = rules(state, organ)?;
    let empty = Assembly::default();
    let current = state.assemblies.get(organ).unwrap_or(&empty);
    if let Some(d) = current.pending() {
        return Err(DomainError::Assembly(assembly::Refusal::PoolClosed(
            d.number,
        )));
    }
    if volunteers.is_empty() {
        return Err(DomainError::Base(base::Refusal::EmptyImport));
    }
    let mut seen: std::collections::BTreeSet<[u8; 32]> = already.iter().map(|h| h.0).collect();
    for (i, v) in volunteers.iter().enumerate() {
        let bad = |field: &str, detail: String| {
            DomainError::Assembly(assembly::Refusal::VolunteerInvalid {
                volunteer: i + 1,
                field: field.to_owned(),
                detail,
            })
        };
        crate::assembly::check_features(rules, &v.features)
            .map_err(|(field, detail)| bad(&field, detail))?;
        if !seen.insert(v.hash.0) {
            return Err(bad(
                "hash",
                "this volunteer is registered already".to_owned(),
            ));
        }
    }
    Ok(vec![Event::Assembly(
        assembly::Event::VolunteersRegistered {
            organ: organ.to_owned(),
            first: current.registered + 1,
            volunteers: volunteers.to_owned(),
        },
    )])
}

fn commit_draw(
    state: &State,
    organ: &str,
    commitment: &crate::journal::Hash,
    pool: &[Volunteer],
) -> Result<Vec<Event>, DomainError> {
    let (rules, panel_size) = rules(state, organ)?;
    let empty = Assembly::default();
    let current = state.assemblies.get(organ).unwrap_or(&empty);
    if let Some(d) = current.pending() {
        return Err(DomainError::Assembly(assembly::Refusal::DrawPending(
            d.number,
        )));
    }
    let registered = usize::try_from(current.registered).unwrap_or(usize::MAX);
    checked_pool(pool, registered, current.digest)?;
    if registered < panel_size {
        return Err(DomainError::Assembly(assembly::Refusal::Sortition(
            SortitionError::PoolTooSmall {
                pool: registered,
                seats: panel_size,
            },
        )));
    }
    let instance = assembly::instance(rules, pool, panel_size);
    if let Some(why) = explain_infeasible(&instance).map_err(|e| selection(&e))? {
        return Err(DomainError::Assembly(assembly::Refusal::Sortition(
            SortitionError::Infeasible {
                why: why.to_string(),
            },
        )));
    }
    Ok(vec![Event::Assembly(assembly::Event::DrawCommitted {
        organ: organ.to_owned(),
        draw: current.draws.keys().next_back().map_or(1, |n| n + 1),
        commitment: *commitment,
        algorithm: rules.algorithm.clone(),
        pool: current.registered,
        panel_size: panel_size as u64,
    })])
}

/// The draw for the seed revealed: the selection (the long part, which reports to
/// `progress`), the panel the seed picks, and the event that records both. It reads only
/// what the commitment closed (the pool, the rules, the panel size), so the same pending draw
/// gives the same event on any later state. `pool` is the pool the commitment closed, which
/// is checked against the digest the state kept.
pub fn draw(
    state: &State,
    organ: &str,
    seed: &str,
    pool: &[Volunteer],
    progress: &mut dyn FnMut(comity_sortition::Progress),
) -> Result<Vec<Event>, DomainError> {
    let (rules, _) = rules(state, organ)?;
    let empty = Assembly::default();
    let current = state.assemblies.get(organ).unwrap_or(&empty);
    let draw = current
        .pending()
        .ok_or_else(|| DomainError::Assembly(assembly::Refusal::NoDrawPending(organ.to_owned())))?;
    if commitment(seed) != draw.commitment {
        return Err(DomainError::Assembly(assembly::Refusal::SeedMismatch));
    }
    let algorithm = Algorithm::parse(&draw.algorithm).ok_or_else(|| {
        DomainError::Assembly(assembly::Refusal::Sortition(
            SortitionError::UnknownAlgorithm {
                algorithm: draw.algorithm.clone(),
            },
        ))
    })?;
    checked_pool(pool, draw.pool, draw.digest)?;
    let instance = assembly::instance(rules, pool, draw.panel_size);
    let selection = select(&instance, algorithm, progress).map_err(|e| selection(&e))?;
    let drawn = selection.draw(seed.as_bytes());
    let panel = selection
        .panels
        .get(drawn)
        .map(|p| p.members.iter().map(|&i| i as u64 + 1).collect())
        .unwrap_or_default();
    Ok(vec![Event::Assembly(assembly::Event::AssemblyDrawn {
        organ: organ.to_owned(),
        draw: draw.number,
        seed: seed.to_owned(),
        panel,
        min_probability_ppt: crate::assembly::to_ppt(selection.min_probability()),
        probabilities_ppt: selection
            .probabilities
            .iter()
            .map(|&p| crate::assembly::to_ppt(p))
            .collect(),
        panels: selection.panels.len() as u64,
    })])
}

/// The pool handed in, if it is the one whose size and digest the state kept.
fn checked_pool(pool: &[Volunteer], size: usize, digest: Hash) -> Result<(), DomainError> {
    if assembly::pool_matches(pool, size, digest) {
        Ok(())
    } else {
        Err(DomainError::Assembly(assembly::Refusal::Sortition(
            SortitionError::PoolMismatch {
                given: pool.len(),
                registered: size,
            },
        )))
    }
}

/// The selection engine's failure, in its own words.
fn selection(e: &dyn std::fmt::Display) -> DomainError {
    DomainError::Assembly(assembly::Refusal::Sortition(SortitionError::Selection {
        detail: e.to_string(),
    }))
}
