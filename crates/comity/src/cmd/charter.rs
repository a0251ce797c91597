//! `comity charter check FILE`

use std::path::Path;

use anyhow::{Context, bail};
use comity_core::charter::Charter;

pub fn check(file: &Path) -> anyhow::Result<()> {
    let (name, charter) = read(file)?;
    println!(
        "{name}: valid charter of the {} ({} organs, {} decision kinds, {} criteria)",
        charter.alliance.name,
        charter.organs.len(),
        charter.decisions.len(),
        charter.criteria.len()
    );
    Ok(())
}

/// Read and validate a charter file; every problem is reported, each with file, line and field.
pub fn read(file: &Path) -> anyhow::Result<(String, Charter)> {
    let name = file.display().to_string();
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read charter {name}"))?;
    match Charter::parse(&name, &text) {
        Ok(c) => Ok((name, c)),
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("{e}");
            }
            let n = errors.0.len();
            bail!(
                "{name}: {n} problem{} found; the charter is not valid",
                if n == 1 { "" } else { "s" }
            )
        }
    }
}
