//! How the events of reference data, the charter and seats fold into the state.

use super::Event;
use crate::charter::Charter;
use crate::ids::{Actor, Timestamp};
use crate::state::{AdoptedCharter, ApplyError, State};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::StatesImported { states } => st.registry.add_countries(states),
        Event::FreedomHouseEditionImported(ed) => st.registry.add_fh_edition(ed),
        Event::VdemYearImported(y) => st.registry.add_vdem_year(y),
        Event::CharterAdopted { source, sha256, .. } => {
            let charter = Charter::parse("charter", source)
                .map_err(|errors| ApplyError::CharterUnparsable { seq, errors })?;
            st.stage = charter.membership.stages.first().map(|s| s.id.clone());
            st.charter = Some(AdoptedCharter {
                charter,
                source: source.clone(),
                sha256: *sha256,
                seq,
                adopted_at: time,
            });
        }
        Event::SeatsAssigned { organ, states } => {
            st.seats.insert(organ.clone(), states.clone());
        }
        Event::LogKeyPublished { key } => st.log_key = Some(key.clone()),
    }
    Ok(())
}
