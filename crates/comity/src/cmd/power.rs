//! `comity power GAME.json`: exact Banzhaf and Shapley–Shubik indices of a weighted or a
//! double-majority game, printed as JSON.

use std::path::Path;

use std::io::Write;

use anyhow::{Context, bail};
use comity_voting::power::{Share, banzhaf, shapley_shubik};
use comity_voting::power_double::double_majority;
use comity_voting::power_wide::banzhaf_wide;
use comity_voting::rules::Fraction;
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Game {
    members: Vec<Member>,
    rule: GameRule,
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

fn value(s: &Share) -> f64 {
    if s.den == 0 {
        0.0
    } else {
        s.num as f64 / s.den as f64
    }
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
    let field = |i: usize, f: &str, v: Option<u64>| {
        v.ok_or_else(|| anyhow::anyhow!("{name}: members[{i}].{f}: missing (the rule needs it)"))
    };
    let (bz, bz_abs, ss, method) = match game.rule {
        GameRule::Weighted { quota } => {
            let weights = game
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| field(i, "weight", m.weight))
                .collect::<anyhow::Result<Vec<u64>>>()?;
            let total: u64 = weights.iter().sum();
            let q = if quota < 1.0 {
                let f = share("quota", quota)?;
                (u128::from(total) * u128::from(f.num())).div_ceil(u128::from(f.den())) as u64
            } else if quota.fract() == 0.0 {
                quota as u64
            } else {
                bail!(
                    "{name}: rule.quota: {quota} is neither a whole number of votes nor a share below 1"
                );
            };
            let q = q as u64;
            let (bz, bz_abs) = if weights.len() <= 127 {
                let b = banzhaf(&weights, q).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
                (
                    b.normalised.iter().map(value).collect::<Vec<f64>>(),
                    b.absolute.iter().map(value).collect::<Vec<f64>>(),
                )
            } else {
                let b = banzhaf_wide(&weights, q).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
                (b.normalised, b.absolute)
            };
            // Shapley–Shubik needs n! exactly: within 128 bits up to 34 members.
            let ss = if weights.len() <= 34 {
                Some(
                    shapley_shubik(&weights, q)
                        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?
                        .iter()
                        .map(value)
                        .collect::<Vec<f64>>(),
                )
            } else {
                None
            };
            (
                bz,
                bz_abs,
                ss,
                "generating functions (dynamic programming over coalition weight; 256-bit counts above 127 members), exact integers",
            )
        }
        GameRule::DoubleMajority {
            states,
            population,
            blocking_minority,
        } => {
            let pops = game
                .members
                .iter()
                .enumerate()
                .map(|(i, m)| field(i, "population", m.population))
                .collect::<anyhow::Result<Vec<u64>>>()?;
            let p = double_majority(
                &pops,
                share("states", states)?,
                share("population", population)?,
                blocking_minority,
            )
            .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            (
                p.banzhaf.iter().map(value).collect(),
                p.banzhaf_absolute.iter().map(value).collect(),
                Some(p.shapley_shubik.iter().map(value).collect::<Vec<f64>>()),
                "meet-in-the-middle counting of coalitions by size and population, exact integers",
            )
        }
    };
    let map = |v: &[f64]| -> Value {
        Value::Object(
            ids.iter()
                .cloned()
                .zip(v.iter().map(|&x| Value::from(x)))
                .collect::<Map<_, _>>(),
        )
    };
    let mut out = Map::new();
    out.insert("banzhaf".into(), map(&bz));
    out.insert("banzhaf_abs".into(), map(&bz_abs));
    match &ss {
        Some(ss) => {
            out.insert("shapley_shubik".into(), map(ss));
        }
        None => {
            out.insert("shapley_shubik".into(), Value::Null);
            out.insert(
                "note".into(),
                format!(
                    "Shapley-Shubik is computed exactly up to 34 members; this game has {}",
                    ids.len()
                )
                .into(),
            );
        }
    }
    out.insert("method".into(), method.into());
    writeln!(std::io::stdout().lock(), "{}", Value::Object(out))?;
    Ok(())
}
