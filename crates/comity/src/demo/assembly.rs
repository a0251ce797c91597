//! The demo's citizens' assembly: synthetic volunteers, a commitment to a seed, the draw, and
//! the demo's `panelist` seated, tabling the assembly's first recommendation.

use anyhow::Context;
use comity_core::auth::{Principal, Role};
use comity_core::motion::Seat;
use comity_core::{Command, Timestamp};
use comity_core::{assembly, motion};
use comity_store::{AccountError, Institution};

use super::{Mix, actor};

/// How many synthetic volunteers the demo registers.
pub const DEMO_VOLUNTEERS: usize = 600;

/// Synthetic volunteers from the member states, by a documented model (README, "Citizens'
/// assembly"): a volunteer's state is drawn with probability proportional to the square
/// root of its population (outreach is degressive, like the seats of many assemblies), the
/// region is that state's UN regional group; gender, age band and education are drawn
/// independently with the skew of self-selected pools (older and more educated people
/// volunteer more, as the invitation-letter pools in Flanigan et al. 2021 show).
pub fn synthetic_volunteers(
    state: &comity_core::State,
    count: usize,
    seed: u64,
) -> Vec<comity_core::assembly::Volunteer> {
    use sha2::{Digest, Sha256};
    let members: Vec<(String, f64)> = state
        .members
        .keys()
        .filter_map(|iso| {
            let c = state.registry.country(iso)?;
            Some((c.un_group.clone()?, (c.population? as f64).sqrt()))
        })
        .collect();
    let weights: Vec<f64> = members.iter().map(|(_, w)| *w).collect();
    let gender = (["female", "male", "other"], [0.47, 0.51, 0.02]);
    let age = (["16-29", "30-44", "45-59", "60+"], [0.15, 0.22, 0.28, 0.35]);
    let education = (["primary", "secondary", "tertiary"], [0.10, 0.40, 0.50]);
    let mut rng = Mix(seed);
    (0..count)
        .map(|i| {
            let region = members
                .get(rng.pick(&weights))
                .map(|(g, _)| g.clone())
                .unwrap_or_default();
            let mut features = std::collections::BTreeMap::new();
            features.insert("region".to_owned(), region);
            features.insert(
                "gender".to_owned(),
                gender.0[rng.pick(&gender.1)].to_owned(),
            );
            features.insert("age".to_owned(), age.0[rng.pick(&age.1)].to_owned());
            features.insert(
                "education".to_owned(),
                education.0[rng.pick(&education.1)].to_owned(),
            );
            let hash = comity_core::journal::Hash(
                Sha256::digest(format!("synthetic volunteer {seed} {i}")).into(),
            );
            comity_core::assembly::Volunteer {
                hash,
                features,
                household: None,
            }
        })
        .collect()
}

/// The demo's citizens' assembly: synthetic volunteers, a commitment to a seed, the draw.
pub(super) async fn assembly(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let Some((organ, volunteers)) = pool(inst).await else {
        return Ok(());
    };
    let secretariat = actor("secretariat")?;
    inst.execute(
        &secretariat,
        now,
        &Command::Assembly(assembly::Command::RegisterVolunteers {
            organ: organ.clone(),
            volunteers,
            already: Vec::new(),
        }),
    )
    .await
    .context("registering the demo's volunteers")?;
    // In a real draw the seed is secret until the draw (or a named future public value);
    // the demo publishes its hash, then reveals it.
    let seed = format!("comity demo lottery {now}");
    inst.execute(
        &secretariat,
        now,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: organ.clone(),
            commitment: comity_core::assembly::commitment(&seed),
            pool: Vec::new(),
        }),
    )
    .await
    .context("committing to the demo lottery's seed")?;
    inst.execute(
        &secretariat,
        now,
        &Command::Assembly(assembly::Command::DrawAssembly {
            organ: organ.clone(),
            seed,
            pool: Vec::new(),
        }),
    )
    .await
    .context("drawing the demo's citizens' assembly")?;
    seat_panelist(inst, now, organ).await
}

/// The organ chosen by lot and the synthetic volunteers for it; `None` where the charter has
/// no such organ or its pool is not empty.
async fn pool(inst: &Institution) -> Option<(String, Vec<comity_core::assembly::Volunteer>)> {
    let state = inst.state().await;
    let adopted = state.charter.as_ref()?;
    let organ = adopted
        .charter
        .organs
        .iter()
        .find(|o| o.sortition.is_some())?;
    if state
        .assemblies
        .get(&organ.id)
        .is_some_and(|a| a.registered > 0)
    {
        return None;
    }
    Some((
        organ.id.clone(),
        synthetic_volunteers(&state, DEMO_VOLUNTEERS, 2026),
    ))
}

/// The demo's `panelist` takes the first seat drawn (a real volunteer does it with the
/// receipt, on the assembly's page) and tables the assembly's first recommendation where
/// the charter lets the assembly table.
async fn seat_panelist(inst: &Institution, now: Timestamp, organ: String) -> anyhow::Result<()> {
    let (first, decision) = {
        let state = inst.state().await;
        let first = state
            .assemblies
            .get(&organ)
            .and_then(|a| a.latest())
            .and_then(|(_, r)| r.panel.first().copied());
        let decision = state.charter.as_ref().and_then(|a| {
            a.charter
                .decisions
                .iter()
                .find(|d| d.kind == "resolution" && d.tabled_by.contains(&organ))
                .map(|d| d.kind.clone())
        });
        (first, decision)
    };
    let Some(volunteer) = first else {
        return Ok(());
    };
    let role = Role::Panelist {
        organ: organ.clone(),
        volunteer,
    };
    match inst
        .store()
        .grant_role("panelist", &role, "system", now)
        .await
    {
        Ok(_) | Err(AccountError::Unknown(_)) => {}
        Err(e) => return Err(e).context("linking the demo panelist to a seat"),
    }
    let Some(decision) = decision else {
        return Ok(());
    };
    let who = Principal::new(actor("panelist")?, vec![Role::Citizen, role]);
    inst.execute_as(
        &who,
        now,
        &Command::Motion(motion::Command::TableMotion {
            decision,
            title: "Recommendation of the Citizens' Assembly: citizens' hearings before each Summit".into(),
            text: "The Citizens' Assembly recommends that the Council hold a public hearing of citizens, drawn by lot from the members' populations, before each Summit, and publish its record.".into(),
            sponsor: Seat::Organ(organ.clone()),
        }),
    )
    .await
    .context("tabling the assembly's recommendation")?;
    Ok(())
}
