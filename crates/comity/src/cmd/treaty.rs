//! `comity treaty …`: treaty files and their entry into force.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::treaty::eif::{Treaty, parse_deposits};
use serde_json::{Map, Value, json};

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Read and check a treaty file; every problem is printed with file, line and field.
pub fn load(path: &Path) -> anyhow::Result<Treaty> {
    let text = read(path)?;
    Treaty::parse(&path.display().to_string(), &text).map_err(|e| anyhow::anyhow!("{e}"))
}

/// `comity treaty eif TREATY.toml DEPOSITS.csv`: the date the treaty's own clause gives.
pub fn eif(treaty: &Path, deposits: &Path) -> anyhow::Result<()> {
    let t = load(treaty)?;
    let text = read(deposits)?;
    let deps = match parse_deposits(&deposits.display().to_string(), &text, &t) {
        Ok(d) => d,
        Err(e) => bail!(
            "{} problem(s) in the deposits, nothing computed:\n{e}",
            e.0.len()
        ),
    };
    let r = t.entry_into_force(&deps);
    let per_state: Map<String, Value> = r
        .per_state
        .iter()
        .map(|(s, d)| (s.to_string(), Value::String(d.to_string())))
        .collect();
    let out = json!({
        "treaty": t.info.id,
        "entry_into_force": r.entry_into_force.map(|d| d.to_string()),
        "conditions_met": r.conditions_met.map(|d| d.to_string()),
        "instruments": r.instruments,
        "per_state": per_state,
    });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &out)?;
    writeln!(stdout)?;
    Ok(())
}

/// `comity treaty check TREATY.toml`: validate a treaty file and state its clause in words.
pub fn check(treaty: &Path) -> anyhow::Result<()> {
    let t = load(treaty)?;
    let mut out = std::io::stdout().lock();
    let rule = &t.rule;
    let steps = |s: &[comity_core::treaty::eif::Step]| {
        s.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", then ")
    };
    let conds: Vec<String> = rule.when.iter().map(ToString::to_string).collect();
    writeln!(out, "{}: ok ({})", treaty.display(), t.info.title)?;
    writeln!(
        out,
        "enters into force when {} ({}), on the day reached by: {}",
        conds.join(" and "),
        rule.counts
            .iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        steps(&rule.date)
    )?;
    writeln!(out, "for a state depositing later: {}", steps(&rule.later))?;
    Ok(())
}
