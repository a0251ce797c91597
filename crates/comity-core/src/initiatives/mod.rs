//! Citizens' initiatives (MISSION 10, seed 001 point 11): registered by a citizens'
//! committee, checked for admissibility by the organ the charter names, open for signatures
//! for the collection period, verified, certified by sample, and — where they pass the
//! threshold in force at registration — put on that organ's agenda by right, with a deadline
//! for its answer.
//!
//! The threshold rule is data ([`Rule`], the charter's `[initiatives.threshold]`; the
//! European Citizens' Initiative ships as `initiatives/eci.toml`), frozen at registration:
//! the initiative keeps the table in force that day.
//!
//! Personal data never enters the journal. Signatures live in a side table (keyed hashes of
//! ID numbers and of name, birth date and postcode, for dedup); the journal records **batches**
//! (counts per member and the SHA-256 of the batch's rows), **invalidations** (with their
//! criterion, counts and rows' SHA-256, reversible), the **seed** of the certification's
//! sample (published before the draw) and each member's **certification** (the sample's size
//! and valid count; the Wilson lower bound and the certified count are re-derived here on
//! replay), and the **verdict** (re-derived from the counts under the frozen table).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::charter::InitiativesSpec;
use crate::ids::{Day, Iso3};
use crate::journal::Hash;
use crate::state::State;

mod apply;
mod auth;
mod command;
mod decide;
mod event;
mod refusal;
pub mod rule;
pub mod sample;
pub mod sign;

pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::decide;
pub use event::Event;
pub use refusal::Refusal;
pub use rule::{CheckError, Required, Rule, RuleSpec, Table, Verdict};
pub use sign::{Requirements, SignatureForm};

/// The European Citizens' Initiative's rule, as shipped (`initiatives/eci.toml`).
pub const ECI: &str = include_str!("../../../../initiatives/eci.toml");

/// The charter's `[initiatives]`, where it has one.
pub fn spec(state: &State) -> Option<&InitiativesSpec> {
    state.charter.as_ref()?.charter.initiatives.as_ref()
}

/// What `state`'s signatories must give and be, under the adopted charter (18 and nothing
/// more where the charter has no `[initiatives]`).
pub fn requirements(st: &State, state: &Iso3) -> Requirements {
    spec(st).map_or(
        Requirements {
            min_age: 18,
            id_number: false,
            address: false,
        },
        |s| s.signing(state),
    )
}

/// A member of the citizens' committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeMember {
    pub name: String,
    /// The member state the committee member is a citizen of.
    pub state: Iso3,
}

/// How signatures arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Signed through the form, one row each in the side table.
    Online,
    /// Paper sheets, counted by the organisers and handed in as a batch.
    Paper,
}

impl Channel {
    pub fn code(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Paper => "paper",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Online, Self::Paper]
            .into_iter()
            .find(|c| c.code() == s.trim())
    }
}

/// Why signatures were invalidated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// The same member and ID number's keyed hash as an earlier signature.
    Duplicate,
    /// The same name, birth date and postcode as an earlier signature.
    FuzzyDuplicate,
    /// The signatory is not eligible (age, nationality, residence), found on verification.
    Ineligible,
    /// The member's authority could not verify the statement.
    Unverifiable,
}

impl Criterion {
    pub const ALL: [Self; 4] = [
        Self::Duplicate,
        Self::FuzzyDuplicate,
        Self::Ineligible,
        Self::Unverifiable,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Self::Duplicate => "duplicate",
            Self::FuzzyDuplicate => "fuzzy_duplicate",
            Self::Ineligible => "ineligible",
            Self::Unverifiable => "unverifiable",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == s.trim())
    }
}

/// The threshold as frozen at registration: the table in force that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frozen {
    pub rule: String,
    pub total: u64,
    pub required_members: u32,
    pub table_from: Day,
    pub minimums: BTreeMap<Iso3, u64>,
    pub collection_months: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Admissibility {
    pub admissible: bool,
    pub reasons: String,
    pub day: Day,
    /// The collection period, first and last day (admissible initiatives).
    pub opens: Option<Day>,
    pub closes: Option<Day>,
}

/// A batch of signatures the journal records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Batch {
    pub batch: u64,
    pub channel: Channel,
    pub counts: BTreeMap<Iso3, u64>,
    /// SHA-256 of the rows the side table holds for it (online), or of the organisers' file
    /// (paper).
    pub rows_sha256: Hash,
    /// Paper sheets handed in (0 online).
    pub sheets: u64,
    pub source: String,
    pub day: Day,
    pub seq: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invalidation {
    pub invalidation: u64,
    pub criterion: Criterion,
    pub counts: BTreeMap<Iso3, u64>,
    /// SHA-256 of the invalidated rows' keys, in their order.
    pub rows_sha256: Hash,
    pub note: String,
    pub day: Day,
    pub seq: u64,
    /// Reversed: the day and the reasons.
    pub reversed: Option<(Day, String)>,
}

/// A member's certification by sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    /// Valid signatures the sample was drawn from.
    pub population: u64,
    pub sample: u64,
    /// Valid statements found in the sample.
    pub valid: u64,
    /// The 95 % Wilson lower bound of the valid rate, in parts per million (rounded down).
    pub lower_ppm: u64,
    /// `population × lower`, rounded down: what counts toward the threshold.
    pub certified: u64,
    pub day: Day,
    pub seq: u64,
}

/// The verdict, declared after the collection closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub passes: bool,
    pub total: u64,
    pub members_meeting_minimum: Vec<Iso3>,
    pub required_members: u32,
    pub day: Day,
    /// A passing initiative is on the organ's agenda until it answers, by this day.
    pub answer_by: Option<Day>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub text: String,
    pub day: Day,
    pub seq: u64,
}

/// One member's figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub online: u64,
    pub paper: u64,
    /// Invalidated and not reinstated.
    pub invalid: u64,
    /// `online + paper − invalid`.
    pub valid: u64,
    /// What counts toward the threshold: the certified count where certified, else `valid`.
    pub counted: u64,
    /// The frozen minimum (`None`: the member is not in the table).
    pub minimum: Option<u64>,
}

impl Tally {
    pub fn meets(&self) -> bool {
        self.minimum.is_some_and(|m| self.counted >= m)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Awaiting the organ's check of admissibility.
    Registered,
    Inadmissible,
    /// Admissible; collecting (or about to).
    Collecting,
    /// The collection is over; verification and certification.
    Verifying,
    /// Passed and on the organ's agenda, awaiting its answer.
    Passed,
    Failed,
    Answered,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Self::Registered => "registered",
            Self::Inadmissible => "inadmissible",
            Self::Collecting => "collecting",
            Self::Verifying => "verifying",
            Self::Passed => "passed",
            Self::Failed => "failed",
            Self::Answered => "answered",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: u64,
    pub title: String,
    pub objective: String,
    pub committee: Vec<CommitteeMember>,
    pub registered: Day,
    pub seq: u64,
    pub frozen: Frozen,
    pub admissibility: Option<Admissibility>,
    pub batches: Vec<Batch>,
    pub invalidations: Vec<Invalidation>,
    /// The collection closed on this day (no more batches or invalidations).
    pub closed: Option<Day>,
    /// The seed of the certification samples, published on this day.
    pub seed: Option<(String, Day)>,
    pub certifications: BTreeMap<Iso3, Certification>,
    pub outcome: Option<Outcome>,
    pub answer: Option<Answer>,
}

impl Initiative {
    pub fn status(&self) -> Status {
        match (&self.admissibility, &self.outcome, &self.answer) {
            (None, _, _) => Status::Registered,
            (Some(a), _, _) if !a.admissible => Status::Inadmissible,
            (_, _, Some(_)) => Status::Answered,
            (_, Some(o), None) if o.passes => Status::Passed,
            (_, Some(_), None) => Status::Failed,
            (_, None, _) if self.closed.is_some() => Status::Verifying,
            _ => Status::Collecting,
        }
    }

    /// Each member's figures: every member with a minimum or a signature.
    pub fn tallies(&self) -> BTreeMap<Iso3, Tally> {
        let mut out: BTreeMap<Iso3, Tally> = self
            .frozen
            .minimums
            .iter()
            .map(|(s, m)| {
                (
                    s.clone(),
                    Tally {
                        minimum: Some(*m),
                        ..Tally::default()
                    },
                )
            })
            .collect();
        for b in &self.batches {
            for (s, n) in &b.counts {
                let t = out.entry(s.clone()).or_default();
                match b.channel {
                    Channel::Online => t.online += n,
                    Channel::Paper => t.paper += n,
                }
            }
        }
        for i in self.invalidations.iter().filter(|i| i.reversed.is_none()) {
            for (s, n) in &i.counts {
                out.entry(s.clone()).or_default().invalid += n;
            }
        }
        for (s, t) in &mut out {
            t.valid = (t.online + t.paper).saturating_sub(t.invalid);
            t.counted = self.certifications.get(s).map_or(t.valid, |c| c.certified);
        }
        out
    }

    /// The verdict on the counts as they stand, under the frozen table.
    pub fn verdict(&self) -> (bool, u64, Vec<Iso3>) {
        let tallies = self.tallies();
        let total: u64 = tallies
            .values()
            .filter(|t| t.minimum.is_some())
            .map(|t| t.counted)
            .sum();
        let meeting: Vec<Iso3> = tallies
            .iter()
            .filter(|(_, t)| t.meets())
            .map(|(s, _)| s.clone())
            .collect();
        let passes = total >= self.frozen.total
            && meeting.len() as u64 >= u64::from(self.frozen.required_members);
        (passes, total, meeting)
    }

    /// The collection period, where admissible.
    pub fn period(&self) -> Option<(Day, Day)> {
        let a = self.admissibility.as_ref()?;
        Some((a.opens?, a.closes?))
    }
}

/// The institution's initiatives.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Initiatives {
    pub initiatives: BTreeMap<u64, Initiative>,
}

impl Initiatives {
    /// Initiatives that passed and await the organ's answer: its agenda by right.
    pub fn on_agenda(&self) -> impl Iterator<Item = &Initiative> {
        self.initiatives
            .values()
            .filter(|i| i.status() == Status::Passed)
    }
}

/// The last day of a period of `months` that opens on `opens`.
pub fn period_end(opens: Day, months: u32) -> Option<Day> {
    let end = crate::organs::add_months(opens.date(), u64::from(months))?;
    end.previous_day().map(Day::from_date)
}
