//! Selection checked against brute force: every feasible panel of a small instance is
//! enumerated, and LEXIMIN is computed over all of them by the textbook method (raise the
//! minimum, then test each person's headroom with its own LP) — no types, no column
//! generation, no duals. The probabilities must agree with `select`'s.

#![allow(clippy::unwrap_used, clippy::needless_range_loop)]

use comity_sortition::{
    Algorithm, Instance, ReadOptions, SelectError, Source, explain_infeasible, select,
};
use microlp::{ComparisonOp, OptimizationDirection, Problem};
use proptest::prelude::*;

fn instance(people: &str, categories: &str, k: usize, households: bool) -> Instance {
    let options = ReadOptions {
        household_column: households.then(|| "home".to_owned()),
    };
    Instance::parse(
        Source {
            name: "people.csv",
            text: people,
        },
        Source {
            name: "categories.csv",
            text: categories,
        },
        k,
        &options,
    )
    .unwrap()
}

/// Every panel meeting the quotas (by `Instance::check_panel`).
fn all_panels(instance: &Instance) -> Vec<Vec<usize>> {
    let n = instance.people.len();
    let k = instance.panel_size;
    let mut out = Vec::new();
    for mask in 0u32..(1 << n) {
        if mask.count_ones() as usize != k {
            continue;
        }
        let panel: Vec<usize> = (0..n).filter(|&i| mask & (1 << i) != 0).collect();
        if instance.check_panel(&panel).is_ok() {
            out.push(panel);
        }
    }
    out
}

/// max `objective` over distributions on `panels` with p_j ≥ floor_j for every j.
fn best(panels: &[Vec<usize>], n: usize, floor: &[f64], objective: Option<usize>) -> f64 {
    let mut p = Problem::new(OptimizationDirection::Maximize);
    let lambda: Vec<_> = panels
        .iter()
        .map(|panel| {
            let gain = objective.map_or(0.0, |i| if panel.contains(&i) { 1.0 } else { 0.0 });
            p.add_var(gain, (0.0, 1.0))
        })
        .collect();
    // z is raised when no single person is the objective.
    let z = p.add_var(if objective.is_none() { 1.0 } else { 0.0 }, (0.0, 1.0));
    for j in 0..n {
        let mut row: Vec<_> = panels
            .iter()
            .zip(&lambda)
            .filter(|(panel, _)| panel.contains(&j))
            .map(|(_, &l)| (l, 1.0))
            .collect();
        if objective.is_none() && floor[j] < 0.0 {
            row.push((z, -1.0));
            p.add_constraint(row.as_slice(), ComparisonOp::Ge, 0.0);
        } else {
            p.add_constraint(row.as_slice(), ComparisonOp::Ge, floor[j].max(0.0));
        }
    }
    let all: Vec<_> = lambda.iter().map(|&l| (l, 1.0)).collect();
    p.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
    p.solve().unwrap().into_solution().unwrap().objective()
}

/// LEXIMIN by brute force. `floor[j] < 0` marks a person not yet fixed.
fn brute_leximin(instance: &Instance) -> Vec<f64> {
    let panels = all_panels(instance);
    let n = instance.people.len();
    let mut floor = vec![-1.0; n];
    while floor.iter().any(|&f| f < 0.0) {
        let level = best(&panels, n, &floor, None);
        let mut trial = floor.clone();
        for f in trial.iter_mut().filter(|f| **f < 0.0) {
            *f = level;
        }
        let mut fixed_any = false;
        for i in 0..n {
            if floor[i] < 0.0 && best(&panels, n, &trial, Some(i)) <= level + 1e-9 {
                floor[i] = level;
                fixed_any = true;
            }
        }
        assert!(fixed_any, "some person must be pinned at the level");
    }
    floor
}

fn maximin_value(instance: &Instance) -> f64 {
    let panels = all_panels(instance);
    best(
        &panels,
        instance.people.len(),
        &vec![-1.0; instance.people.len()],
        None,
    )
}

fn assert_consistent(instance: &Instance, selection: &comity_sortition::Selection) {
    let total: f64 = selection.panels.iter().map(|p| p.weight).sum();
    assert!((total - 1.0).abs() < 1e-9, "weights sum to {total}");
    let mut from_panels = vec![0.0; instance.people.len()];
    for p in &selection.panels {
        assert!(p.weight > 0.0);
        instance.check_panel(&p.members).unwrap();
        for &i in &p.members {
            from_panels[i] += p.weight;
        }
    }
    for (a, b) in from_panels.iter().zip(&selection.probabilities) {
        assert!(
            (a - b).abs() < 1e-9,
            "panels give {a}, probabilities say {b}"
        );
    }
    let sum: f64 = selection.probabilities.iter().sum();
    assert!(
        (sum - instance.panel_size as f64).abs() < 1e-6,
        "probabilities sum to {sum}"
    );
}

const PEOPLE: &str = "id,gender,age,home\n\
    a,f,young,1\nb,f,old,2\nc,f,old,3\nd,m,young,4\ne,m,young,4\nf,m,old,5\ng,m,old,6\nh,m,old,7\ni,x,young,8\n";
const CATEGORIES: &str = "feature,value,min,max\n\
    gender,f,1,2\ngender,m,1,2\ngender,x,0,1\nage,young,2,2\nage,old,1,2\n";

#[test]
fn leximin_matches_brute_force_on_a_skewed_pool() {
    let inst = instance(PEOPLE, CATEGORIES, 4, false);
    let expected = brute_leximin(&inst);
    let got = select(&inst, Algorithm::Leximin, &mut |_| {}).unwrap();
    assert_consistent(&inst, &got);
    for (i, (e, g)) in expected.iter().zip(&got.probabilities).enumerate() {
        assert!(
            (e - g).abs() < 1e-6,
            "person {i}: brute force {e}, select {g}"
        );
    }
}

/// Three quota features: the linear relaxation lets every volunteer reach 1/4, but some
/// volunteer is on no panel at all. The relaxation's LEXIMIN is out of reach, and the
/// selection must fall back to column generation over real panels.
#[test]
fn leximin_is_exact_where_the_relaxation_is_fractional() {
    let people = "id,a,b,c\np0,0,1,1\np1,1,1,0\np2,0,0,0\np3,1,0,1\np4,0,1,1\np5,0,1,1\np6,1,0,0\n";
    let cats = "feature,value,min,max\n\
        a,0,1,1\na,1,1,1\nb,0,1,3\nb,1,1,1\nc,0,1,1\nc,1,0,1\n";
    let inst = instance(people, cats, 2, false);
    let expected = brute_leximin(&inst);
    assert!(expected.iter().any(|&p| p < 1e-9), "someone is on no panel");
    let got = select(&inst, Algorithm::Leximin, &mut |_| {}).unwrap();
    assert_consistent(&inst, &got);
    for (i, (e, g)) in expected.iter().zip(&got.probabilities).enumerate() {
        assert!(
            (e - g).abs() < 1e-6,
            "person {i}: brute force {e}, select {g}"
        );
    }
}

#[test]
fn households_are_respected_and_still_leximin() {
    let inst = instance(PEOPLE, CATEGORIES, 4, true);
    let expected = brute_leximin(&inst);
    let got = select(&inst, Algorithm::Leximin, &mut |_| {}).unwrap();
    assert_consistent(&inst, &got);
    for p in &got.panels {
        assert!(
            !(p.members.contains(&3) && p.members.contains(&4)),
            "d and e share home 4"
        );
    }
    for (e, g) in expected.iter().zip(&got.probabilities) {
        assert!((e - g).abs() < 1e-6, "brute force {e}, select {g}");
    }
}

#[test]
fn maximin_and_nash_are_valid_distributions() {
    let inst = instance(PEOPLE, CATEGORIES, 4, false);
    let want = maximin_value(&inst);
    let maximin = select(&inst, Algorithm::Maximin, &mut |_| {}).unwrap();
    assert_consistent(&inst, &maximin);
    assert!((maximin.min_probability() - want).abs() < 1e-7);
    let nash = select(&inst, Algorithm::Nash, &mut |_| {}).unwrap();
    assert_consistent(&inst, &nash);
    let leximin = select(&inst, Algorithm::Leximin, &mut |_| {}).unwrap();
    let log_sum =
        |s: &comity_sortition::Selection| s.probabilities.iter().map(|p| p.ln()).sum::<f64>();
    assert!(
        log_sum(&nash) >= log_sum(&leximin) - 1e-6,
        "Nash maximises the product of probabilities"
    );
    assert!(nash.min_probability() <= want + 1e-7);
}

#[test]
fn infeasible_quotas_are_explained_with_the_smallest_relaxation() {
    // Three young people required but the panel of 4 also needs 2 old ones.
    let cats = "feature,value,min,max\ngender,f,1,2\ngender,m,1,3\ngender,x,0,1\nage,young,3,3\nage,old,2,2\n";
    let inst = instance(PEOPLE, cats, 4, false);
    let Err(SelectError::Infeasible(why)) = select(&inst, Algorithm::Leximin, &mut |_| {}) else {
        panic!("must be infeasible");
    };
    let text = why.to_string();
    assert!(
        text.contains("age: the minimums add up to 5, more than the panel size 4"),
        "{text}"
    );
    let moved: u32 = why
        .relaxations
        .iter()
        .map(|r| (r.min - r.new_min) + (r.new_max - r.max))
        .sum();
    assert_eq!(moved, 1, "{text}");
    assert!(why.relaxations.iter().all(|r| r.feature == "age"), "{text}");
    assert!(
        explain_infeasible(&instance(PEOPLE, CATEGORIES, 4, false))
            .unwrap()
            .is_none()
    );
}

#[test]
fn the_same_seed_draws_the_same_panel() {
    let inst = instance(PEOPLE, CATEGORIES, 4, false);
    let a = select(&inst, Algorithm::Leximin, &mut |_| {}).unwrap();
    let b = select(&inst, Algorithm::Leximin, &mut |_| {}).unwrap();
    assert_eq!(a.panels, b.panels, "selection is deterministic");
    assert_eq!(a.draw(b"2026-11-29"), b.draw(b"2026-11-29"));
    let drawn: std::collections::BTreeSet<usize> =
        (0..200).map(|s| a.draw(s.to_string().as_bytes())).collect();
    assert!(drawn.len() > 1, "different seeds reach different panels");
}

/// Random small instances: one to three features, quotas drawn around the pool's shares.
/// With three features the relaxation's LEXIMIN is sometimes out of reach of any panel
/// mixture, so both the walk and column generation are exercised.
fn arb_instance() -> impl Strategy<Value = (String, String, usize)> {
    (4usize..=9, 1usize..=3, any::<u64>()).prop_map(|(n, features, seed)| {
        let mut state = seed;
        let mut next = move |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        let k = 1 + next((n - 1).min(4) as u64) as usize;
        let mut people = String::from("id");
        let names = ["g", "h", "i"];
        for name in names.iter().take(features) {
            people.push(',');
            people.push_str(name);
        }
        people.push('\n');
        for i in 0..n {
            people.push_str(&format!("p{i}"));
            for _ in 0..features {
                people.push_str(&format!(",v{}", next(3)));
            }
            people.push('\n');
        }
        let mut cats = String::from("feature,value,min,max\n");
        for name in names.iter().take(features) {
            for v in 0..3 {
                let lo = next(2);
                let hi = lo + next(k as u64 + 1);
                cats.push_str(&format!("{name},v{v},{lo},{hi}\n"));
            }
        }
        (people, cats, k)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_instances_agree_with_brute_force((people, cats, k) in arb_instance()) {
        let inst = instance(&people, &cats, k, false);
        let feasible = !all_panels(&inst).is_empty();
        match select(&inst, Algorithm::Leximin, &mut |_| {}) {
            Ok(got) => {
                prop_assert!(feasible);
                assert_consistent(&inst, &got);
                let expected = brute_leximin(&inst);
                for (e, g) in expected.iter().zip(&got.probabilities) {
                    prop_assert!((e - g).abs() < 1e-6, "brute force {} select {}", e, g);
                }
            }
            Err(SelectError::Infeasible(why)) => {
                prop_assert!(!feasible, "feasible instance called infeasible: {}", why);
            }
            Err(e) => prop_assert!(false, "solver error {}", e),
        }
    }
}
