//! How the events of members, applications, reviews and democracy officers fold into the state.

use super::Event;
use crate::ids::{Actor, Timestamp};
use crate::motion::MotionStatus;
use crate::state::{ApplyError, Membership, ReviewFlag, State, inconsistent, next_in_sequence};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::MemberAdmitted {
            state,
            admission,
            reason,
            ..
        } => {
            st.members.insert(
                state.clone(),
                Membership {
                    admitted_seq: seq,
                    admitted_at: time,
                    admission: *admission,
                    reason: reason.clone(),
                    flags: Vec::new(),
                    standing: crate::membership::Standing::Good,
                },
            );
        }
        Event::MemberFlaggedForReview {
            state,
            criterion,
            edition,
            change,
        } => {
            if let Some(m) = st.members.get_mut(state) {
                m.flags.push(ReviewFlag {
                    seq,
                    time,
                    criterion: criterion.clone(),
                    edition: edition.clone(),
                    change: change.clone(),
                });
            }
        }
        Event::MembershipApplied {
            application,
            state,
            criterion,
            eligible,
            report,
        } => {
            next_in_sequence(seq, "application", *application, st.applications.len())?;
            st.applications.insert(
                *application,
                crate::membership::Application {
                    id: *application,
                    state: state.clone(),
                    seq,
                    time,
                    criterion: criterion.clone(),
                    eligible: *eligible,
                    report: report.clone(),
                    motion: None,
                    status: crate::membership::ApplicationStatus::Received,
                },
            );
            st.acts.entry(state.clone()).or_default().push(seq);
        }
        Event::ApplicationReferred {
            application,
            motion,
        } => {
            let a = st
                .applications
                .get_mut(application)
                .ok_or_else(|| inconsistent(seq, &format!("no application {application}")))?;
            a.motion = Some(*motion);
            a.status = crate::membership::ApplicationStatus::Referred;
        }
        Event::ApplicationDecided {
            application,
            admitted,
        } => {
            let a = st
                .applications
                .get_mut(application)
                .ok_or_else(|| inconsistent(seq, &format!("no application {application}")))?;
            a.status = if *admitted {
                crate::membership::ApplicationStatus::Admitted
            } else {
                crate::membership::ApplicationStatus::Refused
            };
            if *admitted != st.members.contains_key(&a.state) {
                return Err(inconsistent(
                    seq,
                    &format!("application {application}: admission does not match the members"),
                ));
            }
        }
        Event::ReviewOpened {
            review,
            state,
            organ,
            criterion,
            edition,
            evidence,
        } => {
            st.reviews.insert(
                *review,
                crate::membership::Review {
                    id: *review,
                    state: state.clone(),
                    organ: organ.clone(),
                    criterion: criterion.clone(),
                    edition: edition.clone(),
                    evidence: evidence.clone(),
                    opened_seq: seq,
                    opened_at: time,
                    motion: None,
                    proposed: None,
                    taken: None,
                    rejected: Vec::new(),
                },
            );
            st.acts.entry(state.clone()).or_default().push(seq);
        }
        Event::ReviewReferred {
            review,
            motion,
            measure,
        } => {
            let r = st
                .reviews
                .get_mut(review)
                .ok_or_else(|| inconsistent(seq, &format!("no review {review}")))?;
            r.motion = Some(*motion);
            r.proposed = Some(*measure);
        }
        Event::ReviewDecided {
            review,
            state,
            measure,
        } => {
            // A measure is taken only by an adopted motion, and only the one proposed.
            let adopted = st
                .reviews
                .get(review)
                .and_then(|r| r.motion)
                .and_then(|m| st.motions.get(&m))
                .map(|m| m.status == MotionStatus::Adopted);
            let proposed = st.reviews.get(review).and_then(|r| r.proposed);
            if adopted != Some(measure.is_some()) || (measure.is_some() && *measure != proposed) {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "review {review}: the recorded measure does not follow from its motion's vote"
                    ),
                ));
            }
            let r = st
                .reviews
                .get_mut(review)
                .ok_or_else(|| inconsistent(seq, &format!("no review {review}")))?;
            match measure {
                None => {
                    if let (Some(m), Some(p)) = (r.motion.take(), r.proposed.take()) {
                        r.rejected.push((m, p));
                    }
                }
                Some(mm) => {
                    r.taken = Some(*mm);
                    use crate::membership::{Measure, Standing};
                    match mm {
                        Measure::Warning => {
                            if let Some(m) = st.members.get_mut(state) {
                                m.standing = Standing::Warned;
                            }
                        }
                        Measure::Suspension => {
                            if let Some(m) = st.members.get_mut(state) {
                                m.standing = Standing::Suspended(*review);
                            }
                        }
                        Measure::Termination => {
                            st.members.remove(state);
                            st.terminated.insert(state.clone(), seq);
                        }
                    }
                }
            }
            st.acts.entry(state.clone()).or_default().push(seq);
        }
        Event::DemocracyOfficerDesignated {
            state,
            name,
            office,
            contact,
        } => {
            st.democracy_officers.insert(
                state.clone(),
                crate::membership::DemocracyOfficer {
                    name: name.clone(),
                    office: office.clone(),
                    contact: contact.clone(),
                    seq,
                    time,
                },
            );
            st.acts.entry(state.clone()).or_default().push(seq);
        }
    }
    Ok(())
}
