//! The crate's one integration-test binary.
// Test helpers outside #[test] functions may panic on bad fixtures: that is a test failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod blt;
mod peer;
mod power;
mod profile;
mod rules;
mod single;
mod stv;

use comity_voting::{CandidateId, Profile};

/// Candidate names of `ids`.
pub fn names(p: &Profile, ids: &[CandidateId]) -> Vec<String> {
    ids.iter().map(|&c| p.name(c).to_owned()).collect()
}

/// A profile over candidates "A", "B", ... from `(ranking as letters, count)` pairs.
pub fn letters(m: usize, seats: u32, ballots: &[(&str, u64)]) -> Profile {
    let cands: Vec<String> = (0..m)
        .map(|i| ((b'A' + i as u8) as char).to_string())
        .collect();
    let rows = ballots
        .iter()
        .map(|(r, n)| (r.bytes().map(|b| usize::from(b - b'A')).collect(), *n));
    Profile::from_rankings(cands, seats, rows).expect("valid test profile")
}
