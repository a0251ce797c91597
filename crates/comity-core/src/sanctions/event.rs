//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use super::{Evidence, Target};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A listing was proposed; `motion` (tabled with it) decides it.
    ListingProposed {
        case: u64,
        motion: u64,
        target: Target,
        grounds: Vec<String>,
        evidence: Evidence,
        reasons: String,
    },
    /// The proposal's motion closed: listed from `day`, or rejected.
    ListingDecided {
        case: u64,
        motion: u64,
        listed: bool,
        day: Day,
    },
    /// A member's national act on a listing.
    ImplementationRecorded {
        case: u64,
        state: Iso3,
        adopted: bool,
        day: Day,
        text: String,
    },
    /// A review renewed the listing.
    ListingRenewed {
        case: u64,
        day: Day,
        reasons: String,
    },
    /// A review proposed delisting; `motion` decides it.
    DelistingProposed {
        case: u64,
        motion: u64,
        day: Day,
        reasons: String,
    },
    /// The delisting's motion closed: delisted from `day`, or the listing stays.
    DelistingDecided {
        case: u64,
        motion: u64,
        delisted: bool,
        day: Day,
    },
    DifferenceJustified {
        a: u64,
        b: u64,
        text: String,
    },
    /// A release of the consolidated list: the cases it holds and its files' SHA-256.
    ReleasePublished {
        release: u64,
        cases: Vec<u64>,
        ftm_sha256: Hash,
        csv_sha256: Hash,
    },
}
