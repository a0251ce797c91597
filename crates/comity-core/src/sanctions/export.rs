//! The consolidated list in open formats: FollowTheMoney JSON lines (each target, and a
//! `Sanction` naming the alliance as authority, the programme, the reasons and the dates) and
//! CSV (one row per target), written from the cases; each release's SHA-256 goes into the
//! journal (`Command::PublishRelease`).

use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{Case, Status, TargetSchema};
use crate::journal::Hash;

/// The id prefix of the alliance's entities: its short name in lower case, letters and
/// digits only (`aod`).
pub fn prefix(short_name: &str) -> String {
    let p: String = short_name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if p.is_empty() { "comity".into() } else { p }
}

/// The FollowTheMoney id of a case's target.
pub fn entity_id(prefix: &str, case: u64) -> String {
    format!("{prefix}-case-{case}")
}

fn put(props: &mut Map<String, Value>, key: &str, values: &[String]) {
    if !values.is_empty() {
        props.insert(key.into(), json!(values));
    }
}

/// The target of a case and its `Sanction`, as two lines of FollowTheMoney JSON.
pub fn ftm_lines(alliance: &str, prefix: &str, c: &Case) -> [String; 2] {
    let t = &c.target;
    let id = entity_id(prefix, c.id);
    let mut props = Map::new();
    put(&mut props, "name", std::slice::from_ref(&t.name));
    put(&mut props, "alias", &t.aliases);
    put(&mut props, "weakAlias", &t.weak_aliases);
    let (dates, countries) = match t.schema {
        TargetSchema::Person => ("birthDate", "nationality"),
        TargetSchema::Organization | TargetSchema::Company => ("incorporationDate", "jurisdiction"),
        TargetSchema::Vessel => ("buildDate", "flag"),
    };
    put(&mut props, dates, &t.birth_dates);
    put(&mut props, countries, &t.nationalities);
    put(&mut props, "address", &t.addresses);
    for i in &t.identifiers {
        if let Some(p) = i.kind.property(t.schema) {
            let v = props.entry(p).or_insert_with(|| json!([]));
            if let Value::Array(a) = v {
                a.push(json!(i.value));
            }
        }
    }
    props.insert("topics".into(), json!(["sanction"]));
    let target = json!({"id": id, "schema": t.schema.code(), "properties": props});
    let mut s = Map::new();
    put(&mut s, "entity", std::slice::from_ref(&id));
    put(&mut s, "authority", &[alliance.to_owned()]);
    put(
        &mut s,
        "program",
        &[format!("{alliance}: joint smart sanctions")],
    );
    put(&mut s, "programId", &c.grounds);
    put(&mut s, "reason", std::slice::from_ref(&c.reasons));
    if let Some(d) = c.listed_on() {
        put(&mut s, "listingDate", &[d.to_string()]);
        put(&mut s, "startDate", &[d.to_string()]);
    }
    if let Some(d) = c.ended {
        put(&mut s, "endDate", &[d.to_string()]);
    }
    put(
        &mut s,
        "status",
        &[match c.status() {
            Status::Delisted => "ended".to_owned(),
            _ => "active".to_owned(),
        }],
    );
    let urls: Vec<String> = c
        .evidence
        .sources
        .iter()
        .filter_map(|s| s.url.clone())
        .collect();
    put(&mut s, "sourceUrl", &urls);
    let sanction = json!({"id": format!("{id}-sanction"), "schema": "Sanction", "properties": s});
    [target.to_string(), sanction.to_string()]
}

/// The cases as FollowTheMoney JSON lines (one target and its sanction per case).
pub fn ftm(alliance: &str, short_name: &str, cases: &[&Case]) -> String {
    let p = prefix(short_name);
    let mut out = String::new();
    for c in cases {
        for line in ftm_lines(alliance, &p, c) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The columns of the CSV export.
pub const CSV_COLUMNS: [&str; 14] = [
    "id",
    "schema",
    "name",
    "aliases",
    "weak_aliases",
    "birth_dates",
    "countries",
    "identifiers",
    "addresses",
    "programs",
    "grade",
    "listed",
    "status",
    "ended",
];

/// The cases as CSV, one row per target; lists within a cell are separated by `; `.
pub fn csv(short_name: &str, cases: &[&Case]) -> String {
    let p = prefix(short_name);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![CSV_COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    for c in cases {
        let t = &c.target;
        rows.push(vec![
            entity_id(&p, c.id),
            t.schema.code().to_owned(),
            t.name.clone(),
            t.aliases.join("; "),
            t.weak_aliases.join("; "),
            t.birth_dates.join("; "),
            t.nationalities.join("; "),
            t.identifiers
                .iter()
                .map(|i| format!("{}:{}", i.kind.code(), i.value))
                .collect::<Vec<_>>()
                .join("; "),
            t.addresses.join("; "),
            c.grounds.join("; "),
            c.evidence.grade.code().to_owned(),
            c.listed_on().map(|d| d.to_string()).unwrap_or_default(),
            c.status().code().to_owned(),
            c.ended.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    for r in rows {
        // Writing to a Vec cannot fail; a row that could not be written would show as missing.
        let _ = w.write_record(&r);
    }
    w.into_inner()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// The SHA-256 of a file's bytes.
pub fn sha256(bytes: &[u8]) -> Hash {
    Hash(Sha256::digest(bytes).into())
}
