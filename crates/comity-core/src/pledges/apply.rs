//! How pledge events fold into the state.

use super::{Event, Pledge, PledgeImport, Rating, Report};
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
        Event::PledgeMade(spec) => {
            if st.pledges.pledges.contains_key(&spec.id) {
                return Err(inconsistent(
                    seq,
                    &format!("pledge {:?} is made twice", spec.id),
                ));
            }
            st.pledges.pledges.insert(
                spec.id.clone(),
                Pledge {
                    spec: spec.clone(),
                    seq,
                    time,
                    reports: Vec::new(),
                    ratings: Vec::new(),
                },
            );
        }
        Event::PledgeProgressReported {
            pledge,
            indicator,
            source,
            role,
            date,
            reading,
            note,
        } => {
            let p = pledge_mut(st, seq, pledge)?;
            if p.indicator(indicator).is_none() {
                return Err(inconsistent(
                    seq,
                    &format!("pledge {pledge:?} has no indicator {indicator:?}"),
                ));
            }
            p.reports.push(Report {
                seq,
                time,
                indicator: indicator.clone(),
                source: *source,
                role: role.clone(),
                date: *date,
                reading: reading.clone(),
                note: note.clone(),
            });
        }
        Event::PledgeCompletionAssessed {
            pledge,
            milestone,
            source,
            role,
            date,
            level,
            note,
        } => {
            let p = pledge_mut(st, seq, pledge)?;
            p.ratings.push(Rating {
                seq,
                time,
                milestone: milestone.clone(),
                source: *source,
                role: role.clone(),
                date: *date,
                level: *level,
                note: note.clone(),
            });
        }
        Event::PledgesImported {
            import,
            file,
            sha256,
            pledges,
            reports,
            ratings,
        } => {
            next_in_sequence(seq, "pledge import", *import, st.pledges.imports.len())?;
            st.pledges.imports.push(PledgeImport {
                import: *import,
                seq,
                file: file.clone(),
                sha256: *sha256,
                pledges: *pledges,
                reports: *reports,
                ratings: *ratings,
            });
        }
    }
    Ok(())
}

fn pledge_mut<'a>(st: &'a mut State, seq: u64, id: &str) -> Result<&'a mut Pledge, ApplyError> {
    st.pledges
        .pledges
        .get_mut(id)
        .ok_or_else(|| inconsistent(seq, &format!("there is no pledge {id:?}")))
}
