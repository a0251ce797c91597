//! Why no panel meets the quotas, in terms a secretariat officer can act on: the rows that
//! cannot be met (alone, within their feature, or together), and the smallest change of
//! bounds, counted in people, that makes some panel possible.

use std::fmt;

use serde::Serialize;

use crate::error::SelectError;
use crate::ilp::Model;

/// One quota row whose bounds must move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relaxation {
    /// Feature name.
    pub feature: String,
    /// Value name.
    pub value: String,
    /// The bounds as given.
    pub min: u32,
    /// The bounds as given.
    pub max: u32,
    /// The smallest change: new minimum.
    pub new_min: u32,
    /// The smallest change: new maximum.
    pub new_max: u32,
}

/// The explanation of infeasible quotas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Plain conflicts found by counting (a row alone, or the rows of one feature against the
    /// panel size).
    pub conflicts: Vec<String>,
    /// The smallest relaxation (fewest people of change in total) that makes the quotas
    /// feasible together, or empty when no quota change helps (households, pool size).
    pub relaxations: Vec<Relaxation>,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self.conflicts.clone();
        if self.relaxations.is_empty() {
            parts.push("no change of quotas alone makes a panel possible".to_owned());
        } else {
            let total: u32 = self
                .relaxations
                .iter()
                .map(|r| (r.min - r.new_min) + (r.new_max - r.max))
                .sum();
            let rows: Vec<String> = self
                .relaxations
                .iter()
                .map(|r| {
                    format!(
                        "{} = {} from {}..{} to {}..{}",
                        r.feature, r.value, r.min, r.max, r.new_min, r.new_max
                    )
                })
                .collect();
            parts.push(format!(
                "these rows cannot be met together; the smallest relaxation ({total} in all) is: {}",
                rows.join("; ")
            ));
        }
        write!(f, "{}", parts.join("; "))
    }
}

pub(crate) fn explain(model: &Model<'_>) -> Result<Explanation, SelectError> {
    let instance = model.instance;
    let k = instance.panel_size as u64;
    let mut conflicts = Vec::new();
    for row in &model.rows {
        let feature = &instance.features[row.feature];
        let value = &feature.values[row.value].value;
        let pool: u32 = row.types.iter().map(|&t| model.types.count(t)).sum();
        if pool < row.min {
            conflicts.push(format!(
                "{} = {value}: the minimum is {} but only {pool} volunteers have it",
                feature.name, row.min
            ));
        }
        if u64::from(row.min) > k {
            conflicts.push(format!(
                "{} = {value}: the minimum {} exceeds the panel size {k}",
                feature.name, row.min
            ));
        }
    }
    for (f, feature) in instance.features.iter().enumerate() {
        let rows = model.rows.iter().filter(|r| r.feature == f);
        let (lo, hi) = rows.fold((0u64, 0u64), |(lo, hi), r| {
            let pool: u32 = r.types.iter().map(|&t| model.types.count(t)).sum();
            (lo + u64::from(r.min), hi + u64::from(r.max.min(pool)))
        });
        if lo > k {
            conflicts.push(format!(
                "{}: the minimums add up to {lo}, more than the panel size {k}",
                feature.name
            ));
        }
        if hi < k {
            conflicts.push(format!(
                "{}: the maximums (capped by the volunteers available) add up to {hi}, less than the panel size {k}",
                feature.name
            ));
        }
    }
    let relaxations = model
        .smallest_relaxation()?
        .unwrap_or_default()
        .into_iter()
        .map(|(r, new_min, new_max)| {
            let row = &model.rows[r];
            let feature = &instance.features[row.feature];
            Relaxation {
                feature: feature.name.clone(),
                value: feature.values[row.value].value.clone(),
                min: row.min,
                max: row.max,
                new_min,
                new_max,
            }
        })
        .collect();
    Ok(Explanation {
        conflicts,
        relaxations,
    })
}
