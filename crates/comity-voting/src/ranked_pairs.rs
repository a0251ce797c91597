//! Ranked pairs (Tideman) with *parallel-universe* tie-breaking: every candidate that wins
//! under **some** ordering of equal-margin pairs.
//!
//! Finding all such winners is NP-hard in general (Brill & Fischer, AAAI 2012), so the
//! search is exponential in the worst case in the number of *conflicting* equal-margin
//! pairs. It explores, group by group of equal margins, the distinct locked relations
//! reachable, memoising states; groups whose pairs can all be locked together cost nothing.

use std::collections::HashSet;

use crate::pairwise::MarginMatrix;
use crate::profile::{CandidateId, Profile};

/// Transitively closed "locked above" relation as a bit matrix.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Closure {
    n: usize,
    words: usize,
    bits: Vec<u64>,
}

impl Closure {
    fn new(n: usize) -> Self {
        let words = n.div_ceil(64).max(1);
        Self {
            n,
            words,
            bits: vec![0; n * words],
        }
    }

    fn get(&self, a: usize, b: usize) -> bool {
        self.bits[a * self.words + b / 64] >> (b % 64) & 1 == 1
    }

    /// Locks `a` above `b` and closes transitively. Caller ensures `!get(b, a)`.
    fn lock(&mut self, a: usize, b: usize) {
        let mut row_b: Vec<u64> = self.bits[b * self.words..(b + 1) * self.words].to_vec();
        row_b[b / 64] |= 1 << (b % 64);
        for x in 0..self.n {
            if x == a || self.get(x, a) {
                for (w, rb) in row_b.iter().enumerate() {
                    self.bits[x * self.words + w] |= rb;
                }
            }
        }
    }

    fn top(&self) -> Option<usize> {
        (0..self.n).find(|&c| (0..self.n).all(|x| !self.get(x, c)))
    }
}

/// Ranked-pairs winners of a profile (see the module docs).
pub fn ranked_pairs(profile: &Profile) -> Vec<CandidateId> {
    ranked_pairs_from_margins(&MarginMatrix::of(profile))
}

/// Ranked-pairs winners from a margin matrix. Pairs with margin 0 are locked in both
/// directions' candidate orders, as in pref-voting (whichever comes first wins).
pub fn ranked_pairs_from_margins(margins: &MarginMatrix) -> Vec<CandidateId> {
    let n = margins.num_candidates();
    if let Some(cw) = margins.condorcet_winner() {
        return vec![cw];
    }
    let mut edges: Vec<(i64, usize, usize)> = Vec::new();
    for a in 0..n {
        for b in 0..n {
            if a != b && margins.at(a, b) >= 0 {
                edges.push((margins.at(a, b), a, b));
            }
        }
    }
    edges.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut states: HashSet<Closure> = HashSet::from([Closure::new(n)]);
    let mut i = 0;
    while i < edges.len() {
        let j = edges[i..]
            .iter()
            .position(|e| e.0 != edges[i].0)
            .map_or(edges.len(), |k| i + k);
        let group: Vec<(usize, usize)> = edges[i..j].iter().map(|e| (e.1, e.2)).collect();
        let mut next = HashSet::new();
        for s in states {
            let mut seen = HashSet::new();
            outcomes(s, group.clone(), &mut seen, &mut next);
        }
        states = next;
        i = j;
    }
    let mut winners: Vec<usize> = states.iter().filter_map(Closure::top).collect();
    winners.sort_unstable();
    winners.dedup();
    winners.into_iter().filter_map(CandidateId::new).collect()
}

/// All closures reachable by locking `open` greedily in some order.
fn outcomes(
    closure: Closure,
    mut open: Vec<(usize, usize)>,
    seen: &mut HashSet<(Closure, Vec<(usize, usize)>)>,
    out: &mut HashSet<Closure>,
) {
    // An edge whose reverse is locked stays blocked, and one already implied stays implied,
    // whatever happens next: drop both without branching.
    open.retain(|&(a, b)| !closure.get(b, a) && !closure.get(a, b));
    if open.is_empty() {
        out.insert(closure);
        return;
    }
    // If all open edges can be locked together, the order does not matter.
    let mut all = closure.clone();
    let mut acyclic = true;
    for &(a, b) in &open {
        if all.get(b, a) {
            acyclic = false;
            break;
        }
        all.lock(a, b);
    }
    if acyclic {
        out.insert(all);
        return;
    }
    if !seen.insert((closure.clone(), open.clone())) {
        return;
    }
    for k in 0..open.len() {
        let (a, b) = open[k];
        let mut next = closure.clone();
        next.lock(a, b);
        let mut rest = open.clone();
        rest.remove(k);
        outcomes(next, rest, seen, out);
    }
}
