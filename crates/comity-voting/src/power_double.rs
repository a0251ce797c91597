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

use crate::power::{PowerError, Share};
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

/// Largest body computed exactly.
pub const MAX_PLAYERS: usize = 34;

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
    let total: u128 = pop.iter().map(|&p| u128::from(p)).sum();
    // Smallest whole numbers meeting each share exactly.
    let qs = (n as u128 * u128::from(states.num())).div_ceil(u128::from(states.den()));
    let qp = (total * u128::from(population.num())).div_ceil(u128::from(population.den()));
    // A coalition with at least `m` members wins whatever its population.
    let m = blocking_minority.map_or(u128::MAX, |b| (n as u128 + 1).saturating_sub(u128::from(b)));
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
    for i in 0..n {
        let others: Vec<u128> = (0..n)
            .filter(|&j| j != i)
            .map(|j| u128::from(pop[j]))
            .collect();
        let (a, b) = others.split_at(others.len() / 2);
        let la = by_size(a);
        let lb = by_size(b);
        let count_below = |k: usize, x: u128| -> u128 {
            let mut c = 0u128;
            for (k1, va) in la.iter().enumerate() {
                let Some(k2) = k.checked_sub(k1) else { break };
                if let Some(vb) = lb.get(k2) {
                    c += pairs_below(va, vb, x);
                }
            }
            c
        };
        let all_of_size = |k: usize| -> u128 { binom(others.len(), k) };
        let pi = u128::from(pop[i]);
        for k in 0..n {
            let k128 = k as u128;
            let c = if k128 >= m {
                0
            } else if k128 + 1 >= m {
                // S ∪ {i} wins by the blocking clause; S loses unless it meets both shares.
                if k128 >= qs {
                    count_below(k, qp)
                } else {
                    all_of_size(k)
                }
            } else if k128 + 1 < qs {
                0
            } else if k128 >= qs {
                // Both have enough members: S short of the population, S ∪ {i} not.
                count_below(k, qp) - count_below(k, qp.saturating_sub(pi))
            } else {
                // k = qs − 1: S lacks members; S ∪ {i} needs the population.
                all_of_size(k) - count_below(k, qp.saturating_sub(pi))
            };
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

/// Every coalition of `players`, its population, grouped by size, each group sorted.
fn by_size(players: &[u128]) -> Vec<Vec<u128>> {
    let mut out = vec![Vec::new(); players.len() + 1];
    for mask in 0u64..(1u64 << players.len()) {
        let mut s = 0u128;
        for (j, p) in players.iter().enumerate() {
            if mask >> j & 1 == 1 {
                s += p;
            }
        }
        out[mask.count_ones() as usize].push(s);
    }
    for v in &mut out {
        v.sort_unstable();
    }
    out
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

fn binom(n: usize, k: usize) -> u128 {
    if k > n {
        return 0;
    }
    let k = k.min(n - k);
    (0..k).fold(1u128, |acc, i| acc * (n - i) as u128 / (i + 1) as u128)
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
