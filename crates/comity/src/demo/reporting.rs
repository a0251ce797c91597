//! Every organ reports to the one it answers to; the Summit receives them (seed 000).

use comity_core::reporting;
use comity_core::{Command, State, Timestamp};
use comity_store::Institution;

use super::{actor, record};

/// Each organ's annual report: its record this year, counted from the journal.
pub(super) async fn annual_reports(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let year = comity_core::ids::Day::of(now).map_or(0, |d| d.date().year());
    let reports = reports(&*inst.state().await, year);
    let sec = actor("secretariat")?;
    for (organ, text) in reports {
        record(
            inst,
            now,
            sec.clone(),
            Command::Reporting(reporting::Command::SubmitReport {
                organ,
                title: format!("Annual report {year}"),
                period: year.to_string(),
                text,
            }),
        )
        .await?;
    }
    Ok(())
}

/// (organ, text) of each organ's report for `year`.
fn reports(state: &State, year: i32) -> Vec<(String, String)> {
    let powers = comity_core::view::power_use(state);
    state
        .charter
        .as_ref()
        .map(|a| {
            a.charter
                .organs
                .iter()
                .filter(|o| o.reports_to.is_some() || o.kind != comity_core::charter::OrganKind::Summit)
                .map(|o| {
                    let decided = state.motions.values().filter(|m| m.organ == o.id).count();
                    let u = powers.get(&o.id).cloned().unwrap_or_default();
                    (
                        o.id.clone(),
                        format!(
                            "{} in {year}: {decided} motion(s) before it; {} motion(s) tabled by it ({} adopted); {} of {} opinion(s) asked of it given; {} objection(s) voted, {} carried. Mandate: {}",
                            o.name, u.tabled, u.tabled_adopted, u.opinions_given, u.opinions_asked, u.objections, u.objections_carried, o.mandate
                        ),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}
