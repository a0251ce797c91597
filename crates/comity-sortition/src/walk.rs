//! Writing a point of the relaxation as a mixture of quota-meeting panels, by walking down
//! the faces of the polytope (Carathéodory's construction).
//!
//! With expected counts `x_t = c_t·p_t`, take a configuration `v` that lies on every bound
//! `x` lies on: the same tight quota rows, none of a type `x` has none of, all of a type `x`
//! has all of. Then `x = θ·v + (1 − θ)·x'` where `x'` moves away from `v` until a new bound
//! is reached at the largest `θ`; `x'` lies on a smaller face, and after at most one step
//! more than the dimension nothing is left. The configuration is asked first among the roundings of `x`
//! (each `n_t` is `⌊x_t⌋` or `⌈x_t⌉`, rounding up where the fraction is largest), which keeps
//! `θ` large, then anywhere on the face. The relaxation is not always the convex hull of
//! the panels (three or more quota features make it fractional in general), so a face may
//! hold no panel: the walk then gives up and the caller falls back to column generation.
//!
//! The walk works on the unnormalised rest `r = m·x'` (`m` the weight still to place), so
//! rounding errors stay absolute rather than growing as `m` shrinks.

use crate::error::SelectError;
use crate::ilp::{Config, Model};
use crate::leximin::Progress;

/// A rest this close to a bound (in expected members) is on it.
const TIGHT: f64 = 1e-10;
/// The walk stops when less weight than this is left.
const DONE: f64 = 1e-10;
/// A walk stuck with less weight than this left is as good as done: what is left is the
/// LP's rounding error, not a face without panels.
const ALMOST: f64 = 1e-7;
/// A step shorter than this means the walk is stuck.
const MIN_STEP: f64 = 1e-12;

/// The configurations a walk found with their weights (summing to 1), and whether the
/// mixture reaches the target.
#[derive(Debug)]
pub(crate) struct Walk {
    pub configs: Vec<(Config, f64)>,
    pub complete: bool,
}

/// Configurations whose mixture gives each type the probability `levels[t]`; incomplete when
/// the walk finds no panel on the current face.
pub(crate) fn decompose(
    model: &Model<'_>,
    levels: &[f64],
    stage: usize,
    progress: &mut dyn FnMut(Progress),
) -> Result<Walk, SelectError> {
    let types = model.types.len();
    let counts: Vec<f64> = (0..types)
        .map(|t| f64::from(model.types.count(t)))
        .collect();
    let rows = model.linear_rows();
    let mut rest: Vec<f64> = (0..types).map(|t| levels[t] * counts[t]).collect();
    let mut mass = 1.0;
    let mut found: Vec<(Config, f64)> = Vec::new();
    // Each step puts one more bound in force, so more steps than bounds means a loop.
    let limit = 2 * types + 2 * rows.len() + 2;
    let lowest = levels.iter().copied().fold(1.0, f64::min);
    let mut steps = 0;
    while mass > DONE {
        steps += 1;
        if steps > limit {
            return Ok(finish(found, false));
        }
        let exact: Vec<Option<u32>> = rows
            .iter()
            .map(|row| {
                let sum: f64 = row.types.iter().map(|&t| rest[t]).sum();
                if sum - mass * f64::from(row.min) <= TIGHT {
                    Some(row.min)
                } else if mass * f64::from(row.max) - sum <= TIGHT {
                    Some(row.max)
                } else {
                    None
                }
            })
            .collect();
        let Some(config) = on_face(model, &rest, mass, &counts, &exact)? else {
            return Ok(finish(found, mass <= ALMOST));
        };
        let step = longest_step(&rest, mass, &counts, &rows, &exact, &config);
        if step < MIN_STEP {
            return Ok(finish(found, mass <= ALMOST));
        }
        for (r, &n) in rest.iter_mut().zip(&config) {
            *r -= step * f64::from(n);
        }
        mass -= step;
        match found.iter_mut().find(|(c, _)| *c == config) {
            Some((_, weight)) => *weight += step,
            None => found.push((config, step)),
        }
        progress(Progress {
            stage,
            fixed: types,
            types,
            configurations: found.len(),
            level: lowest,
        });
    }
    Ok(finish(found, true))
}

/// The walk's result with the weights scaled to sum to 1: the weight left unplaced (at most
/// [`ALMOST`]) is spread in proportion, which moves no probability by more than it.
fn finish(mut configs: Vec<(Config, f64)>, complete: bool) -> Walk {
    let total: f64 = configs.iter().map(|(_, w)| w).sum();
    if total > 0.0 {
        configs.iter_mut().for_each(|(_, w)| *w /= total);
    }
    Walk { configs, complete }
}

/// A configuration on the face of `rest / mass`: among its roundings if one meets the
/// quotas, else anywhere on the face.
fn on_face(
    model: &Model<'_>,
    rest: &[f64],
    mass: f64,
    counts: &[f64],
    exact: &[Option<u32>],
) -> Result<Option<Config>, SelectError> {
    let mut round = Vec::with_capacity(rest.len());
    let mut face = Vec::with_capacity(rest.len());
    let mut fraction = Vec::with_capacity(rest.len());
    for (t, (&r, &c)) in rest.iter().zip(counts).enumerate() {
        let x = r / mass;
        let lo = ((r + TIGHT) / mass).floor().clamp(0.0, c);
        let hi = ((r - TIGHT) / mass).ceil().clamp(lo, c);
        round.push((lo as u32, hi as u32));
        let bottom = r <= TIGHT;
        let top = r >= mass * c - TIGHT;
        let count = model.types.count(t);
        face.push((if top { count } else { 0 }, if bottom { 0 } else { count }));
        fraction.push(x - lo);
    }
    if let Some((config, _)) = model.best_within(&fraction, &round, exact)? {
        return Ok(Some(config));
    }
    let share: Vec<f64> = rest
        .iter()
        .zip(counts)
        .map(|(&r, &c)| r / (mass * c))
        .collect();
    Ok(model
        .best_within(&share, &face, exact)?
        .map(|(config, _)| config))
}

/// The largest `θ ≤ mass` with `rest − θ·config` within `(mass − θ)` times every bound.
fn longest_step(
    rest: &[f64],
    mass: f64,
    counts: &[f64],
    rows: &[crate::ilp::LinearRow<'_>],
    exact: &[Option<u32>],
    config: &Config,
) -> f64 {
    let mut step = mass;
    for ((&r, &c), &n) in rest.iter().zip(counts).zip(config) {
        let n = f64::from(n);
        if n > 0.0 {
            step = step.min(r / n);
        }
        if n < c {
            step = step.min((mass * c - r) / (c - n));
        }
    }
    for (row, exact) in rows.iter().zip(exact) {
        if exact.is_some() {
            continue;
        }
        let sum: f64 = row.types.iter().map(|&t| rest[t]).sum();
        let taken = f64::from(row.types.iter().map(|&t| config[t]).sum::<u32>());
        let (min, max) = (f64::from(row.min), f64::from(row.max));
        if taken > min {
            step = step.min((sum - mass * min) / (taken - min));
        }
        if taken < max {
            step = step.min((mass * max - sum) / (max - taken));
        }
    }
    step.max(0.0)
}
