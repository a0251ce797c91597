//! Exact Banzhaf indices for large weighted bodies (up to 255 members, such as a 193-member
//! UN body): the same generating function as [`crate::power::banzhaf`], counted in 256-bit
//! integers, since coalition counts reach 2¹⁹² there.

use crate::power::{PowerError, check};

/// An unsigned 256-bit integer: four 64-bit limbs, least significant first. Only what the
/// counting needs: addition, subtraction, conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct U256([u64; 4]);

impl U256 {
    pub const ONE: Self = Self([1, 0, 0, 0]);

    fn add(self, o: Self) -> Self {
        let mut r = [0u64; 4];
        let mut carry = 0u64;
        for (i, limb) in r.iter_mut().enumerate() {
            let (s1, c1) = self.0[i].overflowing_add(o.0[i]);
            let (s2, c2) = s1.overflowing_add(carry);
            *limb = s2;
            carry = u64::from(c1) + u64::from(c2);
        }
        Self(r)
    }

    fn sub(self, o: Self) -> Self {
        let mut r = [0u64; 4];
        let mut borrow = 0u64;
        for (i, limb) in r.iter_mut().enumerate() {
            let (d1, b1) = self.0[i].overflowing_sub(o.0[i]);
            let (d2, b2) = d1.overflowing_sub(borrow);
            *limb = d2;
            borrow = u64::from(b1) + u64::from(b2);
        }
        Self(r)
    }

    /// The nearest f64 (for display; the count itself is exact).
    pub fn to_f64(self) -> f64 {
        self.0.iter().rev().fold(0.0, |acc, &limb| {
            acc * 18_446_744_073_709_551_616.0 + limb as f64
        })
    }

    /// Decimal digits.
    pub fn to_decimal(self) -> String {
        let mut limbs = self.0;
        let mut digits = Vec::new();
        loop {
            // Divide by 10¹⁹ (the largest power of ten in a u64), limb by limb.
            let mut rem: u128 = 0;
            for limb in limbs.iter_mut().rev() {
                let cur = (rem << 64) | u128::from(*limb);
                *limb = (cur / 10_000_000_000_000_000_000) as u64;
                rem = cur % 10_000_000_000_000_000_000;
            }
            if limbs.iter().all(|&l| l == 0) {
                digits.push(format!("{rem}"));
                break;
            }
            digits.push(format!("{rem:019}"));
        }
        digits.reverse();
        digits.concat()
    }
}

/// Banzhaf of every player of `[quota; weights]`: exact swing counts, and the normalised
/// and absolute indices as the nearest f64.
#[derive(Debug, Clone, PartialEq)]
pub struct WideBanzhaf {
    pub swings: Vec<U256>,
    pub normalised: Vec<f64>,
    pub absolute: Vec<f64>,
}

pub fn banzhaf_wide(weights: &[u64], quota: u64) -> Result<WideBanzhaf, PowerError> {
    let n = weights.len();
    let total = check(weights, quota, 255)?;
    let q = quota as usize;
    let mut all = vec![U256::default(); total + 1];
    all[0] = U256::ONE;
    let mut reach = 0usize;
    for &w in weights {
        let w = w as usize;
        reach += w;
        for s in (w..=reach).rev() {
            all[s] = all[s].add(all[s - w]);
        }
    }
    let mut swings = Vec::with_capacity(n);
    let mut others = vec![U256::default(); q];
    for &w in weights {
        let w = w as usize;
        // Coalitions without this player, by weight, up to the quota.
        for s in 0..q {
            others[s] = if s >= w {
                all[s].sub(others[s - w])
            } else {
                all[s]
            };
        }
        let lo = q.saturating_sub(w);
        swings.push(others[lo..q].iter().fold(U256::default(), |a, &x| a.add(x)));
    }
    let sum: f64 = swings.iter().map(|s| s.to_f64()).sum();
    let half = 2f64.powi(i32::try_from(n.saturating_sub(1)).unwrap_or(i32::MAX));
    Ok(WideBanzhaf {
        normalised: swings
            .iter()
            .map(|s| if sum == 0.0 { 0.0 } else { s.to_f64() / sum })
            .collect(),
        absolute: swings.iter().map(|s| s.to_f64() / half).collect(),
        swings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::power::banzhaf;

    #[test]
    fn agrees_with_the_128_bit_count_where_both_apply() {
        let weights = [9u64, 7, 6, 4, 4, 3, 2, 1, 1, 1, 12, 5];
        for quota in [10u64, 20, 28, 40, 55] {
            let narrow = banzhaf(&weights, quota).unwrap();
            let wide = banzhaf_wide(&weights, quota).unwrap();
            for (a, b) in narrow.swings.iter().zip(&wide.swings) {
                assert_eq!(a.to_string(), b.to_decimal());
            }
        }
    }

    #[test]
    fn a_large_symmetric_body_is_exact() {
        // 193 equal members, simple majority of 97: each swings C(192, 96) times.
        let w = vec![1u64; 193];
        let b = banzhaf_wide(&w, 97).unwrap();
        // C(192, 96), computed independently by the multiplicative formula in f64.
        let c: f64 = (0..96).fold(1.0, |acc, i| acc * (192 - i) as f64 / (i + 1) as f64);
        assert!((b.swings[0].to_f64() / c - 1.0).abs() < 1e-12);
        assert!(b.swings.iter().all(|s| *s == b.swings[0]));
        assert!((b.normalised[0] - 1.0 / 193.0).abs() < 1e-15);
        assert_eq!(U256([0, 1, 0, 0]).to_decimal(), "18446744073709551616");
    }
}
