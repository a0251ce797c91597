//! Membership after founding: applications, reviews and their measures, democracy officers.

use crate::ids::Iso3;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A state applies for membership; the eligibility report is generated from the ratings.
    ApplyForMembership { state: Iso3 },
    /// Put an eligible application before the organ that decides accession.
    ReferApplication { application: u64 },
    /// Propose a measure in a review: it is tabled as a motion of kind `membership_review`.
    ProposeMeasure {
        review: u64,
        measure: crate::membership::Measure,
    },
    /// A member state names its democracy officer and the office's public contact.
    DesignateDemocracyOfficer {
        state: Iso3,
        name: String,
        office: String,
        contact: String,
    },
}
