//! Elections of persons in an organ, by secret ballot: the journal records who voted, never
//! what. Ballots wait, unlinked from voters, in the store's ballot box (one counter per
//! distinct ranking, so not even the order of arrival is kept); the close publishes them
//! grouped and sorted, with the result, and `State::apply` recounts them, so anyone can
//! check the count from the journal alone.

pub mod acts;
mod apply;
mod auth;
mod command;
mod decide;
mod error;
mod event;
mod refusal;

pub use acts::{ElectionActs, available};
pub use apply::apply;
pub use auth::authorize;
pub use command::Command;
pub use decide::{decide, ranking_indices};
pub use error::ElectionError;
pub use event::Event;
pub use refusal::Refusal;

use std::collections::BTreeSet;

use comity_voting::Profile;
use comity_voting::count::{by_lot, count};
use serde::{Deserialize, Serialize};

use crate::ids::{Iso3, Timestamp};

/// A published ballot: candidate indices in order of preference, and how many cast it.
pub type Ballots = Vec<(Vec<u32>, u64)>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// The ballots of a tellers' file (the peers' JSON or BLT, told apart by content; gzip is
/// the caller's to undo) as rankings of names, each with its count, for an election with
/// these `candidates`: a name the election does not have is an error naming it.
pub fn ballots_from_file(
    bytes: &[u8],
    candidates: &[String],
) -> Result<Vec<(Vec<String>, u64)>, String> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    let profile = if first == Some(b'{') {
        Profile::parse_json_bytes(bytes).map_err(|e| e.to_string())?
    } else {
        let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
        comity_voting::parse_blt(text)
            .map_err(|e| e.to_string())?
            .profile
    };
    if let Some(unknown) = profile
        .candidates()
        .iter()
        .find(|c| !candidates.iter().any(|k| k == c.trim()))
    {
        return Err(format!(
            "candidate {unknown:?} in the file is not a candidate in this election ({})",
            candidates.join(", ")
        ));
    }
    let mut out = Vec::new();
    for (i, b) in profile.ballots().iter().enumerate() {
        if b.ranking().is_empty() {
            return Err(format!(
                "ballot {}: a blank ballot ({} of them); leave blank ballots out and their states off the register",
                i + 1,
                b.count()
            ));
        }
        out.push((
            b.ranking()
                .iter()
                .map(|c| profile.name(*c).trim().to_owned())
                .collect(),
            b.count(),
        ));
    }
    if out.is_empty() {
        return Err("the file holds no ballot".into());
    }
    Ok(out)
}

/// How the journal names a tellers' file: its name and the SHA-256 of the bytes received.
pub fn paper_source(name: &str, raw: &[u8]) -> String {
    let name = if name.trim().is_empty() {
        "ballots"
    } else {
        name.trim()
    };
    format!("{name} (SHA-256 {})", crate::journal::Hash::of(raw))
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
