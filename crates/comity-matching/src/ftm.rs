//! FollowTheMoney entities as JSON lines: read strictly (every schema and property checked
//! against FollowTheMoney's model, dates checked as ISO 8601, possibly partial), written in
//! the same form, and turned into what a screen compares.
//!
//! The model (`ftm_schemata.txt`, generated from the `followthemoney` package by
//! `scripts/ftm_schemata.py`) lists each schema with its ancestors and its properties, each
//! property marked with its type where the reader cares (dates, references, countries).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::name::Schema;
use crate::screen::Entity;

/// One entity as FollowTheMoney writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FtmEntity {
    pub id: String,
    pub schema: String,
    /// Property → values, in the order given.
    pub properties: BTreeMap<String, Vec<String>>,
}

/// What is wrong with a line, and in which field (`schema`, `properties.birthDate`…).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field {field}: {message}")]
pub struct FtmError {
    pub field: String,
    pub message: String,
}

fn err(field: impl Into<String>, message: impl Into<String>) -> FtmError {
    FtmError {
        field: field.into(),
        message: message.into(),
    }
}

/// The type of a property, where the reader checks or uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropType {
    Date,
    Entity,
    Country,
    Identifier,
    Name,
    Other,
}

/// A schema of the model: its ancestors and its properties (inherited ones included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaInfo {
    pub name: &'static str,
    pub ancestors: Vec<&'static str>,
    pub properties: BTreeMap<&'static str, PropType>,
    /// Properties every entity of the schema must have.
    pub required: Vec<&'static str>,
    /// An abstract schema (`Thing`, `Interval`) names no entity itself.
    pub abstract_: bool,
}

impl SchemaInfo {
    /// Whether the schema is `other` or descends from it.
    pub fn is_a(&self, other: &str) -> bool {
        self.name == other || self.ancestors.contains(&other)
    }
}

const SCHEMATA: &str = include_str!("ftm_schemata.txt");

fn model() -> &'static BTreeMap<&'static str, SchemaInfo> {
    static MODEL: OnceLock<BTreeMap<&'static str, SchemaInfo>> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut m = BTreeMap::new();
        for line in SCHEMATA.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(name), Some(ancestors), Some(props), Some(required), Some(flag)) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ) else {
                continue;
            };
            let required = required.split(',').filter(|r| *r != "-").collect();
            let ancestors = if ancestors == "-" {
                Vec::new()
            } else {
                ancestors.split(',').collect()
            };
            let properties = props
                .split(' ')
                .filter(|p| !p.is_empty())
                .map(|p| match p.split_once(':') {
                    Some((p, "d")) => (p, PropType::Date),
                    Some((p, "e")) => (p, PropType::Entity),
                    Some((p, "c")) => (p, PropType::Country),
                    Some((p, "i")) => (p, PropType::Identifier),
                    Some((p, "n")) => (p, PropType::Name),
                    Some((p, _)) => (p, PropType::Other),
                    None => (p, PropType::Other),
                })
                .collect();
            m.insert(
                name,
                SchemaInfo {
                    name,
                    ancestors,
                    properties,
                    required,
                    abstract_: flag == "abstract",
                },
            );
        }
        m
    })
}

/// A schema of FollowTheMoney's model, by its exact name.
pub fn schema(name: &str) -> Option<&'static SchemaInfo> {
    model().get(name)
}

/// Whether `s` is an ISO 8601 date as FollowTheMoney keeps them: a year, a month, a day,
/// possibly with a time (`1970`, `1970-05`, `1970-05-17`, `1970-05-17T10:30:00`).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    if !digits(0..4) {
        return false;
    }
    match b.len() {
        4 => true,
        7 => b[4] == b'-' && digits(5..7) && (1..=12).contains(&num(5..7)),
        10 => {
            b[4] == b'-'
                && b[7] == b'-'
                && digits(5..7)
                && digits(8..10)
                && (1..=12).contains(&num(5..7))
                && (1..=days_in(num(0..4), num(5..7))).contains(&num(8..10))
        }
        n if n >= 13 => {
            s.get(..10).is_some_and(is_iso_date)
                && b[10] == b'T'
                && b[11..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))
        }
        _ => false,
    }
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Read one line of FollowTheMoney JSON: an object with `id`, `schema` and `properties`
/// (each a list of strings; a lone string is taken as a list of one). Other top-level keys
/// (`caption`, `datasets`, `referents`…) are allowed and ignored.
pub fn read_line(line: &str) -> Result<FtmEntity, FtmError> {
    let v: Value = serde_json::from_str(line).map_err(|e| err("-", format!("not JSON: {e}")))?;
    let Value::Object(o) = v else {
        return Err(err("-", "not a JSON object"));
    };
    let text = |o: &Map<String, Value>, k: &str| match o.get(k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::String(_)) | None => Err(err(k, "missing")),
        Some(_) => Err(err(k, "not a string")),
    };
    let id = text(&o, "id")?;
    let schema_name = text(&o, "schema")?;
    let Some(info) = schema(&schema_name) else {
        return Err(err(
            "schema",
            format!("unknown schema {schema_name:?} (not in FollowTheMoney's model)"),
        ));
    };
    if info.abstract_ {
        return Err(err(
            "schema",
            format!("{schema_name} is abstract: name a schema that descends from it"),
        ));
    }
    let mut properties = BTreeMap::new();
    match o.get("properties") {
        None | Some(Value::Null) => {}
        Some(Value::Object(props)) => {
            for (p, values) in props {
                let field = format!("properties.{p}");
                let Some(kind) = info.properties.get(p.as_str()) else {
                    return Err(err(field, format!("{schema_name} has no property {p:?}")));
                };
                let list: Vec<String> = match values {
                    Value::String(s) => vec![s.clone()],
                    Value::Array(items) => items
                        .iter()
                        .map(|x| match x {
                            Value::String(s) => Ok(s.clone()),
                            _ => Err(err(field.clone(), "values must be strings")),
                        })
                        .collect::<Result<_, _>>()?,
                    _ => return Err(err(field, "must be a list of strings")),
                };
                if *kind == PropType::Date
                    && let Some(bad) = list.iter().find(|d| !is_iso_date(d))
                {
                    return Err(err(
                        field,
                        format!("{bad:?} is not an ISO 8601 date (1970, 1970-05 or 1970-05-17)"),
                    ));
                }
                properties.insert(p.clone(), list);
            }
        }
        Some(_) => return Err(err("properties", "must be an object")),
    }
    let has = |p: &&str| {
        properties
            .get(*p)
            .is_some_and(|v: &Vec<String>| v.iter().any(|x| !x.trim().is_empty()))
    };
    if let Some(missing) = info.required.iter().find(|p| !has(p)) {
        return Err(err(
            format!("properties.{missing}"),
            format!("missing: every {schema_name} needs it"),
        ));
    }
    Ok(FtmEntity {
        id,
        schema: schema_name,
        properties,
    })
}

impl FtmEntity {
    pub fn values(&self, property: &str) -> &[String] {
        self.properties.get(property).map_or(&[], Vec::as_slice)
    }

    /// The entity as one line of FollowTheMoney JSON (properties in name order).
    pub fn to_line(&self) -> String {
        let props: Map<String, Value> = self
            .properties
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| {
                (
                    k.clone(),
                    Value::Array(v.iter().cloned().map(Value::String).collect()),
                )
            })
            .collect();
        let mut o = Map::new();
        o.insert("id".into(), Value::String(self.id.clone()));
        o.insert("schema".into(), Value::String(self.schema.clone()));
        o.insert("properties".into(), Value::Object(props));
        Value::Object(o).to_string()
    }

    /// What a screen compares, for persons, organisations, companies, other legal entities
    /// and vessels; `None` for other schemas (sanctions, addresses, links).
    pub fn screening(&self) -> Option<Entity> {
        let info = schema(&self.schema)?;
        let kind = if info.is_a("Person") {
            Schema::Person
        } else if info.is_a("Company") {
            Schema::Company
        } else if info.is_a("Organization") {
            Schema::Organization
        } else if info.is_a("Vessel") {
            Schema::Vessel
        } else if info.is_a("LegalEntity") {
            Schema::LegalEntity
        } else {
            return None;
        };
        let gather = |props: &[&str]| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for p in props {
                for v in self.values(p) {
                    let v = v.trim();
                    if !v.is_empty() && !out.iter().any(|x| x == v) {
                        out.push(v.to_owned());
                    }
                }
            }
            out
        };
        let names = gather(&["name", "alias", "previousName"]);
        let weak_aliases = gather(&["weakAlias"]);
        let mut countries = gather(&[
            "nationality",
            "citizenship",
            "country",
            "jurisdiction",
            "flag",
        ]);
        for c in &mut countries {
            c.make_ascii_lowercase();
        }
        Some(Entity {
            id: self.id.clone(),
            schema: kind,
            caption: names
                .first()
                .or(weak_aliases.first())
                .cloned()
                .unwrap_or_else(|| self.id.clone()),
            names,
            weak_aliases,
            birth_dates: gather(&["birthDate", "incorporationDate"]),
            countries,
        })
    }
}

/// What changed between two releases of a list: entities added, removed, and changed
/// (property by property: the values one release has and the other not).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// (id, [(property, values removed, values added)]).
    pub changed: Vec<(String, Vec<PropertyChange>)>,
}

/// A property's values that one release has and the other not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyChange {
    pub property: String,
    pub removed: Vec<String>,
    pub added: Vec<String>,
}

/// The difference from `old` to `new`, by entity id (in id order); a schema that changed
/// shows as the property `schema`.
pub fn diff(old: &[FtmEntity], new: &[FtmEntity]) -> Diff {
    let index = |list: &[FtmEntity]| -> BTreeMap<String, FtmEntity> {
        list.iter().map(|e| (e.id.clone(), e.clone())).collect()
    };
    let (a, b) = (index(old), index(new));
    let mut d = Diff::default();
    for (id, e) in &b {
        let Some(before) = a.get(id) else {
            d.added.push(id.clone());
            continue;
        };
        let mut changes = Vec::new();
        if before.schema != e.schema {
            changes.push(PropertyChange {
                property: "schema".into(),
                removed: vec![before.schema.clone()],
                added: vec![e.schema.clone()],
            });
        }
        let props: std::collections::BTreeSet<&String> = before
            .properties
            .keys()
            .chain(e.properties.keys())
            .collect();
        for p in props {
            let (x, y) = (before.values(p), e.values(p));
            let removed: Vec<String> = x.iter().filter(|v| !y.contains(v)).cloned().collect();
            let added: Vec<String> = y.iter().filter(|v| !x.contains(v)).cloned().collect();
            if !removed.is_empty() || !added.is_empty() {
                changes.push(PropertyChange {
                    property: p.clone(),
                    removed,
                    added,
                });
            }
        }
        if !changes.is_empty() {
            d.changed.push((id.clone(), changes));
        }
    }
    d.removed = a
        .keys()
        .filter(|id| !b.contains_key(*id))
        .cloned()
        .collect();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_knows_followthemoney_s_schemata() {
        let person = schema("Person").unwrap();
        assert!(person.is_a("LegalEntity") && person.is_a("Thing"));
        assert_eq!(person.properties.get("birthDate"), Some(&PropType::Date));
        assert!(
            schema("Sanction")
                .unwrap()
                .properties
                .contains_key("program")
        );
        assert!(schema("Company").unwrap().is_a("Organization"));
        assert!(schema("Aircraft").is_none());
    }

    #[test]
    fn dates_are_iso_and_may_be_partial() {
        for ok in [
            "1970",
            "1970-05",
            "1970-05-17",
            "2000-02-29",
            "1970-05-17T10:30:00",
        ] {
            assert!(is_iso_date(ok), "{ok}");
        }
        for bad in [
            "70",
            "17.05.1970",
            "1970-13",
            "1970-02-30",
            "1900-02-29",
            "1970-5-17",
            "",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }

    #[test]
    fn lines_are_read_strictly_with_the_field_named() {
        let e = read_line(
            r#"{"id":"p1","schema":"Person","properties":{"name":["Ramzan Kadyrov"],"weakAlias":"Ramzanchik","birthDate":["1976-10-05"],"nationality":["RU"]},"datasets":["x"]}"#,
        )
        .unwrap();
        let s = e.screening().unwrap();
        assert_eq!(s.schema, Schema::Person);
        assert_eq!(s.weak_aliases, vec!["Ramzanchik".to_owned()]);
        assert_eq!(s.countries, vec!["ru".to_owned()]);
        assert_eq!(read_line(&e.to_line()).unwrap(), e);
        for (line, field) in [
            ("{not json", "-"),
            (r#"{"schema":"Person"}"#, "id"),
            (r#"{"id":"x","schema":"Aircraft"}"#, "schema"),
            (
                r#"{"id":"x","schema":"Thing","properties":{"name":["a"]}}"#,
                "schema",
            ),
            (
                r#"{"id":"x","schema":"Person","properties":{"alias":["a"]}}"#,
                "properties.name",
            ),
            (
                r#"{"id":"x","schema":"Person","properties":{"name":["a"],"sanctions":["s"]}}"#,
                "properties.sanctions",
            ),
            (
                r#"{"id":"x","schema":"Person","properties":{"name":["a"],"imoNumber":["1"]}}"#,
                "properties.imoNumber",
            ),
            (
                r#"{"id":"x","schema":"Person","properties":{"name":["a"],"birthDate":["05/10/1976"]}}"#,
                "properties.birthDate",
            ),
            (
                r#"{"id":"x","schema":"Person","properties":{"name":[1]}}"#,
                "properties.name",
            ),
        ] {
            assert_eq!(read_line(line).unwrap_err().field, field, "{line}");
        }
        let sanction = read_line(
            r#"{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"program":["C1"]}}"#,
        )
        .unwrap();
        assert!(sanction.screening().is_none());
    }

    #[test]
    fn two_releases_differ_entity_by_entity_and_property_by_property() {
        let line = |s: &str| read_line(s).unwrap();
        let old = [
            line(r#"{"id":"a","schema":"Person","properties":{"name":["A"],"alias":["X"]}}"#),
            line(r#"{"id":"b","schema":"Person","properties":{"name":["B"]}}"#),
        ];
        let new = [
            line(
                r#"{"id":"a","schema":"Person","properties":{"name":["A"],"alias":["Y"],"birthDate":["1970"]}}"#,
            ),
            line(r#"{"id":"c","schema":"Company","properties":{"name":["C"]}}"#),
        ];
        let d = diff(&old, &new);
        assert_eq!(d.added, ["c"]);
        assert_eq!(d.removed, ["b"]);
        assert_eq!(d.changed.len(), 1);
        let (id, changes) = &d.changed[0];
        assert_eq!(id, "a");
        assert_eq!(
            changes,
            &vec![
                PropertyChange {
                    property: "alias".into(),
                    removed: vec!["X".into()],
                    added: vec!["Y".into()],
                },
                PropertyChange {
                    property: "birthDate".into(),
                    removed: vec![],
                    added: vec!["1970".into()],
                },
            ]
        );
        assert_eq!(diff(&new, &new), Diff::default());
    }
}
