//! Members' pledges in the demo (`data/demo/pledges.json`, written for the demo: no
//! government made these pledges and no organisation filed these reports): each pledge made
//! by its state's delegate (or, for an organ, the secretariat), then every report and rating
//! filed in date order by its own lane's author — the pledger's delegate, the civil society
//! account, the secretariat as the charter's reviewer — each a journal entry of its own.
//! Two pledges end disputed, two starred, two with an overdue milestone, one with a setback,
//! and one nearly repeats an earlier pledge of the same member.

use anyhow::Context;
use comity_core::auth::Role;
use comity_core::ids::Day;
use comity_core::pledges::{self, NewAssessment, NewReport, file};
use comity_core::{Actor, Command, Timestamp};
use comity_store::Institution;

use super::{actor, record};

/// The demo's pledges, compiled in.
const PLEDGES: &str = include_str!("../../../../data/demo/pledges.json");

/// The account that acts for a role in the demo.
fn account(role: &Role) -> anyhow::Result<Actor> {
    match role {
        Role::StateDelegate(iso) if iso.as_str() == "DNK" => actor("denmark"),
        Role::StateDelegate(iso) => actor(&format!("delegate-{}", iso.as_str().to_lowercase())),
        Role::CivilSociety => actor("ngo"),
        Role::Accredited(2) => actor("opposition"),
        _ => actor("secretariat"),
    }
}

/// One report or rating, with its date, to be filed in date order.
enum Filed {
    Report(String, NewReport),
    Rating(String, NewAssessment),
}

impl Filed {
    fn date(&self) -> Day {
        match self {
            Self::Report(_, r) => r.date,
            Self::Rating(_, a) => a.date,
        }
    }
}

pub async fn pledges(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let list = {
        let state = inst.state().await;
        file::read_json(&state, "data/demo/pledges.json", PLEDGES.as_bytes())
            .map_err(anyhow::Error::msg)?
    };
    let mut filed = Vec::new();
    for p in list {
        let maker = match &p.spec.by {
            pledges::Pledger::State(iso) => account(&Role::StateDelegate(iso.clone()))?,
            pledges::Pledger::Accredited(n) => account(&Role::Accredited(*n))?,
            pledges::Pledger::Organ(_) => actor("secretariat")?,
        };
        let id = p.spec.id.clone();
        record(
            inst,
            now,
            maker,
            Command::Pledges(pledges::Command::Make(p.spec)),
        )
        .await
        .with_context(|| format!("making pledge {id}"))?;
        filed.extend(p.reports.into_iter().map(|r| Filed::Report(id.clone(), r)));
        filed.extend(
            p.assessments
                .into_iter()
                .map(|a| Filed::Rating(id.clone(), a)),
        );
    }
    filed.sort_by_key(Filed::date);
    for f in filed {
        let (who, cmd) = match f {
            Filed::Report(pledge, report) => (
                account(&report.role)?,
                pledges::Command::Report { pledge, report },
            ),
            Filed::Rating(pledge, assessment) => (
                account(&assessment.role)?,
                pledges::Command::Assess { pledge, assessment },
            ),
        };
        record(inst, now, who, Command::Pledges(cmd)).await?;
    }
    Ok(())
}
