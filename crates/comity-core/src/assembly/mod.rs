//! The citizens' assembly drawn by lot: volunteers (a salted hash and the quota features in
//! the public journal; names and contacts never), commitments to the lottery's seed, and
//! draws. The selection itself is `comity_sortition`'s; this module turns the journal's
//! facts into its instance.

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod error;
mod event;
mod refusal;

pub use acts::{AssemblyActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{decide, draw, rules};
pub use error::SortitionError;
pub use event::Event;

/// How far a draw's selection has come (stages, types fixed), for progress bars.
pub use comity_sortition::Progress as DrawProgress;
pub use refusal::Refusal;
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draw {
    pub number: u64,
    pub commitment: Hash,
    pub algorithm: String,
    /// The pool is the first `pool` volunteers: registration closes at the commitment.
    pub pool: usize,
    /// The pool's digest when the commitment closed it (see [`Assembly::digest`]).
    pub digest: Hash,
    pub panel_size: usize,
    pub committed_seq: u64,
    pub result: Option<DrawResult>,
}

/// What a draw gave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// An organ drawn by lot, as the journal has built it. The volunteers themselves (a pool
/// may hold hundreds of thousands) are not kept here: the store keeps them in a read table
/// written with the entries that register them, and hands the pool to the commands that
/// need it ([`Command::CommitDraw`], [`Command::DrawAssembly`]). What the state keeps is how
/// many registered, how many of each quota value, and a digest of the pool in order, against
/// which a pool handed in is checked before anything is decided on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assembly {
    /// Volunteers registered so far; they are numbered from 1 in this order.
    pub registered: u64,
    /// Feature → value → how many registered volunteers have it.
    pub counts: BTreeMap<String, BTreeMap<String, u64>>,
    /// The running digest of the volunteers in order: `d₀` is all zeros and
    /// `dₙ = SHA-256(dₙ₋₁ ‖ canonical JSON of volunteer n)`.
    pub digest: Hash,
    pub draws: BTreeMap<u64, Draw>,
}

impl Default for Assembly {
    fn default() -> Self {
        Self {
            registered: 0,
            counts: BTreeMap::new(),
            digest: Hash([0; 32]),
            draws: BTreeMap::new(),
        }
    }
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

    /// How many registered volunteers have each (feature, value).
    pub fn count(&self, feature: &str, value: &str) -> u64 {
        self.counts
            .get(feature)
            .and_then(|v| v.get(value))
            .copied()
            .unwrap_or(0)
    }

    /// Volunteer ids as the instance names them: `v1`, `v2`, …
    pub fn volunteer_id(number: usize) -> String {
        format!("v{number}")
    }

    /// Fold newly registered volunteers into the counts and the digest.
    pub fn register(&mut self, volunteers: &[Volunteer]) {
        for v in volunteers {
            for (f, value) in &v.features {
                *self
                    .counts
                    .entry(f.clone())
                    .or_default()
                    .entry(value.clone())
                    .or_insert(0) += 1;
            }
        }
        self.digest = digest(self.digest, volunteers);
        self.registered += volunteers.len() as u64;
    }
}

/// The pool digest after `volunteers` follow a pool whose digest is `prev`.
pub fn digest(prev: Hash, volunteers: &[Volunteer]) -> Hash {
    use sha2::{Digest, Sha256};
    volunteers.iter().fold(prev, |d, v| {
        let mut h = Sha256::new();
        h.update(d.0);
        // A volunteer's JSON is canonical: fields in declaration order, features sorted.
        h.update(serde_json::to_vec(v).unwrap_or_default());
        Hash(h.finalize().into())
    })
}

/// Whether `pool` is the first `size` volunteers the journal registered, whose digest the
/// state kept as `expected`.
pub fn pool_matches(pool: &[Volunteer], size: usize, expected: Hash) -> bool {
    pool.len() == size && digest(Hash([0; 32]), pool) == expected
}

/// The selection instance of `pool` under the charter's quotas.
pub fn instance(rules: &Sortition, pool: &[Volunteer], panel_size: usize) -> Instance {
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
    let people = pool
        .iter()
        .enumerate()
        .map(|(i, v)| Person {
            id: Assembly::volunteer_id(i + 1),
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

/// Whether `panel` (volunteer numbers from 1) is `panel_size` distinct volunteers of `pool`
/// that meet every quota and household rule; the error says which is broken.
pub fn check_panel(
    rules: &Sortition,
    pool: &[Volunteer],
    panel_size: usize,
    panel: &[u64],
) -> Result<(), String> {
    let members: Vec<usize> = panel
        .iter()
        .map(|&n| usize::try_from(n).unwrap_or(usize::MAX).wrapping_sub(1))
        .collect();
    instance(rules, pool, panel_size).check_panel(&members)
}

/// The volunteers of each organ, collected from a journal as it is read: for those who
/// check a draw from an exported journal alone, without the store's read table.
#[derive(Debug, Default)]
pub struct Pools(pub BTreeMap<String, Vec<Volunteer>>);

impl Pools {
    /// Take the volunteers an entry registers, if it registers any.
    pub fn observe(&mut self, event: &crate::Event) {
        if let crate::Event::Assembly(Event::VolunteersRegistered {
            organ, volunteers, ..
        }) = event
        {
            self.0
                .entry(organ.clone())
                .or_default()
                .extend(volunteers.iter().cloned());
        }
    }

    /// The first `size` volunteers of `organ`.
    pub fn first(&self, organ: &str, size: usize) -> &[Volunteer] {
        self.0
            .get(organ)
            .map(|v| &v[..size.min(v.len())])
            .unwrap_or(&[])
    }
}

/// Whether a volunteer's features fit the charter's quotas: one value of each quota feature,
/// each a value the charter names, and nothing else. The error is (feature, what is wrong).
pub fn check_features(
    rules: &Sortition,
    features: &BTreeMap<String, String>,
) -> Result<(), (String, String)> {
    let quota_features = rules.features();
    for (name, rows) in &quota_features {
        match features.get(*name) {
            None => return Err(((*name).to_owned(), "missing".to_owned())),
            Some(value) if !rows.iter().any(|q| &q.value == value) => {
                let allowed: Vec<&str> = rows.iter().map(|q| q.value.as_str()).collect();
                return Err((
                    (*name).to_owned(),
                    format!("{value:?} is not one of {}", allowed.join(", ")),
                ));
            }
            Some(_) => {}
        }
    }
    match features
        .keys()
        .find(|k| !quota_features.iter().any(|(f, _)| f == k))
    {
        Some(extra) => Err((
            extra.clone(),
            "not a quota feature of this assembly".to_owned(),
        )),
        None => Ok(()),
    }
}

/// The hash the journal records for a volunteer: SHA-256 of the salt, the name and the email
/// address, joined by newlines (`salt ‖ "\n" ‖ name ‖ "\n" ‖ email`). Whoever holds the salt
/// (the volunteer's receipt) can show that the entry is theirs; nobody else learns anything.
/// The fields must hold no newline, or one split could pass for another.
pub fn volunteer_hash(salt: &str, name: &str, email: &str) -> Hash {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update(b"\n");
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update(email.as_bytes());
    Hash(h.finalize().into())
}

/// A probability in parts per trillion, as the journal records it.
pub fn to_ppt(p: f64) -> u64 {
    (p.clamp(0.0, 1.0) * 1e12).round() as u64
}

/// The seed's commitment: SHA-256 of its UTF-8 bytes.
pub fn commitment(seed: &str) -> Hash {
    Hash::of(seed.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_volunteer_hash_is_sha256_of_salt_name_and_email_on_lines() {
        use sha2::{Digest, Sha256};
        let expected: [u8; 32] = Sha256::digest(b"00ff\nAda Lovelace\nada@example.org").into();
        assert_eq!(
            volunteer_hash("00ff", "Ada Lovelace", "ada@example.org").0,
            expected
        );
        // A newline inside a field would shift text from one field to the next unseen, which
        // is why names and addresses may hold none (the store parses them so).
        assert_eq!(
            volunteer_hash("s", "a", "b\nc"),
            volunteer_hash("s", "a\nb", "c")
        );
    }

    #[test]
    fn features_are_checked_against_the_quotas() {
        let rules: Sortition = toml::from_str(
            r#"quotas = [
              { feature = "gender", value = "female", min = 1, max = 2 },
              { feature = "gender", value = "male", min = 1, max = 2 },
              { feature = "age", value = "young", min = 0, max = 2 },
            ]"#,
        )
        .unwrap();
        let f = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        type Case<'a> = (&'a [(&'a str, &'a str)], Option<&'a str>);
        let cases: &[Case] = &[
            (&[("gender", "male"), ("age", "young")], None),
            (&[("gender", "male")], Some("age")),
            (&[("gender", "robot"), ("age", "young")], Some("gender")),
            (
                &[("gender", "male"), ("age", "young"), ("shoe", "42")],
                Some("shoe"),
            ),
        ];
        for (given, bad) in cases {
            let got = check_features(&rules, &f(given))
                .err()
                .map(|(field, _)| field);
            assert_eq!(got.as_deref(), *bad, "{given:?}");
        }
    }
}
