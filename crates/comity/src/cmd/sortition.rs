//! `comity sortition select INSTANCE_DIR`: the fairest distribution over quota-meeting
//! panels for an instance in the peers' format, every volunteer's probability, and the panel
//! a seed draws, as JSON.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use comity_sortition::{
    Algorithm, Instance, Progress, ReadOptions, Selection, Source, panel_size_from_json, select,
};
use serde_json::{Map, Value, json};

/// What `select` was asked.
#[derive(Debug, clap::Args)]
pub struct SelectArgs {
    /// Directory with people.csv (id + one column per feature), categories.csv (feature,value,min,max) and instance.json (panel_size).
    pub dir: PathBuf,
    /// leximin, maximin or nash.
    #[arg(long, default_value = "leximin")]
    pub algorithm: String,
    /// The published seed the panel is drawn from.
    #[arg(long, default_value = "1")]
    pub seed: String,
    /// Override instance.json's panel_size.
    #[arg(long)]
    pub panel_size: Option<usize>,
    /// Column of people.csv naming each volunteer's household: at most one per household on a panel.
    #[arg(long)]
    pub household_column: Option<String>,
    /// Write the full JSON here and print a one-line summary.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Report progress on standard error (always when it is a terminal).
    #[arg(long)]
    pub progress: bool,
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Reads an instance directory (`people.csv`, `categories.csv`, `instance.json`).
pub fn read_instance(
    dir: &Path,
    panel_size: Option<usize>,
    household_column: Option<String>,
) -> anyhow::Result<Instance> {
    let people_path = dir.join("people.csv");
    let categories_path = dir.join("categories.csv");
    let people = read(&people_path)?;
    let categories = read(&categories_path)?;
    let size = match panel_size {
        Some(k) => k,
        None => {
            let path = dir.join("instance.json");
            let text = read(&path)?;
            let name = path.display().to_string();
            panel_size_from_json(Source {
                name: &name,
                text: &text,
            })?
        }
    };
    let (pn, cn) = (
        people_path.display().to_string(),
        categories_path.display().to_string(),
    );
    Ok(Instance::parse(
        Source {
            name: &pn,
            text: &people,
        },
        Source {
            name: &cn,
            text: &categories,
        },
        size,
        &ReadOptions { household_column },
    )?)
}

/// The result as the measuring harness reads it (`pool_size`, `panel_size`, `algorithm`,
/// `seconds`, `probabilities`, `min_probability`, `panels`, `panel`) plus the draw.
pub fn result_json(instance: &Instance, selection: &Selection, seed: &str, seconds: f64) -> Value {
    let ids = |members: &[usize]| -> Vec<Value> {
        members
            .iter()
            .map(|&i| Value::String(instance.people[i].id.clone()))
            .collect()
    };
    let mut probabilities = Map::new();
    for (person, p) in instance.people.iter().zip(&selection.probabilities) {
        probabilities.insert(person.id.clone(), json!(p));
    }
    let drawn = selection.draw(seed.as_bytes());
    let panels: Vec<Value> = selection
        .panels
        .iter()
        .map(|p| json!({"weight": p.weight, "members": ids(&p.members)}))
        .collect();
    let max = selection.probabilities.iter().copied().fold(0.0, f64::max);
    json!({
        "pool_size": instance.people.len(),
        "panel_size": instance.panel_size,
        "quota_rows": instance.quota_rows(),
        "algorithm": selection.algorithm.name(),
        "seconds": seconds,
        "types": selection.types,
        "configurations": selection.configurations,
        "min_probability": selection.min_probability(),
        "max_probability": max,
        "mean_probability": instance.panel_size as f64 / instance.people.len() as f64,
        "probabilities": probabilities,
        "panels": panels,
        "seed": seed,
        "draw": {"unit": comity_sortition::seed_to_unit(seed.as_bytes()), "panel_index": drawn},
        "panel": selection.panels.get(drawn).map(|p| ids(&p.members)).unwrap_or_default(),
    })
}

pub fn select_cmd(args: SelectArgs) -> anyhow::Result<()> {
    let Some(algorithm) = Algorithm::parse(&args.algorithm) else {
        bail!(
            "--algorithm: {:?} is not one of leximin, maximin, nash",
            args.algorithm
        );
    };
    let instance = read_instance(&args.dir, args.panel_size, args.household_column)?;
    let show = args.progress || std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut steps = 0usize;
    let mut report = |p: Progress| {
        steps += 1;
        if show && steps % 20 == 1 {
            eprintln!(
                "stage {}: {}/{} types fixed, {} panels found, level {:.6} ({:.1} s)",
                p.stage,
                p.fixed,
                p.types,
                p.configurations,
                p.level,
                started.elapsed().as_secs_f64()
            );
        }
    };
    let selection = select(&instance, algorithm, &mut report)?;
    let seconds = started.elapsed().as_secs_f64();
    let result = result_json(&instance, &selection, &args.seed, seconds);
    let mut out = std::io::stdout().lock();
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            serde_json::to_writer(&mut w, &result)?;
            w.flush()?;
            writeln!(
                out,
                "{}: pool {}, panel {}, {} types, {} configurations, {} panels, min probability {:.6}, {:.2} s",
                algorithm.name(),
                instance.people.len(),
                instance.panel_size,
                selection.types,
                selection.configurations,
                selection.panels.len(),
                selection.min_probability(),
                seconds
            )?;
        }
        None => {
            serde_json::to_writer(&mut out, &result)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `comity sortition verify --file JOURNAL.jsonl`: rebuild the state from an exported journal
/// alone and, for every draw, check that the seed opens the commitment published before it,
/// re-run the selection on the recorded pool and quotas, re-draw from the seed, and compare
/// the panel and every probability with what the journal records.
pub fn verify(file: &Path) -> anyhow::Result<()> {
    let mut state = comity_core::State::new();
    // The state keeps each pool's digest, not its volunteers: collect them as the file is read.
    let mut pools = comity_core::assembly::Pools::default();
    let head = super::journal::read_file(file, |e| {
        state.apply(e)?;
        if let Ok(event) = comity_core::Event::from_parts(&e.kind, &e.payload) {
            pools.observe(&event);
        }
        Ok(())
    })?;
    let charter = state.charter.as_ref().map(|c| &c.charter);
    let mut out = std::io::stdout().lock();
    let mut checked = 0;
    for (organ, assembly) in &state.assemblies {
        let Some((_, rules)) = charter.and_then(|c| c.by_lot(organ)) else {
            bail!("{organ}: the charter gives it no sortition quotas");
        };
        for draw in assembly.draws.values() {
            let Some(result) = &draw.result else {
                writeln!(
                    out,
                    "{organ} draw {}: committed ({}), not yet drawn",
                    draw.number, draw.commitment
                )?;
                continue;
            };
            if comity_core::assembly::commitment(&result.seed) != draw.commitment {
                bail!(
                    "{organ} draw {}: the seed does not open the commitment",
                    draw.number
                );
            }
            let Some(algorithm) = Algorithm::parse(&draw.algorithm) else {
                bail!(
                    "{organ} draw {}: unknown algorithm {:?}",
                    draw.number,
                    draw.algorithm
                );
            };
            let pool = pools.first(organ, draw.pool);
            if !comity_core::assembly::pool_matches(pool, draw.pool, draw.digest) {
                bail!(
                    "{organ} draw {}: the journal's volunteers do not give the pool the commitment closed",
                    draw.number
                );
            }
            if let Err(why) =
                comity_core::assembly::check_panel(rules, pool, draw.panel_size, &result.panel)
            {
                bail!(
                    "{organ} draw {}: the recorded panel is not valid: {why}",
                    draw.number
                );
            }
            let instance = comity_core::assembly::instance(rules, pool, draw.panel_size);
            let started = Instant::now();
            let selection = select(&instance, algorithm, &mut |_| {})?;
            let index = selection.draw(result.seed.as_bytes());
            let panel: Vec<u64> = selection
                .panels
                .get(index)
                .map(|p| p.members.iter().map(|&i| i as u64 + 1).collect())
                .unwrap_or_default();
            if panel != result.panel {
                bail!(
                    "{organ} draw {}: the seed draws {panel:?}, the journal records {:?}",
                    draw.number,
                    result.panel
                );
            }
            // Probabilities agree to within a millionth (solver round-off, not a different draw).
            let worst = selection
                .probabilities
                .iter()
                .zip(&result.probabilities_ppt)
                .map(|(p, &r)| (p - r as f64 / 1e12).abs())
                .fold(0.0, f64::max);
            if result.probabilities_ppt.len() != selection.probabilities.len() || worst > 1e-6 {
                bail!(
                    "{organ} draw {}: recomputed probabilities differ from the journal's by up to {worst:e}",
                    draw.number
                );
            }
            writeln!(
                out,
                "{organ} draw {}: seed opens commitment {}; {} algorithm over {} volunteers recomputed in {:.2} s \
                 (min probability {:.6}, probabilities agree within {worst:.1e}); the seed draws the recorded panel of {}",
                draw.number,
                draw.commitment,
                draw.algorithm,
                draw.pool,
                started.elapsed().as_secs_f64(),
                selection.min_probability(),
                result.panel.len()
            )?;
            checked += 1;
        }
    }
    writeln!(
        out,
        "verified {checked} draw(s) from {} ({} entries, head {})",
        file.display(),
        head.seq,
        head.hash
    )?;
    Ok(())
}
