//! Single-winner methods that are one pass over scores or margins.
//!
//! Every function returns the **set** of tied winners, sorted by candidate id, with no
//! tie-break (as pref-voting 1.18.2 does).

use crate::pairwise::{MarginMatrix, ids_where};
use crate::profile::{CandidateId, Profile};

fn argmax(scores: &[i64]) -> Vec<CandidateId> {
    let best = scores.iter().copied().max().unwrap_or(0);
    ids_where(scores.len(), |i| scores[i] == best)
}

fn argmin(scores: &[i64]) -> Vec<CandidateId> {
    let best = scores.iter().copied().min().unwrap_or(0);
    ids_where(scores.len(), |i| scores[i] == best)
}

fn weight(count: u64) -> i64 {
    // Profile guarantees the electorate fits in i64.
    i64::try_from(count).unwrap_or(i64::MAX)
}

/// First-preference counts per candidate.
pub fn plurality_scores(profile: &Profile) -> Vec<i64> {
    let mut s = vec![0i64; profile.num_candidates()];
    for b in profile.ballots() {
        if let Some(first) = b.ranking().first() {
            s[first.index()] += weight(b.count());
        }
    }
    s
}

/// Plurality winners: most first preferences.
pub fn plurality(profile: &Profile) -> Vec<CandidateId> {
    argmax(&plurality_scores(profile))
}

/// Borda scores.
///
/// Complete profiles: m−1 points for a first preference down to 0 for a last.
/// Truncated profiles: *symmetric* Borda, each ballot giving a candidate
/// (#candidates ranked below it) − (#candidates ranked above it), unranked candidates
/// being below every ranked one and tied with each other.
pub fn borda_scores(profile: &Profile) -> Vec<i64> {
    let m = profile.num_candidates();
    let mut s = vec![0i64; m];
    for b in profile.ballots() {
        let w = weight(b.count());
        let r = b.ranking();
        let k = r.len();
        if profile.is_truncated() {
            // Ranked at position p: below = m-1-p, above = p.
            let mut ranked = vec![false; m];
            for (p, c) in r.iter().enumerate() {
                ranked[c.index()] = true;
                s[c.index()] += w * (m as i64 - 1 - 2 * p as i64);
            }
            // Unranked: below = 0, above = k.
            for (i, is_ranked) in ranked.iter().enumerate() {
                if !is_ranked {
                    s[i] -= w * k as i64;
                }
            }
        } else {
            for (p, c) in r.iter().enumerate() {
                s[c.index()] += w * (m - 1 - p) as i64;
            }
        }
    }
    s
}

/// Borda winners (symmetric Borda for truncated profiles).
pub fn borda(profile: &Profile) -> Vec<CandidateId> {
    argmax(&borda_scores(profile))
}

/// Copeland scores: pairwise wins minus pairwise losses.
pub fn copeland_scores(margins: &MarginMatrix) -> Vec<i64> {
    let n = margins.num_candidates();
    (0..n)
        .map(|a| (0..n).map(|b| margins.at(a, b).signum()).sum())
        .collect()
}

/// Copeland winners.
pub fn copeland(profile: &Profile) -> Vec<CandidateId> {
    argmax(&copeland_scores(&MarginMatrix::of(profile)))
}

/// Minimax scores: each candidate's largest pairwise defeat margin (0 if undefeated).
pub fn minimax_scores(margins: &MarginMatrix) -> Vec<i64> {
    let n = margins.num_candidates();
    (0..n)
        .map(|c| {
            (0..n)
                .map(|d| margins.at(d, c))
                .filter(|&x| x > 0)
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Minimax winners: smallest worst defeat (margins).
pub fn minimax(profile: &Profile) -> Vec<CandidateId> {
    argmin(&minimax_scores(&MarginMatrix::of(profile)))
}

/// Strongest-path strengths of the Schulze method (Floyd–Warshall, O(m³)).
///
/// A direct link `a → b` exists when `margin(a, b) > 0` and has that strength; `None` means no
/// path. The strength of a path is its weakest link.
pub fn schulze_strengths(margins: &MarginMatrix) -> Vec<Vec<Option<i64>>> {
    let n = margins.num_candidates();
    let mut p: Vec<Vec<Option<i64>>> = (0..n)
        .map(|a| {
            (0..n)
                .map(|b| Some(margins.at(a, b)).filter(|&x| a != b && x > 0))
                .collect()
        })
        .collect();
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            for k in 0..n {
                if k == i || k == j {
                    continue;
                }
                let via = p[j][i].zip(p[i][k]).map(|(x, y)| x.min(y));
                if via > p[j][k] {
                    p[j][k] = via;
                }
            }
        }
    }
    p
}

/// Schulze (beat-path) winners: `a` wins unless some `b` has a strictly stronger path to `a`
/// than `a` has to `b`.
pub fn schulze(profile: &Profile) -> Vec<CandidateId> {
    let p = schulze_strengths(&MarginMatrix::of(profile));
    let n = p.len();
    ids_where(n, |a| (0..n).all(|b| a == b || p[b][a] <= p[a][b]))
}
