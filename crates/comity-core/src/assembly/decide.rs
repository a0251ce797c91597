//! Volunteering, committing to a seed, and the draw.

use crate::assembly;
use comity_sortition::{Algorithm, explain_infeasible, select};

use super::{Command, SortitionError};
use crate::assembly::{Assembly, commitment};
use crate::charter::{Seats, Sortition};
use crate::error::DomainError;
use crate::event::Event;
use crate::state::State;

/// The organ's lottery rules and panel size, or why it has none.
pub fn rules<'a>(state: &'a State, organ: &str) -> Result<(&'a Sortition, usize), DomainError> {
    let charter = &state
        .charter
        .as_ref()
        .ok_or(DomainError::NoCharter)?
        .charter;
    if charter.organ(organ).is_none() {
        return Err(DomainError::UnknownOrgan(organ.to_owned()));
    }
    match charter.by_lot(organ) {
        Some((o, s)) if matches!(o.seats, Seats::Fixed(_)) => Ok((s, o.fixed_seats())),
        _ => Err(DomainError::NotByLot(organ.to_owned())),
    }
}

pub fn decide(state: &State, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    match cmd {
        Command::RegisterVolunteers { organ, volunteers } => {
            register_volunteers(state, organ, volunteers)
        }
        Command::CommitDraw { organ, commitment } => commit_draw(state, organ, commitment),
        Command::DrawAssembly { organ, seed } => draw(state, organ, seed, &mut |_| {}),
    }
}

fn register_volunteers(
    state: &State,
    organ: &str,
    volunteers: &[crate::assembly::Volunteer],
) -> Result<Vec<Event>, DomainError> {
    let (rules, _) = rules(state, organ)?;
    let empty = Assembly::default();
    let current = state.assemblies.get(organ).unwrap_or(&empty);
    if let Some(d) = current.pending() {
        return Err(DomainError::PoolClosed(d.number));
    }
    if volunteers.is_empty() {
        return Err(DomainError::EmptyImport);
    }
    let mut seen: std::collections::BTreeSet<[u8; 32]> =
        current.volunteers.iter().map(|v| v.hash.0).collect();
    for (i, v) in volunteers.iter().enumerate() {
        let bad = |field: &str, detail: String| DomainError::VolunteerInvalid {
            volunteer: i + 1,
            field: field.to_owned(),
            detail,
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
            first: current.volunteers.len() as u64 + 1,
            volunteers: volunteers.to_owned(),
        },
    )])
}

fn commit_draw(
    state: &State,
    organ: &str,
    commitment: &crate::journal::Hash,
) -> Result<Vec<Event>, DomainError> {
    let (rules, panel_size) = rules(state, organ)?;
    let empty = Assembly::default();
    let current = state.assemblies.get(organ).unwrap_or(&empty);
    if let Some(d) = current.pending() {
        return Err(DomainError::DrawPending(d.number));
    }
    let pool = current.volunteers.len();
    if pool < panel_size {
        return Err(DomainError::Sortition(SortitionError::PoolTooSmall {
            pool,
            seats: panel_size,
        }));
    }
    let instance = current.instance(rules, pool, panel_size);
    if let Some(why) = explain_infeasible(&instance).map_err(|e| selection(&e))? {
        return Err(DomainError::Sortition(SortitionError::Infeasible {
            why: why.to_string(),
        }));
    }
    Ok(vec![Event::Assembly(assembly::Event::DrawCommitted {
        organ: organ.to_owned(),
        draw: current.draws.keys().next_back().map_or(1, |n| n + 1),
        commitment: *commitment,
        algorithm: rules.algorithm.clone(),
        pool: pool as u64,
        panel_size: panel_size as u64,
    })])
}

/// The draw for the seed revealed: the selection (the long part, which reports to
/// `progress`), the panel the seed picks, and the event that records both. It reads only
/// what the commitment closed (the pool, the rules, the panel size), so the same pending draw
/// gives the same event on any later state.
pub fn draw(
    state: &State,
    organ: &str,
    seed: &str,
    progress: &mut dyn FnMut(comity_sortition::Progress),
) -> Result<Vec<Event>, DomainError> {
    let (rules, _) = rules(state, organ)?;
    let empty = Assembly::default();
    let current = state.assemblies.get(organ).unwrap_or(&empty);
    let draw = current
        .pending()
        .ok_or_else(|| DomainError::NoDrawPending(organ.to_owned()))?;
    if commitment(seed) != draw.commitment {
        return Err(DomainError::SeedMismatch);
    }
    let algorithm = Algorithm::parse(&draw.algorithm).ok_or_else(|| {
        DomainError::Sortition(SortitionError::UnknownAlgorithm {
            algorithm: draw.algorithm.clone(),
        })
    })?;
    let instance = current.instance(rules, draw.pool, draw.panel_size);
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

/// The selection engine's failure, in its own words.
fn selection(e: &dyn std::fmt::Display) -> DomainError {
    DomainError::Sortition(SortitionError::Selection {
        detail: e.to_string(),
    })
}
