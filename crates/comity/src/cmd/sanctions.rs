//! `comity sanctions compare PAIRS.csv`: two names per row compared by `comity-matching`,
//! each with its score, its verdict at the default threshold and the explanation (the words
//! paired and how, the words in conflict, the words only one side has, the scripts). A row
//! that cannot be compared is reported by file, line and field, in its place, and the others
//! are compared.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use comity_core::ids::Day;
use comity_core::{State, Timestamp};
use comity_matching::{Comparison, Name, Schema, Scratch, Verdict, compare, scripts};
use comity_server::sanctions::screening::{
    ReadList, Row, ScreenLine, hit_out, read_list, read_queries,
};
use comity_server::sanctions::view;
use comity_store::{OpenMode, Store};
use serde_json::{Value, json};

/// The comparison as JSON: `{"score", "match", "explanation"}`.
pub fn comparison_json(schema: Schema, a: &Name, b: &Name, c: &Comparison) -> Value {
    json!({
        "score": c.score,
        "match": c.verdict() == comity_matching::Verdict::Match,
        "explanation": explanation_json(schema, a, b, c, c.verdict()),
    })
}

/// Why two names scored as they did: the words paired and how, the words in conflict, the
/// words only one side has, both names folded, and their scripts.
pub fn explanation_json(schema: Schema, a: &Name, b: &Name, c: &Comparison, v: Verdict) -> Value {
    let script_codes =
        |n: &Name| -> Vec<&str> { scripts(&n.original).into_iter().map(|s| s.code()).collect() };
    json!({
            "verdict": v.code(),
            "schema": schema.code(),
            "pairs": c.pairs.iter().map(|p| json!({
                "left": p.left,
                "right": p.right,
                "similarity": (p.similarity * 1e4).round() / 1e4,
                "how": p.how.code(),
            })).collect::<Vec<_>>(),
            "conflicts": c.conflicts.iter().map(|(l, r)| json!([l, r])).collect::<Vec<_>>(),
            "missing": {"left": c.missing_left, "right": c.missing_right},
            "folded": {"left": a.folded(), "right": b.folded()},
            "scripts": {"left": script_codes(a), "right": script_codes(b)},
    })
}

/// The column of `name` in the header (any case, spaces around ignored).
fn column(header: &csv::StringRecord, name: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

/// In OFAC-parity mode, a pair is a match from this SLS score (the slider at 80).
pub const OFAC_MATCH: u32 = 80;

/// The comparison in OFAC-parity mode: the score SLS would give (as a fraction), a match from
/// [`OFAC_MATCH`], and the SLS score itself (`null` where SLS would not list the result).
pub fn ofac_json(schema: Schema, a: &str, b: &str) -> Value {
    let o = comity_matching::ofac::ofac_score(a, b);
    let score = f64::from(o.unwrap_or(0)) / 100.0;
    json!({
        "score": score,
        "match": o.is_some_and(|x| x >= OFAC_MATCH),
        "explanation": {
            "mode": "ofac",
            "schema": schema.code(),
            "ofac_score": o,
            "listed": o.is_some(),
        },
    })
}

pub fn compare_cmd(file: &Path, json_out: bool, ofac: bool) -> anyhow::Result<()> {
    let shown = file.display().to_string();
    let bytes = std::fs::read(file).with_context(|| format!("reading {shown}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .with_context(|| format!("{shown}: reading the header"))?
        .clone();
    let (Some(n1), Some(n2)) = (column(&header, "name1"), column(&header, "name2")) else {
        bail!("{shown}, line 1: the header needs columns name1 and name2 (and schema)");
    };
    let schema_col = column(&header, "schema");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut bad = 0;
    for record in reader.records() {
        let (line, row) = match record {
            Ok(r) => (r.position().map_or(0, |p| p.line()), Ok(r)),
            Err(e) => (e.position().map_or(0, |p| p.line()), Err(e.to_string())),
        };
        let compared = row.and_then(|r| {
            let field = |i: usize, name: &str| match r.get(i).map(str::trim) {
                Some(v) if !v.is_empty() => Ok(v.to_owned()),
                _ => Err(format!("field {name}: missing")),
            };
            let schema = match schema_col.map(|i| r.get(i).unwrap_or("").trim()) {
                None | Some("") => Schema::LegalEntity,
                Some(s) => Schema::parse(s).map_err(|e| format!("field schema: {e}"))?,
            };
            let (a, b) = (field(n1, "name1")?, field(n2, "name2")?);
            let (a, b) = (Name::parse(&a, schema), Name::parse(&b, schema));
            let c = compare(&a, &b);
            Ok((schema, a, b, c))
        });
        match compared {
            Ok((schema, a, b, _)) if ofac => {
                let doc = ofac_json(schema, &a.original, &b.original);
                if json_out {
                    writeln!(out, "{doc}")?;
                } else {
                    writeln!(
                        out,
                        "{:>4}  {} / {}",
                        doc["explanation"]["ofac_score"], a.original, b.original
                    )?;
                }
            }
            Ok((schema, a, b, c)) => {
                if json_out {
                    writeln!(out, "{}", comparison_json(schema, &a, &b, &c))?;
                } else {
                    writeln!(
                        out,
                        "{:.4}  {:<8}  {} / {}",
                        c.score,
                        c.verdict().code(),
                        a.original,
                        b.original
                    )?;
                }
            }
            Err(why) => {
                bad += 1;
                eprintln!("{shown}, line {line}: {why}");
                if json_out {
                    writeln!(out, "{}", json!({"error": why, "line": line}))?;
                } else {
                    writeln!(out, "error  line {line}: {why}")?;
                }
            }
        }
    }
    out.flush()?;
    if bad > 0 {
        eprintln!("{shown}: {bad} row(s) could not be compared; the others were");
    }
    Ok(())
}

/// The arguments of `comity sanctions screen`.
#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    /// The list: FollowTheMoney JSON lines (persons, organisations, companies, legal entities
    /// and vessels are screened; `Sanction` entities give each target's programmes).
    #[arg(long)]
    pub list: PathBuf,
    /// The queries: CSV with a header `id,name[,birth_date][,country][,schema]`.
    pub queries: PathBuf,
    /// json (one object per query, in order) or text.
    #[arg(long, default_value = "json", value_parser = ["json", "text"])]
    pub format: String,
    /// Report hits from this score up (default: the "possible" threshold, 0.5).
    #[arg(long, default_value_t = comity_matching::FLOOR)]
    pub threshold: f64,
    /// Compare every query with every listed name instead of the names sharing a key with it
    /// (slow; how the blocking is checked).
    #[arg(long)]
    pub exhaustive: bool,
    /// Show progress on stderr even when it is not a terminal.
    #[arg(long)]
    pub progress: bool,
}

/// Read a FollowTheMoney list file; a bad line is reported on stderr (file, line, field)
/// and skipped.
fn read_list_file(path: &Path) -> anyhow::Result<ReadList> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {shown}"))?;
    let read = read_list(&text);
    for e in &read.errors {
        eprintln!("{shown}, {e}");
    }
    Ok(read)
}

fn read_queries_file(path: &Path) -> anyhow::Result<Vec<Row>> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("reading {shown}"))?;
    read_queries(&bytes).map_err(|e| anyhow::anyhow!("{shown}, {e}"))
}

pub fn screen_cmd(args: &ScreenArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let read = read_list_file(&args.list)?;
    let list = &read.list;
    let (names, keys) = list.size();
    eprintln!(
        "{}: {} entities to screen ({} names and aliases under {} keys), {} lines read, {} bad",
        args.list.display(),
        list.entities().len(),
        names,
        keys,
        read.lines,
        read.bad
    );
    let rows = read_queries_file(&args.queries)?;
    let shown = args.queries.display().to_string();
    let show = args.progress || std::io::stderr().is_terminal();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let json_out = args.format == "json";
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut done, mut with_hits, mut bad) = (0usize, 0usize, 0usize);
    let one = |row: &Row, scratch: &mut Scratch| -> (String, bool) {
        match &row.query {
            Err(why) => {
                let text = if json_out {
                    json!({"id": row.id, "line": row.line, "error": why}).to_string()
                } else {
                    format!("{}\terror  line {}: {why}", row.id, row.line)
                };
                (text, false)
            }
            Ok(q) => {
                let hits = if args.exhaustive {
                    list.screen_exhaustive(q, args.threshold)
                } else {
                    list.screen_with(q, args.threshold, scratch)
                };
                let any = !hits.is_empty();
                let text = if json_out {
                    let line = ScreenLine {
                        id: &row.id,
                        name: &q.name,
                        hits: hits
                            .iter()
                            .map(|h| hit_out(list, &read.programs, q, h))
                            .collect(),
                    };
                    serde_json::to_string(&line).unwrap_or_default()
                } else {
                    let mut t = format!("{}\t{}", row.id, q.name);
                    for h in &hits {
                        let e = &list.entities()[h.entity];
                        t.push_str(&format!(
                            "\n  {:.4}  {:<8}  {} ({})",
                            h.score,
                            Verdict::of(h.score).code(),
                            e.caption,
                            e.id
                        ));
                    }
                    t
                };
                (text, any)
            }
        }
    };
    for chunk in rows.chunks(8192) {
        let per = chunk.len().div_ceil(threads).max(1);
        let parts: Vec<Vec<(String, bool)>> = std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(per)
                .map(|part| {
                    s.spawn(|| {
                        let mut scratch = Scratch::default();
                        part.iter()
                            .map(|r| one(r, &mut scratch))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for (row, (text, any)) in chunk.iter().zip(parts.into_iter().flatten()) {
            if let Err(why) = &row.query {
                bad += 1;
                eprintln!("{shown}, line {}: {why}", row.line);
            }
            with_hits += usize::from(any);
            writeln!(out, "{text}")?;
        }
        done += chunk.len();
        if show {
            eprint!(
                "\rscreened {done} / {} ({:.0} %)",
                rows.len(),
                100.0 * done as f64 / rows.len().max(1) as f64
            );
        }
    }
    out.flush()?;
    if show {
        eprintln!();
    }
    eprintln!(
        "{shown}: {done} queries screened in {:.1} s, {with_hits} with hits from {}, {bad} bad",
        started.elapsed().as_secs_f64(),
        args.threshold
    );
    Ok(())
}

/// `comity sanctions export --format ftm|csv [-o FILE]`: the consolidated list from the
/// database (every case ever listed, with its status and end date), as FollowTheMoney JSON
/// lines or CSV; with `-o`, the file's SHA-256 is printed (what a release records).
pub async fn export_cmd(database: &str, format: &str, output: Option<&Path>) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    let state = store.load_state().await?;
    let (ftm, csv) = view::files(&state);
    let body = match format {
        "ftm" => ftm,
        "csv" => csv,
        other => bail!("--format: {other:?} is not ftm or csv"),
    };
    match output {
        Some(path) => {
            std::fs::write(path, &body).with_context(|| format!("writing {}", path.display()))?;
            println!(
                "{}: {} bytes, sha256 {}",
                path.display(),
                body.len(),
                comity_core::sanctions::export::sha256(body.as_bytes())
            );
        }
        None => std::io::stdout().lock().write_all(body.as_bytes())?,
    }
    Ok(())
}

/// Every case as the API gives it (target, grounds, evidence, decision, each member's
/// national act with its lag and whether it is overdue, reviews) and the consistency check,
/// on `today`: what `comity sanctions status` prints from a database and `comity replay
/// --sanctions` from a journal alone.
pub fn status_document(state: &State, today: Day) -> Value {
    json!({
        "day": today.to_string(),
        "cases": state.sanctions.cases.values().map(|c| view::detail(state, c, today)).collect::<Vec<_>>(),
        "inconsistencies": view::inconsistencies(state, today),
        "releases": state.sanctions.releases.iter().map(|r| json!({
            "release": r.release,
            "cases": r.cases,
            "ftm_sha256": r.ftm_sha256.to_string(),
            "csv_sha256": r.csv_sha256.to_string(),
        })).collect::<Vec<_>>(),
    })
}

fn day(at: Option<&str>, now: Timestamp) -> anyhow::Result<Day> {
    match at {
        Some(s) => Day::parse(s).map_err(|e| anyhow::anyhow!("--at: {e}")),
        None => Day::of(now).context("the clock is outside the calendar"),
    }
}

pub async fn status_cmd(database: &str, at: Option<&str>, now: Timestamp) -> anyhow::Result<()> {
    let today = day(at, now)?;
    let store = Store::open(database, OpenMode::MustExist).await?;
    let state = store.load_state().await?;
    writeln!(
        std::io::stdout().lock(),
        "{}",
        status_document(&state, today)
    )?;
    Ok(())
}

/// `comity replay --file F --sanctions`: the status document re-derived from an exported
/// journal alone.
pub fn replay(file: &Path, at: Option<&str>, now: Timestamp) -> anyhow::Result<()> {
    let today = day(at, now)?;
    let mut state = State::new();
    let head = super::journal::read_file(file, |e| state.apply(e).map_err(Into::into))?;
    eprintln!(
        "replayed {} entries from {}, head {}",
        head.seq,
        file.display(),
        head.hash
    );
    writeln!(
        std::io::stdout().lock(),
        "{}",
        status_document(&state, today)
    )?;
    Ok(())
}

/// Read a FollowTheMoney file for a diff: its entities, each bad line reported on stderr.
fn read_entities(path: &Path) -> anyhow::Result<Vec<comity_matching::ftm::FtmEntity>> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {shown}"))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match comity_matching::ftm::read_line(line) {
            Ok(e) => out.push(e),
            Err(e) => eprintln!("{shown}, line {}, {e}", i + 1),
        }
    }
    Ok(out)
}

/// `comity sanctions diff OLD.jsonl NEW.jsonl`: what changed between two releases of a
/// FollowTheMoney list — entities added, removed, and changed property by property.
pub fn diff_cmd(old: &Path, new: &Path, json_out: bool) -> anyhow::Result<()> {
    let d = comity_matching::ftm::diff(&read_entities(old)?, &read_entities(new)?);
    let mut out = std::io::stdout().lock();
    if json_out {
        let doc = json!({
            "added": d.added,
            "removed": d.removed,
            "changed": d.changed.iter().map(|(id, changes)| json!({
                "id": id,
                "changes": changes.iter().map(|c| json!({
                    "property": c.property,
                    "removed": c.removed,
                    "added": c.added,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        writeln!(out, "{doc}")?;
    } else {
        for id in &d.added {
            writeln!(out, "+ {id}")?;
        }
        for id in &d.removed {
            writeln!(out, "- {id}")?;
        }
        for (id, changes) in &d.changed {
            writeln!(out, "~ {id}")?;
            for c in changes {
                for v in &c.removed {
                    writeln!(out, "    - {}: {v}", c.property)?;
                }
                for v in &c.added {
                    writeln!(out, "    + {}: {v}", c.property)?;
                }
            }
        }
    }
    Ok(())
}
