//! The rules: from the current state and a command to the events it causes, or a refusal.
//! Pure: no I/O, no clock, no randomness.

mod assembly;
mod elections;
mod membership;
mod motions;
mod treaties;

pub use assembly::draw as draw_assembly;
pub use elections::ranking_indices;
pub(crate) use membership::network_outcome;
pub use membership::{division_carries, pending_co_decisions, pending_opinions};

use sha2::{Digest, Sha256};

use crate::charter::{Charter, FoundingMembers};
use crate::command::Command;
use crate::criteria::{Verdict, evaluate};
use crate::error::DomainError;
use crate::event::{Admission, Event};
use crate::ids::{Iso3, Timestamp};
use crate::journal::Hash;
use crate::registry::{AsOf, Registry};
use crate::state::State;

/// The adopted charter, or the refusal that there is none.
pub(crate) fn charter(state: &State) -> Result<&Charter, DomainError> {
    state
        .charter
        .as_ref()
        .map(|c| &c.charter)
        .ok_or(DomainError::NoCharter)
}

/// A free-text field: not blank, at most `max` characters.
pub(crate) fn text_field(field: &'static str, value: &str, max: usize) -> Result<(), DomainError> {
    if value.trim().is_empty() {
        return Err(DomainError::EmptyField { field });
    }
    if value.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    Ok(())
}

/// `now` is the time the act is recorded at (deadlines are checked against it).
pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    match cmd {
        Command::ImportStates { states } => {
            if states.is_empty() {
                return Err(DomainError::EmptyImport);
            }
            let changed = states
                .iter()
                .any(|c| state.registry.country(&c.iso3) != Some(c));
            if !changed {
                return Err(DomainError::NothingNew {
                    what: "every state".into(),
                });
            }
            Ok(vec![Event::StatesImported {
                states: states.clone(),
            }])
        }
        Command::ImportFreedomHouse { editions } => {
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
                events.push(Event::FreedomHouseEditionImported(ed));
            }
            finish_import(state, next, events, "these Freedom House editions")
        }
        Command::ImportVdem { years } => {
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
                events.push(Event::VdemYearImported(y));
            }
            finish_import(state, next, events, "these V-Dem years")
        }
        Command::AdoptCharter { file, source } => {
            if state.charter.is_some() {
                return Err(DomainError::CharterAlreadyAdopted);
            }
            let charter = Charter::parse(file, source).map_err(DomainError::InvalidCharter)?;
            let sha256 = Hash(Sha256::digest(source.as_bytes()).into());
            Ok(vec![Event::CharterAdopted {
                name: charter.alliance.name,
                source: source.clone(),
                sha256,
            }])
        }
        Command::AdmitFoundingMembers => admit_founders(state),
        Command::RegisterVolunteers { .. }
        | Command::CommitDraw { .. }
        | Command::DrawAssembly { .. } => assembly::decide(state, cmd),
        Command::OpenElection { .. }
        | Command::CloseElection { .. }
        | Command::RecordPaperBallots { .. } => elections::decide(state, now, cmd),
        Command::ApplyForMembership { .. }
        | Command::ReferApplication { .. }
        | Command::ProposeMeasure { .. }
        | Command::GiveOpinion { .. }
        | Command::NetworkVote { .. }
        | Command::OpenNetworkDivision { .. }
        | Command::CastNetworkVote { .. }
        | Command::CloseNetworkDivision { .. }
        | Command::RequestAccreditation { .. }
        | Command::DecideAccreditation { .. }
        | Command::SubmitReport { .. }
        | Command::DesignateDemocracyOfficer { .. } => membership::decide(state, now, cmd),
        Command::CloseVote { .. } => {
            let mut events = motions::decide(state, now, cmd)?;
            let more = membership::after_close(state, &events);
            events.extend(more);
            Ok(events)
        }
        Command::CastVote { state: iso, .. } => {
            membership::check_not_suspended(state, iso)?;
            motions::decide(state, now, cmd)
        }
        Command::CastBallot { state: iso, .. } => {
            membership::check_not_suspended(state, iso)?;
            elections::decide(state, now, cmd)
        }
        Command::OpenTreaty { .. }
        | Command::OpenTreatyRound { .. }
        | Command::ProposeWording { .. }
        | Command::ResolveBracket { .. }
        | Command::AdoptTreaty { .. }
        | Command::OpenTreatyForSignature { .. }
        | Command::SignTreaty { .. }
        | Command::DepositInstrument { .. }
        | Command::ObjectToReservation { .. }
        | Command::WithdrawFromTreaty { .. } => treaties::decide(state, now, cmd),
        _ => motions::decide(state, now, cmd),
    }
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
        return Err(DomainError::NothingNew { what: what.into() });
    }
    let Some(adopted) = &state.charter else {
        return Ok(events);
    };
    let charter = &adopted.charter;
    let criterion = &charter.membership.criterion;
    let (before_at, after_at) = (state.registry.latest(), next.latest());
    let review_organ = charter
        .decision(membership::REVIEW)
        .map(|d| d.organ.clone());
    let mut review = state.reviews.len() as u64;
    for iso3 in state.members.keys() {
        let before = evaluate(charter, criterion, &state.registry, iso3, before_at);
        let after = evaluate(charter, criterion, &next, iso3, after_at);
        if before.eligible() && !after.eligible() {
            let edition = edition_label(before_at, after_at);
            let change = format!("{} → {}", before.reason, after.reason);
            events.push(Event::MemberFlaggedForReview {
                state: iso3.clone(),
                criterion: criterion.clone(),
                edition: edition.clone(),
                change: change.clone(),
            });
            // The review opens by itself in the organ the charter names, with the evidence.
            if let Some(organ) = &review_organ {
                review += 1;
                events.push(Event::ReviewOpened {
                    review,
                    state: iso3.clone(),
                    organ: organ.clone(),
                    criterion: criterion.clone(),
                    edition,
                    evidence: change,
                });
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
    let adopted = state.charter.as_ref().ok_or(DomainError::NoCharter)?;
    if !state.members.is_empty() {
        return Err(DomainError::AlreadyFounded);
    }
    if state.registry.countries().next().is_none() {
        return Err(DomainError::NoStates);
    }
    let charter = &adopted.charter;
    let criterion = charter
        .admission_criterion(state.stage.as_deref())
        .to_owned();
    let as_of = state.registry.latest();
    let verdict =
        |iso3: &Iso3| -> Verdict { evaluate(charter, &criterion, &state.registry, iso3, as_of) };
    let admit = |iso3: Iso3, v: Verdict| Event::MemberAdmitted {
        state: iso3,
        admission: Admission::Founding,
        criterion: criterion.clone(),
        reason: v.reason,
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
                    return Err(DomainError::UnknownState(iso3.clone()));
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
                Err(DomainError::FoundersNotEligible { criterion, refused })
            }
        }
    }
}
