//! Joint smart sanctions (seed 001, points 8–9): persons and entities listed for gross
//! human-rights abuse or gross interference in members' democratic processes, on value-based
//! criteria only.
//!
//! A **case** is a listing proposal: the target (names in any script, weak aliases marked,
//! birth dates, nationalities, identifiers, addresses), its **grounds** coded against the
//! charter's `[sanctions]` criteria (a ground the charter does not name is refused), the
//! evidence dossier (sources and a reliability grade) and the statement of reasons. It is
//! decided by a motion of the charter's decision kind, so the organ's rule and the networks'
//! powers apply. A listed case is implemented by each member (adopted with its national
//! instrument, or declined with a reason), reviewed at the end of each period (renewed, or a
//! delisting proposed and decided by motion), and stays in history with its end date.
//!
//! Derived, never recorded: the **consistency check** (two decided cases with the same grounds
//! and grade but different outcomes, which must carry a written justification), each
//! member's lag from the listing to its national act, and the members pending past the
//! deadline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::charter::SanctionsSpec;
use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;
use crate::state::State;

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod event;
pub mod export;
mod refusal;

pub use acts::{SanctionsActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{after_close, decide};
pub use event::Event;
pub use refusal::Refusal;

/// What a listing targets, in FollowTheMoney's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TargetSchema {
    Person,
    Organization,
    Company,
    Vessel,
}

impl TargetSchema {
    pub const ALL: [Self; 4] = [
        Self::Person,
        Self::Organization,
        Self::Company,
        Self::Vessel,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Person => "Person",
            Self::Organization => "Organization",
            Self::Company => "Company",
            Self::Vessel => "Vessel",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|x| x.code().eq_ignore_ascii_case(s.trim()))
    }

    /// The identifier kinds a target of this schema may carry.
    pub fn id_kinds(self) -> Vec<IdKind> {
        IdKind::ALL
            .into_iter()
            .filter(|k| k.property(self).is_some())
            .collect()
    }
}

/// A kind of identifier, and the FollowTheMoney property it is exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    Passport,
    NationalId,
    Imo,
    Registration,
    SwiftBic,
    Tax,
}

impl IdKind {
    pub const ALL: [Self; 6] = [
        Self::Passport,
        Self::NationalId,
        Self::Imo,
        Self::Registration,
        Self::SwiftBic,
        Self::Tax,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Passport => "passport",
            Self::NationalId => "national_id",
            Self::Imo => "imo",
            Self::Registration => "registration",
            Self::SwiftBic => "swift_bic",
            Self::Tax => "tax",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s.trim())
    }

    /// The FollowTheMoney property of this identifier on a target of `schema`, or `None`
    /// where the schema has none (a passport of a company, an IMO number of a person).
    pub fn property(self, schema: TargetSchema) -> Option<&'static str> {
        use TargetSchema::*;
        match (self, schema) {
            (Self::Passport, Person) => Some("passportNumber"),
            (Self::NationalId, Person | Organization | Company) => Some("idNumber"),
            (Self::Imo, Vessel | Company) => Some("imoNumber"),
            (Self::Registration, _) => Some("registrationNumber"),
            (Self::SwiftBic, Organization | Company) => Some("swiftBic"),
            (Self::Tax, Person | Organization | Company) => Some("taxNumber"),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifier {
    pub kind: IdKind,
    pub value: String,
}

/// The person or entity a listing names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub schema: TargetSchema,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Nicknames and low-quality aliases: shown, exported as `weakAlias`, never a match on
    /// their own in screening.
    #[serde(default)]
    pub weak_aliases: Vec<String>,
    /// ISO dates, possibly partial (`1953`, `1953-08`, `1953-08-27`): birth for a person,
    /// incorporation for an entity.
    #[serde(default)]
    pub birth_dates: Vec<String>,
    /// ISO 3166-1 alpha-2 codes, lower case (nationality, or where an entity is based or a
    /// vessel flagged).
    #[serde(default)]
    pub nationalities: Vec<String>,
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    #[serde(default)]
    pub addresses: Vec<String>,
}

/// How reliable the evidence is: `A` an official act with a statement of reasons, `B` an
/// official statement or press release, `C` credible independent reporting (a UN panel, an
/// investigative body, an NGO's documented report), `D` not yet corroborated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Grade {
    A,
    B,
    C,
    D,
}

impl Grade {
    pub const ALL: [Self; 4] = [Self::A, Self::B, Self::C, Self::D];

    pub fn code(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|x| x.code().eq_ignore_ascii_case(s.trim()))
    }
}

/// A source of the evidence dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub date: Option<Day>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub grade: Grade,
    pub sources: Vec<Source>,
}

/// What the alliance decided on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub listed: bool,
    pub day: Day,
    pub motion: u64,
}

/// A member's act on a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Implementation {
    pub adopted: bool,
    pub day: Day,
    /// The national instrument (adopted) or the reason (declined).
    pub text: String,
    pub seq: u64,
}

/// A review of a listing: renewed, or a delisting proposed (and then decided).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub day: Day,
    pub reasons: String,
    /// `None` when renewed; the delisting motion otherwise.
    pub delisting: Option<u64>,
    /// For a delisting: whether its motion delisted (`None` while it is open).
    pub delisted: Option<bool>,
    pub seq: u64,
}

/// A listing proposal and everything that followed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: u64,
    pub target: Target,
    /// Criterion codes, sorted, once each.
    pub grounds: Vec<String>,
    pub evidence: Evidence,
    pub reasons: String,
    /// The motion that decides the listing.
    pub motion: u64,
    pub proposed: Timestamp,
    pub seq: u64,
    pub decision: Option<Decision>,
    pub implementations: BTreeMap<Iso3, Implementation>,
    pub reviews: Vec<Review>,
    /// The day a delisting took effect.
    pub ended: Option<Day>,
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Its motion has not closed.
    Proposed,
    Rejected,
    Listed,
    Delisted,
}

impl Status {
    pub const ALL: [Self; 4] = [Self::Proposed, Self::Rejected, Self::Listed, Self::Delisted];

    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Rejected => "rejected",
            Self::Listed => "listed",
            Self::Delisted => "delisted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s.trim())
    }
}

/// A member's standing on a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum National {
    Adopted {
        lag_days: i64,
    },
    Declined,
    /// Not yet; `overdue` past the charter's deadline.
    Pending {
        overdue: bool,
    },
}

impl Case {
    pub fn status(&self) -> Status {
        match (self.decision, self.ended) {
            (None, _) => Status::Proposed,
            (Some(d), _) if !d.listed => Status::Rejected,
            (Some(_), Some(_)) => Status::Delisted,
            (Some(_), None) => Status::Listed,
        }
    }

    /// The day the listing took effect.
    pub fn listed_on(&self) -> Option<Day> {
        self.decision.filter(|d| d.listed).map(|d| d.day)
    }

    /// The open delisting motion, if any.
    pub fn pending_delisting(&self) -> Option<u64> {
        self.reviews
            .iter()
            .rev()
            .find(|r| r.delisting.is_some() && r.delisted.is_none())
            .and_then(|r| r.delisting)
    }

    /// When the listing is next reviewed: a period after the listing or after the last
    /// review that renewed it (or whose delisting failed).
    pub fn review_due(&self, spec: &SanctionsSpec) -> Option<Day> {
        if self.status() != Status::Listed {
            return None;
        }
        let from = self
            .reviews
            .iter()
            .rev()
            .find(|r| r.delisting.is_none() || r.delisted == Some(false))
            .map(|r| r.day)
            .or(self.listed_on())?;
        crate::organs::add_months(from.date(), u64::from(spec.review_months())).map(Day::from_date)
    }

    /// A member's standing on `today`.
    pub fn national(&self, member: &Iso3, spec: &SanctionsSpec, today: Day) -> Option<National> {
        let listed = self.listed_on()?;
        Some(match self.implementations.get(member) {
            Some(i) if i.adopted => National::Adopted {
                lag_days: (i.day.date() - listed.date()).whole_days(),
            },
            Some(_) => National::Declined,
            None => National::Pending {
                overdue: (today.date() - listed.date()).whole_days()
                    > i64::from(spec.implementation_days()),
            },
        })
    }

    /// The first name and the target's schema: how a case is shown.
    pub fn caption(&self) -> String {
        format!("{} ({})", self.target.name, self.target.schema.code())
    }
}

/// A written justification of two cases decided differently on the same grounds and grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Justification {
    /// The two cases, the smaller id first.
    pub a: u64,
    pub b: u64,
    pub text: String,
    pub seq: u64,
    pub time: Timestamp,
}

/// A published release of the consolidated list: what it held and the SHA-256 of each file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub release: u64,
    /// The cases in force, in order.
    pub cases: Vec<u64>,
    pub ftm_sha256: Hash,
    pub csv_sha256: Hash,
    pub seq: u64,
    pub time: Timestamp,
}

/// Two decided cases with the same grounds and evidence grade and different outcomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    /// The listed case, then the rejected one.
    pub listed: u64,
    pub rejected: u64,
    pub grounds: Vec<String>,
    pub grade: Grade,
    pub justified: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sanctions {
    pub cases: BTreeMap<u64, Case>,
    pub justifications: Vec<Justification>,
    pub releases: Vec<Release>,
}

impl Sanctions {
    /// Every pair of decided cases with the same grounds and grade but different outcomes
    /// ("the same grounds must give the same outcome"), justified or not, in case order.
    pub fn inconsistencies(&self) -> Vec<Inconsistency> {
        let decided: Vec<&Case> = self
            .cases
            .values()
            .filter(|c| c.decision.is_some())
            .collect();
        let mut out = Vec::new();
        for (i, a) in decided.iter().enumerate() {
            for b in &decided[i + 1..] {
                let (Some(da), Some(db)) = (a.decision, b.decision) else {
                    continue;
                };
                if da.listed == db.listed
                    || a.grounds != b.grounds
                    || a.evidence.grade != b.evidence.grade
                {
                    continue;
                }
                let (listed, rejected) = if da.listed {
                    (a.id, b.id)
                } else {
                    (b.id, a.id)
                };
                out.push(Inconsistency {
                    listed,
                    rejected,
                    grounds: a.grounds.clone(),
                    grade: a.evidence.grade,
                    justified: self.justification(a.id, b.id).is_some(),
                });
            }
        }
        out
    }

    /// The justification of a pair of cases, in either order.
    pub fn justification(&self, a: u64, b: u64) -> Option<&Justification> {
        let (a, b) = pair(a, b);
        self.justifications.iter().find(|j| j.a == a && j.b == b)
    }

    /// The case a motion decides (listing or delisting), if any.
    pub fn case_of_motion(&self, motion: u64) -> Option<&Case> {
        self.cases
            .values()
            .find(|c| c.motion == motion || c.reviews.iter().any(|r| r.delisting == Some(motion)))
    }

    /// The cases in force (listed, not delisted), in order.
    pub fn in_force(&self) -> impl Iterator<Item = &Case> {
        self.cases.values().filter(|c| c.status() == Status::Listed)
    }
}

/// The key of a pair of cases.
pub fn pair(a: u64, b: u64) -> (u64, u64) {
    (a.min(b), a.max(b))
}

/// The charter's `[sanctions]`, if the state has a charter that has one.
pub fn spec(state: &State) -> Option<&SanctionsSpec> {
    state.charter.as_ref()?.charter.sanctions.as_ref()
}
