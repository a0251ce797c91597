//! What each seat's vote is worth: exact normalised Banzhaf indices of an organ's members
//! under two rules side by side, drawn as a bar chart (geometry here, SVG in the template).

use comity_core::Iso3;
use comity_core::State;
use comity_core::charter::{Base, Rule, WeightSource};
use comity_voting::power_double::double_majority;
use comity_voting::rules::Fraction;

/// A rule a charter author can compare: the organ's own decision kinds, and common designs.
pub struct Choice {
    pub id: String,
    /// The organ's decision kind, or `None` for a common design (labelled by its id).
    pub decision: bool,
    pub rule: Rule,
}

pub fn choices(state: &State, organ: &str) -> Vec<Choice> {
    let mut out: Vec<Choice> = state
        .charter
        .as_ref()
        .map(|a| {
            a.charter
                .decisions_of(organ)
                .map(|d| Choice {
                    id: d.kind.clone(),
                    decision: true,
                    rule: d.rule.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    let frac = |s: &str| comity_core::charter::Fraction::parse(s).ok();
    if let (Some(s), Some(p)) = (frac("55%"), frac("65%")) {
        out.push(Choice {
            id: "eu_qmv".into(),
            decision: false,
            rule: Rule::DoubleMajority {
                states: s,
                population: p,
                blocking_minority: Some(4),
            },
        });
    }
    if let Some(q) = frac("62%") {
        out.push(Choice {
            id: "penrose".into(),
            decision: false,
            rule: Rule::Weighted {
                weights: WeightSource::SqrtPopulation,
                quota: q,
            },
        });
    }
    out.push(Choice {
        id: "one_state_one_vote".into(),
        decision: false,
        rule: Rule::SimpleMajority { of: Base::Members },
    });
    out
}

/// Normalised Banzhaf index of each member under `rule`, exactly computed (shown as f64),
/// or why it cannot be computed exactly.
pub fn indices(state: &State, members: &[Iso3], rule: &Rule) -> Result<Vec<f64>, String> {
    let n = members.len();
    if n == 0 {
        return Err("no members".into());
    }
    let pop: Vec<u64> = members
        .iter()
        .map(|iso| {
            state
                .registry
                .country(iso)
                .and_then(|c| c.population)
                .unwrap_or(0)
        })
        .collect();
    let share = |s: &comity_voting::power::Share| {
        if s.den == 0 {
            0.0
        } else {
            s.num as f64 / s.den as f64
        }
    };
    let frac = |f: comity_core::charter::Fraction| {
        Fraction::new(u64::from(f.num), u64::from(f.den)).map_err(|e| e.to_string())
    };
    match rule {
        // Symmetric games: every member has the same power.
        Rule::Consensus
        | Rule::Unanimity { .. }
        | Rule::SimpleMajority { .. }
        | Rule::QualifiedMajority { .. } => Ok(vec![1.0 / n as f64; n]),
        // Up to 34 members on the exact populations; above, on populations in whole millions
        // (rounded up), as for weighted votes, so the table by population stays small.
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority,
        } if n <= 34 => double_majority(
            &pop,
            frac(*states)?,
            frac(*population)?,
            blocking_minority.map(u64::from),
        )
        .map(|p| p.banzhaf.iter().map(share).collect())
        .map_err(|e| e.to_string()),
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority,
        } => {
            let millions: Vec<u64> = pop.iter().map(|p| p.div_ceil(1_000_000)).collect();
            comity_voting::power_double_wide::double_majority_wide(
                &millions,
                frac(*states)?,
                frac(*population)?,
                blocking_minority.map(u64::from),
            )
            .map(|p| p.banzhaf)
            .map_err(|e| e.to_string())
        }
        Rule::Weighted { weights, quota } => {
            let w: Vec<u64> = pop
                .iter()
                .map(|&p| match weights {
                    // Whole millions, so the weight table stays small.
                    WeightSource::Population => p.div_ceil(1_000_000),
                    WeightSource::SqrtPopulation => p.isqrt(),
                    WeightSource::Equal => 1,
                })
                .collect();
            let total: u64 = w.iter().sum();
            let q = (u128::from(total) * u128::from(quota.num)).div_ceil(u128::from(quota.den));
            comity_voting::power_wide::banzhaf_wide(&w, u64::try_from(q).unwrap_or(u64::MAX))
                .map(|b| b.normalised)
                .map_err(|e| e.to_string())
        }
    }
}

pub struct Bar {
    pub y: f64,
    pub name: String,
    pub a: f64,
    pub b: f64,
    pub a_label: String,
    pub b_label: String,
    pub pop_label: String,
}

pub struct PowerChart {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub bars: Vec<Bar>,
}

/// Two bars per member (rule A and rule B), most populous first, scaled to the largest index.
pub fn chart(state: &State, members: &[Iso3], a: &[f64], b: &[f64], limit: usize) -> PowerChart {
    let total_pop: u64 = members
        .iter()
        .map(|iso| {
            state
                .registry
                .country(iso)
                .and_then(|c| c.population)
                .unwrap_or(0)
        })
        .sum();
    let pop = |i: usize| {
        state
            .registry
            .country(&members[i])
            .and_then(|c| c.population)
            .unwrap_or(0)
    };
    let max = a.iter().chain(b).copied().fold(1e-12, f64::max);
    // Most populous first: where the rules differ most.
    let mut rows: Vec<(usize, u64)> = (0..members.len()).map(|i| (i, pop(i))).collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    rows.truncate(limit);
    let (left, plot, row_h) = (190.0, 460.0, 26.0);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(k, &(i, _))| {
            let c = state.registry.country(&members[i]);
            let p = c.and_then(|c| c.population).unwrap_or(0);
            Bar {
                y: 10.0 + k as f64 * row_h,
                name: c.map_or(members[i].to_string(), |c| c.name.clone()),
                a: a[i] / max * plot,
                b: b[i] / max * plot,
                a_label: format!("{:.2} %", a[i] * 100.0),
                b_label: format!("{:.2} %", b[i] * 100.0),
                pop_label: if total_pop == 0 {
                    String::new()
                } else {
                    format!("{:.1} %", p as f64 * 100.0 / total_pop as f64)
                },
            }
        })
        .collect::<Vec<_>>();
    PowerChart {
        width: left + plot + 80.0,
        height: 20.0 + bars.len() as f64 * row_h,
        left,
        bars,
    }
}
