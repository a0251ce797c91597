//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use crate::ids::Iso3;
use crate::membership::Admission;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A state became a member; `reason` is the eligibility verdict it was admitted on.
    MemberAdmitted {
        state: Iso3,
        admission: Admission,
        criterion: String,
        reason: String,
    },
    /// A member's rating fell below the charter's criterion: it is flagged for review.
    MemberFlaggedForReview {
        state: Iso3,
        criterion: String,
        edition: String,
        change: String,
    },
    /// A state applied for membership; `report` is the eligibility report under `criterion`.
    MembershipApplied {
        application: u64,
        state: Iso3,
        criterion: String,
        eligible: bool,
        report: String,
    },
    /// An eligible application put before the deciding organ as motion `motion`.
    ApplicationReferred { application: u64, motion: u64 },
    /// The accession motion's vote closed: admitted (with `member_admitted`) or refused.
    ApplicationDecided { application: u64, admitted: bool },
    /// A member fell below the criterion: a review opens in the organ the charter names.
    ReviewOpened {
        review: u64,
        state: Iso3,
        organ: String,
        criterion: String,
        edition: String,
        evidence: String,
    },
    /// A measure proposed in a review, as motion `motion` of kind `membership_review`.
    ReviewReferred {
        review: u64,
        motion: u64,
        measure: crate::membership::Measure,
    },
    /// The review's motion closed: the measure taken, or none if it was rejected.
    ReviewDecided {
        review: u64,
        state: Iso3,
        measure: Option<crate::membership::Measure>,
    },
    /// A member state named its democracy officer (replacing any before).
    DemocracyOfficerDesignated {
        state: Iso3,
        name: String,
        office: String,
        contact: String,
    },
}
