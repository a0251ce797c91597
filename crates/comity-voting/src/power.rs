//! A priori voting power in weighted voting games `[q; w₁, …, wₙ]` (a coalition wins when
//! its weight reaches the quota q), computed **exactly** with integer generating functions.
//!
//! - Banzhaf: player i's swings = coalitions S ∌ i with w(S) < q ≤ w(S) + wᵢ. Counting
//!   coalitions by weight costs O(n·W) for all players together (W = total weight): one
//!   table for everyone, then each player is divided out of it ("deconvolution").
//! - Shapley–Shubik: the same by (size, weight), O(n²·W); player i's index is
//!   Σ over swing coalitions S of |S|!·(n−|S|−1)! / n!.
//!
//! This module keeps results as exact u128 rationals, so Banzhaf needs n ≤ 127 and
//! Shapley–Shubik n ≤ 34 (34! < 2¹²⁸); W is limited to 10⁷ (Banzhaf) and (n+1)·(W+1) to
//! 2·10⁷ table cells (Shapley–Shubik). Beyond that an error is returned, never a rounded
//! value. Bodies of up to 255 members, with faster tables: [`crate::power_wide`];
//! double-majority games: [`crate::power_double`] (u128, n ≤ 34) and
//! [`crate::power_double_wide`] (up to 255 members).

use thiserror::Error;

/// Why power could not be computed exactly.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PowerError {
    /// Too many players for exact u128 arithmetic.
    #[error("too many players for an exact result ({0})")]
    TooManyPlayers(usize),
    /// The total weight is too large for the weight table.
    #[error("total weight {0} is too large for the weight table")]
    WeightTooLarge(u64),
    /// The quota is 0 or above the total weight.
    #[error("quota must be between 1 and the total weight")]
    BadQuota,
    /// The exact count needs a table larger than the memory limit.
    #[error(
        "an exact count needs a table of {} MiB, above the limit of {} MiB",
        bytes.div_ceil(1 << 20),
        limit >> 20
    )]
    TableTooLarge {
        /// Bytes the table would take.
        bytes: u64,
        /// The limit it was checked against.
        limit: u64,
    },
    /// A double-majority body too large for both exact methods.
    #[error(
        "{members} members: the table by (members, population ÷ {unit}) would take {} MiB, \
         above the limit of {} MiB, and meet-in-the-middle is limited to {mitm_max} members; \
         no exact method is known for a body this large on populations this fine: give the \
         populations in a coarser unit (thousands or millions); the indices are then exact for that game",
        bytes.div_ceil(1 << 20),
        limit >> 20
    )]
    DoubleMajorityTooLarge {
        /// Members of the body.
        members: usize,
        /// The populations' greatest common divisor, the table's unit.
        unit: u64,
        /// Bytes the table would take.
        bytes: u64,
        /// The memory limit.
        limit: u64,
        /// Largest body counted by meet in the middle.
        mitm_max: usize,
    },
}

impl PowerError {
    /// Stable identifier of the error kind.
    pub fn id(&self) -> &'static str {
        match self {
            Self::TooManyPlayers(_) => "power-too-many-players",
            Self::WeightTooLarge(_) => "power-weight-too-large",
            Self::BadQuota => "power-bad-quota",
            Self::TableTooLarge { .. } => "power-table-too-large",
            Self::DoubleMajorityTooLarge { .. } => "power-double-majority-too-large",
        }
    }
}

/// Largest total weight accepted (table of this many u128 counts per coalition size).
pub const MAX_TOTAL_WEIGHT: u64 = 10_000_000;

/// An exact share `num / den`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// Numerator.
    pub num: u128,
    /// Denominator.
    pub den: u128,
}

/// Banzhaf power of every player.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banzhaf {
    /// Swing counts per player.
    pub swings: Vec<u128>,
    /// Absolute index: swings / 2ⁿ⁻¹.
    pub absolute: Vec<Share>,
    /// Normalised index: swings / Σ swings (0/0 is reported as 0/1).
    pub normalised: Vec<Share>,
}

/// Players within `max_players`, total weight within the table, quota within the total.
pub(crate) fn check(weights: &[u64], quota: u64, max_players: usize) -> Result<usize, PowerError> {
    if weights.len() > max_players {
        return Err(PowerError::TooManyPlayers(weights.len()));
    }
    let total = weights
        .iter()
        .try_fold(0u64, |a, &w| a.checked_add(w))
        .ok_or(PowerError::WeightTooLarge(u64::MAX))?;
    if total > MAX_TOTAL_WEIGHT {
        return Err(PowerError::WeightTooLarge(total));
    }
    if quota == 0 || quota > total {
        return Err(PowerError::BadQuota);
    }
    Ok(total as usize)
}

/// Exact Banzhaf indices of `[quota; weights]`.
pub fn banzhaf(weights: &[u64], quota: u64) -> Result<Banzhaf, PowerError> {
    let total = check(weights, quota, 127)?;
    let q = quota as usize;
    // all[s] = number of coalitions of weight s.
    let mut all = vec![0u128; total + 1];
    all[0] = 1;
    for &w in weights {
        let w = w as usize;
        for s in (w..=total).rev() {
            all[s] += all[s - w];
        }
    }
    let mut swings = Vec::with_capacity(weights.len());
    for &w in weights {
        let w = w as usize;
        // others[s] = all[s] - others[s - w]: coalitions of weight s not containing i.
        let mut others = all.clone();
        for s in w..=total {
            others[s] -= others[s - w];
        }
        let lo = q.saturating_sub(w);
        swings.push(others[lo..q].iter().sum());
    }
    let n = weights.len();
    let den = 1u128 << n.saturating_sub(1);
    let sum: u128 = swings.iter().sum();
    Ok(Banzhaf {
        absolute: swings.iter().map(|&num| Share { num, den }).collect(),
        normalised: swings
            .iter()
            .map(|&num| {
                if sum == 0 {
                    Share { num: 0, den: 1 }
                } else {
                    Share { num, den: sum }
                }
            })
            .collect(),
        swings,
    })
}

/// Exact Shapley–Shubik indices of `[quota; weights]`, each over the denominator n!.
pub fn shapley_shubik(weights: &[u64], quota: u64) -> Result<Vec<Share>, PowerError> {
    let total = check(weights, quota, 34)?;
    let n = weights.len();
    // Two (size × weight) tables of u128: keep them under ~640 MB.
    if (n + 1).saturating_mul(total + 1) > 20_000_000 {
        return Err(PowerError::WeightTooLarge(total as u64));
    }
    let q = quota as usize;
    let fact: Vec<u128> = (0..=n as u128)
        .scan(1u128, |f, k| {
            if k > 0 {
                *f *= k;
            }
            Some(*f)
        })
        .collect();
    // all[k][s] = coalitions of size k and weight s.
    let mut all = vec![vec![0u128; total + 1]; n + 1];
    all[0][0] = 1;
    for (j, &w) in weights.iter().enumerate() {
        let w = w as usize;
        for k in (1..=j + 1).rev() {
            for s in (w..=total).rev() {
                let add = all[k - 1][s - w];
                all[k][s] += add;
            }
        }
    }
    let mut out = Vec::with_capacity(n);
    for &w in weights {
        let w = w as usize;
        // Divide player i out: others[k][s] = all[k][s] - others[k-1][s-w].
        let mut others = all.clone();
        for k in 1..=n {
            for s in w..=total {
                let sub = others[k - 1][s - w];
                others[k][s] -= sub;
            }
        }
        let lo = q.saturating_sub(w);
        let mut num = 0u128;
        for (k, row) in others.iter().enumerate().take(n) {
            let c: u128 = row[lo..q].iter().sum();
            num += c * fact[k] * fact[n - k - 1];
        }
        out.push(Share { num, den: fact[n] });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(weights: &[u64], quota: u64) -> (Vec<u128>, Vec<u128>) {
        let n = weights.len();
        let fact = |k: usize| (1..=k as u128).product::<u128>();
        let mut bz = vec![0u128; n];
        let mut ss = vec![0u128; n];
        for mask in 0u32..(1 << n) {
            let w: u64 = (0..n)
                .filter(|&i| mask >> i & 1 == 1)
                .map(|i| weights[i])
                .sum();
            let size = mask.count_ones() as usize;
            for i in 0..n {
                if mask >> i & 1 == 0 && w < quota && w + weights[i] >= quota {
                    bz[i] += 1;
                    ss[i] += fact(size) * fact(n - size - 1);
                }
            }
        }
        (bz, ss)
    }

    #[test]
    fn matches_brute_force_on_small_games() {
        let games: &[(&[u64], u64)] = &[
            (&[4, 3, 2, 1], 6),
            (&[1, 1, 1], 2),
            (&[50, 49, 1], 51),
            (&[3, 2, 2, 1, 1, 1, 0], 6),
            // EEC Council of Ministers 1958: [12; 4, 4, 4, 2, 2, 1] (Luxembourg is a dummy).
            (&[4, 4, 4, 2, 2, 1], 12),
            (&[10, 7, 5, 5, 3, 2, 2, 1, 1], 19),
        ];
        for &(w, q) in games {
            let (bz, ss) = brute(w, q);
            let b = banzhaf(w, q).unwrap();
            assert_eq!(b.swings, bz, "{w:?}");
            let s = shapley_shubik(w, q).unwrap();
            assert_eq!(s.iter().map(|x| x.num).collect::<Vec<_>>(), ss, "{w:?}");
            let total: u128 = s.iter().map(|x| x.num).sum();
            assert_eq!(total, s[0].den, "Shapley–Shubik indices sum to 1");
        }
        assert_eq!(banzhaf(&[4, 4, 4, 2, 2, 1], 12).unwrap().swings[5], 0);
    }

    #[test]
    fn rejects_bad_inputs() {
        assert_eq!(banzhaf(&[1, 2], 0).unwrap_err().id(), "power-bad-quota");
        assert_eq!(banzhaf(&[1, 2], 4).unwrap_err(), PowerError::BadQuota);
        assert_eq!(
            shapley_shubik(&[1; 35], 18).unwrap_err(),
            PowerError::TooManyPlayers(35)
        );
        assert_eq!(
            banzhaf(&[MAX_TOTAL_WEIGHT, 1], 2).unwrap_err(),
            PowerError::WeightTooLarge(MAX_TOTAL_WEIGHT + 1)
        );
    }
}
