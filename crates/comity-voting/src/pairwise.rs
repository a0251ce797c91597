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
    /// Computes the matrix in O(ballots · m²).
    pub fn of(profile: &Profile) -> Self {
        let n = profile.num_candidates();
        let mut cells = vec![0i64; n * n];
        let mut pos = vec![0usize; n];
        for b in profile.ballots() {
            pos.iter_mut().for_each(|p| *p = n);
            for (r, c) in b.ranking().iter().enumerate() {
                pos[c.index()] = r;
            }
            // Profile guarantees the total fits in i64.
            let w = i64::try_from(b.count()).unwrap_or(i64::MAX);
            for a in 0..n {
                for c in 0..n {
                    if pos[a] < pos[c] {
                        cells[a * n + c] += w;
                        cells[c * n + a] -= w;
                    }
                }
            }
        }
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
