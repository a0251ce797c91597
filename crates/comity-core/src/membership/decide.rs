//! Deciding applications, reviews and democracy officers, and what a closed vote on an
//! accession or a review motion brings with it.

use super::Command;
use crate::base;
use crate::base::{ACCESSION, REVIEW};
use crate::base::{charter_of as charter, decision_spec as spec, text_field};
use crate::charter::Charter;
use crate::criteria::evaluate;
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Iso3, Timestamp};
use crate::membership;
use crate::membership::{Admission, ApplicationStatus, Measure, Standing};
use crate::motion::{self, MotionStatus, Seat};
use crate::state::State;

fn state_name(state: &State, iso: &Iso3) -> String {
    state
        .registry
        .country(iso)
        .map_or_else(|| iso.to_string(), |c| c.name.clone())
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    let _ = now;
    match cmd {
        Command::ApplyForMembership { state: iso } => apply_for_membership(state, charter, iso),
        Command::ReferApplication { application } => refer_application(state, charter, application),
        Command::ProposeMeasure { review, measure } => {
            propose_measure(state, charter, review, measure)
        }
        Command::DesignateDemocracyOfficer {
            state: iso,
            name,
            office,
            contact,
        } => designate_democracy_officer(state, iso, name, office, contact),
    }
}

fn apply_for_membership(
    state: &State,
    charter: &Charter,
    iso: &Iso3,
) -> Result<Vec<Event>, DomainError> {
    if state.registry.country(iso).is_none() {
        return Err(DomainError::Base(base::Refusal::UnknownState(iso.clone())));
    }
    if state.members.contains_key(iso) {
        return Err(DomainError::Membership(membership::Refusal::AlreadyMember(
            iso.clone(),
        )));
    }
    if let Some(a) = state.applications.values().find(|a| {
        &a.state == iso
            && matches!(
                a.status,
                ApplicationStatus::Received | ApplicationStatus::Referred
            )
    }) {
        return Err(DomainError::Membership(
            membership::Refusal::ApplicationPending {
                state: iso.clone(),
                application: a.id,
            },
        ));
    }
    let criterion = charter
        .admission_criterion(state.stage.as_deref())
        .to_owned();
    let verdict = evaluate(
        charter,
        &criterion,
        &state.registry,
        iso,
        state.registry.latest(),
    );
    Ok(vec![Event::Membership(
        membership::Event::MembershipApplied {
            application: state.applications.len() as u64 + 1,
            state: iso.clone(),
            criterion,
            eligible: verdict.eligible(),
            report: verdict.reason,
        },
    )])
}

fn refer_application(
    state: &State,
    charter: &Charter,
    application: &u64,
) -> Result<Vec<Event>, DomainError> {
    let a = state
        .applications
        .get(application)
        .ok_or(DomainError::Membership(
            membership::Refusal::UnknownApplication(*application),
        ))?;
    if a.status != ApplicationStatus::Received {
        return Err(DomainError::Membership(
            membership::Refusal::ApplicationSettled {
                application: *application,
                status: a.status.code(),
            },
        ));
    }
    if !a.eligible {
        return Err(DomainError::Membership(membership::Refusal::NotEligible {
            application: *application,
            report: a.report.clone(),
        }));
    }
    let organ = spec(charter, ACCESSION)?.organ.clone();
    let motion = motion::next_id(state);
    let name = state_name(state, &a.state);
    Ok(vec![
        Event::Motion(motion::Event::MotionTabled {
            motion,
            organ: organ.clone(),
            decision: ACCESSION.into(),
            title: format!("Admission of {name}"),
            text: format!(
                "{name} is admitted as a member. Eligibility report under {}: {}.",
                a.criterion, a.report
            ),
            sponsor: Seat::Organ(organ),
        }),
        Event::Membership(membership::Event::ApplicationReferred {
            application: *application,
            motion,
        }),
    ])
}

fn propose_measure(
    state: &State,
    charter: &Charter,
    review: &u64,
    measure: &crate::membership::Measure,
) -> Result<Vec<Event>, DomainError> {
    let r = state.reviews.get(review).ok_or(DomainError::Membership(
        membership::Refusal::UnknownReview(*review),
    ))?;
    if r.motion.is_some_and(|m| {
        state
            .motions
            .get(&m)
            .is_some_and(|m| !matches!(m.status, MotionStatus::Rejected | MotionStatus::Withdrawn))
    }) || r.taken.is_some()
    {
        return Err(DomainError::Membership(membership::Refusal::ReviewBusy(
            *review,
        )));
    }
    if !state.members.contains_key(&r.state) {
        return Err(DomainError::Base(base::Refusal::NotAMember(
            r.state.clone(),
        )));
    }
    let organ = spec(charter, REVIEW)?.organ.clone();
    let motion = motion::next_id(state);
    let name = state_name(state, &r.state);
    let what = match measure {
        Measure::Warning => format!("The {organ} warns {name}"),
        Measure::Suspension => format!("The voting rights of {name} are suspended"),
        Measure::Termination => format!("The membership of {name} is terminated"),
    };
    Ok(vec![
        Event::Motion(motion::Event::MotionTabled {
            motion,
            organ: organ.clone(),
            decision: REVIEW.into(),
            title: format!("Review {review} of {name}: {}", measure.code()),
            text: format!(
                "{what}, having found that it no longer meets the criterion {}: {}.",
                r.criterion, r.evidence
            ),
            sponsor: Seat::Organ(organ),
        }),
        Event::Membership(membership::Event::ReviewReferred {
            review: *review,
            motion,
            measure: *measure,
        }),
    ])
}

fn designate_democracy_officer(
    state: &State,
    iso: &Iso3,
    name: &str,
    office: &str,
    contact: &str,
) -> Result<Vec<Event>, DomainError> {
    if !state.members.contains_key(iso) {
        return Err(DomainError::Base(base::Refusal::NotAMember(iso.clone())));
    }
    for (field, v, max) in [
        ("name", name, 200),
        ("office", office, 300),
        ("contact", contact, 300),
    ] {
        text_field(field, v, max)?;
    }
    Ok(vec![Event::Membership(
        membership::Event::DemocracyOfficerDesignated {
            state: iso.clone(),
            name: name.trim().to_owned(),
            office: office.trim().to_owned(),
            contact: contact.trim().to_owned(),
        },
    )])
}

/// A state may vote only with its voting rights.
pub fn check_not_suspended(state: &State, iso: &Iso3) -> Result<(), DomainError> {
    match state.members.get(iso).map(|m| m.standing) {
        Some(Standing::Suspended(review)) => {
            Err(DomainError::Membership(membership::Refusal::Suspended {
                state: iso.clone(),
                review,
            }))
        }
        _ => Ok(()),
    }
}

/// What a closed vote on an accession or review motion brings with it.
pub fn after_close(state: &State, events: &[Event]) -> Vec<Event> {
    let mut out = Vec::new();
    for (id, tally) in motion::final_votes(events) {
        let adopted = motion::adopted(tally);
        if let Some(a) = state
            .applications
            .values()
            .find(|a| a.motion == Some(id) && a.status == ApplicationStatus::Referred)
        {
            if adopted {
                out.push(Event::Membership(membership::Event::MemberAdmitted {
                    state: a.state.clone(),
                    admission: Admission::Accession,
                    criterion: a.criterion.clone(),
                    reason: a.report.clone(),
                }));
            }
            out.push(Event::Membership(membership::Event::ApplicationDecided {
                application: a.id,
                admitted: adopted,
            }));
        }
        if let Some(r) = state
            .reviews
            .values()
            .find(|r| r.motion == Some(id) && r.taken.is_none())
        {
            out.push(Event::Membership(membership::Event::ReviewDecided {
                review: r.id,
                state: r.state.clone(),
                measure: if adopted { r.proposed } else { None },
            }));
        }
    }
    out
}
