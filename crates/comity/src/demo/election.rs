//! The Summit's elections: the co-chairs of a working group by Scottish STV, every member
//! voting by secret ballot; then the UN caucus's chair by Schulze, still open, with the paper
//! ballots of three regional groups recorded from the tellers' file.

use comity_core::auth::{Principal, Role};
use comity_core::election;
use comity_core::{Command, Iso3, Timestamp};
use comity_store::Institution;
use comity_voting::SplitMix64;

use super::actor;

/// The Summit elects the two co-chairs of the Working Group on Democratic Resilience by
/// Scottish STV: every member state casts a secret ballot (rankings drawn from a fixed,
/// seeded pattern so the demo is the same each time).
pub(super) async fn election(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let has_summit = inst
        .state()
        .await
        .charter
        .as_ref()
        .is_some_and(|a| a.charter.organ("summit").is_some());
    if !has_summit {
        return Ok(());
    }
    let candidates: Vec<String> = [
        "Ana Lima (Brazil)",
        "Kwame Mensah (Ghana)",
        "Sofia Berg (Sweden)",
        "Hiro Tanaka (Japan)",
        "Maria Rossi (Italy)",
        "Arjun Patel (India)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let sec = actor("secretariat")?;
    inst.execute(
        &sec,
        now,
        &Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: "Co-chairs of the Working Group on Democratic Resilience at Home".into(),
            method: "stv-scottish".into(),
            seats: 2,
            candidates: candidates.clone(),
            closes_at: Timestamp::from_unix(now.unix() + 86_400),
            seed: 2026,
        }),
    )
    .await?;
    let id = inst
        .state()
        .await
        .elections
        .keys()
        .next_back()
        .copied()
        .unwrap_or(1);
    cast_ballots(inst, now, id, &candidates).await?;
    inst.close_election(&sec, None, now, id).await?;
    paper_election(inst, now).await
}

/// Every state of election `id`'s electorate casts its ballot.
async fn cast_ballots(
    inst: &Institution,
    now: Timestamp,
    id: u64,
    candidates: &[String],
) -> anyhow::Result<()> {
    let electorate = inst
        .state()
        .await
        .elections
        .get(&id)
        .map(|e| e.electorate.clone())
        .unwrap_or_default();
    let mut rng = SplitMix64::new(7);
    for iso in electorate {
        let group = inst
            .state()
            .await
            .registry
            .country(&iso)
            .and_then(|c| c.un_group.clone())
            .unwrap_or_default();
        let ranking = regional_ranking(&mut rng, &group, candidates);
        let delegate = Principal::new(
            actor(&format!("delegate:{iso}"))?,
            vec![Role::StateDelegate(iso.clone())],
        );
        inst.cast_ballot(&delegate, now, id, iso, ranking).await?;
    }
    Ok(())
}

/// Regional affinity: a state of UN regional `group` puts the candidate of its own region
/// first, then a short, shuffled tail of others: truncated ballots, as real ones are.
fn regional_ranking(rng: &mut SplitMix64, group: &str, candidates: &[String]) -> Vec<String> {
    let first = match group {
        "GRULAC" => 0,
        "AFRICAN" => 1,
        "WEOG" => [2, 4][rng.below(2) as usize],
        "ASIA_PACIFIC" => [3, 5][rng.below(2) as usize],
        _ => [2, 4][rng.below(2) as usize],
    };
    let mut rest: Vec<usize> = (0..candidates.len()).filter(|&c| c != first).collect();
    for i in (1..rest.len()).rev() {
        rest.swap(i, rng.below(i as u64 + 1) as usize);
    }
    rest.truncate(1 + rng.below(3) as usize);
    std::iter::once(first)
        .chain(rest)
        .map(|c| candidates[c].clone())
        .collect()
}

/// Election 2, still open: the Summit elects the UN caucus's chair by Schulze. The states of
/// three regional groups voted on paper at the session and the tellers' BLT file is
/// recorded; the rest (Denmark among them) may still vote on the platform.
async fn paper_election(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let candidates = [
        "Amara Okafor (Nigeria)",
        "Lucía Fernández (Uruguay)",
        "Jakub Nowak (Poland)",
        "Priya Nair (India)",
    ];
    let sec = actor("secretariat")?;
    inst.execute(
        &sec,
        now,
        &Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: "Chair of the UN Caucus".into(),
            method: "schulze".into(),
            seats: 1,
            candidates: candidates.iter().map(|c| c.to_string()).collect(),
            closes_at: Timestamp::from_unix(now.unix() + 30 * 86_400),
            seed: 2027,
        }),
    )
    .await?;
    let Some((id, register)) = paper_register(inst).await else {
        return Ok(());
    };
    let blt = tellers_file(&candidates, &register);
    let names: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
    let ballots = comity_core::election::ballots_from_file(blt.as_bytes(), &names)
        .map_err(anyhow::Error::msg)?;
    let officer = Principal::new(sec, vec![Role::Secretariat]);
    inst.record_paper_ballots(
        &officer,
        now,
        id,
        register.into_iter().map(|(iso, _)| iso).collect(),
        ballots,
        comity_core::election::paper_source("summit-session-tellers.blt", blt.as_bytes()),
    )
    .await?;
    Ok(())
}

/// The newest election and the states of its electorate that voted on paper, with their
/// regional group.
async fn paper_register(inst: &Institution) -> Option<(u64, Vec<(Iso3, String)>)> {
    let state = inst.state().await;
    let (id, e) = state.elections.iter().next_back()?;
    let register: Vec<(Iso3, String)> = e
        .electorate
        .iter()
        .filter_map(|iso| {
            let group = state.registry.country(iso)?.un_group.clone()?;
            ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN"]
                .contains(&group.as_str())
                .then(|| (iso.clone(), group))
        })
        .collect();
    Some((*id, register))
}

/// The tellers' file: each region's delegates favour its candidate, then the others in a
/// fixed order; grouped as counting software writes BLT.
fn tellers_file(candidates: &[&str], register: &[(Iso3, String)]) -> String {
    let mut groups: std::collections::BTreeMap<Vec<usize>, u64> = Default::default();
    let mut rng = SplitMix64::new(11);
    for (_, group) in register {
        let first = match group.as_str() {
            "AFRICAN" => 0,
            "ASIA_PACIFIC" => 3,
            _ => 2,
        };
        let mut rest: Vec<usize> = (0..candidates.len()).filter(|&c| c != first).collect();
        let pick = rng.below(rest.len() as u64) as usize;
        rest.swap(0, pick);
        *groups
            .entry(std::iter::once(first).chain(rest).collect())
            .or_default() += 1;
    }
    let mut blt = format!("{} 1\n", candidates.len());
    for (ranking, count) in &groups {
        let prefs: Vec<String> = ranking.iter().map(|c| (c + 1).to_string()).collect();
        blt.push_str(&format!("{count} {} 0\n", prefs.join(" ")));
    }
    blt.push_str("0\n");
    for c in candidates {
        blt.push_str(&format!("\"{c}\"\n"));
    }
    blt.push_str("\"Chair of the UN Caucus\"\n");
    blt
}
