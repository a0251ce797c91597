//! The pledges file (JSON) and the reports file (CSV): bytes in, pledges and reports out,
//! every problem named by file, place (a JSON path, or a CSV line) and field. Pure.
//!
//! JSON: `{"pledges": [{"id", "by", "title", "text"?, "theme"?, "due", "links"?: [{"kind",
//! "reference"}], "milestones"?: [{"id", "title", "due", "completion"?: [..]}], "assessment":
//! {"specificity", "relevance": [..], "potential_impact"}, "indicators": [{"id", "title"?,
//! "unit", "direction", "kind", "baseline": {"value", "date"}, "target": {"value", "date"},
//! "reports": [{"source", "date", "value"} | {"source", "date", "numerator",
//! "denominator"}]}], "completion": [{"source", "date", "level"}]}]}`. A report or rating may
//! name the role it is filed under (`"by": "civil_society"`); by default it is the lane's:
//! the pledger's delegate (the secretariat for an organ), civil society, the reviewer's.
//!
//! CSV (reports on recorded pledges): `pledge,source,date,indicator,value,numerator,
//! denominator,level,milestone,by,note`; a row with an indicator is a report, a row with a
//! level a rating.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{
    Amount, Assessment, Direction, Impact, ImportedPledge, Indicator, IndicatorKind, Level, Link,
    Milestone, NewAssessment, NewReport, PledgeSpec, Pledger, Point, Reading, Settings, Source,
    Specificity, Theme,
};
use crate::auth::Role;
use crate::charter::SeatHolders;
use crate::ids::Day;
use crate::state::State;

/// A problem in a file: where, which field, what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {place}: {field}: {message}")]
pub struct FileError {
    pub file: String,
    /// `pledges[2].indicators[0]` in JSON, `line 7` in CSV.
    pub place: String,
    pub field: String,
    pub message: String,
}

/// The role that files a lane's reports when the file names none.
pub fn default_role(state: &State, by: &Pledger, source: Source) -> Role {
    match source {
        Source::Own => match by {
            Pledger::State(iso) => Role::StateDelegate(iso.clone()),
            Pledger::Organ(_) => Role::Secretariat,
            Pledger::Accredited(n) => Role::Accredited(*n),
        },
        Source::Shadow => Role::CivilSociety,
        Source::Independent => {
            let charter = state.charter.as_ref().map(|c| &c.charter);
            let holders = Settings::of(charter)
                .reviewer
                .and_then(|r| charter.and_then(|c| c.organ(r)))
                .map(|o| o.seat_holders);
            match holders {
                Some(SeatHolders::Parliamentarians) => Role::Parliamentarian,
                Some(SeatHolders::CivilSociety) => Role::CivilSociety,
                _ => Role::Secretariat,
            }
        }
    }
}

/// A report's author as a file writes it.
fn author(s: &str, lanes: &dyn Fn(Source) -> Role) -> Result<Role, String> {
    if let Ok(r) = Role::parse(s) {
        return Ok(r);
    }
    if let Ok(iso) = crate::ids::Iso3::parse(&s.trim().to_uppercase()) {
        return Ok(Role::StateDelegate(iso));
    }
    match super::word(s).as_str() {
        "government" | "pledger" | "self" => Ok(lanes(Source::Own)),
        "ngo" | "cso" | "civil_society_organisation" | "civil_society_organization" | "shadow" => {
            Ok(lanes(Source::Shadow))
        }
        "reviewer" | "independent" | "independent_reviewer" | "irm" => {
            Ok(lanes(Source::Independent))
        }
        _ => Role::parse(s),
    }
}

struct At<'a> {
    file: &'a str,
    place: String,
}

impl At<'_> {
    fn err(&self, field: &str, message: impl Into<String>) -> FileError {
        FileError {
            file: self.file.to_owned(),
            place: self.place.clone(),
            field: field.to_owned(),
            message: message.into(),
        }
    }
    fn child(&self, place: String) -> At<'_> {
        At {
            file: self.file,
            place,
        }
    }
    fn get<'v>(&self, o: &'v Value, field: &str) -> Result<&'v Value, FileError> {
        match o.get(field) {
            None | Some(Value::Null) => Err(self.err(field, "missing")),
            Some(v) => Ok(v),
        }
    }
    fn text(&self, o: &Value, field: &str) -> Result<String, FileError> {
        match self.get(o, field)? {
            Value::String(s) => Ok(s.trim().to_owned()),
            Value::Number(n) => Ok(n.to_string()),
            _ => Err(self.err(field, "expected a string")),
        }
    }
    fn opt_text(&self, o: &Value, field: &str) -> Result<Option<String>, FileError> {
        match o.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.text(o, field).map(Some),
        }
    }
    fn day(&self, o: &Value, field: &str) -> Result<Day, FileError> {
        let s = self.text(o, field)?;
        Day::parse(&s).map_err(|_| self.err(field, format!("{s:?} is not a date (YYYY-MM-DD)")))
    }
    fn amount(&self, o: &Value, field: &str) -> Result<Amount, FileError> {
        let s = match self.get(o, field)? {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            _ => return Err(self.err(field, "expected a number")),
        };
        Amount::parse(&s).ok_or_else(|| self.err(field, format!("{s:?} is not a number")))
    }
    fn scale<T>(
        &self,
        o: &Value,
        field: &str,
        parse: fn(&str) -> Option<T>,
        codes: fn() -> String,
    ) -> Result<T, FileError> {
        let s = self.text(o, field)?;
        parse(&s).ok_or_else(|| self.err(field, format!("{s:?} is not one of {}", codes())))
    }
    fn list<'v>(&self, o: &'v Value, field: &str) -> Result<&'v [Value], FileError> {
        match o.get(field) {
            None | Some(Value::Null) => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(_) => Err(self.err(field, "expected a list")),
        }
    }
    /// The role a report is filed under: `by` (or `role`, `author`) as a role
    /// (`delegate:NOR`, `civil_society`), a state's code (its delegate), or a lane's word
    /// (`government`, `ngo`, `reviewer`); by default the lane's own.
    fn role(&self, o: &Value, lanes: &dyn Fn(Source) -> Role) -> Result<Role, FileError> {
        for field in ["by", "role", "author"] {
            if let Some(s) = self.opt_text(o, field)? {
                return author(&s, lanes).map_err(|e| self.err(field, e));
            }
        }
        let source = self.scale(o, "source", Source::parse, Source::codes)?;
        Ok(lanes(source))
    }
}

/// Reads a pledges file.
pub fn read_json(
    state: &State,
    file: &str,
    bytes: &[u8],
) -> Result<Vec<ImportedPledge>, FileError> {
    let root = At {
        file,
        place: "(top)".to_owned(),
    };
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| FileError {
        file: file.to_owned(),
        place: format!("line {}, column {}", e.line(), e.column()),
        field: "(syntax)".to_owned(),
        message: e.to_string(),
    })?;
    let Some(list) = doc.get("pledges").and_then(Value::as_array) else {
        return Err(root.err("pledges", "expected a list of pledges"));
    };
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let (ip, places) = pledge(state, &root.child(format!("pledges[{i}]")), p)?;
        checked(state, file, &ip, &places)?;
        out.push(ip);
    }
    Ok(out)
}

/// Where each part of a pledge stands in its file.
struct Places {
    pledge: String,
    reports: Vec<String>,
    assessments: Vec<String>,
}

/// The import's own checks on one pledge, the refusal named by its place and field.
fn checked(
    state: &State,
    file: &str,
    ip: &ImportedPledge,
    places: &Places,
) -> Result<(), FileError> {
    super::check_imported(state, ip).map_err(|(part, e)| {
        let place = match part {
            super::Part::Pledge => Some(&places.pledge),
            super::Part::Report(i) => places.reports.get(i),
            super::Part::Assessment(i) => places.assessments.get(i),
        };
        FileError {
            file: file.to_owned(),
            place: place.cloned().unwrap_or_else(|| places.pledge.clone()),
            field: super::field_of(&e),
            message: e.to_string(),
        }
    })
}

/// Reads one pledge in the file's format (the API's body for a new pledge).
pub fn read_pledge(state: &State, file: &str, p: &Value) -> Result<ImportedPledge, FileError> {
    let at = At {
        file,
        place: "(body)".to_owned(),
    };
    let (ip, places) = pledge(state, &at, p)?;
    checked(state, file, &ip, &places)?;
    Ok(ip)
}

fn pledge(state: &State, at: &At<'_>, p: &Value) -> Result<(ImportedPledge, Places), FileError> {
    if !p.is_object() {
        return Err(at.err("(pledge)", "expected an object"));
    }
    let id = at.text(p, "id")?;
    let at = &at.child(format!("{} (id {id:?})", at.place));
    let by = pledger(state, &at.text(p, "by")?);
    let lanes = |s: Source| default_role(state, &by, s);
    let mut places = Places {
        pledge: at.place.clone(),
        reports: Vec::new(),
        assessments: Vec::new(),
    };
    let theme =
        match at.opt_text(p, "theme")? {
            None => None,
            Some(t) => Some(Theme::parse(&t).ok_or_else(|| {
                at.err("theme", format!("{t:?} is not one of {}", Theme::codes()))
            })?),
        };
    let links = at
        .list(p, "links")?
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let at = at.child(format!("{}.links[{i}]", at.place));
            Ok(Link {
                kind: at.text(l, "kind")?,
                reference: at.text(l, "reference")?,
            })
        })
        .collect::<Result<_, FileError>>()?;
    let assessment = match p.get("assessment") {
        None | Some(Value::Null) => Assessment {
            specificity: Specificity::None,
            relevance: Vec::new(),
            potential_impact: Impact::None,
        },
        Some(a) => {
            let at = at.child(format!("{}.assessment", at.place));
            let relevance = match a.get("relevance") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::String(s)) if s.trim().is_empty() => Vec::new(),
                Some(Value::String(s)) => vec![s.trim().to_owned()],
                Some(Value::Array(v)) => v
                    .iter()
                    .map(|x| {
                        x.as_str()
                            .map(|s| s.trim().to_owned())
                            .ok_or_else(|| at.err("relevance", "expected a list of strings"))
                    })
                    .collect::<Result<_, _>>()?,
                Some(_) => return Err(at.err("relevance", "expected a list of strings")),
            };
            Assessment {
                specificity: at.scale(a, "specificity", Specificity::parse, Specificity::codes)?,
                relevance,
                potential_impact: at.scale(a, "potential_impact", Impact::parse, Impact::codes)?,
            }
        }
    };
    let mut reports = Vec::new();
    let mut assessments = Vec::new();
    let mut indicators = Vec::new();
    for (i, x) in at.list(p, "indicators")?.iter().enumerate() {
        let at = at.child(format!("{}.indicators[{i}]", at.place));
        let point = |field: &str| -> Result<Point, FileError> {
            let v = at.get(x, field)?;
            let at = at.child(format!("{}.{field}", at.place));
            Ok(Point {
                value: at.amount(v, "value")?,
                date: at.day(v, "date")?,
            })
        };
        let ind = Indicator {
            id: at.text(x, "id")?,
            title: at.opt_text(x, "title")?.unwrap_or_default(),
            unit: at.opt_text(x, "unit")?.unwrap_or_default(),
            direction: at.scale(x, "direction", Direction::parse, Direction::codes)?,
            kind: at.scale(x, "kind", IndicatorKind::parse, IndicatorKind::codes)?,
            baseline: point("baseline")?,
            target: point("target")?,
        };
        for (j, r) in at.list(x, "reports")?.iter().enumerate() {
            let at = at.child(format!("{}.reports[{j}]", at.place));
            let source = at.scale(r, "source", Source::parse, Source::codes)?;
            let reading = if ind.kind == IndicatorKind::Ratio {
                Reading::Ratio {
                    numerator: at.amount(r, "numerator")?,
                    denominator: at.amount(r, "denominator")?,
                }
            } else {
                Reading::Value {
                    value: at.amount(r, "value")?,
                }
            };
            places.reports.push(at.place.clone());
            reports.push(NewReport {
                indicator: ind.id.clone(),
                source,
                role: at.role(r, &lanes)?,
                date: at.day(r, "date")?,
                reading,
                note: at.opt_text(r, "note")?.unwrap_or_default(),
            });
        }
        indicators.push(ind);
    }
    let rating =
        |at: &At<'_>, c: &Value, milestone: Option<String>| -> Result<NewAssessment, FileError> {
            let source = at.scale(c, "source", Source::parse, Source::codes)?;
            Ok(NewAssessment {
                milestone: milestone.or(at.opt_text(c, "milestone")?),
                source,
                role: at.role(c, &lanes)?,
                date: at.day(c, "date")?,
                level: at.scale(c, "level", Level::parse, Level::codes)?,
                note: at.opt_text(c, "note")?.unwrap_or_default(),
            })
        };
    let mut milestones = Vec::new();
    for (i, m) in at.list(p, "milestones")?.iter().enumerate() {
        let at = at.child(format!("{}.milestones[{i}]", at.place));
        let id = at.text(m, "id")?;
        for (j, c) in at.list(m, "completion")?.iter().enumerate() {
            let at = at.child(format!("{}.completion[{j}]", at.place));
            places.assessments.push(at.place.clone());
            assessments.push(rating(&at, c, Some(id.clone()))?);
        }
        milestones.push(Milestone {
            title: at.opt_text(m, "title")?.unwrap_or_else(|| id.clone()),
            due: at.day(m, "due")?,
            id,
        });
    }
    for (j, c) in at.list(p, "completion")?.iter().enumerate() {
        let at = at.child(format!("{}.completion[{j}]", at.place));
        places.assessments.push(at.place.clone());
        assessments.push(rating(&at, c, None)?);
    }
    let ip = ImportedPledge {
        spec: PledgeSpec {
            id,
            by,
            title: at.text(p, "title")?,
            text: at
                .opt_text(p, "text")?
                .or(at.opt_text(p, "description")?)
                .unwrap_or_default(),
            theme,
            due: at.day(p, "due")?,
            links,
            milestones,
            assessment,
            indicators,
        },
        reports,
        assessments,
    };
    Ok((ip, places))
}

/// Who pledged: a state's code in any case (where no organ has that id), or an organ's id.
fn pledger(state: &State, s: &str) -> Pledger {
    let t = s.trim();
    let organ = state
        .charter
        .as_ref()
        .is_some_and(|c| c.charter.organ(t).is_some());
    if !organ && t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Pledger::parse(&t.to_uppercase())
    } else {
        Pledger::parse(t)
    }
}

/// The columns of the reports CSV.
pub const CSV_COLUMNS: [&str; 11] = [
    "pledge",
    "source",
    "date",
    "indicator",
    "value",
    "numerator",
    "denominator",
    "level",
    "milestone",
    "by",
    "note",
];

/// Reads a reports CSV against the recorded pledges: each recorded pledge it names, with
/// the reports and ratings of its rows (a pledge the file names but the journal does not
/// hold is an error at its row).
pub fn read_csv(state: &State, file: &str, bytes: &[u8]) -> Result<Vec<ImportedPledge>, FileError> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let err = |line: u64, field: &str, message: String| FileError {
        file: file.to_owned(),
        place: format!("line {line}"),
        field: field.to_owned(),
        message,
    };
    let headers = r
        .headers()
        .map_err(|e| err(1, "(header)", e.to_string()))?
        .clone();
    let col: BTreeMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h, i)).collect();
    for need in ["pledge", "source", "date"] {
        if !col.contains_key(need) {
            return Err(err(
                1,
                need,
                format!(
                    "the header has no column {need:?} (columns: {})",
                    CSV_COLUMNS.join(",")
                ),
            ));
        }
    }
    let mut out: Vec<ImportedPledge> = Vec::new();
    let mut places: Vec<Places> = Vec::new();
    for row in r.records() {
        let row =
            row.map_err(|e| err(e.position().map_or(0, |p| p.line()), "(row)", e.to_string()))?;
        let line = row.position().map_or(0, |p| p.line());
        let cell = |name: &str| -> Option<&str> {
            col.get(name)
                .and_then(|i| row.get(*i))
                .filter(|s| !s.is_empty())
        };
        let need = |name: &str| cell(name).ok_or_else(|| err(line, name, "missing".to_owned()));
        let id = need("pledge")?;
        let p = state
            .pledges
            .pledges
            .get(id)
            .ok_or_else(|| err(line, "pledge", format!("there is no pledge {id:?}")))?;
        let source = Source::parse(need("source")?)
            .ok_or_else(|| err(line, "source", format!("not one of {}", Source::codes())))?;
        let date = need("date")?;
        let date = Day::parse(date)
            .map_err(|_| err(line, "date", format!("{date:?} is not a date (YYYY-MM-DD)")))?;
        let lanes = |s: Source| default_role(state, &p.spec.by, s);
        let role = match cell("by").or(cell("role")) {
            None => lanes(source),
            Some(s) => author(s, &lanes).map_err(|e| err(line, "by", e))?,
        };
        let amount = |name: &str| -> Result<Amount, FileError> {
            let s = need(name)?;
            Amount::parse(s).ok_or_else(|| err(line, name, format!("{s:?} is not a number")))
        };
        let note = cell("note").unwrap_or_default().to_owned();
        let entry = match out.iter().position(|x| x.spec.id == id) {
            Some(i) => i,
            None => {
                out.push(ImportedPledge {
                    spec: p.spec.clone(),
                    reports: Vec::new(),
                    assessments: Vec::new(),
                });
                places.push(Places {
                    pledge: format!("line {line}"),
                    reports: Vec::new(),
                    assessments: Vec::new(),
                });
                out.len() - 1
            }
        };
        let here = format!("line {line}");
        match (cell("indicator"), cell("level")) {
            (Some(_), Some(_)) => {
                return Err(err(
                    line,
                    "level",
                    "a row is a report (with an indicator) or a rating (with a level), not both"
                        .to_owned(),
                ));
            }
            (Some(ind), None) => {
                let kind = p.indicator(ind).map(|i| i.kind).ok_or_else(|| {
                    err(
                        line,
                        "indicator",
                        format!("pledge {id:?} has no indicator {ind:?}"),
                    )
                })?;
                let reading = if kind == IndicatorKind::Ratio {
                    Reading::Ratio {
                        numerator: amount("numerator")?,
                        denominator: amount("denominator")?,
                    }
                } else {
                    Reading::Value {
                        value: amount("value")?,
                    }
                };
                places[entry].reports.push(here);
                out[entry].reports.push(NewReport {
                    indicator: ind.to_owned(),
                    source,
                    role,
                    date,
                    reading,
                    note,
                });
            }
            (None, Some(level)) => {
                let level = Level::parse(level)
                    .ok_or_else(|| err(line, "level", format!("not one of {}", Level::codes())))?;
                places[entry].assessments.push(here);
                out[entry].assessments.push(NewAssessment {
                    milestone: cell("milestone").map(str::to_owned),
                    source,
                    role,
                    date,
                    level,
                    note,
                });
            }
            (None, None) => {
                return Err(err(
                    line,
                    "indicator",
                    "missing (a report names an indicator; a rating gives a level)".to_owned(),
                ));
            }
        }
    }
    for (ip, at) in out.iter().zip(&places) {
        checked(state, file, ip, at)?;
    }
    Ok(out)
}
