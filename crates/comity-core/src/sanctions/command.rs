//! Acts of joint smart sanctions.

use super::{Evidence, Target};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;
use crate::motion::Seat;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Propose listing a person or entity: tables a motion of the charter's sanctions
    /// decision kind, which decides it.
    ProposeListing {
        target: Target,
        grounds: Vec<String>,
        evidence: Evidence,
        reasons: String,
        sponsor: Seat,
    },
    /// A member's national act on a listing: adopted (with its instrument) or declined (with
    /// its reason), on `day`.
    RecordImplementation {
        case: u64,
        state: Iso3,
        adopted: bool,
        day: Day,
        text: String,
    },
    /// Review a listing: renew it, or propose delisting it (tabled as a motion of the same
    /// kind).
    ReviewListing {
        case: u64,
        renew: bool,
        reasons: String,
        sponsor: Seat,
    },
    /// Justify two cases decided differently on the same grounds and grade.
    JustifyDifference { a: u64, b: u64, text: String },
    /// Publish a release of the consolidated list: the SHA-256 of its FollowTheMoney and CSV
    /// files (which the caller wrote from the cases in force).
    PublishRelease {
        cases: Vec<u64>,
        ftm_sha256: Hash,
        csv_sha256: Hash,
    },
}
