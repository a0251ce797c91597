//! How the sanctions' events fold into the state.

use super::{Case, Decision, Event, Implementation, Justification, Release, Review};
use crate::ids::{Actor, Timestamp};
use crate::state::{ApplyError, State, inconsistent, next_in_sequence};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = actor;
    match event {
        Event::ListingProposed {
            case,
            motion,
            target,
            grounds,
            evidence,
            reasons,
        } => {
            next_in_sequence(seq, "case", *case, st.sanctions.cases.len())?;
            if !st.motions.contains_key(motion) {
                return Err(inconsistent(seq, &format!("there is no motion {motion}")));
            }
            st.sanctions.cases.insert(
                *case,
                Case {
                    id: *case,
                    target: target.clone(),
                    grounds: grounds.clone(),
                    evidence: evidence.clone(),
                    reasons: reasons.clone(),
                    motion: *motion,
                    proposed: time,
                    seq,
                    decision: None,
                    implementations: Default::default(),
                    reviews: Vec::new(),
                    ended: None,
                },
            );
        }
        Event::ListingDecided {
            case,
            motion,
            listed,
            day,
        } => {
            let c = case_mut(st, seq, *case)?;
            if c.motion != *motion || c.decision.is_some() {
                return Err(inconsistent(
                    seq,
                    &format!("motion {motion} is not the open proposal of case {case}"),
                ));
            }
            c.decision = Some(Decision {
                listed: *listed,
                day: *day,
                motion: *motion,
            });
        }
        Event::ImplementationRecorded {
            case,
            state,
            adopted,
            day,
            text,
        } => {
            case_mut(st, seq, *case)?.implementations.insert(
                state.clone(),
                Implementation {
                    adopted: *adopted,
                    day: *day,
                    text: text.clone(),
                    seq,
                },
            );
            st.acts.entry(state.clone()).or_default().push(seq);
        }
        Event::ListingRenewed { case, day, reasons } => {
            case_mut(st, seq, *case)?.reviews.push(Review {
                day: *day,
                reasons: reasons.clone(),
                delisting: None,
                delisted: None,
                seq,
            });
        }
        Event::DelistingProposed {
            case,
            motion,
            day,
            reasons,
        } => {
            if !st.motions.contains_key(motion) {
                return Err(inconsistent(seq, &format!("there is no motion {motion}")));
            }
            case_mut(st, seq, *case)?.reviews.push(Review {
                day: *day,
                reasons: reasons.clone(),
                delisting: Some(*motion),
                delisted: None,
                seq,
            });
        }
        Event::DelistingDecided {
            case,
            motion,
            delisted,
            day,
        } => {
            let c = case_mut(st, seq, *case)?;
            let Some(r) = c
                .reviews
                .iter_mut()
                .find(|r| r.delisting == Some(*motion) && r.delisted.is_none())
            else {
                return Err(inconsistent(
                    seq,
                    &format!("motion {motion} is not an open delisting of case {case}"),
                ));
            };
            r.delisted = Some(*delisted);
            if *delisted {
                c.ended = Some(*day);
            }
        }
        Event::DifferenceJustified { a, b, text } => {
            st.sanctions.justifications.push(Justification {
                a: *a,
                b: *b,
                text: text.clone(),
                seq,
                time,
            });
        }
        Event::ReleasePublished {
            release,
            cases,
            ftm_sha256,
            csv_sha256,
        } => {
            next_in_sequence(seq, "release", *release, st.sanctions.releases.len())?;
            st.sanctions.releases.push(Release {
                release: *release,
                cases: cases.clone(),
                ftm_sha256: *ftm_sha256,
                csv_sha256: *csv_sha256,
                seq,
                time,
            });
        }
    }
    Ok(())
}

fn case_mut(st: &mut State, seq: u64, id: u64) -> Result<&mut Case, ApplyError> {
    st.sanctions
        .cases
        .get_mut(&id)
        .ok_or_else(|| inconsistent(seq, &format!("there is no case {id}")))
}
