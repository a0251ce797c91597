//! Nash welfare: maximise `Σ_i log p_i` (the product of the probabilities) over the
//! volunteers who can be selected at all, by fully corrective Frank–Wolfe over
//! configurations.
//!
//! With `A_vt = n_t(v)/c_t` and `p_t = Σ_v λ_v·A_vt`, the gradient in `λ_v` is
//! `Σ_t n_t(v)/p_t`; at the optimum it equals the number of selectable volunteers `N` on
//! the support and is at most `N` elsewhere. Each round asks the integer program for the
//! configuration with the largest gradient (weights `1/p_t`), steps towards it by an exact
//! line search, then re-weights the support by the multiplicative (EM) update
//! `λ_v ← λ_v·(Σ_t n_t(v)/p_t)/N`, which never decreases the objective. The start is the
//! LEXIMIN support, which reaches every selectable type.

use crate::error::SelectError;
use crate::ilp::{Config, Model, solver_error};
use crate::leximin::{self, Goal, Progress, TypeDistribution, type_probabilities};

const MAX_ROUNDS: usize = 400;
const EM_STEPS: usize = 40;
/// Relative optimality gap at which the search stops.
const GAP: f64 = 1e-7;

pub(crate) fn optimise(
    model: &Model<'_>,
    first: Config,
    progress: &mut dyn FnMut(Progress),
) -> Result<TypeDistribution, SelectError> {
    let start = leximin::optimise(model, first, Goal::Leximin, progress)?;
    let types = model.types.len();
    let active: Vec<bool> = start.type_probability.iter().map(|&p| p > 1e-12).collect();
    let n: f64 = (0..types)
        .filter(|&t| active[t])
        .map(|t| f64::from(model.types.count(t)))
        .sum();
    let (mut configs, mut weights): (Vec<Config>, Vec<f64>) = start.configs.into_iter().unzip();
    let gradient = |config: &Config, p: &[f64]| -> f64 {
        config
            .iter()
            .enumerate()
            .filter(|&(t, _)| active[t])
            .map(|(t, &k)| f64::from(k) / p[t])
            .sum()
    };
    for round in 1..=MAX_ROUNDS {
        for _ in 0..EM_STEPS {
            let p = probabilities(model, &configs, &weights);
            for (c, w) in configs.iter().zip(weights.iter_mut()) {
                *w *= gradient(c, &p) / n;
            }
            let total: f64 = weights.iter().sum();
            weights.iter_mut().for_each(|w| *w /= total);
        }
        let p = probabilities(model, &configs, &weights);
        let prices: Vec<f64> = (0..types)
            .map(|t| if active[t] { 1.0 / p[t] } else { 0.0 })
            .collect();
        let Some((best, value)) = model.best(&prices)? else {
            return Err(solver_error(
                "the quotas became infeasible during the Nash search",
            ));
        };
        progress(Progress {
            stage: round,
            fixed: 0,
            types,
            configurations: configs.len(),
            level: p.iter().copied().filter(|&x| x > 0.0).fold(1.0, f64::min),
        });
        if value <= n * (1.0 + GAP) {
            break;
        }
        let step = line_search(model, &configs, &weights, &best, &active);
        weights.iter_mut().for_each(|w| *w *= 1.0 - step);
        match configs.iter().position(|c| *c == best) {
            Some(i) => weights[i] += step,
            None => {
                configs.push(best);
                weights.push(step);
            }
        }
    }
    let weighted: Vec<(Config, f64)> = configs
        .into_iter()
        .zip(weights)
        .filter(|&(_, w)| w > 1e-12)
        .collect();
    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
    let weighted: Vec<(Config, f64)> = weighted.into_iter().map(|(c, w)| (c, w / total)).collect();
    Ok(TypeDistribution {
        type_probability: type_probabilities(model, &weighted),
        configs: weighted,
    })
}

fn probabilities(model: &Model<'_>, configs: &[Config], weights: &[f64]) -> Vec<f64> {
    let pairs: Vec<(Config, f64)> = configs
        .iter()
        .cloned()
        .zip(weights.iter().copied())
        .collect();
    type_probabilities(model, &pairs)
}

/// The step `γ ∈ [0, 1]` towards `target` maximising `Σ c_t log((1−γ)p_t + γ a_t)`: the
/// derivative is decreasing in γ, so bisection on its sign finds it.
fn line_search(
    model: &Model<'_>,
    configs: &[Config],
    weights: &[f64],
    target: &Config,
    active: &[bool],
) -> f64 {
    let p = probabilities(model, configs, weights);
    let derivative = |g: f64| -> f64 {
        (0..p.len())
            .filter(|&t| active[t])
            .map(|t| {
                let c = f64::from(model.types.count(t));
                let a = f64::from(target[t]) / c;
                c * (a - p[t]) / ((1.0 - g) * p[t] + g * a)
            })
            .sum()
    };
    let (mut lo, mut hi) = (0.0, 1.0);
    if derivative(hi) >= 0.0 {
        return hi;
    }
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if derivative(mid) > 0.0 {
            lo = mid
        } else {
            hi = mid
        }
    }
    lo
}
