//! Membership after founding: applications with their eligibility report, reviews of members
//! whose ratings fell, the measures a review may end in, and members' democracy officers.
//!
//! An application is recorded whatever the ratings say; the report says whether the state
//! meets the charter's criterion and why. Only an eligible application is referred to the
//! deciding organ (the decision kind `accession`); when that motion's final vote closes,
//! the state is admitted or the application refused. A review opens by itself when new
//! ratings take a member below the criterion; a measure (warning, suspension of voting
//! rights, termination) is proposed as a motion of kind `membership_review` and takes effect
//! when adopted. A suspended member keeps its seats but casts no vote.

use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, Timestamp};

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod event;
mod refusal;

pub use acts::{MembershipActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{after_close, check_not_suspended, decide};
pub use event::Event;
pub use refusal::Refusal;

/// How a state became a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Admission {
    Founding,
    Accession,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    /// Recorded, with its report; not (yet) before the deciding organ.
    Received,
    /// Tabled as a motion of kind `accession`.
    Referred,
    Admitted,
    Refused,
}

impl ApplicationStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Referred => "referred",
            Self::Admitted => "admitted",
            Self::Refused => "refused",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub id: u64,
    pub state: Iso3,
    pub seq: u64,
    pub time: Timestamp,
    /// The criterion it was judged by, and the secretariat's eligibility report.
    pub criterion: String,
    pub eligible: bool,
    pub report: String,
    pub motion: Option<u64>,
    pub status: ApplicationStatus,
}

/// What a review of a member may end in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Warning,
    /// Suspension of voting rights.
    Suspension,
    Termination,
}

impl Measure {
    pub fn code(self) -> &'static str {
        match self {
            Self::Warning => "warning",
            Self::Suspension => "suspension",
            Self::Termination => "termination",
        }
    }
}

/// A member's standing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    #[default]
    Good,
    Warned,
    /// Voting rights suspended by the review with this number.
    Suspended(u64),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: u64,
    pub state: Iso3,
    /// The organ that decides the review (from the decision kind `membership_review`).
    pub organ: String,
    pub criterion: String,
    pub edition: String,
    /// The rating change that opened it, in words.
    pub evidence: String,
    pub opened_seq: u64,
    pub opened_at: Timestamp,
    /// The motion proposing a measure, and the measure.
    pub motion: Option<u64>,
    pub proposed: Option<Measure>,
    /// The measure taken, which closes the review.
    pub taken: Option<Measure>,
    /// Measures proposed and rejected: (motion, measure).
    pub rejected: Vec<(u64, Measure)>,
}

/// A member state's democracy officer (seed 003): the public contact for the alliance's work
/// on democracy in that state. An office's public address, not a private one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemocracyOfficer {
    pub name: String,
    pub office: String,
    pub contact: String,
    pub seq: u64,
    pub time: Timestamp,
}
