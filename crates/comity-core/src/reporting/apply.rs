//! How the events of reports fold into the state.

use super::Event;
use crate::ids::{Actor, Timestamp};
use crate::state::{ApplyError, State};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::ReportSubmitted {
            report,
            organ,
            to,
            title,
            period,
            text,
        } => {
            st.reports.insert(
                *report,
                crate::reporting::Report {
                    id: *report,
                    organ: organ.clone(),
                    to: to.clone(),
                    title: title.clone(),
                    period: period.clone(),
                    text: text.clone(),
                    seq,
                    time,
                },
            );
        }
    }
    Ok(())
}
