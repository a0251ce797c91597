//! Coalition counts by (size, weight), the table behind exact Shapley–Shubik indices of
//! weighted games and the exact double-majority count by (members, population).
//!
//! Row k holds, for each weight t below a bound, how many coalitions of k players weigh t.
//! Only the band of weights a k-coalition can reach is stored (from the k lightest players'
//! weight to the k heaviest'), and each row is as wide as C(n, k) needs (1 to 4 limbs of 64
//! bits), so the 193-member √population game fits in about 0.7 GB instead of 2 GB. Players
//! are added lightest first, which keeps the reachable band of every row narrow for longest.
//! After the forward pass each row holds prefix sums, so that "coalitions of size k lighter
//! than y" is one lookup, and the players' own counts follow without a second table:
//!
//! coalitions of the others of size k lighter than y = Σⱼ (−1)ʲ · (all of size k−j lighter
//! than y − j·wᵢ),
//!
//! which is the series of A(x, z) / (1 + z·x^wᵢ) (z marks size, x weight) read at one point.
//! Every count is exact: the stored values are exact integers below 2^(64·limbs), and the
//! alternating sums are taken modulo 2²⁵⁶, which is exact because their true values are
//! counts below 2²⁵⁵.

use crate::bignum::U256;
use crate::power::PowerError;

/// Largest body the wide tables accept: counts of a 255-member body stay below 2²⁵⁵.
pub const MAX_WIDE_PLAYERS: usize = 255;

/// Default memory limit of one table, in bytes (2 GiB).
pub const DEFAULT_TABLE_BYTES: u64 = 2 << 30;

/// Limbs needed for every value up to `bound` (at least 1).
pub(crate) fn limbs_for(bound: U256) -> usize {
    bound.0.iter().rposition(|&l| l != 0).map_or(1, |i| i + 1)
}

/// C(n, k) for k = 0..=n, exactly (n ≤ 255).
pub(crate) fn binomials(n: usize) -> Vec<U256> {
    let mut row = vec![U256::ZERO; n + 1];
    row[0] = U256::ONE;
    for m in 1..=n {
        for k in (1..=m).rev() {
            row[k] = row[k].wrapping_add(row[k - 1]);
        }
    }
    row
}

/// `dst[c] += src[c]` cell by cell, cells of `D` limbs in `dst` and `S ≤ D` in `src`.
/// Carries out of the top limb are dropped: callers only add where the sum fits.
#[inline(always)]
fn add_cells<const D: usize, const S: usize>(dst: &mut [u64], src: &[u64]) {
    for (d, s) in dst.chunks_exact_mut(D).zip(src.chunks_exact(S)) {
        let mut carry = false;
        for l in 0..D {
            let x = if l < S { s[l] } else { 0 };
            let (r1, c1) = d[l].overflowing_add(x);
            let (r2, c2) = r1.overflowing_add(u64::from(carry));
            d[l] = r2;
            carry = c1 | c2;
        }
    }
}

/// `dst += src` for `cells` cells, `d` limbs per destination cell and `s` per source cell;
/// a source wider than the destination is read in its low `d` limbs (the high ones are
/// zero wherever the sum fits the destination).
pub(crate) fn add_run(dst: &mut [u64], d: usize, src: &[u64], s: usize, cells: usize) {
    macro_rules! go {
        ($D:literal, $S:literal) => {
            if s == $S {
                add_cells::<$D, $S>(&mut dst[..cells * $D], &src[..cells * $S]);
            } else {
                // Read the low D limbs of each wider source cell.
                for (dc, sc) in dst[..cells * $D]
                    .chunks_exact_mut($D)
                    .zip(src[..cells * s].chunks_exact(s))
                {
                    add_cells::<$D, $D>(dc, &sc[..$D]);
                }
            }
        };
    }
    match (d, s.min(d)) {
        (1, _) => go!(1, 1),
        (2, 1) => add_cells::<2, 1>(&mut dst[..cells * 2], &src[..cells]),
        (2, _) => go!(2, 2),
        (3, 1) => add_cells::<3, 1>(&mut dst[..cells * 3], &src[..cells]),
        (3, 2) => add_cells::<3, 2>(&mut dst[..cells * 3], &src[..cells * 2]),
        (3, _) => go!(3, 3),
        (4, 1) => add_cells::<4, 1>(&mut dst[..cells * 4], &src[..cells]),
        (4, 2) => add_cells::<4, 2>(&mut dst[..cells * 4], &src[..cells * 2]),
        (4, 3) => add_cells::<4, 3>(&mut dst[..cells * 4], &src[..cells * 3]),
        _ => go!(4, 4),
    }
}

/// Replace each cell by the sum of the cells up to it (`d` limbs per cell).
pub(crate) fn prefix_sums(cells: &mut [u64], d: usize) {
    let mut acc = [0u64; 4];
    for cell in cells.chunks_exact_mut(d) {
        let mut carry = false;
        for l in 0..d {
            let (r1, c1) = acc[l].overflowing_add(cell[l]);
            let (r2, c2) = r1.overflowing_add(u64::from(carry));
            acc[l] = r2;
            carry = c1 | c2;
        }
        cell.copy_from_slice(&acc[..d]);
    }
}

#[derive(Debug, Clone, Copy)]
struct Row {
    /// Smallest weight stored (the k lightest players' weight).
    lo: usize,
    /// Cells stored: weights lo..lo+len.
    len: usize,
    limbs: usize,
    /// Offset of the first limb in the table's data.
    off: usize,
}

/// Prefix counts of coalitions by (size, weight) for weights below `bound`.
#[derive(Debug)]
pub(crate) struct SizeWeightTable {
    rows: Vec<Row>,
    data: Vec<u64>,
}

/// What a table would hold: its rows and its size in bytes, before anything is allocated.
pub(crate) struct Plan {
    rows: Vec<Row>,
    words: usize,
}

impl Plan {
    pub(crate) fn bytes(&self) -> u64 {
        (self.words as u64).saturating_mul(8)
    }
}

/// The rows for sizes 0..=`max_size` of `weights` (sorted ascending) below `bound`.
pub(crate) fn plan(weights: &[u64], bound: usize, max_size: usize) -> Plan {
    let n = weights.len();
    let binom = binomials(n);
    let mut rows = Vec::with_capacity(max_size + 1);
    let (mut lightest, mut heaviest) = (0u128, 0u128);
    let mut off = 0usize;
    for k in 0..=max_size.min(n) {
        if k > 0 {
            lightest += u128::from(weights[k - 1]);
            heaviest += u128::from(weights[n - k]);
        }
        let lo = usize::try_from(lightest).unwrap_or(usize::MAX);
        let top = usize::try_from(heaviest).unwrap_or(usize::MAX);
        let len = if lo >= bound {
            0
        } else {
            top.min(bound - 1) - lo + 1
        };
        let limbs = limbs_for(binom[k]);
        rows.push(Row {
            lo,
            len,
            limbs,
            off,
        });
        off = off.saturating_add(len.saturating_mul(limbs));
    }
    Plan { rows, words: off }
}

impl SizeWeightTable {
    /// Count the coalitions of `weights` (sorted ascending) by size and weight, as planned,
    /// refusing a table above `max_bytes`.
    pub(crate) fn build(weights: &[u64], plan: Plan, max_bytes: u64) -> Result<Self, PowerError> {
        if plan.bytes() > max_bytes {
            return Err(PowerError::TableTooLarge {
                bytes: plan.bytes(),
                limit: max_bytes,
            });
        }
        let Plan { rows, words } = plan;
        let mut data = vec![0u64; words];
        if let Some(r0) = rows.first().filter(|r| r.len > 0) {
            data[r0.off] = 1;
        }
        let top = rows.len().saturating_sub(1);
        // sum[j]: weight of the j lightest players (the players added so far, lightest first).
        let mut sum = vec![0usize; weights.len() + 1];
        for (j, &w) in weights.iter().enumerate() {
            sum[j + 1] = sum[j].saturating_add(usize::try_from(w).unwrap_or(usize::MAX));
        }
        for (j, &w) in weights.iter().enumerate() {
            let w = usize::try_from(w).unwrap_or(usize::MAX);
            // Adding player j (j players already in): row k gains row k−1 shifted by w.
            for k in (1..=top.min(j + 1)).rev() {
                let (src, dst) = (rows[k - 1], rows[k]);
                if src.len == 0 || dst.len == 0 {
                    continue;
                }
                // Row k−1 is non-zero up to the weight of the k−1 heaviest players so far.
                let src_top = (sum[j] - sum[j + 1 - k]).min(src.lo + src.len - 1);
                let from = (src.lo.saturating_add(w)).max(dst.lo);
                let to = src_top.saturating_add(w).min(dst.lo + dst.len - 1);
                if from > to {
                    continue;
                }
                let cells = to - from + 1;
                let (head, tail) = data.split_at_mut(dst.off);
                let s0 = src.off + (from - w - src.lo) * src.limbs;
                let d0 = (from - dst.lo) * dst.limbs;
                add_run(&mut tail[d0..], dst.limbs, &head[s0..], src.limbs, cells);
            }
        }
        for r in &rows {
            prefix_sums(&mut data[r.off..r.off + r.len * r.limbs], r.limbs);
        }
        Ok(Self { rows, data })
    }

    /// Coalitions of size `k` (among all players) that weigh less than `y`, for `y` up to
    /// the bound.
    pub(crate) fn below(&self, k: usize, y: usize) -> U256 {
        let Some(r) = self.rows.get(k) else {
            return U256::ZERO;
        };
        if r.len == 0 || y <= r.lo {
            return U256::ZERO;
        }
        let i = (y - 1 - r.lo).min(r.len - 1);
        U256::from_limbs(&self.data[r.off + i * r.limbs..r.off + (i + 1) * r.limbs])
    }

    /// Coalitions of size `k` of the players other than one of weight `w` that weigh less
    /// than `y`: Σⱼ (−1)ʲ · below(k − j, y − j·w).
    pub(crate) fn below_without(&self, k: usize, y: usize, w: usize) -> U256 {
        let mut acc = U256::ZERO;
        let mut y = y;
        for j in 0..=k {
            if y == 0 {
                break;
            }
            let c = self.below(k - j, y);
            acc = if j & 1 == 0 {
                acc.wrapping_add(c)
            } else {
                acc.wrapping_sub(c)
            };
            y = y.saturating_sub(w);
        }
        acc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Coalitions of `w` by (size, weight), by enumeration.
    fn brute(w: &[u64]) -> Vec<Vec<u64>> {
        let total: u64 = w.iter().sum();
        let mut t = vec![vec![0u64; total as usize + 1]; w.len() + 1];
        for mask in 0u32..1 << w.len() {
            let s: u64 = (0..w.len())
                .filter(|&j| mask >> j & 1 == 1)
                .map(|j| w[j])
                .sum();
            t[mask.count_ones() as usize][s as usize] += 1;
        }
        t
    }

    #[test]
    fn counts_match_enumeration_with_and_without_a_player() {
        let mut w = vec![0u64, 1, 1, 2, 3, 5, 5, 8, 13, 4];
        w.sort_unstable();
        let full = brute(&w);
        for bound in [1usize, 7, 20, 43] {
            let t = SizeWeightTable::build(&w, plan(&w, bound, w.len()), u64::MAX).unwrap();
            for k in 0..=w.len() {
                for y in 0..=bound {
                    let expect: u64 = full[k][..y.min(full[k].len())].iter().sum();
                    assert_eq!(t.below(k, y), U256::from_u128(expect.into()), "{k} {y}");
                }
            }
            for (i, &wi) in w.iter().enumerate() {
                let mut others = w.clone();
                others.remove(i);
                let part = brute(&others);
                for k in 0..w.len() {
                    for y in 0..=bound {
                        let expect: u64 = part[k][..y.min(part[k].len())].iter().sum();
                        let got = t.below_without(k, y, wi as usize);
                        assert_eq!(got, U256::from_u128(expect.into()), "i={i} k={k} y={y}");
                    }
                }
            }
        }
    }

    #[test]
    fn mixed_widths_add_exactly() {
        let mut dst = vec![u64::MAX, 0, 0, 7, 1, 0];
        add_run(&mut dst, 3, &[1, 5], 1, 2);
        assert_eq!(dst, [0, 1, 0, 12, 1, 0]);
        let mut dst = vec![1u64, 2];
        add_run(&mut dst, 1, &[3, 0, 0, 4, 0, 0], 3, 2);
        assert_eq!(dst, [4, 6]);
        let b = binomials(255);
        assert_eq!(limbs_for(b[127]), 4);
        assert_eq!(limbs_for(b[1]), 1);
        assert_eq!(binomials(5), [1u128, 5, 10, 10, 5, 1].map(U256::from_u128));
    }
}
