//! Instant-runoff voting (IRV / alternative vote / Hare) with a round-by-round record.

use serde::Serialize;

use crate::pairwise::ids_where;
use crate::profile::{CandidateId, Profile};

/// One round of an IRV count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IrvRound {
    /// Votes per candidate this round (`None` once eliminated).
    pub tallies: Vec<Option<u64>>,
    /// Ballots whose every ranked candidate has been eliminated.
    pub exhausted: u64,
    /// Candidates eliminated at the end of this round (all those tied for fewest votes).
    pub eliminated: Vec<CandidateId>,
}

/// The outcome of an IRV count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IrvResult {
    /// Tied winners, sorted (usually one).
    pub winners: Vec<CandidateId>,
    /// Votes needed for a strict majority of all voters: ⌊N/2⌋ + 1.
    pub majority: u64,
    /// The rounds, first preferences first.
    pub rounds: Vec<IrvRound>,
}

/// Instant runoff as pref-voting 1.18.2 counts it.
///
/// Each round every ballot counts for its highest-ranked remaining candidate. A candidate
/// with a strict majority of *all* voters wins. Otherwise **all** candidates tied for the
/// fewest votes are eliminated at once; if every remaining candidate is tied, they all win.
/// (For truncated profiles pref-voting eliminates until one candidate is left instead of
/// stopping at a majority; a majority candidate can never be eliminated, so the winners are
/// the same.)
pub fn irv(profile: &Profile) -> IrvResult {
    let m = profile.num_candidates();
    let n = profile.num_voters();
    let majority = n / 2 + 1;
    let mut remaining = vec![true; m];
    let mut rounds = Vec::new();
    loop {
        let mut tally = vec![0u64; m];
        let mut exhausted = 0u64;
        for b in profile.ballots() {
            match b.ranking().iter().find(|c| remaining[c.index()]) {
                Some(c) => tally[c.index()] += b.count(),
                None => exhausted += b.count(),
            }
        }
        let tallies: Vec<Option<u64>> = (0..m).map(|i| remaining[i].then_some(tally[i])).collect();
        let left = remaining.iter().filter(|r| **r).count();
        let leader = ids_where(m, |i| remaining[i] && (tally[i] >= majority || left == 1));
        if !leader.is_empty() {
            rounds.push(IrvRound {
                tallies,
                exhausted,
                eliminated: Vec::new(),
            });
            return IrvResult {
                winners: leader,
                majority,
                rounds,
            };
        }
        let low = (0..m)
            .filter(|&i| remaining[i])
            .map(|i| tally[i])
            .min()
            .unwrap_or(0);
        let lowest = ids_where(m, |i| remaining[i] && tally[i] == low);
        if lowest.len() == left {
            rounds.push(IrvRound {
                tallies,
                exhausted,
                eliminated: Vec::new(),
            });
            return IrvResult {
                winners: lowest,
                majority,
                rounds,
            };
        }
        for c in &lowest {
            remaining[c.index()] = false;
        }
        rounds.push(IrvRound {
            tallies,
            exhausted,
            eliminated: lowest,
        });
    }
}
