//! Exact Banzhaf and Shapley–Shubik indices of double-majority games of up to 255 members
//! (the rule of [`crate::power_double`]: at least ⌈s·n⌉ members representing at least
//! ⌈p·P⌉ of the population P, or fewer members outside than the blocking minority).
//!
//! **Which method runs.** [`double_majority_wide`] tries, in this order:
//!
//! 1. **Dynamic programming by (members, population)** when its table fits the memory
//!    limit (default 2 GiB). Populations are first divided by their greatest common
//!    divisor g (populations given in whole thousands or millions give g = 1,000 or
//!    1,000,000); only populations below ⌈p·P / g⌉ are counted, for coalition sizes up to
//!    the largest one whose swings can depend on population, each size in the band of
//!    populations it can reach (`src/power_table.rs`). Each player's counts follow from
//!    the one table by alternating sums. Time about n × cells. The 193 UN members with
//!    populations in whole millions: a table of 18 MB, 0.1 s.
//! 2. **Meet in the middle** otherwise, for bodies of at most [`MITM_MAX_PLAYERS`] members
//!    whatever their populations: each half's coalitions listed by size with sorted
//!    populations, merged per player (O(n² · 2^(n/2)); 40 members in about 2 s).
//! 3. Otherwise [`PowerError::DoubleMajorityTooLarge`], which states the table's size, the
//!    limit and the meet-in-the-middle bound. The 193 UN members with populations exact
//!    to the person: the table would take 18 TB (populations up to 5.4·10⁹ for each
//!    coalition size) and there are 2¹⁹² coalitions to list. Never an approximation.
//!
//! **Exactness.** Both methods count swings exactly for the game as given: the integer
//! populations of the input and each threshold as the smallest whole number meeting its
//! share exactly. Shapley–Shubik is Σₖ cᵢₖ · k!(n−1−k)! / n! in exact integers; every
//! index is converted to the nearest f64 once, at the end.

use crate::bignum::{Nat, U256, ratio_to_f64};
use crate::power::PowerError;
use crate::power_double::{Thresholds, mitm_counts};
use crate::power_table::{DEFAULT_TABLE_BYTES, MAX_WIDE_PLAYERS, SizeWeightTable, binomials, plan};
use crate::power_wide::{WideShapley, banzhaf_values, order_factors};
use crate::rules::Fraction;

/// Largest body counted by meet in the middle when the table does not fit.
pub const MITM_MAX_PLAYERS: usize = 40;

/// How the swings were counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoubleMajorityMethod {
    /// Table by (coalition size, population ÷ `unit`), of `bytes` bytes.
    Table { unit: u64, bytes: u64 },
    /// Meet in the middle over the populations as given.
    MeetInTheMiddle,
}

/// Exact indices of one double-majority game.
#[derive(Debug, Clone, PartialEq)]
pub struct WideDoubleMajority {
    pub method: DoubleMajorityMethod,
    /// Swing counts per player (exact).
    pub swings: Vec<U256>,
    /// Banzhaf normalised (swings / Σ swings), nearest f64.
    pub banzhaf: Vec<f64>,
    /// Banzhaf absolute (swings / 2ⁿ⁻¹), nearest f64.
    pub banzhaf_absolute: Vec<f64>,
    /// Shapley–Shubik, exact over n!.
    pub shapley_shubik: WideShapley,
}

/// Indices for populations `pop`, member share `states`, population share `population` and
/// a blocking minority of at least `blocking_minority` members (`None`: no clause), with
/// tables up to the default memory limit.
pub fn double_majority_wide(
    pop: &[u64],
    states: Fraction,
    population: Fraction,
    blocking_minority: Option<u64>,
) -> Result<WideDoubleMajority, PowerError> {
    double_majority_wide_within(
        pop,
        states,
        population,
        blocking_minority,
        DEFAULT_TABLE_BYTES,
    )
}

/// [`double_majority_wide`] with tables up to `max_bytes`.
pub fn double_majority_wide_within(
    pop: &[u64],
    states: Fraction,
    population: Fraction,
    blocking_minority: Option<u64>,
    max_bytes: u64,
) -> Result<WideDoubleMajority, PowerError> {
    let n = pop.len();
    if n == 0 || n > MAX_WIDE_PLAYERS {
        return Err(PowerError::TooManyPlayers(n));
    }
    let th = Thresholds::new(pop, states, population, blocking_minority);
    let unit = pop.iter().fold(0u64, |g, &p| gcd(g, p)).max(1);
    let mut order: Vec<(u64, usize)> = pop.iter().map(|&p| p / unit).zip(0..).collect();
    order.sort_unstable();
    let sorted: Vec<u64> = order.iter().map(|&(p, _)| p).collect();
    // Coalitions below the population threshold, in units: pop < x ⟺ pop / unit < ⌈x / unit⌉.
    let bound = usize::try_from(th.population.div_ceil(u128::from(unit))).ok();
    let planned = bound.map(|b| (b, plan(&sorted, b, th.max_size())));
    let bytes = planned.as_ref().map_or(u64::MAX, |(_, p)| p.bytes());
    let (method, counts) = match planned {
        Some((_, p)) if bytes <= max_bytes => {
            let table = SizeWeightTable::build(&sorted, p, max_bytes)?;
            let binom = binomials(n - 1);
            let mut counts = vec![Vec::new(); n];
            for &(pu, i) in &order {
                let pu = usize::try_from(pu).unwrap_or(usize::MAX);
                let below = |k: usize, x: u128| {
                    let x = usize::try_from(x.div_ceil(u128::from(unit))).unwrap_or(usize::MAX);
                    table.below_without(k, x, pu)
                };
                counts[i] = (0..n)
                    .map(|k| th.swings_of_size(k, u128::from(pop[i]), below, binom[k]))
                    .collect();
            }
            (DoubleMajorityMethod::Table { unit, bytes }, counts)
        }
        _ if n <= MITM_MAX_PLAYERS => {
            (DoubleMajorityMethod::MeetInTheMiddle, mitm_counts(pop, &th))
        }
        _ => {
            return Err(PowerError::DoubleMajorityTooLarge {
                members: n,
                unit,
                bytes,
                limit: max_bytes,
                mitm_max: MITM_MAX_PLAYERS,
            });
        }
    };
    let swings: Vec<U256> = counts
        .iter()
        .map(|c| c.iter().fold(U256::ZERO, |a, &x| a.wrapping_add(x)))
        .collect();
    let factor = order_factors(n);
    let num: Vec<Nat> = counts
        .iter()
        .map(|c| {
            let mut s = Nat::zero();
            for (x, f) in c.iter().zip(&factor) {
                if !x.is_zero() {
                    s.add_assign(&x.to_nat().mul(f));
                }
            }
            s
        })
        .collect();
    let den = Nat::factorial(n as u64);
    let (banzhaf, banzhaf_absolute) = banzhaf_values(&swings);
    Ok(WideDoubleMajority {
        method,
        swings,
        banzhaf,
        banzhaf_absolute,
        shapley_shubik: WideShapley {
            values: num.iter().map(|x| ratio_to_f64(x, &den)).collect(),
            num,
            den,
        },
    })
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}
