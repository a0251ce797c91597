//! `comity init --charter FILE --database URL`: found an alliance in a new database.

use comity_core::base;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::{Actor, Command, data, view};
use comity_store::{Institution, OpenMode, Store};

pub async fn run(charter: &Path, database: &str, fiw_until: Option<u16>) -> anyhow::Result<()> {
    let (name, _) = super::charter::read(charter)?;
    let source = std::fs::read_to_string(charter).with_context(|| format!("cannot read {name}"))?;
    let store = Store::open(database, OpenMode::Create).await?;
    let inst = found(store, &name, &source, fiw_until, super::now()).await?;
    report(&inst).await;
    Ok(())
}

/// Load the shipped registry, adopt the charter and admit the founders, as journal entries
/// appended in one transaction. With `fh_edition`, the registry is as it stood when that Freedom House edition
/// was the latest. Refuses a database that already holds a journal.
pub async fn found(
    store: Store,
    charter_name: &str,
    source: &str,
    fh_edition: Option<u16>,
    at: comity_core::Timestamp,
) -> anyhow::Result<Institution> {
    let existing = store.head().await?.seq;
    if existing > 0 {
        bail!(
            "{} already holds a journal of {existing} entries; comity init never writes over an alliance (use a new database)",
            store.url()
        );
    }
    // The log key comes first, so that every batch of the founding is signed, and the journal's
    // first entry publishes it. Its origin names the alliance; a charter that does not parse
    // is refused by its adoption below.
    let key = match comity_core::charter::Charter::parse(charter_name, source) {
        Ok(c) => Some(
            store
                .create_log_key(&comity_store::tlog::origin_for(&c.alliance.name))
                .await?,
        ),
        Err(_) => None,
    };
    let inst = Institution::open(store).await?;
    let mut commands = Vec::new();
    if let Some(key) = key {
        commands.push(Command::Base(base::Command::PublishLogKey {
            key: key.encode(),
        }));
    }
    commands.extend(
        data::reference_imports_until(fh_edition).context("reading the shipped reference data")?,
    );
    commands.push(Command::Base(base::Command::AdoptCharter {
        file: charter_name.to_owned(),
        source: source.to_owned(),
    }));
    commands.push(Command::Base(base::Command::AdmitFoundingMembers));
    // One transaction: a founding interrupted or refused half-way leaves an empty journal,
    // so `init` can simply be run again.
    inst.execute_all(&Actor::system(), at, &commands).await?;
    Ok(inst)
}

/// What the founding did, in a few lines.
pub async fn report(inst: &Institution) {
    let state = inst.state().await;
    let s = view::summary(&state);
    let fh = state
        .registry
        .latest_fh_edition()
        .map(|e| format!("FIW {e}"))
        .unwrap_or_default();
    let vdem = state
        .registry
        .latest_vdem_year()
        .map(|y| format!("V-Dem {y}"))
        .unwrap_or_default();
    println!(
        "Founded the {} on {} ({}).",
        s.name.as_deref().unwrap_or("alliance"),
        inst.store().url(),
        inst.store().backend_name()
    );
    println!(
        "  registry: {} states, ratings up to {fh} and {vdem}",
        s.states
    );
    if let Some(a) = &state.charter {
        let crit = a.charter.admission_criterion(state.stage.as_deref());
        let desc = a
            .charter
            .criteria
            .get(crit)
            .map(|c| c.description.as_str())
            .unwrap_or(crit);
        let founding = state
            .members
            .values()
            .filter(|m| m.admission == comity_core::membership::Admission::Founding)
            .count();
        println!("  founding members admitted: {founding} ({desc})");
        if s.members != founding {
            println!(
                "  members now: {} ({} admitted on application since)",
                s.members,
                s.members - founding
            );
        }
    }
    println!(
        "  member population: {:.1} % of the registry's {:.2} billion",
        pct(s.member_population, s.world_population),
        s.world_population as f64 / 1e9
    );
    println!("  journal: {} entries, head {}", s.head_seq, s.head_hash);
}

pub fn pct(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}
