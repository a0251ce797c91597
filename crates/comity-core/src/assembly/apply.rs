//! How the events of pools and draws of organs drawn by lot fold into the state.

use super::Event;
use crate::ids::{Actor, Timestamp};
use crate::state::{ApplyError, State, inconsistent};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::VolunteersRegistered {
            organ,
            first,
            volunteers,
        } => {
            let a = st.assemblies.entry(organ.clone()).or_default();
            if *first != a.registered + 1 {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "{organ}: volunteers numbered from {first}, expected {}",
                        a.registered + 1
                    ),
                ));
            }
            a.register(volunteers);
        }
        Event::DrawCommitted {
            organ,
            draw,
            commitment,
            algorithm,
            pool,
            panel_size,
        } => {
            let a = st.assemblies.entry(organ.clone()).or_default();
            // The commitment closes the pool as it stands: every volunteer registered.
            if *pool != a.registered || a.pending().is_some() {
                return Err(inconsistent(
                    seq,
                    &format!("{organ}: draw {draw} cannot be committed here"),
                ));
            }
            a.draws.insert(
                *draw,
                crate::assembly::Draw {
                    number: *draw,
                    commitment: *commitment,
                    algorithm: algorithm.clone(),
                    pool: *pool as usize,
                    digest: a.digest,
                    panel_size: *panel_size as usize,
                    committed_seq: seq,
                    result: None,
                },
            );
        }
        Event::AssemblyDrawn {
            organ,
            draw,
            seed,
            panel,
            min_probability_ppt,
            probabilities_ppt,
            panels,
        } => {
            // The seed must open the commitment and the panel must be `panel_size` distinct
            // volunteers of the pool. Whether it meets the quotas needs the pool's features,
            // which the state does not hold: `comity sortition verify` re-runs the whole
            // selection from the journal and compares the panel and every probability.
            if st
                .charter
                .as_ref()
                .and_then(|c| c.charter.by_lot(organ))
                .is_none()
            {
                return Err(inconsistent(seq, &format!("{organ} is not drawn by lot")));
            }
            let a = st.assemblies.entry(organ.clone()).or_default();
            let d = a
                .draws
                .get(draw)
                .filter(|d| d.result.is_none())
                .cloned()
                .ok_or_else(|| {
                    inconsistent(seq, &format!("{organ}: draw {draw} is not pending"))
                })?;
            if crate::assembly::commitment(seed) != d.commitment {
                return Err(inconsistent(
                    seq,
                    &format!("{organ}: the seed of draw {draw} does not open its commitment"),
                ));
            }
            let in_pool = panel.iter().all(|&n| n >= 1 && n <= d.pool as u64);
            let ascending = panel.windows(2).all(|w| w[0] < w[1]);
            if panel.len() != d.panel_size || !in_pool || !ascending {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "{organ}: the drawn panel is not {} distinct volunteers of the pool of {}",
                        d.panel_size, d.pool
                    ),
                ));
            }
            if probabilities_ppt.len() != d.pool {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "{organ}: draw {draw} gives {} probabilities for a pool of {}",
                        probabilities_ppt.len(),
                        d.pool
                    ),
                ));
            }
            if let Some(entry) = a.draws.get_mut(draw) {
                entry.result = Some(crate::assembly::DrawResult {
                    seq,
                    seed: seed.clone(),
                    panel: panel.clone(),
                    min_probability_ppt: *min_probability_ppt,
                    probabilities_ppt: probabilities_ppt.clone(),
                    panels: *panels as usize,
                });
            }
        }
    }
    Ok(())
}
