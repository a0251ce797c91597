//! A selection instance: the pool of volunteers, the quota categories and the panel size,
//! read from the peer format (`people.csv`, `categories.csv`, `instance.json`) given as text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::InputError;

/// One feature (a quota category such as gender or age band) with its values and quotas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feature {
    /// The feature's name, as in the header of `people.csv`.
    pub name: String,
    /// Its values, in the order `categories.csv` lists them.
    pub values: Vec<Quota>,
}

/// One value of a feature and how many panel members must have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    /// The value's name.
    pub value: String,
    /// At least this many panel members have the value.
    pub min: u32,
    /// At most this many.
    pub max: u32,
}

/// One volunteer: an id and, per feature, the index of their value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Unique id.
    pub id: String,
    /// `values[f]` indexes `features[f].values`.
    pub values: Vec<usize>,
    /// The household (address) the person belongs to, when households are limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
}

/// A complete selection instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    /// The quota categories.
    pub features: Vec<Feature>,
    /// The pool, in file order.
    pub people: Vec<Person>,
    /// How many people the panel has.
    pub panel_size: usize,
    /// At most one person per household (the people's `household` field) on any panel.
    #[serde(default)]
    pub one_per_household: bool,
}

/// A text to parse and the name to use for it in error messages.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// File name shown in errors (e.g. `people.csv`).
    pub name: &'a str,
    /// The file's contents.
    pub text: &'a str,
}

/// Options for reading the people file.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The column of `people.csv` that names each person's household (address); when set,
    /// a panel holds at most one person per household.
    pub household_column: Option<String>,
}

impl Instance {
    /// Reads an instance in the peer format. `panel_size` usually comes from
    /// [`panel_size_from_json`].
    pub fn parse(
        people: Source<'_>,
        categories: Source<'_>,
        panel_size: usize,
        options: &ReadOptions,
    ) -> Result<Self, InputError> {
        let features = parse_categories(categories)?;
        let people_list = parse_people(people, &features, options)?;
        let instance = Instance {
            features,
            people: people_list,
            panel_size,
            one_per_household: options.household_column.is_some(),
        };
        instance.check_size(people.name)?;
        Ok(instance)
    }

    fn check_size(&self, people_file: &str) -> Result<(), InputError> {
        if self.panel_size == 0 {
            return Err(InputError::new(
                "instance.json",
                None,
                Some("panel_size"),
                "the panel size must be at least 1",
            ));
        }
        if self.panel_size > self.people.len() {
            return Err(InputError::new(
                "instance.json",
                None,
                Some("panel_size"),
                format!(
                    "the panel size {} is larger than the pool ({} people in {people_file})",
                    self.panel_size,
                    self.people.len()
                ),
            ));
        }
        Ok(())
    }

    /// The number of quota rows (feature values).
    pub fn quota_rows(&self) -> usize {
        self.features.iter().map(|f| f.values.len()).sum()
    }

    /// Whether `panel` (indices into `people`) has the right size, distinct members and
    /// meets every quota (and the household limit). Returns the first violation in words.
    pub fn check_panel(&self, panel: &[usize]) -> Result<(), String> {
        if panel.len() != self.panel_size {
            return Err(format!(
                "the panel has {} members, not {}",
                panel.len(),
                self.panel_size
            ));
        }
        let mut seen = vec![false; self.people.len()];
        let mut households = BTreeMap::new();
        for &i in panel {
            let Some(slot) = seen.get_mut(i) else {
                return Err(format!("person index {i} is not in the pool"));
            };
            if *slot {
                return Err(format!("{} is on the panel twice", self.people[i].id));
            }
            *slot = true;
            if self.one_per_household
                && let Some(h) = &self.people[i].household
                && let Some(other) = households.insert(h.as_str(), i)
            {
                return Err(format!(
                    "{} and {} share the household {h}",
                    self.people[other].id, self.people[i].id
                ));
            }
        }
        for (f, feature) in self.features.iter().enumerate() {
            for (v, quota) in feature.values.iter().enumerate() {
                let n = panel
                    .iter()
                    .filter(|&&i| self.people[i].values[f] == v)
                    .count();
                if n < quota.min as usize || n > quota.max as usize {
                    return Err(format!(
                        "{} = {}: {n} on the panel, quota {}..{}",
                        feature.name, quota.value, quota.min, quota.max
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Reads `panel_size` from `instance.json` (the only field read).
pub fn panel_size_from_json(source: Source<'_>) -> Result<usize, InputError> {
    let value: serde_json::Value = serde_json::from_str(source.text).map_err(|e| {
        InputError::new(
            source.name,
            Some(e.line() as u64),
            None,
            format!("not valid JSON: {e}"),
        )
    })?;
    let Some(size) = value.get("panel_size") else {
        return Err(InputError::new(
            source.name,
            None,
            Some("panel_size"),
            "missing",
        ));
    };
    size.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            InputError::new(
                source.name,
                None,
                Some("panel_size"),
                format!("{size} is not a whole number"),
            )
        })
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn line_of(record: &csv::StringRecord) -> Option<u64> {
    record.position().map(csv::Position::line)
}

fn csv_error(file: &str, e: &csv::Error) -> InputError {
    let line = e.position().map(csv::Position::line);
    InputError::new(file, line, None, format!("not valid CSV: {e}"))
}

fn parse_categories(source: Source<'_>) -> Result<Vec<Feature>, InputError> {
    let mut rdr = reader(source.text);
    let header = rdr
        .headers()
        .map_err(|e| csv_error(source.name, &e))?
        .clone();
    let column = |name: &str| -> Result<usize, InputError> {
        header.iter().position(|h| h == name).ok_or_else(|| {
            InputError::new(
                source.name,
                Some(1),
                Some(name),
                "missing column (the header must be feature,value,min,max)",
            )
        })
    };
    let (cf, cv, cmin, cmax) = (
        column("feature")?,
        column("value")?,
        column("min")?,
        column("max")?,
    );
    let mut features: Vec<Feature> = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| csv_error(source.name, &e))?;
        let line = line_of(&record);
        let cell = |c: usize, name: &str| -> Result<&str, InputError> {
            match record.get(c) {
                Some(s) if !s.is_empty() => Ok(s),
                _ => Err(InputError::new(source.name, line, Some(name), "empty")),
            }
        };
        let count = |c: usize, name: &str| -> Result<u32, InputError> {
            let s = cell(c, name)?;
            s.parse::<u32>().map_err(|_| {
                InputError::new(
                    source.name,
                    line,
                    Some(name),
                    format!("{s:?} is not a whole number of people"),
                )
            })
        };
        let feature = cell(cf, "feature")?;
        let value = cell(cv, "value")?;
        let (min, max) = (count(cmin, "min")?, count(cmax, "max")?);
        if min > max {
            return Err(InputError::new(
                source.name,
                line,
                Some("min"),
                format!("{feature} = {value}: min {min} is greater than max {max}"),
            ));
        }
        let quota = Quota {
            value: value.to_owned(),
            min,
            max,
        };
        match features.iter_mut().find(|f| f.name == feature) {
            Some(f) if f.values.iter().any(|q| q.value == value) => {
                return Err(InputError::new(
                    source.name,
                    line,
                    Some("value"),
                    format!("{feature} = {value} is listed twice"),
                ));
            }
            Some(f) => f.values.push(quota),
            None => features.push(Feature {
                name: feature.to_owned(),
                values: vec![quota],
            }),
        }
    }
    if features.is_empty() {
        return Err(InputError::new(source.name, None, None, "no quota rows"));
    }
    Ok(features)
}

fn parse_people(
    source: Source<'_>,
    features: &[Feature],
    options: &ReadOptions,
) -> Result<Vec<Person>, InputError> {
    let mut rdr = reader(source.text);
    let header = rdr
        .headers()
        .map_err(|e| csv_error(source.name, &e))?
        .clone();
    let find = |name: &str| header.iter().position(|h| h == name);
    let id_col = find("id")
        .ok_or_else(|| InputError::new(source.name, Some(1), Some("id"), "missing column"))?;
    let mut columns = Vec::with_capacity(features.len());
    for f in features {
        let c = find(&f.name).ok_or_else(|| {
            InputError::new(
                source.name,
                Some(1),
                Some(&f.name),
                "missing column for a feature of categories.csv",
            )
        })?;
        columns.push(c);
    }
    let household_col = match &options.household_column {
        Some(name) => Some(find(name).ok_or_else(|| {
            InputError::new(source.name, Some(1), Some(name), "missing household column")
        })?),
        None => None,
    };
    let mut people = Vec::new();
    let mut ids: BTreeMap<String, Option<u64>> = BTreeMap::new();
    for record in rdr.records() {
        let record = record.map_err(|e| csv_error(source.name, &e))?;
        let line = line_of(&record);
        let id = record.get(id_col).unwrap_or("");
        if id.is_empty() {
            return Err(InputError::new(source.name, line, Some("id"), "empty"));
        }
        if let Some(first) = ids.insert(id.to_owned(), line) {
            let first = first
                .map(|l| format!(" (first on line {l})"))
                .unwrap_or_default();
            return Err(InputError::new(
                source.name,
                line,
                Some("id"),
                format!("duplicate id {id:?}{first}"),
            ));
        }
        let mut values = Vec::with_capacity(features.len());
        for (f, &c) in features.iter().zip(&columns) {
            let cell = record.get(c).unwrap_or("");
            let v = f
                .values
                .iter()
                .position(|q| q.value == cell)
                .ok_or_else(|| {
                    InputError::new(
                        source.name,
                        line,
                        Some(&f.name),
                        format!("{cell:?} is not a value of {} in categories.csv", f.name),
                    )
                })?;
            values.push(v);
        }
        let household = match household_col {
            Some(c) => match record.get(c) {
                Some(h) if !h.is_empty() => Some(h.to_owned()),
                _ => None,
            },
            None => None,
        };
        people.push(Person {
            id: id.to_owned(),
            values,
            household,
        });
    }
    if people.is_empty() {
        return Err(InputError::new(
            source.name,
            None,
            None,
            "the pool is empty",
        ));
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATS: &str =
        "feature,value,min,max\ngender,f,1,2\ngender,m,1,2\nage,young,0,2\nage,old,1,3\n";

    fn parse(people: &str, cats: &str, k: usize) -> Result<Instance, InputError> {
        Instance::parse(
            Source {
                name: "people.csv",
                text: people,
            },
            Source {
                name: "categories.csv",
                text: cats,
            },
            k,
            &ReadOptions::default(),
        )
    }

    #[test]
    fn reads_a_small_instance() {
        let i = parse(
            "id,gender,age,extra\na,f,young,x\nb,m,old,y\nc,f,old,z\n",
            CATS,
            2,
        )
        .unwrap();
        assert_eq!(i.people.len(), 3);
        assert_eq!(i.people[2].values, vec![0, 1]);
        assert_eq!(i.quota_rows(), 4);
        assert!(i.check_panel(&[0, 1]).is_ok());
        assert!(i.check_panel(&[0, 2]).unwrap_err().contains("gender = m"));
    }

    #[test]
    fn unknown_value_names_file_line_and_field() {
        let e = parse("id,gender,age\na,f,young\nb,x,old\n", CATS, 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "people.csv:3: gender: \"x\" is not a value of gender in categories.csv"
        );
    }

    #[test]
    fn duplicate_id_names_both_lines() {
        let e = parse("id,gender,age\na,f,young\na,m,old\n", CATS, 1).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(
            e.to_string()
                .contains("duplicate id \"a\" (first on line 2)"),
            "{e}"
        );
    }

    #[test]
    fn min_above_max_is_refused() {
        let e = parse(
            "id,gender,age\na,f,young\n",
            "feature,value,min,max\ngender,f,3,2\n",
            1,
        )
        .unwrap_err();
        assert_eq!(e.file, "categories.csv");
        assert_eq!(e.line, Some(2));
        assert_eq!(e.field.as_deref(), Some("min"));
    }

    #[test]
    fn panel_larger_than_pool_is_refused() {
        let e = parse("id,gender,age\na,f,young\n", CATS, 2).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("panel_size"));
        assert!(e.to_string().contains("larger than the pool"), "{e}");
    }

    #[test]
    fn missing_feature_column_and_bad_count() {
        let e = parse("id,gender\na,f\n", CATS, 1).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("age"));
        let e = parse(
            "id,gender,age\na,f,young\n",
            "feature,value,min,max\ngender,f,one,2\n",
            1,
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("\"one\" is not a whole number"),
            "{e}"
        );
    }

    #[test]
    fn panel_size_json() {
        let s = |t| {
            panel_size_from_json(Source {
                name: "instance.json",
                text: t,
            })
        };
        assert_eq!(s(r#"{"panel_size": 170, "x": 1}"#).unwrap(), 170);
        assert!(
            s(r#"{"panel_size": -1}"#)
                .unwrap_err()
                .to_string()
                .contains("panel_size")
        );
        assert!(s("{").is_err());
    }
}
