//! The threshold rule of a citizens' initiative, as data (issue 17): a total of signatories,
//! per-member minimums from date-versioned tables (given outright, or as seats × a
//! multiplier), and "in at least k of the members" (a number, or a share such as a quarter,
//! rounded up), the table **frozen at the initiative's registration**. The European Citizens'
//! Initiative ships as `initiatives/eci.toml`.
//!
//! ```toml
//! name = "European Citizens' Initiative"
//! total = 1000000
//! members_share = "1/4"          # or members_required = 7
//! collection_months = 12
//!
//! [[tables]]
//! valid_from = "2020-02-01"
//! valid_to = "2024-07-15"        # omitted: in force
//! multiplier = 705               # minimum = seats × multiplier …
//! seats = { AT = 19, BE = 21 }
//! # … or minimums = { AT = 13395, BE = 14805 }
//! ```
//!
//! Pure: text in, verdict out. A rule whose tables overlap or leave a gap is refused with the
//! line of the table.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::Day;
use crate::toml_loc::{self, LocatedErrors, Path, Seg, key};

/// A rule as written (in its own file, or as a charter's `[initiatives.threshold]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    total: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    members_required: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    members_share: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    collection_months: Option<u32>,
    tables: Vec<RawTable>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    valid_from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    valid_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    multiplier: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seats: Option<BTreeMap<String, u64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    minimums: Option<BTreeMap<String, u64>>,
    /// A formula instead of a list: each member's minimum is this factor × the square root of
    /// its population (rounded down), rounded to the nearest `round_to` (default 100), at
    /// least `floor` (default 0); the members are those of the alliance at registration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sqrt_population: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    round_to: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    floor: Option<u64>,
}

/// How many members must meet their minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// A fixed number.
    Count(u32),
    /// A share of the members in the table in force, rounded up (`1/4` of 27 is 7).
    Share { num: u32, den: u32 },
}

/// One table of minimums and the registrations it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub valid_from: Day,
    /// The last day of registration it applies to; `None`: in force.
    pub valid_to: Option<Day>,
    /// Member code → minimum signatories (empty for a formula, until resolved).
    pub minimums: BTreeMap<String, u64>,
    /// Minimums computed from the members' populations, where the table gives a formula.
    pub formula: Option<Formula>,
}

/// `minimum = max(floor, round(factor × ⌊√population⌋ to the nearest round_to))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formula {
    pub sqrt_population: u64,
    pub round_to: u64,
    pub floor: u64,
}

impl Formula {
    pub fn minimum(&self, population: u64) -> u64 {
        let raw = self.sqrt_population.saturating_mul(population.isqrt());
        let step = self.round_to.max(1);
        let rounded = raw.saturating_add(step / 2) / step * step;
        rounded.max(self.floor)
    }
}

/// A threshold rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub name: String,
    pub source: Option<String>,
    pub total: u64,
    pub required: Required,
    pub collection_months: Option<u32>,
    /// In date order, contiguous.
    pub tables: Vec<Table>,
}

/// The verdict on a distribution of signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub passes: bool,
    /// Signatures counted (those of members in the table).
    pub total: u64,
    /// Members whose count is at least their minimum, in code order.
    pub members_meeting_minimum: Vec<String>,
    pub required_members: u32,
    /// The table applied.
    pub table_from: Day,
}

/// Why a distribution cannot be judged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error("no table of the rule applies to a registration on {0} (the first from {1})")]
    NoTable(Day, Day),
    #[error(
        "the table in force on {0} computes minimums from the members' populations: check it in an institution, where the members are known"
    )]
    Formula(Day),
}

fn parse_share(s: &str) -> Option<(u32, u32)> {
    let (n, d) = s.trim().split_once('/')?;
    let (n, d): (u32, u32) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
    (n > 0 && d > 0 && n <= d).then_some((n, d))
}

impl Rule {
    /// Read a rule file; every problem named with its line and field.
    pub fn parse(file: &str, text: &str) -> Result<Self, LocatedErrors> {
        let raw: RuleSpec = toml_loc::parse(file, text, RuleSpec::problems)?;
        Ok(Self::from_spec(&raw))
    }

    /// The rule a spec describes; the spec is one [`RuleSpec::problems`] found nothing in.
    pub fn from_spec(raw: &RuleSpec) -> Self {
        let required = match (raw.members_required, raw.members_share.as_deref()) {
            (Some(k), _) => Required::Count(k),
            (None, Some(s)) => {
                let (num, den) = parse_share(s).unwrap_or((1, 1));
                Required::Share { num, den }
            }
            (None, None) => Required::Count(0),
        };
        let mut tables: Vec<Table> = raw
            .tables
            .iter()
            .map(|t| Table {
                valid_from: Day::parse(&t.valid_from).unwrap_or(Day::from_date(time::Date::MIN)),
                valid_to: t.valid_to.as_deref().and_then(|d| Day::parse(d).ok()),
                minimums: minimums(t),
                formula: t.sqrt_population.map(|f| Formula {
                    sqrt_population: f,
                    round_to: t.round_to.unwrap_or(100),
                    floor: t.floor.unwrap_or(0),
                }),
            })
            .collect();
        tables.sort_by_key(|t| t.valid_from);
        Self {
            name: raw.name.clone(),
            source: raw.source.clone(),
            total: raw.total,
            required,
            collection_months: raw.collection_months,
            tables,
        }
    }

    /// The table in force for a registration on `day`.
    pub fn table_on(&self, day: Day) -> Option<&Table> {
        self.tables
            .iter()
            .find(|t| t.valid_from <= day && t.valid_to.is_none_or(|to| day <= to))
    }

    /// `table` with its minimums for `members` (code → population), where it gives a formula;
    /// as it is otherwise.
    pub fn resolve(&self, table: &Table, members: &BTreeMap<String, u64>) -> Table {
        let mut t = table.clone();
        if let Some(f) = table.formula {
            t.minimums = members
                .iter()
                .map(|(c, p)| (c.clone(), f.minimum(*p)))
                .collect();
        }
        t
    }

    /// How many members must meet their minimum under `table`.
    pub fn required_members(&self, table: &Table) -> u32 {
        match self.required {
            Required::Count(k) => k,
            Required::Share { num, den } => {
                let n = table.minimums.len() as u64;
                u32::try_from((n * u64::from(num)).div_ceil(u64::from(den))).unwrap_or(u32::MAX)
            }
        }
    }

    /// Would `counts` (member code → signatures) pass, for an initiative registered on `day`?
    /// Counts of codes the table does not list are not counted.
    pub fn check(&self, day: Day, counts: &BTreeMap<String, u64>) -> Result<Verdict, CheckError> {
        let table = self.table_on(day).ok_or_else(|| {
            CheckError::NoTable(day, self.tables.first().map_or(day, |t| t.valid_from))
        })?;
        if table.formula.is_some() {
            return Err(CheckError::Formula(day));
        }
        let total: u64 = counts
            .iter()
            .filter(|(c, _)| table.minimums.contains_key(*c))
            .map(|(_, n)| *n)
            .sum();
        let members_meeting_minimum: Vec<String> = table
            .minimums
            .iter()
            .filter(|(c, min)| counts.get(*c).is_some_and(|n| n >= min))
            .map(|(c, _)| c.clone())
            .collect();
        let required_members = self.required_members(table);
        Ok(Verdict {
            passes: total >= self.total
                && members_meeting_minimum.len() as u64 >= u64::from(required_members),
            total,
            members_meeting_minimum,
            required_members,
            table_from: table.valid_from,
        })
    }
}

fn minimums(t: &RawTable) -> BTreeMap<String, u64> {
    match (&t.minimums, &t.seats, t.multiplier) {
        (Some(m), _, _) => m.clone(),
        (None, Some(seats), Some(x)) => seats
            .iter()
            .map(|(c, s)| (c.clone(), s.saturating_mul(x)))
            .collect(),
        _ => BTreeMap::new(),
    }
}

impl RuleSpec {
    /// The member codes any of its tables names.
    pub fn codes(&self) -> std::collections::BTreeSet<String> {
        self.tables
            .iter()
            .flat_map(|t| minimums(t).into_keys())
            .collect()
    }

    /// Everything wrong with the rule, each problem at its path (relative to the rule).
    pub(crate) fn problems(&self) -> Vec<(Path, String)> {
        validate(self)
    }
}

fn validate(raw: &RuleSpec) -> Vec<(Path, String)> {
    let mut out = Vec::new();
    if raw.total == 0 {
        out.push((vec![key("total")], "must be at least 1".into()));
    }
    match (raw.members_required, raw.members_share.as_deref()) {
        (Some(_), Some(_)) => out.push((
            vec![key("members_share")],
            "give members_required or members_share, not both".into(),
        )),
        (None, Some(s)) if parse_share(s).is_none() => out.push((
            vec![key("members_share")],
            format!("{s:?} is not a share such as \"1/4\""),
        )),
        (None, None) => out.push((
            vec![key("members_required")],
            "give members_required (a number) or members_share (such as \"1/4\")".into(),
        )),
        _ => {}
    }
    if raw.tables.is_empty() {
        out.push((
            vec![key("tables")],
            "the rule needs at least one table".into(),
        ));
    }
    let at = |i: usize, f: &str| vec![key("tables"), Seg::Index(i), key(f)];
    let mut periods: Vec<(usize, Day, Option<Day>)> = Vec::new();
    for (i, t) in raw.tables.iter().enumerate() {
        let from = match Day::parse(&t.valid_from) {
            Ok(d) => d,
            Err(_) => {
                out.push((
                    at(i, "valid_from"),
                    format!("{:?} is not a date YYYY-MM-DD", t.valid_from),
                ));
                continue;
            }
        };
        let to = match t.valid_to.as_deref().map(Day::parse) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(_)) => {
                out.push((at(i, "valid_to"), "not a date YYYY-MM-DD".into()));
                continue;
            }
        };
        if to.is_some_and(|to| to < from) {
            out.push((at(i, "valid_to"), format!("ends before it begins ({from})")));
        }
        match (&t.minimums, &t.seats, t.multiplier, t.sqrt_population) {
            (Some(_), None, None, None)
            | (None, Some(_), Some(_), None)
            | (None, None, None, Some(_)) => {}
            (Some(_), _, _, _) => out.push((
                at(i, "minimums"),
                "give minimums, seats with a multiplier, or sqrt_population: only one".into(),
            )),
            _ => out.push((
                vec![key("tables"), Seg::Index(i)],
                "give minimums, seats with a multiplier, or sqrt_population".into(),
            )),
        }
        if t.sqrt_population.is_none() && (t.round_to.is_some() || t.floor.is_some()) {
            out.push((
                at(i, "round_to"),
                "round_to and floor go with sqrt_population".into(),
            ));
        }
        if t.round_to == Some(0) {
            out.push((at(i, "round_to"), "must be at least 1".into()));
        }
        if t.sqrt_population.is_none() && minimums(t).is_empty() {
            out.push((
                vec![key("tables"), Seg::Index(i)],
                "the table names no member".into(),
            ));
        }
        periods.push((i, from, to));
    }
    periods.sort_by_key(|p| p.1);
    for w in periods.windows(2) {
        let ((i, _, to), (j, from, _)) = (w[0], w[1]);
        match to {
            None => out.push((
                at(i, "valid_to"),
                format!("the table is in force with no end, but tables[{j}] begins on {from}"),
            )),
            Some(to) if from <= to => out.push((
                at(j, "valid_from"),
                format!("overlaps tables[{i}], in force until {to}"),
            )),
            Some(to) if to.date().next_day() != Some(from.date()) => out.push((
                at(j, "valid_from"),
                format!("leaves a gap after tables[{i}], which ends on {to}"),
            )),
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = r#"name = "Test"
total = 100
members_share = "1/4"

[[tables]]
valid_from = "2020-01-01"
valid_to = "2020-12-31"
minimums = { A = 10, B = 20, C = 30, D = 40, E = 50 }

[[tables]]
valid_from = "2021-01-01"
multiplier = 10
seats = { A = 1, B = 2, C = 3, D = 4 }
"#;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    fn counts(v: &[(&str, u64)]) -> BTreeMap<String, u64> {
        v.iter().map(|(c, n)| ((*c).to_owned(), *n)).collect()
    }

    #[test]
    fn the_table_in_force_at_registration_decides() {
        let r = Rule::parse("t.toml", RULE).unwrap();
        let c = counts(&[("A", 10), ("B", 19), ("C", 100), ("X", 1000)]);
        // 2020: five members, a quarter rounded up is 2; A meets 10 exactly, C meets 30.
        let v = r.check(day("2020-06-01"), &c).unwrap();
        assert_eq!(v.required_members, 2);
        assert_eq!(v.members_meeting_minimum, ["A", "C"]);
        assert_eq!(v.total, 129);
        assert!(v.passes);
        // 2021: seats × 10; four members, 1 required; B's 19 is short of 20.
        let v = r.check(day("2025-01-01"), &c).unwrap();
        assert_eq!(v.required_members, 1);
        assert_eq!(v.members_meeting_minimum, ["A", "C"]);
        assert!(r.check(day("2019-12-31"), &c).is_err());
        let v = r.check(day("2020-06-01"), &counts(&[("A", 10)])).unwrap();
        assert!(!v.passes);
    }

    #[test]
    fn overlapping_or_gapped_tables_are_refused_with_the_line() {
        let overlap = RULE.replace("valid_from = \"2021-01-01\"", "valid_from = \"2020-12-01\"");
        let e = Rule::parse("t.toml", &overlap).unwrap_err();
        assert_eq!(e.0[0].line, 11, "{e}");
        assert!(e.0[0].message.contains("overlaps"), "{e}");
        let gap = RULE.replace("valid_from = \"2021-01-01\"", "valid_from = \"2021-02-01\"");
        let e = Rule::parse("t.toml", &gap).unwrap_err();
        assert!(e.0[0].message.contains("gap"), "{e}");
        assert_eq!(e.0[0].line, 11);
        let e = Rule::parse("t.toml", &RULE.replace("members_share = \"1/4\"", "")).unwrap_err();
        assert!(e.to_string().contains("members_required"), "{e}");
    }
}
