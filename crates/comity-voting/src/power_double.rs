//! Exact Banzhaf and Shapley–Shubik indices for double-majority games: a coalition S wins
//! when it has at least `⌈s·n⌉` members and at least `⌈p·P⌉` of the population P, or when
//! fewer than `b` members stand outside it (the blocking-minority clause, Art. 16(4) TEU).
//!
//! Populations are large numbers, so a table by population (as for weighted games) is out
//! of reach. Instead, for each player i, the other players are split into two halves; each
//! half's coalitions are listed by size with their populations sorted, and the number of
//! coalitions of size k with population below a bound is counted by merging the two halves
//! (meet in the middle). Player i swings for S (|S| = k) exactly when S loses and S ∪ {i}
//! wins, which for each k is one or two such counts. Cost: O(n² · 2^(n/2)); exact for
//! n ≤ 34 (Shapley–Shubik needs n! < 2¹²⁸), so the EU Council (27) is exact in well under a
//! second. Larger bodies are refused with an error, never approximated.

use crate::bignum::U256;
use crate::power::{PowerError, Share};
use crate::power_table::binomials;
use crate::rules::Fraction;

/// Exact indices of one double-majority game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleMajorityPower {
    /// Swing counts per player.
    pub swings: Vec<u128>,
    /// Banzhaf absolute: swings / 2ⁿ⁻¹.
    pub banzhaf_absolute: Vec<Share>,
    /// Banzhaf normalised: swings / Σ swings.
    pub banzhaf: Vec<Share>,
    /// Shapley–Shubik, over n!.
    pub shapley_shubik: Vec<Share>,
}

/// Largest body computed by [`double_majority`] (n! < 2¹²⁸); larger bodies:
/// [`crate::power_double_wide::double_majority_wide`].
pub const MAX_PLAYERS: usize = 34;

/// The game's thresholds in whole numbers: a coalition of k members and population x wins
/// when k ≥ `members` and x ≥ `population`, or when k ≥ `clause` (fewer than the blocking
/// minority stand outside it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Thresholds {
    pub n: usize,
    pub members: u128,
    pub population: u128,
    pub clause: u128,
}

impl Thresholds {
    pub(crate) fn new(
        pop: &[u64],
        states: Fraction,
        population: Fraction,
        blocking_minority: Option<u64>,
    ) -> Self {
        let n = pop.len();
        let total: u128 = pop.iter().map(|&p| u128::from(p)).sum();
        Self {
            n,
            // Smallest whole numbers meeting each share exactly.
            members: (n as u128 * u128::from(states.num())).div_ceil(u128::from(states.den())),
            population: (total * u128::from(population.num()))
                .div_ceil(u128::from(population.den())),
            clause: blocking_minority
                .map_or(u128::MAX, |b| (n as u128 + 1).saturating_sub(u128::from(b))),
        }
    }

    /// Largest coalition size (of the others) whose swings can depend on population.
    pub(crate) fn max_size(&self) -> usize {
        let n = self.n.saturating_sub(1);
        usize::try_from(self.clause.saturating_sub(1)).map_or(n, |c| c.min(n))
    }

    /// Swings of a player with population `pi` by coalitions S of the others with |S| = k,
    /// given `below(k, x)` (coalitions of the others of size k with population below x)
    /// and `all` = C(n − 1, k). Counts are exact modulo 2²⁵⁶, so exact.
    pub(crate) fn swings_of_size(
        &self,
        k: usize,
        pi: u128,
        mut below: impl FnMut(usize, u128) -> U256,
        all: U256,
    ) -> U256 {
        let (k128, qs, qp, m) = (k as u128, self.members, self.population, self.clause);
        if k128 >= m {
            U256::ZERO
        } else if k128 + 1 >= m {
            // S ∪ {i} wins by the blocking clause; S loses unless it meets both shares.
            if k128 >= qs { below(k, qp) } else { all }
        } else if k128 + 1 < qs {
            U256::ZERO
        } else if k128 >= qs {
            // Both have enough members: S short of the population, S ∪ {i} not.
            below(k, qp).wrapping_sub(below(k, qp.saturating_sub(pi)))
        } else {
            // k = qs − 1: S lacks members; S ∪ {i} needs the population.
            all.wrapping_sub(below(k, qp.saturating_sub(pi)))
        }
    }
}

/// Indices for populations `pop`, member share `states`, population share `population`,
/// and a blocking minority of at least `blocking_minority` members (`None`: no clause).
pub fn double_majority(
    pop: &[u64],
    states: Fraction,
    population: Fraction,
    blocking_minority: Option<u64>,
) -> Result<DoubleMajorityPower, PowerError> {
    let n = pop.len();
    if n == 0 || n > MAX_PLAYERS {
        return Err(PowerError::TooManyPlayers(n));
    }
    let th = Thresholds::new(pop, states, population, blocking_minority);
    let counts = mitm_counts(pop, &th);
    let fact: Vec<u128> = (0..=n as u128)
        .scan(1u128, |f, k| {
            if k > 0 {
                *f *= k;
            }
            Some(*f)
        })
        .collect();
    let mut swings = vec![0u128; n];
    let mut ss = vec![0u128; n];
    for (i, by_size) in counts.iter().enumerate() {
        for (k, c) in by_size.iter().enumerate() {
            // Below 2³³: the body has at most 34 members.
            let c = c.to_u128().unwrap_or(0);
            swings[i] += c;
            ss[i] += c * fact[k] * fact[n - k - 1];
        }
    }
    let sum: u128 = swings.iter().sum();
    let half = 1u128 << (n - 1);
    Ok(DoubleMajorityPower {
        banzhaf_absolute: swings
            .iter()
            .map(|&s| Share { num: s, den: half })
            .collect(),
        banzhaf: swings
            .iter()
            .map(|&s| {
                if sum == 0 {
                    Share { num: 0, den: 1 }
                } else {
                    Share { num: s, den: sum }
                }
            })
            .collect(),
        shapley_shubik: ss
            .into_iter()
            .map(|num| Share { num, den: fact[n] })
            .collect(),
        swings,
    })
}

/// Swings of each player by coalition size (`[i][k]`), by meet in the middle: the players
/// are split in two halves once; each half's coalitions are listed by size with their
/// populations sorted (once). For player i, the coalitions of its half without i are the
/// same lists filtered by i's bit (still sorted), and coalitions of the others below a
/// population are counted by merging them with the other half's lists.
pub(crate) fn mitm_counts(pop: &[u64], th: &Thresholds) -> Vec<Vec<U256>> {
    let n = pop.len();
    let binom = binomials(n.saturating_sub(1));
    let pops: Vec<u128> = pop.iter().map(|&p| u128::from(p)).collect();
    let (h1, h2) = pops.split_at(n / 2);
    let (l1, l2) = (by_size(h1), by_size(h2));
    let (v1, v2) = (values(&l1, None), values(&l2, None));
    let mut out = Vec::with_capacity(n);
    for (i, &pi) in pops.iter().enumerate() {
        let own;
        let (la, lb) = if i < h1.len() {
            own = values(&l1, Some(i));
            (&own, &v2)
        } else {
            own = values(&l2, Some(i - h1.len()));
            (&v1, &own)
        };
        let count_below = |k: usize, x: u128| -> U256 {
            let mut c = 0u128;
            for (k1, va) in la.iter().enumerate() {
                let Some(k2) = k.checked_sub(k1) else { break };
                if let Some(vb) = lb.get(k2) {
                    c += pairs_below(va, vb, x);
                }
            }
            U256::from_u128(c)
        };
        out.push(
            (0..n)
                .map(|k| th.swings_of_size(k, pi, count_below, binom[k]))
                .collect(),
        );
    }
    out
}

/// Every coalition of `players` as (population, members' bits), grouped by size, each group
/// sorted by population.
fn by_size(players: &[u128]) -> Vec<Vec<(u128, u64)>> {
    let mut sums = vec![0u128; 1 << players.len()];
    let mut out = vec![Vec::new(); players.len() + 1];
    out[0].push((0, 0));
    for mask in 1..sums.len() {
        let low = mask.trailing_zeros() as usize;
        sums[mask] = sums[mask & (mask - 1)] + players[low];
        out[mask.count_ones() as usize].push((sums[mask], mask as u64));
    }
    for v in &mut out {
        v.sort_unstable();
    }
    out
}

/// The populations of `lists`, leaving out the coalitions with member `without`.
fn values(lists: &[Vec<(u128, u64)>], without: Option<usize>) -> Vec<Vec<u128>> {
    let bit = without.map_or(0, |j| 1u64 << j);
    lists
        .iter()
        .map(|v| v.iter().filter(|e| e.1 & bit == 0).map(|e| e.0).collect())
        .collect()
}

/// Pairs (x from `a`, y from `b`) with x + y < bound; both sorted ascending.
fn pairs_below(a: &[u128], b: &[u128], bound: u128) -> u128 {
    let mut c = 0u128;
    let mut j = b.len();
    for &x in a {
        while j > 0 && x + b[j - 1] >= bound {
            j -= 1;
        }
        if j == 0 {
            break;
        }
        c += j as u128;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every coalition, by brute force.
    fn brute(pop: &[u64], s: Fraction, p: Fraction, b: Option<u64>) -> (Vec<u128>, Vec<u128>) {
        let n = pop.len();
        let total: u128 = pop.iter().map(|&x| u128::from(x)).sum();
        let wins = |mask: u32| {
            let k = mask.count_ones() as u128;
            let w: u128 = (0..n)
                .filter(|j| mask >> j & 1 == 1)
                .map(|j| u128::from(pop[j]))
                .sum();
            let by_shares = k * u128::from(s.den()) >= n as u128 * u128::from(s.num())
                && w * u128::from(p.den()) >= total * u128::from(p.num());
            let by_clause = b.is_some_and(|b| (n as u128 - k) < u128::from(b));
            by_shares || by_clause
        };
        let fact = |k: usize| (1..=k as u128).product::<u128>();
        let mut sw = vec![0; n];
        let mut ss = vec![0; n];
        for mask in 0u32..(1 << n) {
            for i in 0..n {
                if mask >> i & 1 == 0 && !wins(mask) && wins(mask | 1 << i) {
                    let k = mask.count_ones() as usize;
                    sw[i] += 1;
                    ss[i] += fact(k) * fact(n - k - 1);
                }
            }
        }
        (sw, ss)
    }

    #[test]
    fn matches_brute_force_on_small_bodies() {
        let bodies: [&[u64]; 4] = [
            &[84, 68, 60, 48, 38, 19, 17, 11, 10, 10, 9],
            &[5, 5, 5, 5, 5, 5],
            &[1000, 1, 1, 1, 1, 1, 1, 1, 1],
            &[
                83_000_000, 67_000_000, 59_000_000, 47_000_000, 38_000_000, 19_000_000, 17_000_000,
                10_700_000, 10_400_000, 10_300_000, 9_700_000, 8_900_000, 6_900_000,
            ],
        ];
        let s = Fraction::new(55, 100).unwrap();
        let p = Fraction::new(65, 100).unwrap();
        for pop in bodies {
            for b in [None, Some(4), Some(2)] {
                let got = double_majority(pop, s, p, b).unwrap();
                let (sw, ss) = brute(pop, s, p, b);
                assert_eq!(got.swings, sw, "{pop:?} {b:?}");
                assert_eq!(
                    got.shapley_shubik.iter().map(|x| x.num).collect::<Vec<_>>(),
                    ss,
                    "{pop:?} {b:?}"
                );
                let total: u128 = got.shapley_shubik.iter().map(|x| x.num).sum();
                assert_eq!(total, got.shapley_shubik[0].den, "Shapley–Shubik sums to 1");
            }
        }
    }

    #[test]
    fn refuses_what_it_cannot_do_exactly() {
        let s = Fraction::new(1, 2).unwrap();
        assert!(double_majority(&[1; 35], s, s, None).is_err());
        assert!(double_majority(&[], s, s, None).is_err());
    }
}
