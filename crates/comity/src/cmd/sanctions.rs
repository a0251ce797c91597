//! `comity sanctions compare PAIRS.csv`: two names per row compared by `comity-matching`,
//! each with its score, its verdict at the default threshold and the explanation (the words
//! paired and how, the words in conflict, the words only one side has, the scripts). A row
//! that cannot be compared is reported by file, line and field, in its place, and the others
//! are compared.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_matching::{Comparison, Name, Schema, compare, scripts};
use serde_json::{Value, json};

/// The comparison as JSON: `{"score", "match", "explanation"}`.
pub fn comparison_json(schema: Schema, a: &Name, b: &Name, c: &Comparison) -> Value {
    let script_codes =
        |n: &Name| -> Vec<&str> { scripts(&n.original).into_iter().map(|s| s.code()).collect() };
    json!({
        "score": c.score,
        "match": c.verdict() == comity_matching::Verdict::Match,
        "explanation": {
            "verdict": c.verdict().code(),
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
        },
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
