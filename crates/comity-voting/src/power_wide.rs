//! Exact Banzhaf and Shapley–Shubik indices of weighted games `[q; w₁, …, wₙ]` with up to
//! 255 members, such as a 193-member UN body.
//!
//! **Method: generating functions, counted by dynamic programming in exact multi-word
//! integers.**
//!
//! - Only coalitions lighter than the quota matter (player i swings for S ∌ i when
//!   q − wᵢ ≤ w(S) < q), and a game and its dual `[W − q + 1; w]` have the same swings: S
//!   swings for i exactly when the rest of the others, N ∖ S ∖ {i}, swings for i in the
//!   dual, and k!(n−1−k)! is symmetric in k ↔ n−1−k. So every table stops at
//!   L = min(q, W − q + 1): 332,090 weights instead of 830,224 for the 193 UN members
//!   weighted by √population at a 60 % quota.
//! - **Banzhaf**: one table of coalitions by weight below L, filled lightest player first
//!   in as many 64-bit limbs as the counts so far need (after j players a count is at most
//!   2ʲ), then turned into prefix sums. Player i's swings are then an alternating sum of
//!   ⌈L / wᵢ⌉ lookups (the series A(x) / (1 + x^wᵢ) read at two points), with no table per
//!   player. O(n·L) in all.
//! - **Shapley–Shubik**: the same by (size, weight) (`src/power_table.rs`: for each size
//!   k only the band of weights a k-coalition can reach, each row as wide as C(n, k)
//!   needs), then SSᵢ = Σₖ cᵢₖ · k!(n−1−k)! / n!, where cᵢₖ counts i's swings by coalitions
//!   of k others, summed exactly in [`Nat`]. O(n · cells) in all.
//!
//! **Exactness.** Every count is an exact integer; the indices are exact rationals
//! (`swings / Σ swings`, `swings / 2ⁿ⁻¹`, `num / n!`), each converted to the nearest f64
//! once, at the end ([`crate::bignum::ratio_to_f64`]). The Shapley–Shubik numerators of
//! all players add up to n! exactly (checked in the tests, 193 members included).
//!
//! **Limits.** At most 255 members ([`MAX_WIDE_PLAYERS`]); a table above the memory limit
//! (default [`DEFAULT_TABLE_BYTES`], 2 GiB; the `_within` functions take another) is
//! refused with [`PowerError::TableTooLarge`], never approximated. Banzhaf needs
//! L × ⌈n/64⌉ × 8 bytes (10.6 MB for the √population UN body). Shapley–Shubik needs the
//! band's cells times their limbs: 0.6 GB and a few seconds for the √population UN body,
//! under 1 MB for the same body weighted in whole millions of inhabitants.

use crate::bignum::U256;
use crate::bignum::{Nat, ratio_to_f64};
use crate::power::PowerError;
pub use crate::power_table::{DEFAULT_TABLE_BYTES, MAX_WIDE_PLAYERS};
use crate::power_table::{SizeWeightTable, add_run, plan, prefix_sums};

/// Banzhaf of every player of `[quota; weights]`: exact swing counts, and the normalised
/// and absolute indices as the nearest f64.
#[derive(Debug, Clone, PartialEq)]
pub struct WideBanzhaf {
    pub swings: Vec<U256>,
    pub normalised: Vec<f64>,
    pub absolute: Vec<f64>,
}

/// Shapley–Shubik of every player: `num[i] / den` exactly (den = n!), and as the nearest f64.
#[derive(Debug, Clone, PartialEq)]
pub struct WideShapley {
    pub num: Vec<Nat>,
    pub den: Nat,
    pub values: Vec<f64>,
}

/// A weighted game checked once: the players lightest first and the table bound L.
struct Game {
    n: usize,
    /// (weight, player) lightest first.
    order: Vec<(u64, usize)>,
    /// min(q, W − q + 1): counts are needed for weights below it only.
    bound: usize,
}

impl Game {
    fn new(weights: &[u64], quota: u64, max_bytes: u64) -> Result<Self, PowerError> {
        let n = weights.len();
        if n > MAX_WIDE_PLAYERS {
            return Err(PowerError::TooManyPlayers(n));
        }
        let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
        let q = u128::from(quota);
        if q == 0 || q > total {
            return Err(PowerError::BadQuota);
        }
        let bound = q.min(total - q + 1);
        let bound = usize::try_from(bound).map_err(|_| PowerError::TableTooLarge {
            bytes: u64::MAX,
            limit: max_bytes,
        })?;
        let mut order: Vec<(u64, usize)> = weights.iter().copied().zip(0..).collect();
        order.sort_unstable();
        Ok(Self { n, order, bound })
    }

    fn sorted_weights(&self) -> Vec<u64> {
        self.order.iter().map(|&(w, _)| w).collect()
    }
}

/// Exact Banzhaf indices of `[quota; weights]` within the default memory limit.
pub fn banzhaf_wide(weights: &[u64], quota: u64) -> Result<WideBanzhaf, PowerError> {
    banzhaf_wide_within(weights, quota, DEFAULT_TABLE_BYTES)
}

/// Exact Banzhaf indices of `[quota; weights]`, refusing a table above `max_bytes`.
pub fn banzhaf_wide_within(
    weights: &[u64],
    quota: u64,
    max_bytes: u64,
) -> Result<WideBanzhaf, PowerError> {
    let game = Game::new(weights, quota, max_bytes)?;
    let n = game.n;
    let l = game.bound;
    // Every swing count is below 2ⁿ⁻¹ < 2^(64·limbs): counting modulo 2^(64·limbs) is exact.
    let limbs = n.div_ceil(64).clamp(1, 4);
    let bytes = (l as u64).saturating_mul(limbs as u64 * 8);
    if bytes > max_bytes {
        return Err(PowerError::TableTooLarge {
            bytes,
            limit: max_bytes,
        });
    }
    let mut width = 1usize;
    let mut cells = vec![0u64; l];
    cells[0] = 1;
    let mut reach = 0usize;
    for (c, &(w, _)) in game.order.iter().enumerate() {
        // After c + 1 players a count is at most 2^(c+1): (c+1)/64 + 1 limbs hold it.
        let need = ((c + 1) / 64 + 1).min(limbs);
        if need > width {
            cells = widen(&cells, width, need);
            width = need;
        }
        let w = usize::try_from(w).unwrap_or(usize::MAX);
        if w == 0 {
            double(&mut cells, width);
            continue;
        }
        reach = reach.saturating_add(w).min(l - 1);
        add_shifted_in_place(&mut cells, width, w, reach);
    }
    prefix_sums(&mut cells, width);
    // below(y): coalitions of all players lighter than y (y ≤ L).
    let below = |y: usize| -> U256 {
        if y == 0 {
            U256::ZERO
        } else {
            U256::from_limbs(&cells[(y - 1) * width..y * width])
        }
    };
    let mut swings = vec![U256::ZERO; n];
    let mut last: Option<(u64, U256)> = None;
    for &(w, i) in &game.order {
        let s = match last {
            Some((lw, s)) if lw == w => s,
            _ if w == 0 => U256::ZERO,
            _ => {
                // Others lighter than y: Σⱼ (−1)ʲ below(y − j·w); swings: y = L minus y = L − w.
                let w = usize::try_from(w).unwrap_or(usize::MAX);
                let mut acc = U256::ZERO;
                let mut y = l;
                let mut plus = true;
                while y > 0 {
                    let block = below(y).wrapping_sub(below(y.saturating_sub(w)));
                    acc = if plus {
                        acc.wrapping_add(block)
                    } else {
                        acc.wrapping_sub(block)
                    };
                    y = y.saturating_sub(w);
                    plus = !plus;
                }
                acc
            }
        };
        last = Some((w, s));
        swings[i] = s;
    }
    let (normalised, absolute) = banzhaf_values(&swings);
    Ok(WideBanzhaf {
        swings,
        normalised,
        absolute,
    })
}

/// Normalised (swings / Σ swings) and absolute (swings / 2ⁿ⁻¹) Banzhaf indices, each the
/// nearest f64 to the exact ratio.
pub(crate) fn banzhaf_values(swings: &[U256]) -> (Vec<f64>, Vec<f64>) {
    let mut sum = Nat::zero();
    for s in swings {
        sum.add_assign(&s.to_nat());
    }
    let half = Nat::from_u64(1).mul_pow2(swings.len().saturating_sub(1) as u64);
    swings
        .iter()
        .map(|s| {
            let s = s.to_nat();
            (ratio_to_f64(&s, &sum), ratio_to_f64(&s, &half))
        })
        .unzip()
}

/// The same counts with `to` limbs per cell instead of `from`.
fn widen(cells: &[u64], from: usize, to: usize) -> Vec<u64> {
    let mut out = vec![0u64; cells.len() / from * to];
    for (d, s) in out.chunks_exact_mut(to).zip(cells.chunks_exact(from)) {
        d[..from].copy_from_slice(s);
    }
    out
}

/// Every count times two (a player of weight 0 joins or not).
fn double(cells: &mut [u64], width: usize) {
    for cell in cells.chunks_exact_mut(width) {
        let mut carry = 0u64;
        for limb in cell {
            let next = *limb >> 63;
            *limb = (*limb << 1) | carry;
            carry = next;
        }
    }
}

/// `cells[t] += cells[t − w]` for t = `top` down to w, in runs of w cells so that each run
/// reads cells the pass has not changed yet.
fn add_shifted_in_place(cells: &mut [u64], width: usize, w: usize, top: usize) {
    let mut end = top + 1;
    while end > w {
        let start = end.saturating_sub(w).max(w);
        let (head, tail) = cells.split_at_mut(start * width);
        add_run(
            &mut tail[..(end - start) * width],
            width,
            &head[(start - w) * width..],
            width,
            end - start,
        );
        end = start;
    }
}

/// Exact Shapley–Shubik indices of `[quota; weights]` within the default memory limit.
pub fn shapley_shubik_wide(weights: &[u64], quota: u64) -> Result<WideShapley, PowerError> {
    shapley_shubik_wide_within(weights, quota, DEFAULT_TABLE_BYTES)
}

/// Exact Shapley–Shubik indices of `[quota; weights]`, refusing a table above `max_bytes`.
pub fn shapley_shubik_wide_within(
    weights: &[u64],
    quota: u64,
    max_bytes: u64,
) -> Result<WideShapley, PowerError> {
    let game = Game::new(weights, quota, max_bytes)?;
    let n = game.n;
    let l = game.bound;
    let sorted = game.sorted_weights();
    let table = SizeWeightTable::build(&sorted, plan(&sorted, l, n - 1), max_bytes)?;
    let factor = order_factors(n);
    let mut num = vec![Nat::zero(); n];
    let mut last: Option<(u64, Nat)> = None;
    for &(w, i) in &game.order {
        let s = match last.take() {
            Some((lw, s)) if lw == w => s,
            _ if w == 0 => Nat::zero(),
            _ => {
                let wu = usize::try_from(w).unwrap_or(usize::MAX);
                let mut s = Nat::zero();
                for (k, f) in factor.iter().enumerate() {
                    let c = table
                        .below_without(k, l, wu)
                        .wrapping_sub(table.below_without(k, l.saturating_sub(wu), wu));
                    if !c.is_zero() {
                        s.add_assign(&c.to_nat().mul(f));
                    }
                }
                s
            }
        };
        num[i] = s.clone();
        last = Some((w, s));
    }
    let den = Nat::factorial(n as u64);
    Ok(WideShapley {
        values: num.iter().map(|x| ratio_to_f64(x, &den)).collect(),
        num,
        den,
    })
}

/// k!·(n−1−k)! for k = 0..n: the orders in which a coalition of k comes before the pivot.
pub(crate) fn order_factors(n: usize) -> Vec<Nat> {
    let mut fact = vec![Nat::from_u64(1)];
    for k in 1..n as u64 {
        let next = fact[fact.len() - 1].mul_u64(k);
        fact.push(next);
    }
    (0..n).map(|k| fact[k].mul(&fact[n - 1 - k])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::power::{banzhaf, shapley_shubik};

    #[test]
    fn agrees_with_the_128_bit_count_where_both_apply() {
        let weights = [9u64, 7, 6, 4, 4, 3, 2, 1, 1, 1, 12, 5, 0];
        for quota in [1u64, 10, 20, 28, 40, 55] {
            let narrow = banzhaf(&weights, quota).unwrap();
            let wide = banzhaf_wide(&weights, quota).unwrap();
            for (a, b) in narrow.swings.iter().zip(&wide.swings) {
                assert_eq!(a.to_string(), b.to_decimal());
            }
            let narrow = shapley_shubik(&weights, quota).unwrap();
            let wide = shapley_shubik_wide(&weights, quota).unwrap();
            assert_eq!(wide.den, Nat::from_u128(narrow[0].den));
            for (a, b) in narrow.iter().zip(&wide.num) {
                assert_eq!(Nat::from_u128(a.num), *b, "quota {quota}");
            }
        }
    }

    #[test]
    fn a_large_symmetric_body_is_exact() {
        // 193 equal members, simple majority of 97: each swings C(192, 96) times.
        let w = vec![1u64; 193];
        let b = banzhaf_wide(&w, 97).unwrap();
        let c192 = crate::power_table::binomials(192)[96];
        assert!(b.swings.iter().all(|s| *s == c192));
        assert_eq!(b.normalised[0], 1.0 / 193.0);
        let ss = shapley_shubik_wide(&w, 97).unwrap();
        assert!(ss.num.iter().all(|x| *x == Nat::factorial(192)));
        assert_eq!(ss.values[5], 1.0 / 193.0);
    }

    #[test]
    fn refuses_a_table_above_the_limit() {
        let w: Vec<u64> = (1000..1100).collect();
        let Err(e) = shapley_shubik_wide_within(&w, 50_000, 1 << 20) else {
            panic!("a table of many MiB passed a limit of 1 MiB");
        };
        assert_eq!(e.id(), "power-table-too-large");
        assert!(e.to_string().contains("limit of 1 MiB"), "{e}");
        assert_eq!(
            banzhaf_wide(&[1; 256], 3).unwrap_err(),
            PowerError::TooManyPlayers(256)
        );
        assert_eq!(banzhaf_wide(&[1, 2], 4).unwrap_err(), PowerError::BadQuota);
    }
}
