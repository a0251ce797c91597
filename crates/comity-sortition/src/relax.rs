//! LEXIMIN over the **linear relaxation** of the panel polytope: type probabilities `p_t`
//! with `0 ≤ p_t ≤ 1`, `Σ c_t·p_t = k`, every quota row `min ≤ Σ_{t∈row} c_t·p_t ≤ max`
//! and every household at most one. It contains every distribution's probabilities, so its
//! LEXIMIN vector is at least as good, lexicographically, as the true one; when the walk
//! ([`crate::walk`]) then writes it as a mixture of quota-meeting panels, it *is* the true
//! LEXIMIN (the LEXIMIN vector over a convex set is unique). No integer program and no
//! column generation: one small LP per stage.
//!
//! Each stage solves the dual of "maximise the smallest `p_t` of the free types, fixed types
//! at their levels or above", with the pricing problem of the configuration dual
//! ([`crate::leximin`]) replaced by its own LP dual:
//!
//! ```text
//! minimise  Σ_t μ_t + k·α + Σ_r (max_r·γ_r − min_r·β_r) − Σ_{t fixed} f_t·y_t
//! s.t.      y_t ≤ μ_t + c_t·(α + Σ_{r∋t} (γ_r − β_r))    for every type t
//!           Σ_{t free} y_t = 1,   y, μ, β, γ ≥ 0, α free
//! ```
//!
//! Its value is the stage's level, and a free type with `y_t > 0` cannot rise above it in
//! any optimal solution (complementary slackness): it is fixed there.

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

use crate::error::SelectError;
use crate::ilp::{Model, solver_error};
use crate::leximin::Progress;

/// A dual value above this fixes its type at the stage's level.
const FIX_EPS: f64 = 1e-7;

/// One stage's level and the dual value of each type.
fn stage(model: &Model<'_>, fixed: &[Option<f64>]) -> Result<(f64, Vec<f64>), SelectError> {
    let types = model.types.len();
    let k = model.instance.panel_size as f64;
    let mut p = Problem::new(OptimizationDirection::Minimize);
    let y: Vec<Variable> = (0..types)
        .map(|t| p.add_var(-fixed[t].unwrap_or(0.0), (0.0, f64::INFINITY)))
        .collect();
    let mu: Vec<Variable> = (0..types)
        .map(|_| p.add_var(1.0, (0.0, f64::INFINITY)))
        .collect();
    let alpha = p.add_var(k, (f64::NEG_INFINITY, f64::INFINITY));
    // Per type, the quota duals it carries: (variable, sign).
    let mut carried: Vec<Vec<(Variable, f64)>> = vec![Vec::new(); types];
    for row in model.linear_rows() {
        if row.min > 0 {
            let beta = p.add_var(-f64::from(row.min), (0.0, f64::INFINITY));
            row.types.iter().for_each(|&t| carried[t].push((beta, 1.0)));
        }
        if (row.max as usize) < model.instance.panel_size {
            let gamma = p.add_var(f64::from(row.max), (0.0, f64::INFINITY));
            row.types
                .iter()
                .for_each(|&t| carried[t].push((gamma, -1.0)));
        }
    }
    for t in 0..types {
        let c = f64::from(model.types.count(t));
        let mut terms = vec![(y[t], 1.0), (mu[t], -1.0), (alpha, -c)];
        terms.extend(carried[t].iter().map(|&(v, sign)| (v, sign * c)));
        p.add_constraint(terms.as_slice(), ComparisonOp::Le, 0.0);
    }
    let free: Vec<(Variable, f64)> = (0..types)
        .filter(|&t| fixed[t].is_none())
        .map(|t| (y[t], 1.0))
        .collect();
    p.add_constraint(free.as_slice(), ComparisonOp::Eq, 1.0);
    let solution = p
        .solve()
        .map_err(solver_error)?
        .into_solution()
        .map_err(|e| solver_error(format!("{e:?}")))?;
    let values = y.iter().map(|&v| solution.var_value(v).max(0.0)).collect();
    Ok((solution.objective(), values))
}

/// Each type's probability in the relaxation's LEXIMIN vector, and the number of stages.
pub(crate) fn leximin(
    model: &Model<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Vec<f64>, usize), SelectError> {
    let types = model.types.len();
    let mut fixed: Vec<Option<f64>> = vec![None; types];
    let mut stage_no = 0;
    let mut fixed_count = 0;
    while fixed_count < types {
        stage_no += 1;
        let (level, y) = stage(model, &fixed)?;
        let level = level.clamp(0.0, 1.0);
        // Σ over free types of y is 1, so the largest is at least 1/types: something is
        // always fixed, and the loop ends after at most `types` stages.
        let largest = (0..types)
            .filter(|&t| fixed[t].is_none())
            .max_by(|&a, &b| y[a].total_cmp(&y[b]));
        // No probability exceeds 1: at level 1 every free type is there.
        let everyone = level >= 1.0 - FIX_EPS;
        for t in 0..types {
            if fixed[t].is_none() && (everyone || y[t] > FIX_EPS || Some(t) == largest) {
                fixed[t] = Some(level);
                fixed_count += 1;
            }
        }
        progress(Progress {
            stage: stage_no,
            fixed: fixed_count,
            types,
            configurations: 0,
            level,
        });
    }
    Ok((
        fixed.into_iter().map(|f| f.unwrap_or(0.0)).collect(),
        stage_no,
    ))
}
