//! Deciding an organ's report: to its `reports_to` organ or, without one, to the Summit.

use super::Command;
use crate::base;
use crate::base::{charter_of as charter, text_field};
use crate::charter::Charter;
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::Timestamp;
use crate::network;
use crate::reporting;
use crate::state::State;

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    let _ = now;
    match cmd {
        Command::SubmitReport {
            organ,
            title,
            period,
            text,
        } => submit_report(state, charter, organ, title, period, text),
    }
}

fn submit_report(
    state: &State,
    charter: &Charter,
    organ: &str,
    title: &str,
    period: &str,
    text: &str,
) -> Result<Vec<Event>, DomainError> {
    let o = charter
        .organ(organ)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownOrgan(organ.to_owned())))?;
    let to = match &o.reports_to {
                Some(t) => t.clone(),
                None => charter
                    .organs
                    .iter()
                    .find(|x| x.kind == crate::charter::OrganKind::Summit && x.id != *organ)
                    .map(|x| x.id.clone())
                    .ok_or_else(|| DomainError::Network(network::Refusal::OutsidePowers {
                        organ: organ.to_owned(),
                        clause: format!(
                            "the charter names no organ {organ} reports to (organs[id = {organ:?}].reports_to) and no summit"
                        ),
                    }))?,
            };
    for (field, v, max) in [
        ("title", title, 200),
        ("period", period, 50),
        ("text", text, 100_000),
    ] {
        text_field(field, v, max)?;
    }
    Ok(vec![Event::Reporting(reporting::Event::ReportSubmitted {
        report: state.reports.len() as u64 + 1,
        organ: organ.to_owned(),
        to,
        title: title.trim().to_owned(),
        period: period.trim().to_owned(),
        text: text.trim().to_owned(),
    })])
}
