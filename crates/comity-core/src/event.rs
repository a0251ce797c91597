//! What happened: the facts the journal records. `State::apply` folds them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ids::Iso3;
use crate::journal::Hash;
use crate::registry::{Country, FhEdition, VdemYear};

/// How a state became a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Admission {
    Founding,
    Accession,
}

/// One recorded fact. The journal stores it as `kind` (the variant's snake_case name) and
/// `payload` (its fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload", rename_all = "snake_case")]
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
}

impl Event {
    /// Split into the journal's `kind` and `payload` columns.
    pub fn to_parts(&self) -> (String, Value) {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut m)) => {
                let kind = match m.remove("kind") {
                    Some(Value::String(k)) => k,
                    _ => String::new(),
                };
                (kind, m.remove("payload").unwrap_or(Value::Null))
            }
            _ => (String::new(), Value::Null),
        }
    }

    pub fn from_parts(kind: &str, payload: &Value) -> Result<Self, serde_json::Error> {
        serde_json::from_value(serde_json::json!({ "kind": kind, "payload": payload }))
    }

    pub fn kind(&self) -> String {
        self.to_parts().0
    }
}
