//! Acts on citizens' initiatives.

use std::collections::BTreeMap;

use super::{Channel, CommitteeMember, Criterion};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Register an initiative for its citizens' committee: the threshold in force today is
    /// frozen with it.
    Register {
        title: String,
        objective: String,
        committee: Vec<CommitteeMember>,
    },
    /// The organ's check: admissible (collecting from `opens` for the rule's months) or not,
    /// with reasons.
    DecideAdmissibility {
        initiative: u64,
        admissible: bool,
        reasons: String,
        opens: Day,
    },
    /// A batch of signatures: online (the side table holds its rows, whose SHA-256 this is)
    /// or paper (sheets counted by the organisers; the SHA-256 of their file).
    RecordSignatures {
        initiative: u64,
        channel: Channel,
        counts: BTreeMap<Iso3, u64>,
        rows_sha256: Hash,
        sheets: u64,
        source: String,
    },
    /// Signatures found invalid on verification, by criterion.
    Invalidate {
        initiative: u64,
        criterion: Criterion,
        counts: BTreeMap<Iso3, u64>,
        rows_sha256: Hash,
        note: String,
    },
    /// Undo an invalidation found wrong (before the sample's seed is published).
    ReverseInvalidation {
        initiative: u64,
        invalidation: u64,
        reasons: String,
    },
    /// End the collection (any day once it opened: the committee may end it early): no
    /// more batches.
    CloseCollection { initiative: u64 },
    /// Publish the seed the certification samples are drawn from, before any draw.
    PublishSeed { initiative: u64, seed: String },
    /// A member's authority checked the sample drawn from the seed: `valid` of `sample`.
    Certify {
        initiative: u64,
        state: Iso3,
        sample: u64,
        valid: u64,
    },
    /// Declare the verdict on the counted signatures under the frozen threshold.
    DeclareVerdict { initiative: u64 },
    /// The organ's answer to an initiative that passed.
    Answer { initiative: u64, text: String },
}
