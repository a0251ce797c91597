//! Founding an alliance under each shipped charter, and the backsliding monitor.

use comity_core::charter::Charter;
use comity_core::registry::{FhEdition, parse_countries, parse_freedom_house, parse_vdem};
use comity_core::{Command, Event, State, data, decide};
use comity_core::{base, membership};

use crate::{found, run, t0};

#[test]
fn founding_members_per_shipped_charter() {
    // AoD: Free or Partly Free in FIW 2025 = 85 + 51.
    assert_eq!(found("alliance-of-democracies").members.len(), 136);
    // D10: the ten named, all Free or Partly Free.
    let d10 = found("d10");
    let names: Vec<&str> = d10.members.keys().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "AUS", "CAN", "DEU", "FRA", "GBR", "IND", "ITA", "JPN", "KOR", "USA"
        ]
    );
    assert_eq!(d10.stage.as_deref(), Some("d10"));
    // CoD: Free (85), or Partly Free and a V-Dem electoral democracy in 2024.
    let cod = found("community-of-democracies");
    let reg = &cod.registry;
    let expected = reg
        .countries()
        .filter(|c| {
            let fh = reg.fh(&c.iso3, 2025).map(|r| r.status.code());
            let vd = reg.vdem(&c.iso3, 2024).and_then(|r| r.regime);
            fh == Some("F")
                || (fh == Some("PF")
                    && vd >= Some(comity_core::registry::Regime::ElectoralDemocracy))
        })
        .count();
    assert_eq!(cod.members.len(), expected);
    assert!(expected > 85 && expected < 136, "{expected}");
}

#[test]
fn a_founder_that_fails_the_criterion_is_refused_by_name() {
    let mut state = State::new();
    for cmd in data::reference_imports().unwrap() {
        run(&mut state, &cmd).unwrap();
    }
    let src = data::charter("d10")
        .unwrap()
        .source
        .replace("\"IND\"]", "\"IND\", \"PRK\"]");
    run(
        &mut state,
        &Command::Base(base::Command::AdoptCharter {
            file: "d10.toml".into(),
            source: src,
        }),
    )
    .unwrap();
    let before = state.head();
    let err = decide(
        &state,
        t0(),
        &Command::Base(base::Command::AdmitFoundingMembers),
    )
    .unwrap_err();
    assert_eq!(err.id(), "founders-not-eligible");
    assert!(
        err.to_string()
            .contains("PRK (rated Not Free, 3/100, FIW 2025"),
        "{err}"
    );
    assert_eq!(state.head(), before);
}

/// Importing FIW 2019 over 2018 flags Hungary under a "Free only" criterion.
#[test]
fn backsliding_monitor_flags_hungary_with_fiw_2019() {
    let mut state = State::new();
    run(
        &mut state,
        &Command::Base(base::Command::ImportStates {
            states: parse_countries("c", data::COUNTRIES_CSV).unwrap(),
        }),
    )
    .unwrap();
    let editions = parse_freedom_house("fh", data::FREEDOM_HOUSE_CSV).unwrap();
    let (upto_2018, later): (Vec<FhEdition>, Vec<FhEdition>) =
        editions.into_iter().partition(|e| e.edition <= 2018);
    run(
        &mut state,
        &Command::Base(base::Command::ImportFreedomHouse {
            editions: upto_2018,
        }),
    )
    .unwrap();
    let vdem = parse_vdem("v", data::VDEM_CSV).unwrap();
    run(
        &mut state,
        &Command::Base(base::Command::ImportVdem { years: vdem }),
    )
    .unwrap();
    let src = data::charter("alliance-of-democracies")
        .unwrap()
        .source
        .replace(
            r#"rule = { fh_status = ["F", "PF"] }"#,
            r#"rule = { fh_status = ["F"] }"#,
        );
    run(
        &mut state,
        &Command::Base(base::Command::AdoptCharter {
            file: "free-only.toml".into(),
            source: src,
        }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Base(base::Command::AdmitFoundingMembers),
    )
    .unwrap();
    let hun = comity_core::Iso3::parse("HUN").unwrap();
    assert!(
        state.members.contains_key(&hun),
        "Hungary was Free in FIW 2018"
    );

    let fiw_2019: Vec<FhEdition> = later
        .iter()
        .filter(|e| e.edition == 2019)
        .cloned()
        .collect();
    let events = run(
        &mut state,
        &Command::Base(base::Command::ImportFreedomHouse { editions: fiw_2019 }),
    )
    .unwrap();
    let flagged: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::Membership(membership::Event::MemberFlaggedForReview {
                state,
                edition,
                change,
                ..
            }) => Some((state.as_str().to_owned(), edition.clone(), change.clone())),
            _ => None,
        })
        .collect();
    let hungary = flagged
        .iter()
        .find(|(s, _, _)| s == "HUN")
        .expect("Hungary flagged");
    assert_eq!(hungary.1, "FIW 2019");
    assert_eq!(
        hungary.2,
        "rated Free, 72/100, FIW 2018 → rated Partly Free, 70/100, FIW 2019; requires Free"
    );
    assert_eq!(state.members[&hun].flags.len(), 1);
    // The review opens by itself in the organ the charter names, with the evidence.
    let review = state
        .reviews
        .values()
        .find(|r| r.state == hun)
        .expect("a review of Hungary");
    assert_eq!(review.organ, "governing_council");
    assert!(review.evidence.contains("Partly Free, 70/100, FIW 2019"));
    // Importing the same edition again changes nothing and is refused.
    let again: Vec<FhEdition> = later.into_iter().filter(|e| e.edition == 2019).collect();
    assert_eq!(
        decide(
            &state,
            t0(),
            &Command::Base(base::Command::ImportFreedomHouse { editions: again })
        )
        .unwrap_err()
        .id(),
        "import-nothing-new"
    );
}

#[test]
fn a_second_charter_is_refused() {
    let mut state = found("d10");
    let src = data::charter("d10").unwrap().source;
    let err = run(
        &mut state,
        &Command::Base(base::Command::AdoptCharter {
            file: "x".into(),
            source: src.into(),
        }),
    )
    .unwrap_err();
    assert_eq!(err.id(), "charter-already-adopted");
    let _ = Charter::parse("x", src).unwrap();
}
