//! The two multi-word integers voting power needs, and nothing more: [`U256`] for coalition
//! counts (a 255-member body has fewer than 2²⁵⁵ coalitions, so wrapping arithmetic modulo
//! 2²⁵⁶ is exact for every count and every alternating sum of counts), and [`Nat`] for
//! Shapley–Shubik numerators over n! (193! ≈ 2¹²⁰⁰). Conversion to f64 happens once, at the
//! end, correctly rounded ([`ratio_to_f64`]).

use std::cmp::Ordering;
use std::fmt;

/// An unsigned 256-bit integer: four 64-bit limbs, least significant first. Addition and
/// subtraction wrap modulo 2²⁵⁶.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct U256(pub(crate) [u64; 4]);

/// By value: the most significant limb first (a derived order would start at the least).
impl Ord for U256 {
    fn cmp(&self, o: &Self) -> Ordering {
        self.0.iter().rev().cmp(o.0.iter().rev())
    }
}

impl PartialOrd for U256 {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl U256 {
    pub const ZERO: Self = Self([0; 4]);
    pub const ONE: Self = Self([1, 0, 0, 0]);

    /// From the low limbs of a little-endian slice (at most four are read).
    pub(crate) fn from_limbs(limbs: &[u64]) -> Self {
        // One arm per width: a table lookup in the hot loops, not a call to memcpy.
        Self(match *limbs {
            [] => [0; 4],
            [a] => [a, 0, 0, 0],
            [a, b] => [a, b, 0, 0],
            [a, b, c] => [a, b, c, 0],
            [a, b, c, d, ..] => [a, b, c, d],
        })
    }

    pub fn from_u128(x: u128) -> Self {
        Self([x as u64, (x >> 64) as u64, 0, 0])
    }

    /// The value, if it fits in 128 bits.
    pub fn to_u128(self) -> Option<u128> {
        (self.0[2] == 0 && self.0[3] == 0)
            .then(|| u128::from(self.0[0]) | (u128::from(self.0[1]) << 64))
    }

    /// Sum modulo 2²⁵⁶.
    pub fn wrapping_add(self, o: Self) -> Self {
        let mut r = [0u64; 4];
        let mut carry = false;
        for (i, limb) in r.iter_mut().enumerate() {
            let (s1, c1) = self.0[i].overflowing_add(o.0[i]);
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            *limb = s2;
            carry = c1 | c2;
        }
        Self(r)
    }

    /// Difference modulo 2²⁵⁶.
    pub fn wrapping_sub(self, o: Self) -> Self {
        let mut r = [0u64; 4];
        let mut borrow = false;
        for (i, limb) in r.iter_mut().enumerate() {
            let (d1, b1) = self.0[i].overflowing_sub(o.0[i]);
            let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
            *limb = d2;
            borrow = b1 | b2;
        }
        Self(r)
    }

    pub fn is_zero(self) -> bool {
        self.0 == [0; 4]
    }

    pub fn to_nat(self) -> Nat {
        Nat::from_limbs(&self.0)
    }

    /// The nearest f64 (for display; the count itself is exact).
    pub fn to_f64(self) -> f64 {
        ratio_to_f64(&self.to_nat(), &Nat::from_u64(1))
    }

    /// Decimal digits.
    pub fn to_decimal(self) -> String {
        self.to_nat().to_string()
    }
}

/// An unsigned integer of any size: little-endian 64-bit limbs, no high zero limb.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Nat(Vec<u64>);

impl Nat {
    pub fn zero() -> Self {
        Self(Vec::new())
    }

    pub fn from_u64(x: u64) -> Self {
        Self::from_limbs(&[x])
    }

    pub fn from_u128(x: u128) -> Self {
        Self::from_limbs(&[x as u64, (x >> 64) as u64])
    }

    pub fn from_limbs(limbs: &[u64]) -> Self {
        let mut v = limbs.to_vec();
        while v.last() == Some(&0) {
            v.pop();
        }
        Self(v)
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of significant bits (0 for zero).
    pub fn bits(&self) -> u64 {
        self.0.last().map_or(0, |&top| {
            64 * self.0.len() as u64 - u64::from(top.leading_zeros())
        })
    }

    fn bit(&self, i: u64) -> bool {
        self.0
            .get((i / 64) as usize)
            .is_some_and(|limb| limb >> (i % 64) & 1 == 1)
    }

    /// `self · m`.
    pub fn mul_u64(&self, m: u64) -> Self {
        let mut out = Vec::with_capacity(self.0.len() + 1);
        let mut carry = 0u128;
        for &limb in &self.0 {
            let p = u128::from(limb) * u128::from(m) + carry;
            out.push(p as u64);
            carry = p >> 64;
        }
        out.push(carry as u64);
        Self::from_limbs(&out)
    }

    /// `self · o` (schoolbook: the operands here have at most a few dozen limbs).
    pub fn mul(&self, o: &Self) -> Self {
        let mut out = vec![0u64; self.0.len() + o.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u128;
            for (j, &b) in o.0.iter().enumerate() {
                let cur = u128::from(out[i + j]) + u128::from(a) * u128::from(b) + carry;
                out[i + j] = cur as u64;
                carry = cur >> 64;
            }
            out[i + o.0.len()] = carry as u64;
        }
        Self::from_limbs(&out)
    }

    pub fn add_assign(&mut self, o: &Self) {
        if self.0.len() < o.0.len() {
            self.0.resize(o.0.len(), 0);
        }
        let mut carry = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let (s1, c1) = limb.overflowing_add(o.0.get(i).copied().unwrap_or(0));
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            *limb = s2;
            carry = c1 | c2;
            if !carry && i >= o.0.len() {
                break;
            }
        }
        if carry {
            self.0.push(1);
        }
    }

    /// `self − o`; the caller guarantees `self ≥ o`.
    fn sub_assign(&mut self, o: &Self) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let (d1, b1) = limb.overflowing_sub(o.0.get(i).copied().unwrap_or(0));
            let (d2, b2) = d1.overflowing_sub(u64::from(borrow));
            *limb = d2;
            borrow = b1 | b2;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// `2·self + bit`.
    fn shl1_or(&mut self, bit: bool) {
        let mut carry = u64::from(bit);
        for limb in &mut self.0 {
            let next = *limb >> 63;
            *limb = (*limb << 1) | carry;
            carry = next;
        }
        if carry != 0 {
            self.0.push(carry);
        }
    }

    /// `self · 2^k`.
    pub fn mul_pow2(&self, k: u64) -> Self {
        if self.is_zero() {
            return Self::zero();
        }
        let words = (k / 64) as usize;
        let bits = k % 64;
        let mut out = vec![0u64; words];
        let mut carry = 0u64;
        for &limb in &self.0 {
            out.push((limb << bits) | carry);
            carry = if bits == 0 { 0 } else { limb >> (64 - bits) };
        }
        out.push(carry);
        Self::from_limbs(&out)
    }

    /// n! for n ≥ 0.
    pub fn factorial(n: u64) -> Self {
        (2..=n).fold(Self::from_u64(1), |f, k| f.mul_u64(k))
    }
}

impl Ord for Nat {
    fn cmp(&self, o: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
}

impl PartialOrd for Nat {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for Nat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const TEN19: u128 = 10_000_000_000_000_000_000;
        let mut limbs = self.0.clone();
        let mut chunks = Vec::new();
        loop {
            // Divide by 10¹⁹ (the largest power of ten in a u64), limb by limb.
            let mut rem: u128 = 0;
            for limb in limbs.iter_mut().rev() {
                let cur = (rem << 64) | u128::from(*limb);
                *limb = (cur / TEN19) as u64;
                rem = cur % TEN19;
            }
            while limbs.last() == Some(&0) {
                limbs.pop();
            }
            chunks.push(rem as u64);
            if limbs.is_empty() {
                break;
            }
        }
        let mut it = chunks.iter().rev();
        if let Some(top) = it.next() {
            write!(f, "{top}")?;
        }
        it.try_for_each(|c| write!(f, "{c:019}"))
    }
}

/// `num / den` as the nearest f64 (ties to even); 0 when `num` or `den` is 0.
///
/// Long division gives 66 or 67 quotient bits and a sticky bit for the remainder, so the
/// one rounding is u128 → f64, which Rust does to nearest.
pub fn ratio_to_f64(num: &Nat, den: &Nat) -> f64 {
    if num.is_zero() || den.is_zero() {
        return 0.0;
    }
    // Scale so that the quotient has 66 or 67 bits.
    let shift = 66 + den.bits() as i64 - num.bits() as i64;
    let (a, b) = if shift >= 0 {
        (num.mul_pow2(shift as u64), den.clone())
    } else {
        (num.clone(), den.mul_pow2(shift.unsigned_abs()))
    };
    let mut q: u128 = 0;
    let mut r = Nat::zero();
    for i in (0..a.bits()).rev() {
        r.shl1_or(a.bit(i));
        q <<= 1;
        if r >= b {
            r.sub_assign(&b);
            q |= 1;
        }
    }
    if !r.is_zero() {
        q |= 1;
    }
    // q · 2^-shift, in two steps so that neither factor leaves the f64 range.
    let half = shift / 2;
    q as f64 * pow2(-half) * pow2(half - shift)
}

fn pow2(e: i64) -> f64 {
    let e = e.clamp(-1074, 1023);
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_and_decimal() {
        let f30 = Nat::factorial(30);
        assert_eq!(f30.to_string(), "265252859812191058636308480000000");
        let f60 = Nat::factorial(60);
        assert_eq!(
            f60.to_string(),
            "8320987112741390144276341183223364380754172606361245952449277696409600000000000000"
        );
        // 60! = 30! · (31 · … · 60)
        let tail = (31..=60u64).fold(Nat::from_u64(1), |p, k| p.mul_u64(k));
        assert_eq!(f30.mul(&tail), f60);
        let mut s = Nat::from_u128(u128::MAX);
        s.add_assign(&Nat::from_u64(1));
        assert_eq!(s, Nat::from_limbs(&[0, 0, 1]));
        assert_eq!(s.bits(), 129);
        assert_eq!(Nat::zero().to_string(), "0");
        assert!(Nat::from_u64(5) < Nat::from_limbs(&[0, 1]));
        assert_eq!(
            U256::from_u128(5).wrapping_sub(U256::from_u128(7)),
            U256([u64::MAX - 1, u64::MAX, u64::MAX, u64::MAX])
        );
        assert_eq!(U256([0, 1, 0, 0]).to_decimal(), "18446744073709551616");
        assert!(U256([5, 0, 0, 0]) < U256([0, 1, 0, 0]));
    }

    #[test]
    fn ratios_round_to_nearest() {
        let r = |a: u128, b: u128| ratio_to_f64(&Nat::from_u128(a), &Nat::from_u128(b));
        assert_eq!(r(1, 3), 1.0 / 3.0);
        assert_eq!(r(2, 3), 2.0 / 3.0);
        assert_eq!(r(5, 1), 5.0);
        assert_eq!(r(0, 7), 0.0);
        assert_eq!(r(u128::MAX, 1), u128::MAX as f64);
        for (a, b) in [(123_456_789u128, 987_654_321u128), (1, 1 << 100), (7, 10)] {
            assert_eq!(r(a, b), a as f64 / b as f64);
        }
        // Far beyond the f64 range on both sides of the fraction bar.
        let big = Nat::factorial(200);
        assert_eq!(ratio_to_f64(&big, &big), 1.0);
        assert_eq!(ratio_to_f64(&Nat::factorial(199), &big), 1.0 / 200.0);
        // 1 / 2¹⁰⁷⁰ is subnormal; 1 / 2²⁰⁰⁰ underflows to 0.
        let one = Nat::from_u64(1);
        assert_eq!(
            ratio_to_f64(&one, &one.mul_pow2(1070)),
            f64::from_bits(1 << 4)
        );
        assert_eq!(ratio_to_f64(&one, &one.mul_pow2(2000)), 0.0);
    }
}
