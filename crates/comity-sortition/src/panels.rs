//! From configurations to named panels, and the draw.
//!
//! A configuration says how many of each type sit on the panel; who they are is chosen by
//! **systematic sampling within each type**, all types sharing one offset `u ∈ [0, 1)`: of a
//! type's `c` members (in pool order) the panel takes those at positions `⌊(u + j)·c/n⌋`,
//! `j = 0..n`. Each member is taken for a share `n/c` of the offsets, so every member of a
//! type gets exactly the type's probability. The offsets where some type's choice changes
//! are the fractions `i/q` with `q = c/gcd(n, c)`, so a configuration splits into finitely
//! many panels whose weights are the lengths of the offset intervals, computed exactly in
//! integers.
//!
//! The draw turns a seed into one number `r ∈ [0, 1)` (SHA-256 of a fixed label and the
//! seed) and takes the panel whose cumulative-weight interval holds it: anyone with the
//! seed and the distribution gets the same panel.

use sha2::{Digest, Sha256};

use crate::ilp::Config;
use crate::types::Types;

/// A panel (indices into the pool, ascending) and its probability in the distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedPanel {
    /// The panel's probability.
    pub weight: f64,
    /// Its members as indices into the instance's `people`, ascending.
    pub members: Vec<usize>,
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The offsets (as reduced fractions `num/den`, ascending, starting at 0) at which some
/// type's systematic choice changes.
fn breakpoints(config: &Config, types: &Types) -> Vec<(u64, u64)> {
    let mut points = vec![(0u64, 1u64)];
    for (t, &n) in config.iter().enumerate() {
        let c = u64::from(types.count(t));
        let n = u64::from(n);
        if n == 0 || n == c {
            continue;
        }
        let q = c / gcd(n, c);
        for i in 1..q {
            let g = gcd(i, q);
            points.push((i / g, q / g));
        }
    }
    points.sort_by(|a, b| {
        (u128::from(a.0) * u128::from(b.1)).cmp(&(u128::from(b.0) * u128::from(a.1)))
    });
    points.dedup();
    points
}

/// The panels of one configuration with the configuration's weight spread over them.
pub(crate) fn expand(config: &Config, weight: f64, types: &Types, out: &mut Vec<WeightedPanel>) {
    let points = breakpoints(config, types);
    for (i, &(num, den)) in points.iter().enumerate() {
        let (next_num, next_den) = points.get(i + 1).copied().unwrap_or((1, 1));
        let length = next_num as f64 / next_den as f64 - num as f64 / den as f64;
        let mut members = Vec::new();
        for (t, &n) in config.iter().enumerate() {
            let list = &types.members[t];
            let (c, n) = (list.len() as u128, u128::from(n));
            for j in 0..n {
                // ⌊(u + j)·c/n⌋ with u = num/den, in integers.
                let position = (u128::from(num) + j * u128::from(den)) * c / (u128::from(den) * n);
                members.push(list[position as usize]);
            }
        }
        members.sort_unstable();
        out.push(WeightedPanel {
            weight: weight * length,
            members,
        });
    }
}

/// The number in `[0, 1)` a seed stands for: the top 53 bits of
/// SHA-256("comity-sortition-draw-v1" ‖ seed).
pub fn seed_to_unit(seed: &[u8]) -> f64 {
    let mut hasher = Sha256::new();
    hasher.update(b"comity-sortition-draw-v1");
    hasher.update(seed);
    let digest = hasher.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) >> 11) as f64 / (1u64 << 53) as f64
}

/// The index of the panel whose cumulative-weight interval holds `r`.
pub fn pick(panels: &[WeightedPanel], r: f64) -> Option<usize> {
    let mut cumulative = 0.0;
    for (i, p) in panels.iter().enumerate() {
        cumulative += p.weight;
        if r < cumulative {
            return Some(i);
        }
    }
    // Rounding can leave the total a hair under 1: the last panel with weight takes the rest.
    panels.iter().rposition(|p| p.weight > 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(counts: &[usize]) -> Types {
        let mut next = 0;
        let members = counts
            .iter()
            .map(|&c| {
                let m: Vec<usize> = (next..next + c).collect();
                next += c;
                m
            })
            .collect();
        Types {
            members,
            values: vec![vec![]; counts.len()],
            households: vec![],
        }
    }

    #[test]
    fn systematic_sampling_gives_every_member_its_share() {
        let t = types(&[4, 6, 1]);
        let mut out = Vec::new();
        expand(&vec![3, 4, 1], 0.5, &t, &mut out);
        let total: f64 = out.iter().map(|p| p.weight).sum();
        assert!((total - 0.5).abs() < 1e-12);
        let mut share = vec![0.0; 11];
        for p in &out {
            assert_eq!(p.members.len(), 8);
            for &m in &p.members {
                share[m] += p.weight;
            }
        }
        for m in 0..4 {
            assert!((share[m] - 0.5 * 3.0 / 4.0).abs() < 1e-12, "{share:?}");
        }
        for m in 4..10 {
            assert!((share[m] - 0.5 * 4.0 / 6.0).abs() < 1e-12, "{share:?}");
        }
        assert!((share[10] - 0.5).abs() < 1e-12);
        // Breakpoints: quarters from the first type, thirds from the second.
        assert_eq!(out.len(), 6);
    }

    #[test]
    fn seeds_map_to_fixed_numbers() {
        let a = seed_to_unit(b"1");
        assert_eq!(a, seed_to_unit(b"1"));
        assert_ne!(a, seed_to_unit(b"2"));
        assert!((0.0..1.0).contains(&a));
        let panels = vec![
            WeightedPanel {
                weight: 0.25,
                members: vec![0],
            },
            WeightedPanel {
                weight: 0.75,
                members: vec![1],
            },
        ];
        assert_eq!(pick(&panels, 0.2), Some(0));
        assert_eq!(pick(&panels, 0.25), Some(1));
        assert_eq!(pick(&panels, 0.999_999_999_999_999_9), Some(1));
    }
}
