//! Certification by sample: which signatures a member's authority checks, drawn from a seed
//! the journal published before the draw, and the lower bound of the valid rate that the
//! certified count rests on. Anyone can re-run the draw from the seed and the side table's
//! order; nothing here reads a clock or a random source.

use sha2::{Digest, Sha256};

use crate::ids::Iso3;

/// `size` distinct positions in `0..population`, in increasing order, for `state`'s
/// signatures, from `seed` (Floyd's algorithm; each uniform draw takes SHA-256 of the seed,
/// the state and a counter, rejecting the biased top of the range). `size ≥ population`
/// gives every position.
pub fn draw(seed: &str, state: &Iso3, population: u64, size: u64) -> Vec<u64> {
    if size >= population {
        return (0..population).collect();
    }
    let mut counter = 0u64;
    let mut uniform = |bound: u64| -> u64 {
        // The largest multiple of `bound` that a u64 holds: values at or above it are redrawn.
        let zone = u64::MAX - (u64::MAX % bound);
        loop {
            let h = Sha256::new()
                .chain_update(seed.as_bytes())
                .chain_update(b"\n")
                .chain_update(state.as_str().as_bytes())
                .chain_update(b"\n")
                .chain_update(counter.to_be_bytes())
                .finalize();
            counter += 1;
            let mut x = [0u8; 8];
            x.copy_from_slice(&h[..8]);
            let v = u64::from_be_bytes(x);
            if v < zone {
                return v % bound;
            }
        }
    };
    let mut chosen = std::collections::BTreeSet::new();
    for j in (population - size)..population {
        let t = uniform(j + 1);
        if !chosen.insert(t) {
            chosen.insert(j);
        }
    }
    chosen.into_iter().collect()
}

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The Wilson score interval's lower bound for `valid` of `sample`, in parts per million
/// rounded down; a sample that is the whole population is exact.
pub fn lower_ppm(valid: u64, sample: u64, population: u64) -> u64 {
    if sample == 0 {
        return 0;
    }
    let valid = valid.min(sample);
    if sample >= population {
        return valid * 1_000_000 / sample;
    }
    let (n, p, z) = (sample as f64, valid as f64 / sample as f64, Z95);
    let z2 = z * z;
    let centre = p + z2 / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let lower = ((centre - spread) / (1.0 + z2 / n)).clamp(0.0, 1.0);
    (lower * 1_000_000.0).floor() as u64
}

/// What counts toward the threshold: `population × lower`, rounded down.
pub fn certified(population: u64, lower_ppm: u64) -> u64 {
    u64::try_from(u128::from(population) * u128::from(lower_ppm) / 1_000_000).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draw_is_distinct_in_range_and_repeatable() {
        let s = Iso3::parse("DEU").unwrap();
        let a = draw("seed-1", &s, 1000, 50);
        assert_eq!(a.len(), 50);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert!(a.iter().all(|&x| x < 1000));
        assert_eq!(a, draw("seed-1", &s, 1000, 50));
        assert_ne!(a, draw("seed-2", &s, 1000, 50));
        assert_ne!(a, draw("seed-1", &Iso3::parse("FRA").unwrap(), 1000, 50));
        assert_eq!(draw("x", &s, 5, 9), vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn every_position_is_drawn_about_equally() {
        let s = Iso3::parse("DEU").unwrap();
        let mut hits = [0u32; 20];
        for k in 0..2000 {
            for x in draw(&format!("s{k}"), &s, 20, 5) {
                hits[x as usize] += 1;
            }
        }
        // 2000 × 5 / 20 = 500 each; a fair draw stays well within ±20 %.
        assert!(hits.iter().all(|&h| (400..600).contains(&h)), "{hits:?}");
    }

    #[test]
    fn the_wilson_bound_matches_the_textbook() {
        // 95 of 100: the Wilson interval is [0.88825, 0.97845].
        assert_eq!(lower_ppm(95, 100, 10_000), 888_249);
        // All valid in a sample of 400: lower ≈ 0.99049.
        assert_eq!(lower_ppm(400, 400, 1_000_000) / 100, 9904);
        assert_eq!(lower_ppm(7, 10, 10), 700_000);
        assert_eq!(certified(1_000_000, 888_300), 888_300);
    }
}
