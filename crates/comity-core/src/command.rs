//! What someone asks the institution to do. `decide` turns a command into events or a refusal.

use crate::registry::{Country, FhEdition, VdemYear};

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
}
