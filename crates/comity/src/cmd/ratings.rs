//! `comity ratings import`: new editions of Freedom in the World or years of V-Dem, read in
//! the shipped CSV formats, recorded one edition at a time with a progress bar, then a
//! report of what changed: every state whose latest rating moved, and every member flagged
//! with the review that opened.

use comity_core::membership;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::registry::{RatingsSource, edition_imports};
use comity_core::{Actor, DomainError, Event, State};
use comity_store::{ExecError, Institution, OpenMode, Store};

pub enum Source {
    FreedomHouse,
    Vdem,
}

/// Each state's latest ratings, in words, for the report.
fn latest(state: &State) -> std::collections::BTreeMap<String, String> {
    state
        .registry
        .latest_ratings()
        .into_iter()
        .map(|(iso, l)| {
            let fh = l.fh.map(|(e, status, total)| match total {
                Some(t) => format!("{status} {t}/100 (FIW {e})"),
                None => format!("{status} (FIW {e})"),
            });
            let vd = l
                .vdem
                .map(|(y, g)| format!("{} (V-Dem {y})", g.code().replace('_', " ")));
            let parts: Vec<String> = [fh, vd].into_iter().flatten().collect();
            (iso.to_string(), parts.join(", "))
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
    let kind = match source {
        Source::FreedomHouse => RatingsSource::FreedomHouse,
        Source::Vdem => RatingsSource::Vdem,
    };
    let mut commands =
        edition_imports(kind, &name, &text, only).map_err(|e| anyhow::anyhow!("{e}"))?;
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
            Err(ExecError::Refused(DomainError::Base(
                comity_core::base::Refusal::NothingNew { .. },
            ))) => unchanged += 1,
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
        .filter(|e| matches!(e, Event::Membership(membership::Event::ReviewOpened { .. })))
        .collect();
    writeln!(
        out,
        "Members below the criterion, reviews opened: {}",
        flags.len()
    )?;
    for e in flags {
        if let Event::Membership(membership::Event::ReviewOpened {
            review,
            state: s,
            organ,
            evidence,
            ..
        }) = e
        {
            writeln!(out, "  review {review} of {s} in {organ}: {evidence}")?;
        }
    }
    Ok(())
}
