//! Maximin and LEXIMIN over types (Flanigan, Gölz, Gupta, Hennig & Procaccia, *Nature* 596,
//! 2021, methods section).
//!
//! **LEXIMIN, fast path.** The LEXIMIN vector of the linear relaxation ([`crate::relax`]: a
//! few small LPs, no integer program) is at least as good as any distribution's; the walk
//! ([`crate::walk`]: one small integer program per step) then tries to write it as a
//! mixture of quota-meeting panels. When it does, that mixture is the LEXIMIN distribution.
//! On the peers' synthetic pools it always does (the quotas have slack and the types many
//! members); with three or more tight quota features it may not, and then:
//!
//! **Column generation** over configurations, which is also maximin. Each stage solves the
//! dual of "maximise the smallest probability of the types not yet fixed, keeping fixed
//! types at their levels":
//!
//! ```text
//! minimise  ŷ − Σ_{t fixed} f_t·y_t
//! s.t.      Σ_t (n_t(v)/c_t)·y_t ≤ ŷ     for every configuration v found so far
//!           Σ_{t not fixed} y_t = 1,  y ≥ 0
//! ```
//!
//! and asks the integer program for the configuration with the largest `Σ (y_t/c_t)·n_t`;
//! while that beats ŷ, the configuration is a new column (a new cut of the dual). At the
//! optimum the dual value is the stage's level z*, and every type with a positive dual
//! variable cannot rise above z* in any optimal distribution (complementary slackness): it is
//! fixed there. Maximin is the first stage; LEXIMIN repeats until every type is fixed. A
//! final primal LP over the configurations found gives their weights.

use microlp::{ComparisonOp, OptimizationDirection, Problem, Solution, Variable};

use crate::error::SelectError;
use crate::ilp::{Config, Model, solver_error};
use crate::{relax, walk};

/// A new column must beat the dual bound by this much; below it the stage is optimal.
const PRICE_EPS: f64 = 1e-9;
/// Weight of the stability centre in Wentges smoothing.
const SMOOTHING: f64 = 0.6;
/// Consecutive mispricings after which the duals are priced exactly.
const MAX_MISPRICING: usize = 6;
/// A dual variable above this fixes its type at the stage's level.
const FIX_EPS: f64 = 1e-7;
/// Types are fixed this far below the stage's level.
const FIX_SLACK: f64 = 1e-10;
/// The relaxation's LEXIMIN counts as reached when every type is this close to its level.
const REACHED: f64 = 1e-7;

/// What the caller hears while a long selection runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// LEXIMIN stage (1 for maximin). LEXIMIN first counts the relaxation's stages, then
    /// one more while it finds panels for them; if it must fall back to column generation,
    /// counting starts again at 1.
    pub stage: usize,
    /// Types whose probability is fixed so far, of `types`.
    pub fixed: usize,
    /// Number of types (groups of interchangeable volunteers).
    pub types: usize,
    /// Configurations (panels up to look-alikes) found so far.
    pub configurations: usize,
    /// The current stage's level (in column generation, the best so far: a lower bound
    /// on the dual value); while panels are found for the relaxation, its smallest.
    pub level: f64,
}

/// Configurations with their weights, and the probability of each type.
#[derive(Debug, Clone)]
pub(crate) struct TypeDistribution {
    pub configs: Vec<(Config, f64)>,
    pub type_probability: Vec<f64>,
}

fn to_solution(
    outcome: Result<microlp::SolveOutcome, microlp::Error>,
) -> Result<Solution, SelectError> {
    outcome
        .map_err(solver_error)?
        .into_solution()
        .map_err(|e| solver_error(format!("{e:?}")))
}

fn column(
    model: &Model<'_>,
    config: &Config,
    y: &[Variable],
    yhat: Variable,
) -> Vec<(Variable, f64)> {
    let mut terms: Vec<(Variable, f64)> = config
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(t, &n)| (y[t], f64::from(n) / f64::from(model.types.count(t))))
        .collect();
    terms.push((yhat, -1.0));
    terms
}

/// Every configuration found, and which of them are cuts of the current dual LP. A stage
/// starts from the cuts that were tight at the end of the last one; the others wait in the
/// pool and come back when the duals make them violated, which costs a scan, not an
/// integer program. A small LP re-solves much faster than one with every cut ever found.
#[derive(Debug, Default)]
pub(crate) struct Pool {
    pub configs: Vec<Config>,
    active: Vec<bool>,
}

impl Pool {
    fn push(&mut self, config: Config) {
        self.configs.push(config);
        self.active.push(true);
    }

    fn value(model: &Model<'_>, config: &Config, y: &[f64]) -> f64 {
        config
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(t, &n)| y[t] * f64::from(n) / f64::from(model.types.count(t)))
            .sum()
    }
}

/// The stage's dual LP over the active cuts, solved from scratch: the solution, the `y`
/// variables and `ŷ`.
fn solve_dual(
    model: &Model<'_>,
    pool: &Pool,
    fixed: &[Option<f64>],
) -> Result<(Solution, Vec<Variable>, Variable), SelectError> {
    let types = model.types.len();
    let mut p = Problem::new(OptimizationDirection::Minimize);
    let y: Vec<Variable> = (0..types)
        .map(|t| p.add_var(-fixed[t].unwrap_or(0.0), (0.0, f64::INFINITY)))
        .collect();
    let yhat = p.add_var(1.0, (f64::NEG_INFINITY, f64::INFINITY));
    for (config, _) in pool.configs.iter().zip(&pool.active).filter(|(_, a)| **a) {
        p.add_constraint(
            column(model, config, &y, yhat).as_slice(),
            ComparisonOp::Le,
            0.0,
        );
    }
    let free: Vec<(Variable, f64)> = (0..types)
        .filter(|&t| fixed[t].is_none())
        .map(|t| (y[t], 1.0))
        .collect();
    p.add_constraint(free.as_slice(), ComparisonOp::Eq, 1.0);
    Ok((to_solution(p.solve())?, y, yhat))
}

/// One stage: the best level for the types not yet fixed. Returns the level and the dual
/// values `y`.
fn stage(
    model: &Model<'_>,
    pool: &mut Pool,
    fixed: &[Option<f64>],
    progress: &mut dyn FnMut(Progress),
    stage_no: usize,
) -> Result<(f64, Vec<f64>), SelectError> {
    let types = model.types.len();
    let (mut solution, y, yhat) = match solve_dual(model, pool, fixed) {
        Ok(solved) => solved,
        // Unbounded: the active cuts no longer let a fixed type reach its level (the
        // restricted primal is infeasible). Every cut found so far does.
        Err(_) => {
            pool.active.iter_mut().for_each(|a| *a = true);
            solve_dual(model, pool, fixed)?
        }
    };
    let fixed_count = fixed.iter().filter(|f| f.is_some()).count();
    let mut center: Option<(Vec<f64>, f64)> = None;
    let mut mispriced = 0;
    loop {
        let values: Vec<f64> = y.iter().map(|&v| solution.var_value(v).max(0.0)).collect();
        let bound = solution.var_value(yhat);
        let level = solution.objective();
        // The most violated waiting cut, if any.
        let waiting = (0..pool.configs.len())
            .filter(|&i| !pool.active[i])
            .map(|i| (i, Pool::value(model, &pool.configs[i], &values)))
            .filter(|&(_, v)| v > bound + PRICE_EPS)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let index = match waiting {
            Some((i, _)) => {
                pool.active[i] = true;
                i
            }
            None => {
                // Wentges smoothing: price at a point between the LP's duals and the best
                // dual point seen (the one with the lowest Lagrangian bound), which damps
                // the oscillation of the duals that makes plain column generation tail off.
                let smooth = match &center {
                    Some((c, _)) if mispriced < MAX_MISPRICING => Some(c.clone()),
                    _ => None,
                };
                let point: Vec<f64> = match &smooth {
                    Some(c) => c
                        .iter()
                        .zip(&values)
                        .map(|(c, v)| SMOOTHING * c + (1.0 - SMOOTHING) * v)
                        .collect(),
                    None => values.clone(),
                };
                let weights: Vec<f64> = point
                    .iter()
                    .enumerate()
                    .map(|(t, &v)| v / f64::from(model.types.count(t)))
                    .collect();
                let Some((config, value)) = model.best(&weights)? else {
                    return Err(solver_error(
                        "the quotas became infeasible during column generation",
                    ));
                };
                // The true dual objective at `point` bounds the stage's optimum from above.
                let upper = value
                    - (0..types)
                        .map(|t| fixed[t].unwrap_or(0.0) * point[t])
                        .sum::<f64>();
                if center.as_ref().is_none_or(|(_, u)| upper < *u) {
                    center = Some((point.clone(), upper));
                }
                progress(Progress {
                    stage: stage_no,
                    fixed: fixed_count,
                    types,
                    configurations: pool.configs.len(),
                    level,
                });
                let violated = Pool::value(model, &config, &values) > bound + PRICE_EPS;
                if violated && !pool.configs.contains(&config) {
                    mispriced = 0;
                    pool.push(config);
                    pool.configs.len() - 1
                } else if smooth.is_some() {
                    // Mispricing: the column is not violated at the LP's duals. Move the
                    // centre there and try again; after a few, price at the duals exactly.
                    mispriced += 1;
                    center = Some((point, upper));
                    continue;
                } else {
                    // Exact pricing at the LP's duals finds nothing: optimal. Cuts with slack
                    // wait in the pool for the next stage.
                    for i in 0..pool.configs.len() {
                        if pool.active[i]
                            && Pool::value(model, &pool.configs[i], &values) < bound - 1e-9
                        {
                            pool.active[i] = false;
                        }
                    }
                    return Ok((level, values));
                }
            }
        };
        let cut = column(model, &pool.configs[index], &y, yhat);
        solution = match to_solution(solution.add_constraint(cut.as_slice(), ComparisonOp::Le, 0.0))
        {
            Ok(s) => s,
            // A warm re-solve that loses its way numerically is retried from scratch.
            Err(_) => {
                pool.active.iter_mut().for_each(|a| *a = true);
                solve_dual(model, pool, fixed)?.0
            }
        };
    }
}

/// Which objective the distribution optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Goal {
    Maximin,
    Leximin,
}

pub(crate) fn optimise(
    model: &Model<'_>,
    first: Config,
    goal: Goal,
    progress: &mut dyn FnMut(Progress),
) -> Result<TypeDistribution, SelectError> {
    let types = model.types.len();
    let mut pool = Pool::default();
    pool.push(first);
    if goal == Goal::Leximin {
        // The fast path: LEXIMIN of the relaxation, written as a mixture of panels.
        let (levels, stages) = relax::leximin(model, progress)?;
        let walk = walk::decompose(model, &levels, stages + 1, progress)?;
        if walk.complete {
            let dist = TypeDistribution {
                type_probability: type_probabilities(model, &walk.configs),
                configs: walk.configs.clone(),
            };
            let reached = dist
                .type_probability
                .iter()
                .zip(&levels)
                .all(|(p, level)| p + REACHED >= *level);
            if reached {
                return Ok(dist);
            }
        }
        // The relaxation's LEXIMIN is out of reach: column generation from the panels
        // the walk found.
        for (config, _) in walk.configs {
            if !pool.configs.contains(&config) {
                pool.push(config);
            }
        }
    }
    let mut fixed: Vec<Option<f64>> = vec![None; types];
    let mut stage_no = 0;
    while fixed.iter().any(Option::is_none) {
        stage_no += 1;
        let (level, y) = stage(model, &mut pool, &fixed, progress, stage_no)?;
        if goal == Goal::Maximin {
            return weigh(model, pool.configs, &vec![0.0; types], true);
        }
        let level = level.clamp(0.0, 1.0);
        // Σ over free types of y is 1, so the largest is at least 1/types: something is
        // always fixed, and the loop ends after at most `types` stages.
        let largest = (0..types)
            .filter(|&t| fixed[t].is_none())
            .max_by(|&a, &b| y[a].total_cmp(&y[b]))
            .unwrap_or(0);
        // No probability exceeds 1: at level 1 every free type is there.
        let everyone = level >= 1.0 - FIX_EPS;
        for t in 0..types {
            if fixed[t].is_none() && (everyone || y[t] > FIX_EPS || t == largest) {
                // A hair below the LP's level, so that rounding in the level never makes
                // the next stage's restricted master infeasible (its dual unbounded).
                fixed[t] = Some((level - FIX_SLACK).max(0.0));
            }
        }
    }
    let targets: Vec<f64> = fixed.iter().map(|f| f.unwrap_or(0.0)).collect();
    weigh(model, pool.configs, &targets, false)
}

/// The final primal LP: weights on the configurations found so that every type reaches
/// its target plus the largest common margin δ (maximin: targets 0, δ is the level).
fn weigh(
    model: &Model<'_>,
    configs: Vec<Config>,
    targets: &[f64],
    maximin: bool,
) -> Result<TypeDistribution, SelectError> {
    let types = model.types.len();
    let mut p = Problem::new(OptimizationDirection::Maximize);
    let lambda: Vec<Variable> = configs
        .iter()
        .map(|_| p.add_var(0.0, (0.0, f64::INFINITY)))
        .collect();
    let delta = p.add_var(1.0, (if maximin { 0.0 } else { -1.0 }, 1.0));
    let mut rows: Vec<Vec<(Variable, f64)>> = vec![Vec::new(); types];
    for (c, config) in configs.iter().enumerate() {
        for (t, &n) in config.iter().enumerate() {
            if n > 0 {
                rows[t].push((lambda[c], f64::from(n) / f64::from(model.types.count(t))));
            }
        }
    }
    for (t, mut row) in rows.into_iter().enumerate() {
        row.push((delta, -1.0));
        p.add_constraint(row.as_slice(), ComparisonOp::Ge, targets[t]);
    }
    let all: Vec<(Variable, f64)> = lambda.iter().map(|&l| (l, 1.0)).collect();
    p.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
    let solution = to_solution(p.solve())?;
    let mut weighted: Vec<(Config, f64)> = configs
        .into_iter()
        .zip(&lambda)
        .map(|(c, &l)| (c, solution.var_value(l)))
        .filter(|&(_, w)| w > 1e-12)
        .collect();
    let total: f64 = weighted.iter().map(|(_, w)| w).sum();
    for (_, w) in &mut weighted {
        *w /= total;
    }
    Ok(TypeDistribution {
        type_probability: type_probabilities(model, &weighted),
        configs: weighted,
    })
}

pub(crate) fn type_probabilities(model: &Model<'_>, configs: &[(Config, f64)]) -> Vec<f64> {
    let mut p = vec![0.0; model.types.len()];
    for (config, w) in configs {
        for (t, &n) in config.iter().enumerate() {
            p[t] += w * f64::from(n);
        }
    }
    for (t, value) in p.iter_mut().enumerate() {
        *value /= f64::from(model.types.count(t));
    }
    p
}
