//! Pairwise comparisons: the margin matrix under extended strict preference.

use crate::profile::{CandidateId, Profile};

/// `margin(a, b)` = voters ranking `a` above `b` minus voters ranking `b` above `a`.
///
/// A ranked candidate beats every unranked one; unranked candidates tie with each other
/// (pref-voting's *extended strict preference*).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarginMatrix {
    n: usize,
    cells: Vec<i64>,
}

impl MarginMatrix {
    /// Computes the matrix in O(ballots · m²), visiting only the pairs each ranking orders.
    pub fn of(profile: &Profile) -> Self {
        let n = profile.num_candidates();
        // above[a * n + b]: voters who put a above b.
        let mut above = vec![0i64; n * n];
        let mut ranked = vec![false; n];
        for b in profile.ballots() {
            // Profile guarantees the total fits in i64.
            let w = i64::try_from(b.count()).unwrap_or(i64::MAX);
            let r = b.ranking();
            for (i, a) in r.iter().enumerate() {
                let row = &mut above[a.index() * n..(a.index() + 1) * n];
                for c in &r[i + 1..] {
                    row[c.index()] += w;
                }
            }
            if r.len() < n {
                // Every ranked candidate is above every unranked one.
                ranked.fill(false);
                r.iter().for_each(|c| ranked[c.index()] = true);
                for a in r {
                    let row = &mut above[a.index() * n..(a.index() + 1) * n];
                    for (cell, _) in row.iter_mut().zip(&ranked).filter(|(_, r)| !**r) {
                        *cell += w;
                    }
                }
            }
        }
        let cells = (0..n * n)
            .map(|k| above[k] - above[(k % n) * n + k / n])
            .collect();
        Self { n, cells }
    }

    /// Number of candidates.
    pub fn num_candidates(&self) -> usize {
        self.n
    }

    /// The margin of `a` over `b`.
    pub fn margin(&self, a: CandidateId, b: CandidateId) -> i64 {
        self.at(a.index(), b.index())
    }

    pub(crate) fn at(&self, a: usize, b: usize) -> i64 {
        self.cells.get(a * self.n + b).copied().unwrap_or(0)
    }

    /// The matrix as rows (`rows()[a][b]` = margin of a over b).
    pub fn rows(&self) -> Vec<Vec<i64>> {
        self.cells
            .chunks(self.n.max(1))
            .map(<[i64]>::to_vec)
            .collect()
    }

    /// The candidate who beats every other one head to head, if any.
    pub fn condorcet_winner(&self) -> Option<CandidateId> {
        (0..self.n)
            .find(|&a| (0..self.n).all(|b| a == b || self.at(a, b) > 0))
            .and_then(CandidateId::new)
    }
}

/// Ids of the candidates `i` for which `pred(i)` holds, in order.
pub(crate) fn ids_where(n: usize, pred: impl Fn(usize) -> bool) -> Vec<CandidateId> {
    (0..n)
        .filter(|&i| pred(i))
        .filter_map(CandidateId::new)
        .collect()
}
