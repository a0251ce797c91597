//! The citizens' assembly drawn by lot: volunteers (a salted hash and the quota features in
//! the public journal; names and contacts never), commitments to the lottery's seed, and
//! draws. The selection itself is `comity_sortition`'s; this module turns the journal's
//! facts into its instance.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use comity_sortition::{Feature, Instance, Person, Quota};

use crate::charter::Sortition;
use crate::journal::Hash;

/// One volunteer as the journal records them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Volunteer {
    /// SHA-256 of a secret salt and the person's details: it proves registration to the
    /// person holding the salt and reveals nothing to anyone else.
    pub hash: Hash,
    /// Feature → value, one per quota feature of the charter.
    pub features: BTreeMap<String, String>,
    /// A salted hash of the address, where households are limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<Hash>,
}

/// A lottery: committed to a seed's hash, then drawn by revealing the seed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draw {
    pub number: u64,
    pub commitment: Hash,
    pub algorithm: String,
    /// The pool is the first `pool` volunteers: registration closes at the commitment.
    pub pool: usize,
    pub panel_size: usize,
    pub committed_seq: u64,
    pub result: Option<DrawResult>,
}

/// What a draw gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DrawResult {
    pub seq: u64,
    pub seed: String,
    /// Volunteer numbers (1-based) on the panel, ascending.
    pub panel: Vec<u64>,
    /// The smallest selection probability, in parts per trillion.
    pub min_probability_ppt: u64,
    /// Each pooled volunteer's selection probability in parts per trillion, in volunteer order.
    pub probabilities_ppt: Vec<u64>,
    /// Panels in the distribution's support.
    pub panels: usize,
}

/// An organ drawn by lot, as the journal has built it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Assembly {
    pub volunteers: Vec<Volunteer>,
    pub draws: BTreeMap<u64, Draw>,
}

impl Assembly {
    /// The draw committed and not yet drawn, if any.
    pub fn pending(&self) -> Option<&Draw> {
        self.draws.values().find(|d| d.result.is_none())
    }

    /// The latest completed draw.
    pub fn latest(&self) -> Option<(&Draw, &DrawResult)> {
        self.draws
            .values()
            .rev()
            .find_map(|d| d.result.as_ref().map(|r| (d, r)))
    }

    /// Volunteer ids as the instance names them: `v1`, `v2`, …
    pub fn volunteer_id(number: usize) -> String {
        format!("v{number}")
    }

    /// The selection instance of the first `pool` volunteers under the charter's quotas.
    pub fn instance(&self, rules: &Sortition, pool: usize, panel_size: usize) -> Instance {
        let features: Vec<Feature> = rules
            .features()
            .into_iter()
            .map(|(name, rows)| Feature {
                name: name.to_owned(),
                values: rows
                    .iter()
                    .map(|q| Quota {
                        value: q.value.clone(),
                        min: q.min,
                        max: q.max,
                    })
                    .collect(),
            })
            .collect();
        let people = self
            .volunteers
            .iter()
            .take(pool)
            .enumerate()
            .map(|(i, v)| Person {
                id: Self::volunteer_id(i + 1),
                values: features
                    .iter()
                    .map(|f| {
                        let given = v.features.get(&f.name);
                        f.values
                            .iter()
                            .position(|q| Some(&q.value) == given)
                            .unwrap_or(0)
                    })
                    .collect(),
                household: v.household.map(|h| h.to_string()),
            })
            .collect();
        Instance {
            features,
            people,
            panel_size,
            one_per_household: rules.one_per_household,
        }
    }
}

/// A probability in parts per trillion, as the journal records it.
pub fn to_ppt(p: f64) -> u64 {
    (p.clamp(0.0, 1.0) * 1e12).round() as u64
}

/// The seed's commitment: SHA-256 of its UTF-8 bytes.
pub fn commitment(seed: &str) -> Hash {
    use sha2::{Digest, Sha256};
    Hash(Sha256::digest(seed.as_bytes()).into())
}
