//! `comity ratings import`: new editions of Freedom in the World or years of V-Dem, read in
//! the shipped CSV formats, recorded one edition at a time with a progress bar, then a
//! report of what changed: every state whose latest rating moved, and every member flagged
//! with the review that opened.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::registry::{parse_freedom_house, parse_vdem};
use comity_core::{Actor, Command, DomainError, Event, State};
use comity_store::{ExecError, Institution, OpenMode, Store};

pub enum Source {
    FreedomHouse,
    Vdem,
}

/// Each state's latest rating, in words, for the report.
fn latest(state: &State) -> std::collections::BTreeMap<String, String> {
    let r = &state.registry;
    let as_of = r.latest();
    r.countries()
        .map(|c| {
            let fh = as_of
                .fh_edition
                .and_then(|e| r.fh(&c.iso3, e).map(|x| (e, x)))
                .map(|(e, x)| match x.total {
                    Some(t) => format!("{} {t}/100 (FIW {e})", x.status),
                    None => format!("{} (FIW {e})", x.status),
                });
            let vd = as_of
                .vdem_year
                .and_then(|y| r.vdem(&c.iso3, y).map(|x| (y, x)))
                .and_then(|(y, x)| {
                    x.regime
                        .map(|g| format!("{} (V-Dem {y})", g.code().replace('_', " ")))
                });
            let parts: Vec<String> = [fh, vd].into_iter().flatten().collect();
            (c.iso3.to_string(), parts.join(", "))
        })
        .collect()
}

pub async fn import(
    database: &str,
    source: Source,
    file: &Path,
    only: Option<u16>,
    now: comity_core::Timestamp,
) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {name}"))?;
    let mut commands: Vec<(String, Command)> = match source {
        Source::FreedomHouse => parse_freedom_house(&name, &text)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .into_iter()
            .filter(|e| only.is_none_or(|o| o == e.edition))
            .map(|e| {
                (
                    format!("FIW {} ({} ratings)", e.edition, e.ratings.len()),
                    Command::ImportFreedomHouse { editions: vec![e] },
                )
            })
            .collect(),
        Source::Vdem => parse_vdem(&name, &text)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .into_iter()
            .filter(|y| only.is_none_or(|o| o == y.year))
            .map(|y| {
                (
                    format!("V-Dem {} ({} ratings)", y.year, y.ratings.len()),
                    Command::ImportVdem { years: vec![y] },
                )
            })
            .collect(),
    };
    if commands.is_empty() {
        bail!(
            "{name}: no edition{} in the file",
            only.map(|o| format!(" {o}")).unwrap_or_default()
        );
    }
    let store = Store::open(database, OpenMode::MustExist).await?;
    let inst = Institution::open(store).await?;
    let before = latest(&*inst.state().await);
    let total = commands.len();
    let mut events: Vec<Event> = Vec::new();
    let mut unchanged = 0;
    let mut err = std::io::stderr().lock();
    for (i, (label, cmd)) in commands.drain(..).enumerate() {
        let done = (i + 1) * 30 / total;
        write!(
            err,
            "\r[{}{}] {}/{total} {label:<40}",
            "#".repeat(done),
            ".".repeat(30 - done),
            i + 1
        )?;
        err.flush()?;
        match inst.execute(&Actor::system(), now, &cmd).await {
            Ok(entries) => {
                for e in entries {
                    events.push(e.event()?);
                }
            }
            Err(ExecError::Refused(DomainError::NothingNew { .. })) => unchanged += 1,
            Err(e) => return Err(e).with_context(|| format!("recording {label}")),
        }
    }
    writeln!(err)?;
    let state = inst.state().await;
    let after = latest(&state);
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} of {total} edition(s) recorded; {unchanged} already on record with the same values.",
        total - unchanged
    )?;
    let changed: Vec<(&String, &String, &String)> = after
        .iter()
        .filter_map(|(k, a)| before.get(k).filter(|b| *b != a).map(|b| (k, b, a)))
        .collect();
    writeln!(out, "Latest ratings that changed: {}", changed.len())?;
    for (k, b, a) in &changed {
        let member = if state.members.contains_key(&comity_core::Iso3::parse(k)?) {
            " (member)"
        } else {
            ""
        };
        writeln!(out, "  {k}{member}: {b} → {a}")?;
    }
    let flags: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e, Event::ReviewOpened { .. }))
        .collect();
    writeln!(
        out,
        "Members below the criterion, reviews opened: {}",
        flags.len()
    )?;
    for e in flags {
        if let Event::ReviewOpened {
            review,
            state: s,
            organ,
            evidence,
            ..
        } = e
        {
            writeln!(out, "  review {review} of {s} in {organ}: {evidence}")?;
        }
    }
    Ok(())
}
