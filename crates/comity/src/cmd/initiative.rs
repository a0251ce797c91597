//! `comity initiative check RULE.toml COUNTS.csv --registered YYYY-MM-DD`: would this
//! distribution of signatures pass, for an initiative registered on that day? The rule file
//! gives the total, the members' minimums in date-versioned tables and how many members must
//! meet theirs (`initiatives/eci.toml`: the European Citizens' Initiative); the counts are a
//! CSV `country,signatures`. A bad row is named by file, line and field, and the good rows
//! are counted.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::ids::Day;
use comity_core::initiatives::Rule;
use serde_json::json;

pub fn check_cmd(
    rule: &Path,
    counts: &Path,
    registered: &str,
    json_out: bool,
) -> anyhow::Result<()> {
    let day = Day::parse(registered.trim())
        .map_err(|e| anyhow::anyhow!("--registered: {e} (YYYY-MM-DD)"))?;
    let rule_shown = rule.display().to_string();
    let text = std::fs::read_to_string(rule).with_context(|| format!("reading {rule_shown}"))?;
    let rule = Rule::parse(&rule_shown, &text).map_err(|e| anyhow::anyhow!("{e}"))?;
    let Some(table) = rule.table_on(day) else {
        bail!(
            "{rule_shown}: no table applies to a registration on {day} (the tables begin on {})",
            rule.tables
                .first()
                .map_or_else(String::new, |t| t.valid_from.to_string())
        );
    };
    let shown = counts.display().to_string();
    let bytes = std::fs::read(counts).with_context(|| format!("reading {shown}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .with_context(|| format!("{shown}, line 1: reading the header"))?
        .clone();
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(country_col), Some(count_col)) = (col("country"), col("signatures")) else {
        bail!("{shown}, line 1: the header needs the columns country and signatures");
    };
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    let mut bad = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let row = record.map_err(|e| e.to_string()).and_then(|r| {
            let line = r.position().map_or(line, |p| p.line());
            let country = r.get(country_col).unwrap_or("");
            if country.is_empty() {
                return Err(format!("line {line}, field country: missing"));
            }
            let code = if table.minimums.contains_key(country) {
                country.to_owned()
            } else if table.minimums.contains_key(&country.to_uppercase()) {
                country.to_uppercase()
            } else {
                return Err(format!(
                    "line {line}, field country: {country:?} is not a member in the table in force on {day}"
                ));
            };
            let n: u64 = r.get(count_col).unwrap_or("").parse().map_err(|_| {
                format!(
                    "line {line}, field signatures: {:?} is not a whole number",
                    r.get(count_col).unwrap_or("")
                )
            })?;
            Ok((code, n))
        });
        match row {
            Ok((code, n)) => *totals.entry(code).or_default() += n,
            Err(why) => {
                bad += 1;
                eprintln!("{shown}, {why}");
            }
        }
    }
    let v = rule.check(day, &totals)?;
    let mut out = std::io::stdout().lock();
    if json_out {
        writeln!(
            out,
            "{}",
            json!({
                "passes": v.passes,
                "total": v.total,
                "members_meeting_minimum": v.members_meeting_minimum,
                "required_members": v.required_members,
            })
        )?;
    } else {
        writeln!(
            out,
            "{}: {} signatures of {} required; {} of {} required members meet their minimum ({}); table from {}",
            if v.passes { "passes" } else { "does not pass" },
            v.total,
            rule.total,
            v.members_meeting_minimum.len(),
            v.required_members,
            v.members_meeting_minimum.join(", "),
            v.table_from
        )?;
        for (code, min) in &table.minimums {
            let n = totals.get(code).copied().unwrap_or(0);
            writeln!(
                out,
                "  {code}  {n:>10} / {min:>8}  {}",
                if n >= *min { "meets" } else { "short" }
            )?;
        }
    }
    if bad > 0 {
        eprintln!("{shown}: {bad} row(s) could not be read; the others were counted");
    }
    Ok(())
}
