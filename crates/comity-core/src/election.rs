//! Elections of persons in an organ, by secret ballot: the journal records who voted, never
//! what. Ballots wait, unlinked from voters, in the store's ballot box (one counter per
//! distinct ranking, so not even the order of arrival is kept); the close publishes them
//! grouped and sorted, with the result, and `State::apply` recounts them, so anyone can
//! check the count from the journal alone.

use std::collections::BTreeSet;

use comity_voting::Profile;
use comity_voting::count::{by_lot, count};
use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, Timestamp};

/// A published ballot: candidate indices in order of preference, and how many cast it.
pub type Ballots = Vec<(Vec<u32>, u64)>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Election {
    pub id: u64,
    pub organ: String,
    pub title: String,
    /// A method name of `comity_voting::count::METHODS`.
    pub method: String,
    pub seats: u32,
    pub candidates: Vec<String>,
    pub closes_at: Timestamp,
    /// Seed for decisions by lot (STV ties, tied single winners).
    pub seed: u64,
    pub electorate: Vec<Iso3>,
    pub voted: BTreeSet<Iso3>,
    pub opened_seq: u64,
    pub result: Option<ElectionResult>,
    pub acts: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionResult {
    pub elected: Vec<String>,
    /// A tie among single winners was decided by the seeded lot.
    pub by_lot: bool,
    pub ballots: Ballots,
    pub closed_seq: u64,
}

/// Count published ballots: the elected names and whether a lot decided a tie.
pub fn tally_ballots(
    method: &str,
    candidates: &[String],
    seats: u32,
    seed: u64,
    ballots: &Ballots,
) -> Result<(Vec<String>, bool), String> {
    let profile = Profile::from_rankings(
        candidates.to_vec(),
        seats,
        ballots
            .iter()
            .map(|(r, c)| (r.iter().map(|&i| i as usize).collect(), *c)),
    )
    .map_err(|e| e.to_string())?;
    let result = count(method, &profile, seats, seed)
        .ok_or_else(|| format!("unknown method {method:?}"))?
        .map_err(|e| e.to_string())?;
    let (ids, lot) = if result.stv {
        (result.ids, false)
    } else {
        by_lot(result.ids, seats as usize, seed)
    };
    Ok((
        ids.iter().map(|&c| profile.name(c).to_owned()).collect(),
        lot,
    ))
}
