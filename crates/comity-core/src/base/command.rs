//! The founding acts: reference data (states, ratings), the charter, the founding members, seats.

use crate::ids::Iso3;
use crate::registry::{Country, FhEdition, VdemYear};

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Load or update the states of the world.
    ImportStates { states: Vec<Country> },
    /// Load editions of Freedom in the World; members that fall below the criterion are flagged.
    ImportFreedomHouse { editions: Vec<FhEdition> },
    /// Load years of V-Dem; members that fall below the criterion are flagged.
    ImportVdem { years: Vec<VdemYear> },
    /// Adopt the founding charter (`file` names it in error messages).
    AdoptCharter { file: String, source: String },
    /// Admit the founding members the charter names, each judged by its criterion.
    AdmitFoundingMembers,
    /// Record who holds an organ's fixed seats (the result of an election or appointment).
    AssignSeats { organ: String, states: Vec<Iso3> },
    /// Publish the public key that signs the journal's checkpoints (a C2SP verifier key),
    /// once: the journal itself then says which key its checkpoints carry.
    PublishLogKey { key: String },
}
