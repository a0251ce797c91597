//! `comity election paper-ballots`: record ballots cast on paper in an organ's session from
//! the tellers' file (BLT or the peers' JSON, gzipped or not) with the register of the states
//! that voted. The ballots join the election's ballot box unlinked from the states; the
//! journal records who voted and the file's SHA-256.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use comity_core::auth::{Principal, Role};
use comity_core::{Actor, Iso3};
use comity_store::{Institution, OpenMode, Store};

pub async fn paper_ballots(
    database: &str,
    election: u64,
    states: &str,
    file: &Path,
    now: comity_core::Timestamp,
) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let states: Vec<Iso3> = states
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| {
            Iso3::parse(s)
                .map_err(|_| anyhow::anyhow!("--states: {s:?} is not an ISO 3166 alpha-3 code"))
        })
        .collect::<anyhow::Result<_>>()?;
    let raw = std::fs::read(file).with_context(|| format!("cannot read {name}"))?;
    let bytes = super::tally::read_ballot_bytes(file)?;
    let store = Store::open(database, OpenMode::MustExist).await?;
    let inst = Institution::open(store).await?;
    let candidates = inst
        .state()
        .await
        .elections
        .get(&election)
        .map(|e| e.candidates.clone())
        .ok_or_else(|| anyhow::anyhow!("there is no election {election}"))?;
    let ballots = comity_core::election::ballots_from_file(&bytes, &candidates)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let file_name = file
        .file_name()
        .map_or_else(|| name.clone(), |f| f.to_string_lossy().into_owned());
    let source = comity_core::election::paper_source(&file_name, &raw);
    let total: u64 = ballots.iter().map(|(_, c)| c).sum();
    let officer = Principal::new(Actor::system(), vec![Role::Secretariat]);
    let entries = inst
        .record_paper_ballots(&officer, now, election, states, ballots, source)
        .await
        .with_context(|| format!("recording the paper ballots of {name}"))?;
    let e = inst.state().await;
    let voted = e.elections.get(&election).map_or(0, |x| x.voted.len());
    let electorate = e.elections.get(&election).map_or(0, |x| x.electorate.len());
    writeln!(
        std::io::stdout().lock(),
        "{total} paper ballot(s) recorded in election {election} (journal entry {}); {voted} of {electorate} seated states have voted.",
        entries.first().map_or(0, |x| x.seq)
    )?;
    Ok(())
}
