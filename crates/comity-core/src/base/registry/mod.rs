//! The states of the world and their democracy ratings over time.
//!
//! The registry is itself built from journal entries (states imported, one Freedom House
//! edition imported, one V-Dem year imported), so a replayed journal carries the very
//! ratings every eligibility verdict was computed from.

mod csv_data;

use crate::base;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::Iso3;

pub use csv_data::{DataError, parse_countries, parse_freedom_house, parse_vdem};

/// A state the registry knows: the 193 UN members, Taiwan and Kosovo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub iso3: Iso3,
    pub iso2: String,
    pub name: String,
    pub short_name: String,
    pub un_member: bool,
    /// UN regional group for elections (`WEOG`, `GRULAC`, …); none for non-members.
    pub un_group: Option<String>,
    pub m49_region: String,
    pub m49_sub_region: String,
    /// UN World Population Prospects 2024, 1 July 2025, persons.
    pub population: Option<u64>,
}

/// Freedom House's overall status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FhStatus {
    #[serde(rename = "F")]
    Free,
    #[serde(rename = "PF")]
    PartlyFree,
    #[serde(rename = "NF")]
    NotFree,
}

impl FhStatus {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "F" => Some(Self::Free),
            "PF" => Some(Self::PartlyFree),
            "NF" => Some(Self::NotFree),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Self::Free => "F",
            Self::PartlyFree => "PF",
            Self::NotFree => "NF",
        }
    }
}

impl fmt::Display for FhStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Free => "Free",
            Self::PartlyFree => "Partly Free",
            Self::NotFree => "Not Free",
        })
    }
}

/// One state's rating in one edition of *Freedom in the World*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FhRating {
    pub iso3: Iso3,
    pub status: FhStatus,
    /// Political Rights and Civil Liberties, 1 (most free) to 7.
    pub pr: u8,
    pub cl: u8,
    /// Aggregate score, at most 100, published from the FIW 2013 edition on. It can be
    /// negative: the discretionary question subtracts (Syria scored −1 in FIW 2015–2018).
    pub total: Option<i8>,
}

/// One edition of *Freedom in the World* (edition = year under review + 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FhEdition {
    pub edition: u16,
    pub year: u16,
    pub ratings: Vec<FhRating>,
}

/// V-Dem Regimes of the World.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    ClosedAutocracy,
    ElectoralAutocracy,
    ElectoralDemocracy,
    LiberalDemocracy,
}

impl Regime {
    /// The snake_case name used in charters, JSON and CSV.
    pub fn code(self) -> &'static str {
        match self {
            Self::ClosedAutocracy => "closed_autocracy",
            Self::ElectoralAutocracy => "electoral_autocracy",
            Self::ElectoralDemocracy => "electoral_democracy",
            Self::LiberalDemocracy => "liberal_democracy",
        }
    }
    pub fn from_code(code: u8) -> Option<Self> {
        match code {
            0 => Some(Self::ClosedAutocracy),
            1 => Some(Self::ElectoralAutocracy),
            2 => Some(Self::ElectoralDemocracy),
            3 => Some(Self::LiberalDemocracy),
            _ => None,
        }
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ClosedAutocracy => "closed autocracy",
            Self::ElectoralAutocracy => "electoral autocracy",
            Self::ElectoralDemocracy => "electoral democracy",
            Self::LiberalDemocracy => "liberal democracy",
        })
    }
}

/// One state's V-Dem values in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VdemRating {
    pub iso3: Iso3,
    pub regime: Option<Regime>,
    /// Electoral Democracy Index, 0–1.
    pub polyarchy: Option<f64>,
    /// Liberal Democracy Index, 0–1.
    pub libdem: Option<f64>,
}

/// One year of V-Dem data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VdemYear {
    pub year: u16,
    pub ratings: Vec<VdemRating>,
}

/// Everything known about the states, folded from the journal.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Registry {
    countries: BTreeMap<Iso3, Country>,
    /// edition → (year under review, ratings by state)
    fh: BTreeMap<u16, (u16, BTreeMap<Iso3, FhRating>)>,
    vdem: BTreeMap<u16, BTreeMap<Iso3, VdemRating>>,
}

impl Registry {
    pub fn add_countries(&mut self, countries: &[Country]) {
        for c in countries {
            self.countries.insert(c.iso3.clone(), c.clone());
        }
    }
    pub fn add_fh_edition(&mut self, ed: &FhEdition) {
        let by_state = ed
            .ratings
            .iter()
            .map(|r| (r.iso3.clone(), r.clone()))
            .collect();
        self.fh.insert(ed.edition, (ed.year, by_state));
    }
    pub fn add_vdem_year(&mut self, y: &VdemYear) {
        let by_state = y
            .ratings
            .iter()
            .map(|r| (r.iso3.clone(), r.clone()))
            .collect();
        self.vdem.insert(y.year, by_state);
    }

    pub fn countries(&self) -> impl Iterator<Item = &Country> {
        self.countries.values()
    }
    pub fn country(&self, iso3: &Iso3) -> Option<&Country> {
        self.countries.get(iso3)
    }
    pub fn latest_fh_edition(&self) -> Option<u16> {
        self.fh.keys().next_back().copied()
    }
    pub fn latest_vdem_year(&self) -> Option<u16> {
        self.vdem.keys().next_back().copied()
    }
    pub fn fh_editions(&self) -> impl Iterator<Item = u16> + '_ {
        self.fh.keys().copied()
    }
    pub fn vdem_years(&self) -> impl Iterator<Item = u16> + '_ {
        self.vdem.keys().copied()
    }
    pub fn fh(&self, iso3: &Iso3, edition: u16) -> Option<&FhRating> {
        self.fh.get(&edition).and_then(|(_, m)| m.get(iso3))
    }
    pub fn vdem(&self, iso3: &Iso3, year: u16) -> Option<&VdemRating> {
        self.vdem.get(&year).and_then(|m| m.get(iso3))
    }
    /// A state's Freedom House history, oldest edition first.
    pub fn fh_history<'a>(
        &'a self,
        iso3: &'a Iso3,
    ) -> impl Iterator<Item = (u16, &'a FhRating)> + 'a {
        self.fh
            .iter()
            .filter_map(move |(ed, (_, m))| m.get(iso3).map(|r| (*ed, r)))
    }
    /// A state's V-Dem history, oldest year first.
    pub fn vdem_history<'a>(
        &'a self,
        iso3: &'a Iso3,
    ) -> impl Iterator<Item = (u16, &'a VdemRating)> + 'a {
        self.vdem
            .iter()
            .filter_map(move |(y, m)| m.get(iso3).map(|r| (*y, r)))
    }
    /// The ratings an evaluation uses "as of now": the latest edition and year loaded.
    pub fn latest(&self) -> AsOf {
        AsOf {
            fh_edition: self.latest_fh_edition(),
            vdem_year: self.latest_vdem_year(),
        }
    }
}

/// Which edition and year an evaluation reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    pub fh_edition: Option<u16>,
    pub vdem_year: Option<u16>,
}

/// Which shipped CSV format a ratings file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingsSource {
    FreedomHouse,
    Vdem,
}

/// A ratings file as one import command per edition (Freedom House) or year (V-Dem), each
/// with its label (`FIW 2019`, `V-Dem 2024`), so an import can record and report them one at
/// a time; `only` keeps one edition or year. A byte-order mark is ignored.
pub fn edition_imports(
    source: RatingsSource,
    file: &str,
    text: &str,
    only: Option<u16>,
) -> Result<Vec<(String, crate::command::Command)>, DataError> {
    use crate::command::Command;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(match source {
        RatingsSource::FreedomHouse => parse_freedom_house(file, text)?
            .into_iter()
            .filter(|e| only.is_none_or(|o| o == e.edition))
            .map(|e| {
                (
                    format!("FIW {}", e.edition),
                    Command::Base(base::Command::ImportFreedomHouse { editions: vec![e] }),
                )
            })
            .collect(),
        RatingsSource::Vdem => parse_vdem(file, text)?
            .into_iter()
            .filter(|y| only.is_none_or(|o| o == y.year))
            .map(|y| {
                (
                    format!("V-Dem {}", y.year),
                    Command::Base(base::Command::ImportVdem { years: vec![y] }),
                )
            })
            .collect(),
    })
}

/// A state's latest ratings: the Freedom House (edition, status, score) and the V-Dem
/// (year, regime), for reports of what an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LatestRatings {
    pub fh: Option<(u16, FhStatus, Option<i8>)>,
    pub vdem: Option<(u16, Regime)>,
}

impl Registry {
    /// Every state's latest ratings, by code.
    pub fn latest_ratings(&self) -> BTreeMap<Iso3, LatestRatings> {
        let as_of = self.latest();
        self.countries()
            .map(|c| {
                let fh = as_of
                    .fh_edition
                    .and_then(|e| self.fh(&c.iso3, e).map(|x| (e, x.status, x.total)));
                let vdem = as_of
                    .vdem_year
                    .and_then(|y| self.vdem(&c.iso3, y).and_then(|x| x.regime.map(|g| (y, g))));
                (c.iso3.clone(), LatestRatings { fh, vdem })
            })
            .collect()
    }
}
