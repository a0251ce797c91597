//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use crate::journal::Hash;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Volunteers joined the pool of an organ drawn by lot, numbered from `first`.
    VolunteersRegistered {
        organ: String,
        first: u64,
        volunteers: Vec<crate::assembly::Volunteer>,
    },
    /// The hash of the lottery's seed is published; the pool (the first `pool` volunteers)
    /// closes.
    DrawCommitted {
        organ: String,
        draw: u64,
        commitment: Hash,
        algorithm: String,
        pool: u64,
        panel_size: u64,
    },
    /// The seed revealed, the fairest distribution computed and the panel drawn from it.
    /// Probabilities are in parts per trillion (integers keep the journal's canonical JSON
    /// exact in every language that reads it).
    AssemblyDrawn {
        organ: String,
        draw: u64,
        seed: String,
        panel: Vec<u64>,
        min_probability_ppt: u64,
        probabilities_ppt: Vec<u64>,
        panels: u64,
    },
}
