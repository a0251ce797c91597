//! The citizens' assembly: volunteers as salted hashes, a commitment that closes the pool,
//! the LEXIMIN draw in `decide`, and `apply` refusing a draw whose seed or panel is forged.

use comity_core::assembly;
use std::collections::BTreeMap;

use comity_core::assembly::{Volunteer, commitment};
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

fn register(
    state: &mut comity_core::State,
    volunteers: Vec<Volunteer>,
) -> Result<Vec<Event>, DomainError> {
    run(
        state,
        &Command::Assembly(assembly::Command::RegisterVolunteers {
            organ: ORGAN.into(),
            volunteers,
        }),
    )
}

#[test]
fn bad_volunteers_are_refused_with_the_field_named_and_nothing_recorded() {
    let mut state = found("alliance-of-democracies");
    let mut bad = pool(3, "a");
    bad[1].features.insert("age".into(), "12-15".into());
    let e = register(&mut state, bad).unwrap_err();
    assert!(
        matches!(&e, DomainError::VolunteerInvalid { volunteer: 2, field, .. } if field == "age"),
        "{e:?}"
    );
    let mut missing = pool(1, "b");
    missing[0].features.remove("region");
    assert!(matches!(
        register(&mut state, missing),
        Err(DomainError::VolunteerInvalid { .. })
    ));
    let mut extra = pool(1, "c");
    extra[0].features.insert("religion".into(), "x".into());
    assert!(matches!(
        register(&mut state, extra),
        Err(DomainError::VolunteerInvalid { .. })
    ));
    assert!(
        state
            .assemblies
            .get(ORGAN)
            .is_none_or(|a| a.volunteers.is_empty()),
        "nothing recorded"
    );
    register(&mut state, pool(2, "d")).unwrap();
    let again = register(&mut state, pool(1, "d")).unwrap_err();
    assert!(
        matches!(&again, DomainError::VolunteerInvalid { field, .. } if field == "hash"),
        "{again:?}"
    );
    let not_by_lot = run(
        &mut state,
        &Command::Assembly(assembly::Command::RegisterVolunteers {
            organ: "summit".into(),
            volunteers: pool(1, "e"),
        }),
    );
    assert!(matches!(
        not_by_lot,
        Err(DomainError::NotByLot(_) | DomainError::UnknownOrgan(_))
    ));
}

#[test]
fn commit_close_the_pool_draw_and_replay() {
    let mut state = found("alliance-of-democracies");
    register(&mut state, pool(60, "x")).unwrap();
    let seed = "2026-11-29 public seed";
    let too_few = run(
        &mut state,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment: commitment(seed),
        }),
    );
    assert!(
        matches!(&too_few, Err(DomainError::Sortition(m)) if m.to_string().contains("fewer than the 100 seats")),
        "{too_few:?}"
    );
    register(&mut state, pool(140, "y")).unwrap();
    assert_eq!(state.assemblies[ORGAN].volunteers.len(), 200);

    run(
        &mut state,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment: commitment(seed),
        }),
    )
    .unwrap();
    assert!(matches!(
        register(&mut state, pool(1, "late")),
        Err(DomainError::PoolClosed(1))
    ));
    assert!(matches!(
        run(
            &mut state,
            &Command::Assembly(assembly::Command::DrawAssembly {
                organ: ORGAN.into(),
                seed: "guess".into()
            })
        ),
        Err(DomainError::SeedMismatch)
    ));
    let head_before = state.head();
    let events = run(
        &mut state,
        &Command::Assembly(assembly::Command::DrawAssembly {
            organ: ORGAN.into(),
            seed: seed.into(),
        }),
    )
    .unwrap();
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

    // Replay: a journal whose draw reveals another seed, or whose panel breaks a quota, is refused.
    let mut replay = found("alliance-of-democracies");
    register(&mut replay, pool(60, "x")).unwrap();
    register(&mut replay, pool(140, "y")).unwrap();
    run(
        &mut replay,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment: commitment(seed),
        }),
    )
    .unwrap();
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
    let women: Vec<u64> = (1..=200)
        .filter(|&n| {
            state.assemblies[ORGAN].volunteers[n as usize - 1].features["gender"] == "female"
        })
        .take(100)
        .collect();
    let lopsided = forge(seed, women);
    assert!(
        replay
            .clone()
            .apply(&lopsided[0])
            .unwrap_err()
            .to_string()
            .contains("not valid")
    );
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
    register(&mut state, men).unwrap();
    let e = run(
        &mut state,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment: Hash([7; 32]),
        }),
    )
    .unwrap_err();
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
