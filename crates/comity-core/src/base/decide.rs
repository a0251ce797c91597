//! Deciding the founding acts: reference data, the charter, the founding members, seats.

use crate::{base, membership};
use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use super::Command;
use crate::base::{REVIEW, charter_of as charter};
use crate::charter::{Charter, FoundingMembers, SeatHolders, Seats};
use crate::criteria::{Verdict, evaluate};
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::Iso3;
use crate::journal::Hash;
use crate::membership::Admission;
use crate::registry::{AsOf, Country, FhEdition, Registry, VdemYear};
use crate::state::State;

pub fn decide(state: &State, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    match cmd {
        Command::ImportStates { states } => import_states(state, states),
        Command::ImportFreedomHouse { editions } => import_freedom_house(state, editions),
        Command::ImportVdem { years } => import_vdem(state, years),
        Command::AdoptCharter { file, source } => adopt_charter(state, file, source),
        Command::AdmitFoundingMembers => admit_founders(state),
        Command::AssignSeats { organ, states } => assign_seats(state, organ, states),
        Command::PublishLogKey { key } => publish_log_key(state, key),
    }
}

/// The log key is published once: a log with another key would be another log.
fn publish_log_key(state: &State, key: &str) -> Result<Vec<Event>, DomainError> {
    const MAX: usize = 400;
    let key = key.trim();
    if key.is_empty() {
        return Err(DomainError::Base(base::Refusal::EmptyField {
            field: "key",
        }));
    }
    if key.len() > MAX {
        return Err(DomainError::Base(base::Refusal::TooLong {
            field: "key",
            max: MAX,
        }));
    }
    if state.log_key.is_some() {
        return Err(DomainError::Base(base::Refusal::NothingNew {
            what: "the journal's log key".into(),
        }));
    }
    Ok(vec![Event::Base(base::Event::LogKeyPublished {
        key: key.to_owned(),
    })])
}

fn import_states(state: &State, states: &[Country]) -> Result<Vec<Event>, DomainError> {
    if states.is_empty() {
        return Err(DomainError::Base(base::Refusal::EmptyImport));
    }
    let changed = states
        .iter()
        .any(|c| state.registry.country(&c.iso3) != Some(c));
    if !changed {
        return Err(DomainError::Base(base::Refusal::NothingNew {
            what: "every state".into(),
        }));
    }
    Ok(vec![Event::Base(base::Event::StatesImported {
        states: states.to_owned(),
    })])
}

fn import_freedom_house(state: &State, editions: &[FhEdition]) -> Result<Vec<Event>, DomainError> {
    let mut next = state.registry.clone();
    let mut events = Vec::new();
    for ed in editions {
        let mut ed = ed.clone();
        ed.ratings
            .retain(|r| state.registry.country(&r.iso3).is_some());
        let same = state.registry.fh_editions().any(|e| e == ed.edition)
            && ed
                .ratings
                .iter()
                .all(|r| state.registry.fh(&r.iso3, ed.edition) == Some(r));
        if same || ed.ratings.is_empty() {
            continue;
        }
        next.add_fh_edition(&ed);
        events.push(Event::Base(base::Event::FreedomHouseEditionImported(ed)));
    }
    finish_import(state, next, events, "these Freedom House editions")
}

fn import_vdem(state: &State, years: &[VdemYear]) -> Result<Vec<Event>, DomainError> {
    let mut next = state.registry.clone();
    let mut events = Vec::new();
    for y in years {
        let mut y = y.clone();
        y.ratings
            .retain(|r| state.registry.country(&r.iso3).is_some());
        let same = state.registry.vdem_years().any(|e| e == y.year)
            && y.ratings
                .iter()
                .all(|r| state.registry.vdem(&r.iso3, y.year) == Some(r));
        if same || y.ratings.is_empty() {
            continue;
        }
        next.add_vdem_year(&y);
        events.push(Event::Base(base::Event::VdemYearImported(y)));
    }
    finish_import(state, next, events, "these V-Dem years")
}

fn adopt_charter(state: &State, file: &str, source: &str) -> Result<Vec<Event>, DomainError> {
    if state.charter.is_some() {
        return Err(DomainError::Base(base::Refusal::CharterAlreadyAdopted));
    }
    let charter = Charter::parse(file, source)
        .map_err(|e| DomainError::Base(base::Refusal::InvalidCharter(e)))?;
    let sha256 = Hash(Sha256::digest(source.as_bytes()).into());
    Ok(vec![Event::Base(base::Event::CharterAdopted {
        name: charter.alliance.name,
        source: source.to_owned(),
        sha256,
    })])
}

fn assign_seats(state: &State, organ: &str, states: &[Iso3]) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    let o = charter
        .organ(organ)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownOrgan(organ.to_owned())))?;
    let Seats::Fixed(n) = o.seats else {
        return Err(DomainError::Base(base::Refusal::NoFixedSeats {
            organ: organ.to_owned(),
        }));
    };
    if o.seat_holders != SeatHolders::MemberStates {
        return Err(DomainError::Base(base::Refusal::NoFixedSeats {
            organ: organ.to_owned(),
        }));
    }
    if states.len() != n as usize {
        return Err(DomainError::Base(base::Refusal::SeatCount {
            organ: organ.to_owned(),
            seats: n,
            given: states.len(),
        }));
    }
    let mut seen = BTreeSet::new();
    for iso in states {
        if !state.members.contains_key(iso) {
            return Err(DomainError::Base(base::Refusal::NotAMember(iso.clone())));
        }
        if !seen.insert(iso) {
            return Err(DomainError::Base(base::Refusal::Duplicate(iso.to_string())));
        }
    }
    let mut states = states.to_owned();
    states.sort();
    Ok(vec![Event::Base(base::Event::SeatsAssigned {
        organ: organ.to_owned(),
        states,
    })])
}

/// After new ratings: the import events, then a review flag for every member that met the
/// membership criterion before and does not now.
fn finish_import(
    state: &State,
    next: Registry,
    mut events: Vec<Event>,
    what: &str,
) -> Result<Vec<Event>, DomainError> {
    if events.is_empty() {
        return Err(DomainError::Base(base::Refusal::NothingNew {
            what: what.into(),
        }));
    }
    let Some(adopted) = &state.charter else {
        return Ok(events);
    };
    let charter = &adopted.charter;
    let criterion = &charter.membership.criterion;
    let (before_at, after_at) = (state.registry.latest(), next.latest());
    let review_organ = charter.decision(REVIEW).map(|d| d.organ.clone());
    let mut review = state.reviews.len() as u64;
    for iso3 in state.members.keys() {
        let before = evaluate(charter, criterion, &state.registry, iso3, before_at);
        let after = evaluate(charter, criterion, &next, iso3, after_at);
        if before.eligible() && !after.eligible() {
            let edition = edition_label(before_at, after_at);
            let change = format!("{} → {}", before.reason, after.reason);
            events.push(Event::Membership(
                membership::Event::MemberFlaggedForReview {
                    state: iso3.clone(),
                    criterion: criterion.clone(),
                    edition: edition.clone(),
                    change: change.clone(),
                },
            ));
            // The review opens by itself in the organ the charter names, with the evidence.
            if let Some(organ) = &review_organ {
                review += 1;
                events.push(Event::Membership(membership::Event::ReviewOpened {
                    review,
                    state: iso3.clone(),
                    organ: organ.clone(),
                    criterion: criterion.clone(),
                    edition,
                    evidence: change,
                }));
            }
        }
    }
    Ok(events)
}

/// Which new edition or year caused a change: "FIW 2019", "V-Dem 2024", or both.
fn edition_label(before: AsOf, after: AsOf) -> String {
    let mut parts = Vec::new();
    if let Some(ed) = after.fh_edition.filter(|e| Some(*e) != before.fh_edition) {
        parts.push(format!("FIW {ed}"));
    }
    if let Some(y) = after.vdem_year.filter(|y| Some(*y) != before.vdem_year) {
        parts.push(format!("V-Dem {y}"));
    }
    if parts.is_empty() {
        if let Some(ed) = after.fh_edition {
            parts.push(format!("FIW {ed} (revised)"));
        }
        if let Some(y) = after.vdem_year {
            parts.push(format!("V-Dem {y} (revised)"));
        }
    }
    parts.join(", ")
}

fn admit_founders(state: &State) -> Result<Vec<Event>, DomainError> {
    let adopted = state
        .charter
        .as_ref()
        .ok_or(DomainError::Base(base::Refusal::NoCharter))?;
    if !state.members.is_empty() {
        return Err(DomainError::Base(base::Refusal::AlreadyFounded));
    }
    if state.registry.countries().next().is_none() {
        return Err(DomainError::Base(base::Refusal::NoStates));
    }
    let charter = &adopted.charter;
    let criterion = charter
        .admission_criterion(state.stage.as_deref())
        .to_owned();
    let as_of = state.registry.latest();
    let verdict =
        |iso3: &Iso3| -> Verdict { evaluate(charter, &criterion, &state.registry, iso3, as_of) };
    let admit = |iso3: Iso3, v: Verdict| {
        Event::Membership(membership::Event::MemberAdmitted {
            state: iso3,
            admission: Admission::Founding,
            criterion: criterion.clone(),
            reason: v.reason,
        })
    };
    match &charter.membership.founding_members {
        FoundingMembers::Keyword(_) => Ok(state
            .registry
            .countries()
            .filter_map(|c| {
                let v = verdict(&c.iso3);
                v.eligible().then(|| admit(c.iso3.clone(), v))
            })
            .collect()),
        FoundingMembers::States(list) => {
            let mut refused = Vec::new();
            let mut events = Vec::new();
            for iso3 in list {
                if state.registry.country(iso3).is_none() {
                    return Err(DomainError::Base(base::Refusal::UnknownState(iso3.clone())));
                }
                let v = verdict(iso3);
                if v.eligible() {
                    events.push(admit(iso3.clone(), v));
                } else {
                    refused.push((iso3.clone(), v.reason));
                }
            }
            if refused.is_empty() {
                Ok(events)
            } else {
                Err(DomainError::Base(base::Refusal::FoundersNotEligible {
                    criterion,
                    refused,
                }))
            }
        }
    }
}
