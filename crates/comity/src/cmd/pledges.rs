//! `comity pledges import|status`: members' pledges from a file into an alliance's journal,
//! and every pledge's progress, status, sources and star re-derived from it.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::auth::{Principal, Role};
use comity_core::ids::Day;
use comity_core::pledges::{self, file};
use comity_core::{Actor, Command, Timestamp};
use comity_store::{Institution, OpenMode, Store};

/// `comity pledges import FILE`: a pledges file (JSON) or a reports file (CSV, for pledges
/// already recorded). Every problem is named by file, place and field; nothing is recorded
/// unless the whole file is accepted.
pub async fn import_cmd(database: &str, path: &Path, now: Timestamp) -> anyhow::Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let store = Store::open(database, OpenMode::MustExist).await?;
    let inst = Institution::open(store).await?;
    let state = inst.state().await;
    let is_csv = name.to_lowercase().ends_with(".csv");
    let read = if is_csv {
        file::read_csv(&state, &name, &bytes)
    } else {
        file::read_json(&state, &name, &bytes)
    };
    let list = read.map_err(|e| anyhow::anyhow!(e))?;
    drop(state);
    let sha256 = comity_core::journal::Hash::of(&bytes);
    let officer = Principal::new(Actor::system(), vec![Role::Secretariat]);
    let cmd = Command::Pledges(pledges::Command::Import {
        file: name.clone(),
        sha256,
        pledges: list,
    });
    let entries = match inst.execute_as(&officer, now, &cmd).await {
        Ok(e) => e,
        Err(e) => bail!("{name}: {e}"),
    };
    let state = inst.state().await;
    let Some(last) = state.pledges.imports.last() else {
        bail!("{name}: the import was not recorded");
    };
    let doc = serde_json::json!({
        "import": last.import,
        "file": last.file,
        "sha256": last.sha256.to_string(),
        "pledges": last.pledges,
        "reports": last.reports,
        "ratings": last.ratings,
        "entries": entries.len(),
    });
    writeln!(std::io::stdout().lock(), "{doc}")?;
    Ok(())
}

/// `comity pledges status`: every pledge's progress, status, sources and star, as JSON or CSV.
pub async fn status_cmd(
    database: &str,
    format: &str,
    at: Option<&str>,
    now: Timestamp,
) -> anyhow::Result<()> {
    if !matches!(format, "json" | "csv") {
        bail!("--format: {format:?} is not json or csv");
    }
    let today = day(at, now)?;
    let store = Store::open(database, OpenMode::MustExist).await?;
    let state = store.load_state().await?;
    let doc = pledges::document::status_document(&state, today);
    let mut out = std::io::stdout().lock();
    if format == "json" {
        writeln!(out, "{doc}")?;
    } else {
        out.write_all(pledges::document::status_csv(&doc).as_bytes())?;
    }
    Ok(())
}

/// `--at`, or today.
fn day(at: Option<&str>, now: Timestamp) -> anyhow::Result<Day> {
    match at {
        Some(s) => Day::parse(s).map_err(|e| anyhow::anyhow!("--at: {e}")),
        None => Day::of(now).context("the clock is outside the calendar"),
    }
}

/// `comity replay --file F --pledges`: the status document re-derived from an exported
/// journal alone, exactly as `comity pledges status` prints it from the database.
pub fn replay(file: &Path, at: Option<&str>, now: Timestamp) -> anyhow::Result<()> {
    let today = day(at, now)?;
    let mut state = comity_core::State::new();
    let head = super::journal::read_file(file, |e| state.apply(e).map_err(Into::into))?;
    eprintln!(
        "replayed {} entries from {}, head {}",
        head.seq,
        file.display(),
        head.hash
    );
    let doc = pledges::document::status_document(&state, today);
    writeln!(std::io::stdout().lock(), "{doc}")?;
    Ok(())
}
