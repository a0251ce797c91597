//! Screening names against a list, shared by the CLI (`comity sanctions screen`), the web
//! form and the API: a FollowTheMoney list read line by line (bad lines named and skipped),
//! queries read from CSV (bad rows named by field, in their place), the consolidated list of
//! the cases in force, and each hit written with its explanation.

use std::collections::BTreeMap;

use comity_matching::{Entity, Hit, List, Query, Schema, Verdict, ftm, scripts};
use serde::Serialize;

/// The column of `name` in the header (any case, spaces around ignored).
fn column(header: &csv::StringRecord, name: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name))
}

/// A list read from FollowTheMoney JSON lines: what is screened, and each target's
/// programmes from the `Sanction` entities that name it.
pub struct ReadList {
    pub list: List,
    pub programs: BTreeMap<String, Vec<String>>,
    pub lines: usize,
    pub bad: usize,
    /// What was wrong with each bad line: `line N, field F: …`.
    pub errors: Vec<String>,
}

/// Read a FollowTheMoney list from its text; a bad line is kept in `errors` (`line N, field
/// F: …`) and skipped.
pub fn read_list(text: &str) -> ReadList {
    let mut errors = Vec::new();
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
                errors.push(format!("line {}, {e}", i + 1));
            }
        }
    }
    ReadList {
        list: List::new(entities),
        programs,
        lines,
        bad,
        errors,
    }
}

/// One row of the queries: its line, its id, and the query or what is wrong with it.
pub struct Row {
    pub line: u64,
    pub id: String,
    pub query: Result<Query, String>,
}

/// Read the queries, a CSV with a header `id,name[,birth_date][,country][,schema]`: each
/// row a query or what is wrong with it (by field); `Err` only when the header does not read.
pub fn read_queries(bytes: &[u8]) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| format!("line 1: reading the header: {e}"))?
        .clone();
    let Some(name_col) = column(&header, "name") else {
        return Err(
            "line 1: the header needs a column name (and id, birth_date, country, schema)".into(),
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
pub struct ScreenLine<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub hits: Vec<HitOut<'a>>,
}

/// The alliance's consolidated list, the cases in force, ready to screen against; with each
/// target's programme (its grounds).
pub fn consolidated(state: &comity_core::State) -> (List, BTreeMap<String, Vec<String>>) {
    use comity_core::sanctions::{TargetSchema, export};
    let short = state
        .charter
        .as_ref()
        .map_or("comity", |c| c.charter.alliance.short_name.as_str());
    let prefix = export::prefix(short);
    let mut programs = BTreeMap::new();
    let entities = state
        .sanctions
        .in_force()
        .map(|c| {
            let t = &c.target;
            let id = export::entity_id(&prefix, c.id);
            programs.insert(id.clone(), c.grounds.clone());
            let mut names = vec![t.name.clone()];
            names.extend(t.aliases.iter().cloned());
            Entity {
                id,
                schema: match t.schema {
                    TargetSchema::Person => Schema::Person,
                    TargetSchema::Organization => Schema::Organization,
                    TargetSchema::Company => Schema::Company,
                    TargetSchema::Vessel => Schema::Vessel,
                },
                caption: t.name.clone(),
                names,
                weak_aliases: t.weak_aliases.clone(),
                birth_dates: t.birth_dates.clone(),
                countries: t.nationalities.clone(),
            }
        })
        .collect();
    (List::new(entities), programs)
}
