//! Readers for the shipped reference CSVs (`data/`), with errors that name file, line and field.
//!
//! These take text, not paths: reading files is the caller's business.

use std::collections::BTreeMap;

use super::{Country, FhEdition, FhRating, FhStatus, Regime, VdemRating, VdemYear};
use crate::ids::Iso3;

/// A bad row or column in a reference CSV.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {}{message}", field.as_ref().map(|f| format!("field `{f}`: ")).unwrap_or_default())]
pub struct DataError {
    pub file: String,
    pub line: u64,
    pub field: Option<String>,
    pub message: String,
}

/// States outside the UN that the registry also carries (FIW rates both as countries).
const NON_UN_STATES: [&str; 2] = ["TWN", "XKX"];

struct Table<'a> {
    file: &'a str,
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl<'a> Table<'a> {
    fn read(file: &'a str, text: &str) -> Result<Self, DataError> {
        let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| err(file, 1, None, e.to_string()))?
            .iter()
            .map(str::to_owned)
            .collect();
        let mut rows = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                err(file, line, None, e.to_string())
            })?;
            let line = rec.position().map(|p| p.line()).unwrap_or(0);
            rows.push((line, rec));
        }
        Ok(Self {
            file,
            headers,
            rows,
        })
    }

    fn col(&self, name: &str) -> Result<usize, DataError> {
        self.headers.iter().position(|h| h == name).ok_or_else(|| {
            err(
                self.file,
                1,
                Some(name),
                "column is missing from the header".to_owned(),
            )
        })
    }
}

fn err(file: &str, line: u64, field: Option<&str>, message: String) -> DataError {
    DataError {
        file: file.to_owned(),
        line,
        field: field.map(str::to_owned),
        message,
    }
}

struct Row<'t> {
    file: &'t str,
    line: u64,
    rec: &'t csv::StringRecord,
}

impl Row<'_> {
    fn get(&self, idx: usize) -> &str {
        self.rec.get(idx).unwrap_or("").trim()
    }
    fn fail(&self, field: &str, message: String) -> DataError {
        err(self.file, self.line, Some(field), message)
    }
    fn parse<T: std::str::FromStr>(&self, idx: usize, field: &str) -> Result<Option<T>, DataError> {
        let v = self.get(idx);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse().map(Some).map_err(|_| {
            self.fail(
                field,
                format!("{v:?} is not a valid {}", std::any::type_name::<T>()),
            )
        })
    }
    fn required<T: std::str::FromStr>(&self, idx: usize, field: &str) -> Result<T, DataError> {
        self.parse(idx, field)?
            .ok_or_else(|| self.fail(field, "value is missing".to_owned()))
    }
    fn iso3(&self, idx: usize) -> Result<Option<Iso3>, DataError> {
        let v = self.get(idx);
        if v.is_empty() {
            return Ok(None);
        }
        Iso3::parse(v)
            .map(Some)
            .map_err(|e| self.fail("iso3", e.to_string()))
    }
    fn bool(&self, idx: usize, field: &str) -> Result<bool, DataError> {
        match self.get(idx) {
            "True" => Ok(true),
            "False" => Ok(false),
            v => Err(self.fail(field, format!("expected True or False, found {v:?}"))),
        }
    }
}

/// `countries.csv`: the 193 UN member states plus Taiwan and Kosovo.
pub fn parse_countries(file: &str, text: &str) -> Result<Vec<Country>, DataError> {
    let t = Table::read(file, text)?;
    let [iso3, iso2, name, short, member, group, region, sub, pop] = [
        "iso3",
        "iso2",
        "name",
        "short_name",
        "un_member",
        "un_electoral_group",
        "m49_region",
        "m49_sub_region",
        "population_un_wpp2024_2025",
    ]
    .map(|c| t.col(c));
    let (iso3, iso2, name, short, member, group, region, sub, pop) = (
        iso3?, iso2?, name?, short?, member?, group?, region?, sub?, pop?,
    );
    let mut out = Vec::new();
    let mut seen = BTreeMap::new();
    for (line, rec) in &t.rows {
        let row = Row {
            file,
            line: *line,
            rec,
        };
        let Some(code) = row.iso3(iso3)? else {
            return Err(row.fail("iso3", "value is missing".to_owned()));
        };
        let un_member = row.bool(member, "un_member")?;
        if !un_member && !NON_UN_STATES.contains(&code.as_str()) {
            continue;
        }
        if let Some(prev) = seen.insert(code.clone(), *line) {
            return Err(row.fail("iso3", format!("{code} already appears on line {prev}")));
        }
        let non_empty = |idx| Some(row.get(idx).to_owned()).filter(|s| !s.is_empty());
        out.push(Country {
            iso3: code,
            iso2: row.get(iso2).to_owned(),
            name: non_empty(name).ok_or_else(|| row.fail("name", "value is missing".to_owned()))?,
            short_name: row.get(short).to_owned(),
            un_member,
            un_group: non_empty(group),
            m49_region: row.get(region).to_owned(),
            m49_sub_region: row.get(sub).to_owned(),
            population: row.parse(pop, "population_un_wpp2024_2025")?,
        });
    }
    Ok(out)
}

/// `freedom_house.csv`: one edition per year under review, countries only, keyed by ISO code.
///
/// Editions before FIW 2013 are not numbered in the source; they are numbered here as the
/// year under review + 1, the convention Freedom House itself follows from 2013 on.
pub fn parse_freedom_house(file: &str, text: &str) -> Result<Vec<FhEdition>, DataError> {
    let t = Table::read(file, text)?;
    let [iso3, kind, year, edition, status, pr, cl, total] = [
        "iso3",
        "entity_type",
        "year",
        "edition",
        "status",
        "pr",
        "cl",
        "total_score",
    ]
    .map(|c| t.col(c));
    let (iso3, kind, year, edition, status, pr, cl, total) =
        (iso3?, kind?, year?, edition?, status?, pr?, cl?, total?);
    let mut editions: BTreeMap<u16, FhEdition> = BTreeMap::new();
    for (line, rec) in &t.rows {
        let row = Row {
            file,
            line: *line,
            rec,
        };
        let Some(code) = row.iso3(iso3)? else {
            continue;
        };
        if row.get(kind) != "country" {
            continue;
        }
        let y: u16 = row.required(year, "year")?;
        let ed: u16 = row.parse(edition, "edition")?.unwrap_or(y + 1);
        let st = FhStatus::parse(row.get(status)).ok_or_else(|| {
            row.fail(
                "status",
                format!("expected F, PF or NF, found {:?}", row.get(status)),
            )
        })?;
        let rating = FhRating {
            iso3: code,
            status: st,
            pr: bounded(&row, pr, "pr", 1, 7)?,
            cl: bounded(&row, cl, "cl", 1, 7)?,
            total: row
                .parse::<i8>(total, "total_score")?
                .map(|v| {
                    if v <= 100 {
                        Ok(v)
                    } else {
                        Err(row.fail("total_score", format!("{v} is above 100")))
                    }
                })
                .transpose()?,
        };
        let entry = editions.entry(ed).or_insert_with(|| FhEdition {
            edition: ed,
            year: y,
            ratings: Vec::new(),
        });
        if entry.ratings.iter().any(|r| r.iso3 == rating.iso3) {
            return Err(row.fail(
                "iso3",
                format!("{} is rated twice in edition {ed}", rating.iso3),
            ));
        }
        entry.ratings.push(rating);
    }
    Ok(editions.into_values().collect())
}

fn bounded(row: &Row<'_>, idx: usize, field: &str, lo: u8, hi: u8) -> Result<u8, DataError> {
    let v: u8 = row.required(idx, field)?;
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(row.fail(field, format!("{v} is outside {lo}–{hi}")))
    }
}

/// `vdem_row.csv`: V-Dem Regimes of the World and indices, one entry per year.
pub fn parse_vdem(file: &str, text: &str) -> Result<Vec<VdemYear>, DataError> {
    let t = Table::read(file, text)?;
    let [iso3, year, regime, poly, libdem] =
        ["iso3", "year", "v2x_regime", "v2x_polyarchy", "v2x_libdem"].map(|c| t.col(c));
    let (iso3, year, regime, poly, libdem) = (iso3?, year?, regime?, poly?, libdem?);
    let mut years: BTreeMap<u16, VdemYear> = BTreeMap::new();
    for (line, rec) in &t.rows {
        let row = Row {
            file,
            line: *line,
            rec,
        };
        let Some(code) = row.iso3(iso3)? else {
            continue;
        };
        let y: u16 = row.required(year, "year")?;
        let reg = match row.parse::<u8>(regime, "v2x_regime")? {
            None => None,
            Some(c) => Some(Regime::from_code(c).ok_or_else(|| {
                row.fail("v2x_regime", format!("{c} is not a regime code (0–3)"))
            })?),
        };
        let index = |idx, field| -> Result<Option<f64>, DataError> {
            match row.parse::<f64>(idx, field)? {
                Some(v) if !(0.0..=1.0).contains(&v) => {
                    Err(row.fail(field, format!("{v} is outside 0–1")))
                }
                v => Ok(v),
            }
        };
        let rating = VdemRating {
            iso3: code,
            regime: reg,
            polyarchy: index(poly, "v2x_polyarchy")?,
            libdem: index(libdem, "v2x_libdem")?,
        };
        let entry = years.entry(y).or_insert_with(|| VdemYear {
            year: y,
            ratings: Vec::new(),
        });
        if entry.ratings.iter().any(|r| r.iso3 == rating.iso3) {
            return Err(row.fail("iso3", format!("{} appears twice in year {y}", rating.iso3)));
        }
        entry.ratings.push(rating);
    }
    Ok(years.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_status_names_file_line_and_field() {
        let text = "iso3,fh_country,entity_type,year,edition,status,pr,cl,pr_score,cl_score,total_score,fh_region\n\
                    DNK,Denmark,country,2024,2025,F,1,1,40,57,97,Europe\n\
                    HUN,Hungary,country,2024,2025,XF,3,3,24,41,65,Europe\n";
        let e = parse_freedom_house("fh.csv", text).unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.field.as_deref(), Some("status"));
        assert_eq!(
            e.to_string(),
            "fh.csv:3: field `status`: expected F, PF or NF, found \"XF\""
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = parse_vdem("v.csv", "iso3,year\nDNK,2024\n").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("v2x_regime"));
        assert_eq!(e.line, 1);
    }

    #[test]
    fn out_of_range_scores_are_refused() {
        let text = "iso3,fh_country,entity_type,year,edition,status,pr,cl,pr_score,cl_score,total_score,fh_region\n\
                    DNK,Denmark,country,2024,2025,F,9,1,40,57,97,Europe\n";
        let e = parse_freedom_house("fh.csv", text).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("pr"));
    }

    #[test]
    fn a_state_rated_twice_in_an_edition_is_refused() {
        let text = "iso3,fh_country,entity_type,year,edition,status,pr,cl,pr_score,cl_score,total_score,fh_region\n\
                    DNK,Denmark,country,2024,2025,F,1,1,40,57,97,Europe\n\
                    DNK,Denmark,country,2024,2025,F,1,1,40,57,97,Europe\n";
        let e = parse_freedom_house("fh.csv", text).unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (3, Some("iso3")));
    }
}
