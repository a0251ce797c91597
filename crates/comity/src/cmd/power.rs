//! `comity power GAME.json`: exact Banzhaf and Shapley–Shubik indices of a weighted or a
//! double-majority game (up to 255 members), printed as JSON.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_voting::power::PowerError;
use comity_voting::power_double_wide::{DoubleMajorityMethod, double_majority_wide};
use comity_voting::power_wide::{banzhaf_wide, shapley_shubik_wide};
use comity_voting::rules::Fraction;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Game {
    members: Vec<Member>,
    rule: GameRule,
    /// Which indices to compute (default both): `["banzhaf"]` skips Shapley–Shubik, whose
    /// table by (size, weight) costs far more for a weighted body.
    #[serde(default)]
    indices: Option<Vec<IndexName>>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum IndexName {
    Banzhaf,
    ShapleyShubik,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Member {
    id: Value,
    #[serde(default)]
    weight: Option<u64>,
    #[serde(default)]
    population: Option<u64>,
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum GameRule {
    /// `quota`: votes needed; a number below 1 is a share of the total weight.
    Weighted { quota: f64 },
    DoubleMajority {
        states: f64,
        population: f64,
        #[serde(default)]
        blocking_minority: Option<u64>,
    },
}

/// What is printed: normalised and absolute Banzhaf, Shapley–Shubik (or why not), method.
struct Indices {
    banzhaf: Vec<f64>,
    banzhaf_abs: Vec<f64>,
    shapley_shubik: Result<Vec<f64>, String>,
    method: String,
}

/// A share written as a decimal (0.55) or a percentage above 1 (55), exactly.
fn share(field: &str, x: f64) -> anyhow::Result<Fraction> {
    let text = format!("{x}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let digits = format!("{int}{frac}");
    let num: u64 = digits
        .parse()
        .with_context(|| format!("rule.{field}: {x} is not a share between 0 and 1"))?;
    let den = 10u64
        .checked_pow(frac.len() as u32)
        .with_context(|| format!("rule.{field}: too many decimals"))?;
    let (num, den) = if x > 1.0 {
        (num, den * 100)
    } else {
        (num, den)
    };
    Fraction::new(num, den).map_err(|e| anyhow::anyhow!("rule.{field}: {e}"))
}

pub fn run(path: &Path) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    let game: Game = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        anyhow::anyhow!("{name}: {path}: {}", e.into_inner())
    })?;
    if game.members.is_empty() {
        bail!("{name}: members: the game has no members");
    }
    let ids: Vec<String> = game
        .members
        .iter()
        .map(|m| match &m.id {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect();
    let field = |f: &str, get: fn(&Member) -> Option<u64>| {
        game.members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                get(m).ok_or_else(|| {
                    anyhow::anyhow!("{name}: members[{i}].{f}: missing (the rule needs it)")
                })
            })
            .collect::<anyhow::Result<Vec<u64>>>()
    };
    let want_ss = game
        .indices
        .as_ref()
        .is_none_or(|v| v.contains(&IndexName::ShapleyShubik));
    let indices = match game.rule {
        GameRule::Weighted { quota } => weighted(&field("weight", |m| m.weight)?, quota, want_ss),
        GameRule::DoubleMajority {
            states,
            population,
            blocking_minority,
        } => double(
            &field("population", |m| m.population)?,
            share("states", states)?,
            share("population", population)?,
            blocking_minority,
        ),
    }
    .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let mut indices = indices;
    if !want_ss {
        indices.shapley_shubik = Err("Shapley-Shubik not requested (indices)".to_owned());
    }
    let map = |v: &[f64]| -> Value {
        Value::Object(
            ids.iter()
                .cloned()
                .zip(v.iter().map(|&x| Value::from(x)))
                .collect::<Map<_, _>>(),
        )
    };
    let mut out = Map::new();
    out.insert("banzhaf".into(), map(&indices.banzhaf));
    out.insert("banzhaf_abs".into(), map(&indices.banzhaf_abs));
    match &indices.shapley_shubik {
        Ok(ss) => {
            out.insert("shapley_shubik".into(), map(ss));
        }
        Err(why) => {
            out.insert("shapley_shubik".into(), Value::Null);
            out.insert("note".into(), why.clone().into());
        }
    }
    out.insert("method".into(), indices.method.into());
    writeln!(std::io::stdout().lock(), "{}", Value::Object(out))?;
    Ok(())
}

fn weighted(weights: &[u64], quota: f64, want_ss: bool) -> anyhow::Result<Indices> {
    let total: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    let q = if quota < 1.0 {
        let f = share("quota", quota)?;
        (total * u128::from(f.num())).div_ceil(u128::from(f.den()))
    } else if quota.fract() == 0.0 && quota <= u64::MAX as f64 {
        quota as u128
    } else {
        bail!("rule.quota: {quota} is neither a whole number of votes nor a share below 1");
    };
    let q = u64::try_from(q).context("rule.quota: above the largest whole number supported")?;
    let b = banzhaf_wide(weights, q).map_err(|e| quota_error(e, q, total))?;
    let shapley_shubik = match want_ss.then(|| shapley_shubik_wide(weights, q)) {
        None => Err("Shapley-Shubik not requested (indices)".to_owned()),
        Some(Ok(s)) => Ok(s.values),
        // Banzhaf is still exact: print it, and say why Shapley–Shubik is missing.
        Some(Err(e @ PowerError::TableTooLarge { .. })) => {
            Err(format!("Shapley-Shubik not computed: {e}"))
        }
        Some(Err(e)) => return Err(quota_error(e, q, total)),
    };
    Ok(Indices {
        banzhaf: b.normalised,
        banzhaf_abs: b.absolute,
        shapley_shubik,
        method: "generating functions: dynamic programming over coalition weight (Banzhaf) \
                 and over coalition size and weight (Shapley-Shubik) below \
                 min(quota, total weight - quota + 1), in exact multi-word integers, \
                 converted to f64 at the end"
            .into(),
    })
}

/// The library's error, with the field it is about.
fn quota_error(e: PowerError, q: u64, total: u128) -> anyhow::Error {
    match e {
        PowerError::BadQuota => {
            anyhow::anyhow!("rule.quota: {q} is not between 1 and the total weight {total}")
        }
        PowerError::TooManyPlayers(n) => {
            anyhow::anyhow!("members: {n} members, at most 255 are supported")
        }
        other => anyhow::anyhow!("{other}"),
    }
}

fn double(
    pops: &[u64],
    states: Fraction,
    population: Fraction,
    blocking_minority: Option<u64>,
) -> anyhow::Result<Indices> {
    let p =
        double_majority_wide(pops, states, population, blocking_minority).map_err(|e| match e {
            PowerError::TooManyPlayers(n) => {
                anyhow::anyhow!("members: {n} members, at most 255 are supported")
            }
            other => anyhow::anyhow!("members[].population: {other}"),
        })?;
    let method = match p.method {
        DoubleMajorityMethod::Table { unit, bytes } => format!(
            "dynamic programming over coalition size and population (populations divided \
             by their common divisor {unit}; table of {bytes} bytes), exact multi-word \
             integers, converted to f64 at the end"
        ),
        DoubleMajorityMethod::MeetInTheMiddle => "meet-in-the-middle counting of coalitions \
                                                  by size and population, exact integers, \
                                                  converted to f64 at the end"
            .into(),
    };
    Ok(Indices {
        banzhaf: p.banzhaf,
        banzhaf_abs: p.banzhaf_absolute,
        shapley_shubik: Ok(p.shapley_shubik.values),
        method,
    })
}
