//! Acts on pledges.

use super::{Level, PledgeSpec, Reading, Source};
use crate::auth::Role;
use crate::ids::Day;
use crate::journal::Hash;

/// A report on one indicator, as filed.
#[derive(Debug, Clone, PartialEq)]
pub struct NewReport {
    pub indicator: String,
    pub source: Source,
    /// The role its author files under (checked against the source's lane).
    pub role: Role,
    pub date: Day,
    pub reading: Reading,
    pub note: String,
}

/// A completion level, for the pledge or one of its milestones.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAssessment {
    pub milestone: Option<String>,
    pub source: Source,
    pub role: Role,
    pub date: Day,
    pub level: Level,
    pub note: String,
}

/// One pledge of an import: its definition (made now, or the same as recorded) and what the
/// sources reported on it (what is recorded already is not recorded twice).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedPledge {
    pub spec: PledgeSpec,
    pub reports: Vec<NewReport>,
    pub assessments: Vec<NewAssessment>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A member state or an organ makes a pledge.
    Make(PledgeSpec),
    /// A source reports a value of an indicator.
    Report { pledge: String, report: NewReport },
    /// A source rates how far the pledge or a milestone was carried out.
    Assess {
        pledge: String,
        assessment: NewAssessment,
    },
    /// Pledges and reports from a file, recorded together (the secretariat transcribes
    /// published reports; each keeps its author's role).
    Import {
        file: String,
        sha256: Hash,
        pledges: Vec<ImportedPledge>,
    },
}
