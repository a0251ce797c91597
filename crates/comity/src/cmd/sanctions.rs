//! `comity sanctions compare PAIRS.csv`: two names per row compared by `comity-matching`,
//! each with its score, its verdict at the default threshold and the explanation (the words
//! paired and how, the words in conflict, the words only one side has, the scripts). A row
//! that cannot be compared is reported by file, line and field, in its place, and the others
//! are compared.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use comity_matching::{
    Comparison, Hit, List, Name, Query, Schema, Scratch, Verdict, compare, ftm, scripts,
};
use serde::Serialize;
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

pub fn compare_cmd(file: &Path, json_out: bool) -> anyhow::Result<()> {
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

/// A list read from FollowTheMoney JSON lines: what is screened, and each target's
/// programmes from the `Sanction` entities that name it.
pub struct ReadList {
    pub list: List,
    pub programs: BTreeMap<String, Vec<String>>,
    pub lines: usize,
    pub bad: usize,
}

/// Read a FollowTheMoney list; a bad line is reported (file, line, field) and skipped.
pub fn read_list(path: &Path) -> anyhow::Result<ReadList> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {shown}"))?;
    let mut entities = Vec::new();
    let mut programs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let (mut lines, mut bad) = (0, 0);
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        lines += 1;
        match ftm::read_line(line) {
            Ok(e) => {
                if ftm::schema(&e.schema).is_some_and(|s| s.is_a("Sanction")) {
                    let named: Vec<String> = e
                        .values("program")
                        .iter()
                        .chain(e.values("programId"))
                        .chain(e.values("authority"))
                        .take(1)
                        .cloned()
                        .collect();
                    for target in e.values("entity") {
                        programs
                            .entry(target.clone())
                            .or_default()
                            .extend(named.iter().cloned());
                    }
                } else if let Some(s) = e.screening() {
                    entities.push(s);
                }
            }
            Err(e) => {
                bad += 1;
                eprintln!("{shown}, line {}, {e}", i + 1);
            }
        }
    }
    Ok(ReadList {
        list: List::new(entities),
        programs,
        lines,
        bad,
    })
}

/// One row of the queries: its line, its id, and the query or what is wrong with it.
struct Row {
    line: u64,
    id: String,
    query: Result<Query, String>,
}

fn read_queries(path: &Path) -> anyhow::Result<Vec<Row>> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("reading {shown}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .with_context(|| format!("{shown}: reading the header"))?
        .clone();
    let Some(name_col) = column(&header, "name") else {
        bail!(
            "{shown}, line 1: the header needs a column name (and id, birth_date, country, schema)"
        );
    };
    let [id_col, birth_col, country_col, schema_col] =
        ["id", "birth_date", "country", "schema"].map(|c| column(&header, c));
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let r = match record {
            Ok(r) => r,
            Err(e) => {
                rows.push(Row {
                    line: e.position().map_or(0, |p| p.line()),
                    id: String::new(),
                    query: Err(e.to_string()),
                });
                continue;
            }
        };
        let line = r.position().map_or(i as u64 + 2, |p| p.line());
        let get = |c: Option<usize>| {
            c.and_then(|c| r.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let id = get(id_col).unwrap_or_default().to_owned();
        let query = (|| {
            let name = get(Some(name_col)).ok_or("field name: missing")?.to_owned();
            let birth_date = get(birth_col).map(str::to_owned);
            if let Some(d) = birth_date.as_deref().filter(|d| !ftm::is_iso_date(d)) {
                return Err(format!(
                    "field birth_date: {d:?} is not an ISO 8601 date (1970, 1970-05 or 1970-05-17)"
                ));
            }
            let schema = get(schema_col)
                .map(Schema::parse)
                .transpose()
                .map_err(|e| format!("field schema: {e}"))?;
            Ok(Query {
                name,
                schema,
                birth_date,
                country: get(country_col).map(str::to_ascii_lowercase),
            })
        })();
        rows.push(Row {
            line,
            id,
            query: query.map_err(|e: String| e),
        });
    }
    Ok(rows)
}

/// A hit as written: the entity, the score and verdict, and why.
#[derive(Serialize)]
pub struct HitOut<'a> {
    pub entity: &'a str,
    pub caption: &'a str,
    pub schema: &'static str,
    pub score: f64,
    #[serde(rename = "match")]
    pub is_match: bool,
    pub verdict: &'static str,
    pub explanation: HitWhy<'a>,
}

/// Why a hit scored as it did.
#[derive(Serialize)]
pub struct HitWhy<'a> {
    /// The listed name that scored best, and whether it is a weak alias.
    pub name: &'a str,
    pub weak_alias: bool,
    pub name_score: f64,
    pub pairs: Vec<PairOut<'a>>,
    pub conflicts: &'a [(String, String)],
    pub missing: Sides<&'a [String]>,
    pub folded: Sides<&'a str>,
    pub scripts: Sides<Vec<&'static str>>,
    pub qualifiers: Vec<QualifierOut<'a>>,
    pub programs: &'a [String],
}

#[derive(Serialize)]
pub struct Sides<T> {
    pub left: T,
    pub right: T,
}

#[derive(Serialize)]
pub struct PairOut<'a> {
    pub left: &'a str,
    pub right: &'a str,
    pub similarity: f64,
    pub how: &'static str,
}

#[derive(Serialize)]
pub struct QualifierOut<'a> {
    pub feature: &'static str,
    pub effect: f64,
    pub query: &'a str,
    pub list: &'a [String],
}

/// A hit of `q` as written.
pub fn hit_out<'a>(
    list: &'a List,
    programs: &'a BTreeMap<String, Vec<String>>,
    q: &'a Query,
    h: &'a Hit,
) -> HitOut<'a> {
    let e = &list.entities()[h.entity];
    let verdict = Verdict::of(h.score);
    let codes =
        |s: &str| -> Vec<&'static str> { scripts(s).into_iter().map(|s| s.code()).collect() };
    let c = &h.comparison;
    HitOut {
        entity: &e.id,
        caption: &e.caption,
        schema: e.schema.code(),
        score: h.score,
        is_match: verdict == Verdict::Match,
        verdict: verdict.code(),
        explanation: HitWhy {
            name: &h.name,
            weak_alias: h.weak_alias,
            name_score: h.name_score,
            pairs: c
                .pairs
                .iter()
                .map(|p| PairOut {
                    left: &p.left,
                    right: &p.right,
                    similarity: (p.similarity * 1e4).round() / 1e4,
                    how: p.how.code(),
                })
                .collect(),
            conflicts: &c.conflicts,
            missing: Sides {
                left: &c.missing_left,
                right: &c.missing_right,
            },
            folded: Sides {
                left: &h.folded.0,
                right: &h.folded.1,
            },
            scripts: Sides {
                left: codes(&q.name),
                right: codes(&h.name),
            },
            qualifiers: h
                .qualifiers
                .iter()
                .map(|x| QualifierOut {
                    feature: x.feature.code(),
                    effect: (x.effect * 1e4).round() / 1e4,
                    query: &x.query,
                    list: &x.list,
                })
                .collect(),
            programs: programs.get(&e.id).map_or(&[], Vec::as_slice),
        },
    }
}

/// One query's line: its id, its name and its hits.
#[derive(Serialize)]
struct ScreenLine<'a> {
    id: &'a str,
    name: &'a str,
    hits: Vec<HitOut<'a>>,
}

pub fn screen_cmd(args: &ScreenArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let read = read_list(&args.list)?;
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
    let rows = read_queries(&args.queries)?;
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
