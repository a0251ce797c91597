//! The citizens' assembly: volunteers as salted hashes, a commitment that closes the pool,
//! the LEXIMIN draw in `decide`, and `apply` refusing a draw whose seed or panel is forged.
//! The pool is not in the state: these tests keep it as the store's read table would
//! (`Pools`, from the events) and hand it to the commands, as the store does.

use comity_core::assembly;
use comity_core::base;
use std::collections::BTreeMap;

use comity_core::assembly::{Pools, Volunteer, commitment};
use comity_core::journal::{self, Hash};
use comity_core::{Actor, Command, DomainError, Event};

use crate::{found, run, t0};

const ORGAN: &str = "citizens_assembly";

/// A deterministic pool that covers every quota value of the shipped charter.
fn pool(n: usize, salt: &str) -> Vec<Volunteer> {
    let gender = ["female", "male", "male", "female", "other"];
    let age = ["16-29", "30-44", "45-59", "60+"];
    let education = ["primary", "secondary", "tertiary"];
    let region = [
        "AFRICAN",
        "ASIA_PACIFIC",
        "EASTERN_EUROPEAN",
        "GRULAC",
        "WEOG",
    ];
    (0..n)
        .map(|i| {
            let mut f = BTreeMap::new();
            f.insert("gender".to_owned(), gender[(i * 7) % 5].to_owned());
            f.insert("age".to_owned(), age[(i / 3) % 4].to_owned());
            f.insert(
                "education".to_owned(),
                education[(i * 5 / 2) % 3].to_owned(),
            );
            f.insert("region".to_owned(), region[(i / 2) % 5].to_owned());
            Volunteer {
                hash: commitment(&format!("{salt} {i}")),
                features: f,
                household: None,
            }
        })
        .collect()
}

/// The volunteers registered so far, as the store's read table holds them.
fn book(state: &comity_core::State, pools: &Pools) -> Vec<Volunteer> {
    let n = state.assemblies.get(ORGAN).map_or(0, |a| a.registered);
    pools.first(ORGAN, n as usize).to_vec()
}

fn register_in(
    state: &mut comity_core::State,
    pools: &mut Pools,
    organ: &str,
    volunteers: Vec<Volunteer>,
) -> Result<Vec<Event>, DomainError> {
    let held = book(state, pools);
    let already = volunteers
        .iter()
        .filter(|v| held.iter().any(|h| h.hash == v.hash))
        .map(|v| v.hash)
        .collect();
    let events = run(
        state,
        &Command::Assembly(assembly::Command::RegisterVolunteers {
            organ: organ.into(),
            volunteers,
            already,
        }),
    )?;
    events.iter().for_each(|e| pools.observe(e));
    Ok(events)
}

fn register(
    state: &mut comity_core::State,
    pools: &mut Pools,
    volunteers: Vec<Volunteer>,
) -> Result<Vec<Event>, DomainError> {
    register_in(state, pools, ORGAN, volunteers)
}

fn commit(
    state: &mut comity_core::State,
    pools: &Pools,
    commitment: Hash,
) -> Result<Vec<Event>, DomainError> {
    let pool = book(state, pools);
    run(
        state,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment,
            pool,
        }),
    )
}

fn draw(
    state: &mut comity_core::State,
    pools: &Pools,
    seed: &str,
) -> Result<Vec<Event>, DomainError> {
    let pool = book(state, pools);
    run(
        state,
        &Command::Assembly(assembly::Command::DrawAssembly {
            organ: ORGAN.into(),
            seed: seed.into(),
            pool,
        }),
    )
}

#[test]
fn bad_volunteers_are_refused_with_the_field_named_and_nothing_recorded() {
    let mut state = found("alliance-of-democracies");
    let p = &mut Pools::default();
    let mut bad = pool(3, "a");
    bad[1].features.insert("age".into(), "12-15".into());
    let e = register(&mut state, p, bad).unwrap_err();
    assert!(
        matches!(&e, DomainError::Assembly(assembly::Refusal::VolunteerInvalid { volunteer: 2, field, .. }) if field == "age"),
        "{e:?}"
    );
    let mut missing = pool(1, "b");
    missing[0].features.remove("region");
    assert!(matches!(
        register(&mut state, p, missing),
        Err(DomainError::Assembly(
            assembly::Refusal::VolunteerInvalid { .. }
        ))
    ));
    let mut extra = pool(1, "c");
    extra[0].features.insert("religion".into(), "x".into());
    assert!(matches!(
        register(&mut state, p, extra),
        Err(DomainError::Assembly(
            assembly::Refusal::VolunteerInvalid { .. }
        ))
    ));
    assert!(
        state
            .assemblies
            .get(ORGAN)
            .is_none_or(|a| a.registered == 0),
        "nothing recorded"
    );
    register(&mut state, p, pool(2, "d")).unwrap();
    let again = register(&mut state, p, pool(1, "d")).unwrap_err();
    assert!(
        matches!(&again, DomainError::Assembly(assembly::Refusal::VolunteerInvalid { field, .. }) if field == "hash"),
        "{again:?}"
    );
    let twice = [pool(1, "f"), pool(1, "f")].concat();
    let e = register(&mut state, p, twice).unwrap_err();
    assert!(
        matches!(&e, DomainError::Assembly(assembly::Refusal::VolunteerInvalid { volunteer: 2, field, .. }) if field == "hash"),
        "{e:?}"
    );
    let not_by_lot = register_in(&mut state, p, "summit", pool(1, "e"));
    assert!(matches!(
        not_by_lot,
        Err(DomainError::Assembly(assembly::Refusal::NotByLot(_))
            | DomainError::Base(base::Refusal::UnknownOrgan(_)))
    ));
}

#[test]
fn commit_close_the_pool_draw_and_replay() {
    let mut state = found("alliance-of-democracies");
    let p = &mut Pools::default();
    register(&mut state, p, pool(60, "x")).unwrap();
    let seed = "2026-11-29 public seed";
    let too_few = commit(&mut state, p, commitment(seed));
    assert!(
        matches!(&too_few, Err(DomainError::Assembly(assembly::Refusal::Sortition(m))) if m.to_string().contains("fewer than the 100 seats")),
        "{too_few:?}"
    );
    register(&mut state, p, pool(140, "y")).unwrap();
    assert_eq!(state.assemblies[ORGAN].registered, 200);
    let women = state.assemblies[ORGAN].count("gender", "female");
    assert_eq!(
        women,
        book(&state, p)
            .iter()
            .filter(|v| v.features["gender"] == "female")
            .count() as u64
    );

    // A pool that is not the journal's (one volunteer short, or one changed) decides nothing.
    let mut short = book(&state, p);
    short.pop();
    let mut changed = book(&state, p);
    changed[0].features.insert("gender".into(), "other".into());
    for wrong in [short, changed] {
        let e = run(
            &mut state,
            &Command::Assembly(assembly::Command::CommitDraw {
                organ: ORGAN.into(),
                commitment: commitment(seed),
                pool: wrong,
            }),
        )
        .unwrap_err();
        assert!(
            matches!(
                &e,
                DomainError::Assembly(assembly::Refusal::Sortition(
                    assembly::SortitionError::PoolMismatch {
                        registered: 200,
                        ..
                    }
                ))
            ),
            "{e:?}"
        );
    }

    commit(&mut state, p, commitment(seed)).unwrap();
    assert!(matches!(
        register(&mut state, p, pool(1, "late")),
        Err(DomainError::Assembly(assembly::Refusal::PoolClosed(1)))
    ));
    assert!(matches!(
        draw(&mut state, p, "guess"),
        Err(DomainError::Assembly(assembly::Refusal::SeedMismatch))
    ));
    let head_before = state.head();
    let events = draw(&mut state, p, seed).unwrap();
    assert_ne!(state.head(), head_before);
    let Event::Assembly(assembly::Event::AssemblyDrawn {
        panel,
        probabilities_ppt,
        min_probability_ppt,
        ..
    }) = &events[0]
    else {
        panic!("{events:?}");
    };
    assert_eq!(panel.len(), 100);
    let total: u64 = probabilities_ppt.iter().sum();
    assert!(
        (total as f64 / 1e12 - 100.0).abs() < 1e-6,
        "probabilities sum to the panel size"
    );
    assert_eq!(
        *min_probability_ppt,
        *probabilities_ppt.iter().min().unwrap()
    );
    assert!(*min_probability_ppt > 0, "everyone has a chance");
    let (draw, result) = state.assemblies[ORGAN].latest().unwrap();
    assert_eq!(draw.pool, 200);
    assert_eq!(&result.panel, panel);

    // Replay: a journal whose draw reveals another seed, or whose panel is not the panel
    // size's distinct volunteers of the pool, is refused; one whose panel breaks a quota is
    // caught by `check_panel` (and by `comity sortition verify`, which re-runs the draw).
    let mut replay = found("alliance-of-democracies");
    let q = &mut Pools::default();
    register(&mut replay, q, pool(60, "x")).unwrap();
    register(&mut replay, q, pool(140, "y")).unwrap();
    commit(&mut replay, q, commitment(seed)).unwrap();
    let forge = |seed: &str, panel: Vec<u64>| {
        let mut e = events[0].clone();
        if let Event::Assembly(assembly::Event::AssemblyDrawn {
            seed: s, panel: p, ..
        }) = &mut e
        {
            *s = seed.to_owned();
            *p = panel;
        }
        journal::seal(replay.head(), t0(), &Actor::system(), &[e])
    };
    let wrong_seed = forge("another seed", panel.clone());
    assert!(
        replay
            .clone()
            .apply(&wrong_seed[0])
            .unwrap_err()
            .to_string()
            .contains("does not open its commitment")
    );
    let mut repeated = panel.clone();
    repeated[1] = repeated[0];
    let outside = [&panel[1..], &[201]].concat();
    for bad in [repeated, outside, panel[1..].to_vec()] {
        let forged = forge(seed, bad);
        let e = replay.clone().apply(&forged[0]).unwrap_err().to_string();
        assert!(e.contains("distinct volunteers of the pool"), "{e}");
    }
    let held = book(&replay, q);
    let rules = assembly::rules(&replay, ORGAN).unwrap().0;
    let female = |n: &u64| held[*n as usize - 1].features["gender"] == "female";
    let (women, others): (Vec<u64>, Vec<u64>) = (1..=200).partition(female);
    let lopsided: Vec<u64> = women.into_iter().chain(others).take(100).collect();
    let e = assembly::check_panel(rules, &held, 100, &lopsided).unwrap_err();
    assert!(e.contains("gender"), "{e}");
    assembly::check_panel(rules, &held, 100, panel).unwrap();
    let honest = forge(seed, panel.clone());
    replay.apply(&honest[0]).unwrap();
    assert_eq!(replay.assemblies[ORGAN].latest().unwrap().1.panel, *panel);
}

#[test]
fn infeasible_quotas_are_refused_at_commitment_with_the_reason() {
    let mut state = found("alliance-of-democracies");
    let mut men = pool(150, "m");
    for v in &mut men {
        v.features.insert("gender".into(), "male".into());
    }
    let p = &mut Pools::default();
    register(&mut state, p, men).unwrap();
    let e = commit(&mut state, p, Hash([7; 32])).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("gender = female: the minimum is 48 but only 0 volunteers have it"),
        "{text}"
    );
    assert!(
        state.assemblies[ORGAN].draws.is_empty(),
        "nothing committed"
    );
}
