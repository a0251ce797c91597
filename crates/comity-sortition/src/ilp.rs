//! The panel-finding integer program over types: which configuration (members per type) that
//! meets every quota has the largest weight? Solved by microlp's branch and bound.

use microlp::{ComparisonOp, OptimizationDirection, Problem, Variable};

use crate::error::SelectError;
use crate::instance::Instance;
use crate::types::Types;

/// A quota row's index with its relaxed minimum and maximum.
pub(crate) type RowChange = (usize, u32, u32);

/// Members per type on one panel.
pub(crate) type Config = Vec<u32>;

/// The quota structure over types, built once per instance.
#[derive(Debug)]
pub(crate) struct Model<'a> {
    pub instance: &'a Instance,
    pub types: &'a Types,
    /// For each quota row (feature, value): the types having that value.
    pub rows: Vec<QuotaRow>,
}

#[derive(Debug)]
pub(crate) struct QuotaRow {
    pub feature: usize,
    pub value: usize,
    pub types: Vec<usize>,
    pub min: u32,
    pub max: u32,
}

/// A row `min ≤ Σ_{t ∈ types} n_t ≤ max`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LinearRow<'a> {
    pub types: &'a [usize],
    pub min: u32,
    pub max: u32,
}

pub(crate) fn solver_error(e: impl std::fmt::Display) -> SelectError {
    SelectError::Solver(e.to_string())
}

impl<'a> Model<'a> {
    pub fn new(instance: &'a Instance, types: &'a Types) -> Self {
        let mut rows = Vec::with_capacity(instance.quota_rows());
        for (f, feature) in instance.features.iter().enumerate() {
            for (v, q) in feature.values.iter().enumerate() {
                let members = (0..types.len())
                    .filter(|&t| types.values[t][f] == v)
                    .collect();
                rows.push(QuotaRow {
                    feature: f,
                    value: v,
                    types: members,
                    min: q.min,
                    max: q.max,
                });
            }
        }
        Model {
            instance,
            types,
            rows,
        }
    }

    /// Adds one integer variable per type (its count on the panel) with the given objective
    /// coefficients, the panel size and the household limits; quota rows are added by the
    /// caller (exactly or with slack).
    fn base_problem(
        &self,
        direction: OptimizationDirection,
        weights: &[f64],
    ) -> (Problem, Vec<Variable>) {
        let mut p = Problem::new(direction);
        let vars: Vec<Variable> = (0..self.types.len())
            .map(|t| p.add_integer_var(weights[t], (0, self.types.count(t) as i32)))
            .collect();
        let all: Vec<(Variable, f64)> = vars.iter().map(|&v| (v, 1.0)).collect();
        p.add_constraint(
            all.as_slice(),
            ComparisonOp::Eq,
            self.instance.panel_size as f64,
        );
        for group in &self.types.households {
            let terms: Vec<(Variable, f64)> = group.iter().map(|&t| (vars[t], 1.0)).collect();
            p.add_constraint(terms.as_slice(), ComparisonOp::Le, 1.0);
        }
        (p, vars)
    }

    /// The configuration meeting every quota that maximises `Σ weights[t]·n_t`, or `None`
    /// when no panel meets the quotas.
    pub fn best(&self, weights: &[f64]) -> Result<Option<(Config, f64)>, SelectError> {
        let (mut p, vars) = self.base_problem(OptimizationDirection::Maximize, weights);
        for row in &self.rows {
            let terms: Vec<(Variable, f64)> = row.types.iter().map(|&t| (vars[t], 1.0)).collect();
            if row.min > 0 {
                p.add_constraint(terms.as_slice(), ComparisonOp::Ge, f64::from(row.min));
            }
            if (row.max as usize) < self.instance.panel_size {
                p.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(row.max));
            }
        }
        self.solve_config(&p, &vars, weights)
    }

    /// Like [`Model::best`], with each type's count kept within `bounds[t]` and the rows of
    /// [`Model::linear_rows`] that `exact` names held at that value.
    pub fn best_within(
        &self,
        weights: &[f64],
        bounds: &[(u32, u32)],
        exact: &[Option<u32>],
    ) -> Result<Option<(Config, f64)>, SelectError> {
        let mut p = Problem::new(OptimizationDirection::Maximize);
        let vars: Vec<Variable> = bounds
            .iter()
            .zip(weights)
            .map(|(&(lo, hi), &w)| p.add_integer_var(w, (lo as i32, hi as i32)))
            .collect();
        let all: Vec<(Variable, f64)> = vars.iter().map(|&v| (v, 1.0)).collect();
        p.add_constraint(
            all.as_slice(),
            ComparisonOp::Eq,
            self.instance.panel_size as f64,
        );
        for (row, exact) in self.linear_rows().iter().zip(exact) {
            let terms: Vec<(Variable, f64)> = row.types.iter().map(|&t| (vars[t], 1.0)).collect();
            let (min, max) = exact.map_or((row.min, row.max), |v| (v, v));
            if min > 0 {
                p.add_constraint(terms.as_slice(), ComparisonOp::Ge, f64::from(min));
            }
            if (max as usize) < self.instance.panel_size {
                p.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(max));
            }
        }
        self.solve_config(&p, &vars, weights)
    }

    fn solve_config(
        &self,
        p: &Problem,
        vars: &[Variable],
        weights: &[f64],
    ) -> Result<Option<(Config, f64)>, SelectError> {
        let solution = match p.solve() {
            Ok(outcome) => outcome
                .into_solution()
                .map_err(|e| solver_error(format!("{e:?}")))?,
            Err(microlp::Error::Infeasible) => return Ok(None),
            Err(e) => return Err(solver_error(e)),
        };
        let config: Config = vars
            .iter()
            .map(|&v| solution.var_value(v).round().max(0.0) as u32)
            .collect();
        self.check(&config)?;
        let value = config
            .iter()
            .zip(weights)
            .map(|(&n, w)| f64::from(n) * w)
            .sum();
        Ok(Some((config, value)))
    }

    /// Every linear row over type counts besides the panel size: the quota rows, then one
    /// row per shared household (at most one of its types).
    pub fn linear_rows(&self) -> Vec<LinearRow<'_>> {
        let quotas = self.rows.iter().map(|row| LinearRow {
            types: &row.types,
            min: row.min,
            max: row.max,
        });
        let households = self.types.households.iter().map(|group| LinearRow {
            types: group,
            min: 0,
            max: 1,
        });
        quotas.chain(households).collect()
    }

    /// A configuration the solver returned must meet the quotas exactly once rounded.
    pub fn check(&self, config: &Config) -> Result<(), SelectError> {
        let total: u32 = config.iter().sum();
        if total as usize != self.instance.panel_size {
            return Err(solver_error(format!("a found panel has {total} members")));
        }
        for (t, &n) in config.iter().enumerate() {
            if n > self.types.count(t) {
                return Err(solver_error(
                    "a found panel takes more people of a type than volunteered",
                ));
            }
        }
        for row in &self.rows {
            let n: u32 = row.types.iter().map(|&t| config[t]).sum();
            if n < row.min || n > row.max {
                return Err(solver_error("a found panel breaks a quota"));
            }
        }
        for group in &self.types.households {
            if group.iter().map(|&t| config[t]).sum::<u32>() > 1 {
                return Err(solver_error(
                    "a found panel holds two people of one household",
                ));
            }
        }
        Ok(())
    }

    /// The smallest total change of quota bounds (in people) that lets some panel meet them,
    /// with the new bounds per row: `(row index, new min, new max)` for the rows that change.
    pub fn smallest_relaxation(&self) -> Result<Option<Vec<RowChange>>, SelectError> {
        let zeros = vec![0.0; self.types.len()];
        let (mut p, vars) = self.base_problem(OptimizationDirection::Minimize, &zeros);
        let mut slacks = Vec::with_capacity(self.rows.len());
        let k = self.instance.panel_size as i32;
        for row in &self.rows {
            let below = p.add_integer_var(1.0, (0, k));
            let above = p.add_integer_var(1.0, (0, k));
            let mut terms: Vec<(Variable, f64)> =
                row.types.iter().map(|&t| (vars[t], 1.0)).collect();
            terms.push((below, 1.0));
            p.add_constraint(terms.as_slice(), ComparisonOp::Ge, f64::from(row.min));
            terms.pop();
            terms.push((above, -1.0));
            p.add_constraint(terms.as_slice(), ComparisonOp::Le, f64::from(row.max));
            slacks.push((below, above));
        }
        let solution = match p.solve() {
            Ok(outcome) => outcome
                .into_solution()
                .map_err(|e| solver_error(format!("{e:?}")))?,
            // Only the panel size or households can make this infeasible: no relaxation
            // of quotas helps then.
            Err(microlp::Error::Infeasible) => return Ok(None),
            Err(e) => return Err(solver_error(e)),
        };
        let mut changes = Vec::new();
        for (r, (row, &(below, above))) in self.rows.iter().zip(&slacks).enumerate() {
            let lo = solution.var_value(below).round() as u32;
            let hi = solution.var_value(above).round() as u32;
            if lo > 0 || hi > 0 {
                changes.push((r, row.min.saturating_sub(lo), row.max + hi));
            }
        }
        Ok(Some(changes))
    }
}
