//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use crate::ids::Iso3;
use crate::journal::Hash;
use crate::registry::{Country, FhEdition, VdemYear};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The states of the world the registry knows, with codes, names, groups and population.
    StatesImported { states: Vec<Country> },
    /// One edition of Freedom House's *Freedom in the World*.
    FreedomHouseEditionImported(FhEdition),
    /// One year of V-Dem's Regimes of the World and indices.
    VdemYearImported(VdemYear),
    /// The alliance's charter, as its TOML source, adopted.
    CharterAdopted {
        name: String,
        source: String,
        sha256: Hash,
    },
    /// The states holding an organ's fixed seats.
    SeatsAssigned { organ: String, states: Vec<Iso3> },
    /// The public key that signs the journal's checkpoints (a C2SP verifier key,
    /// `<name>+<key id>+<base64>`).
    LogKeyPublished { key: String },
}
