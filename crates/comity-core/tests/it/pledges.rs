//! Pledges on the real founding: the file read with every problem named, progress computed
//! right (descending indicators, ratios by numerator and denominator), disagreement flagged
//! and never averaged, the star, overdue milestones and setbacks, and every refusal the
//! issue names leaving the state as it was.

use comity_core::auth::Role;
use comity_core::ids::Day;
use comity_core::journal::Hash;
use comity_core::pledges::{self, Refusal, Settings, Source, Status, file};
use comity_core::{Command, DomainError, State};

use crate::{found, run};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn import(state: &mut State, json: &str) -> Result<Vec<comity_core::Event>, DomainError> {
    let list = file::read_json(state, "pledges.json", json.as_bytes()).unwrap();
    let sha = Hash(*blake(json));
    run(
        state,
        &Command::Pledges(pledges::Command::Import {
            file: "pledges.json".into(),
            sha256: sha,
            pledges: list,
        }),
    )
}

/// A stand-in digest that differs per text (the tests need distinct files, not SHA-256).
fn blake(s: &str) -> Box<[u8; 32]> {
    let mut out = [0u8; 32];
    for (i, b) in s.bytes().enumerate() {
        out[i % 32] = out[i % 32].wrapping_mul(31).wrapping_add(b);
    }
    Box::new(out)
}

fn refusal(r: Result<Vec<comity_core::Event>, DomainError>) -> Refusal {
    match r {
        Err(DomainError::Pledges(r)) => r,
        other => panic!("expected a pledges refusal, got {other:?}"),
    }
}

fn status(state: &State, id: &str) -> pledges::PledgeStatus {
    let settings = Settings::of(state.charter.as_ref().map(|c| &c.charter));
    pledges::status(&settings, &state.pledges.pledges[id])
}

const FILE: &str = r#"{"pledges": [
 {"id": "DNK-1", "by": "DNK", "title": "Cut the backlog of access-to-information appeals",
  "due": "2026-12-31", "theme": "anti_corruption",
  "assessment": {"specificity": "high", "relevance": ["access_to_information"], "potential_impact": "moderate"},
  "milestones": [{"id": "m1", "title": "Tribunal staffed", "due": "2025-06-30",
                  "completion": [{"source": "independent", "date": "2025-07-15", "level": "complete"}]}],
  "indicators": [{"id": "backlog", "unit": "appeals", "direction": "down", "kind": "level",
    "baseline": {"value": 40, "date": "2024-01-01"}, "target": {"value": 10, "date": "2026-01-01"},
    "reports": [{"source": "self", "date": "2024-07-01", "value": 33},
                {"source": "self", "date": "2025-01-01", "value": 25},
                {"source": "independent", "date": "2025-01-10", "value": 25}]}],
  "completion": [{"source": "independent", "date": "2026-01-05", "level": "substantial"},
                 {"source": "self", "date": "2026-01-02", "level": "substantial"}]},
 {"id": "FRA-1", "by": "FRA", "title": "Open procurement data",
  "due": "2026-06-30",
  "assessment": {"specificity": "medium", "relevance": ["public_accountability"], "potential_impact": "minor"},
  "indicators": [{"id": "open", "unit": "%", "direction": "up", "kind": "ratio",
    "baseline": {"value": 0, "date": "2024-01-01"}, "target": {"value": 100, "date": "2026-01-01"},
    "reports": [{"source": "self", "date": "2024-12-31", "numerator": 30, "denominator": 100},
                {"source": "self", "date": "2025-12-31", "numerator": 45, "denominator": 50}]}],
  "completion": [{"source": "self", "date": "2026-01-10", "level": "complete"},
                 {"source": "shadow", "date": "2026-02-01", "level": "limited"}]}
]}"#;

#[test]
fn progress_is_the_way_from_baseline_to_target_and_ratios_add_up() {
    let mut state = found("alliance-of-democracies");
    import(&mut state, FILE).unwrap();
    let dnk = status(&state, "DNK-1");
    // Descending from 40 to 10, at 25: half way.
    assert_eq!(dnk.progress, Some(0.5));
    assert_eq!(dnk.used, Some(Source::Independent));
    // Half the time passed by 2025-01-01 (366 of 731 days): on track, both sources agree.
    assert_eq!(dnk.status, Status::OnTrack, "{dnk:?}");
    assert!(
        dnk.starred,
        "high, relevant, moderate, substantial by the review"
    );
    // 30/100 then 45/50 is 75/150 = 50 %, not the mean of 30 % and 90 %.
    let fra = status(&state, "FRA-1");
    let own = fra.source(Source::Own).unwrap();
    let open = own.indicators[0].latest().unwrap();
    assert!((open.value - 50.0).abs() < 1e-9, "{open:?}");
    assert_eq!(fra.progress, Some(0.5));
    // Complete by the government, limited by civil society: disputed, both shown.
    assert_eq!(fra.status, Status::Disputed);
    assert!(fra.source(Source::Shadow).is_some());
    assert!(!fra.starred, "minor impact is never starred");
}

#[test]
fn overdue_milestones_and_setbacks_raise_alerts() {
    let mut state = found("alliance-of-democracies");
    let json = FILE.replace(r#""level": "complete"}]}],"#, r#""level": "limited"}]}],"#);
    import(&mut state, &json).unwrap();
    let alerts = pledges::alerts(&state, day("2025-08-01"));
    assert!(alerts.iter().any(|a| matches!(a,
        pledges::Alert::OverdueMilestone { pledge, milestone, .. } if pledge == "DNK-1" && milestone == "m1")));
    let before = pledges::alerts(&state, day("2025-06-01"));
    assert!(
        !before
            .iter()
            .any(|a| matches!(a, pledges::Alert::OverdueMilestone { .. }))
    );
    // A later report farther from the target is a setback.
    let worse = r#"{"pledges": [{"id": "DNK-1", "by": "DNK", "title": "Cut the backlog of access-to-information appeals",
      "due": "2026-12-31", "theme": "anti_corruption",
      "assessment": {"specificity": "high", "relevance": ["access_to_information"], "potential_impact": "moderate"},
      "milestones": [{"id": "m1", "title": "Tribunal staffed", "due": "2025-06-30"}],
      "indicators": [{"id": "backlog", "unit": "appeals", "direction": "down", "kind": "level",
        "baseline": {"value": 40, "date": "2024-01-01"}, "target": {"value": 10, "date": "2026-01-01"},
        "reports": [{"source": "self", "date": "2025-06-01", "value": 31}]}]}]}"#;
    import(&mut state, worse).unwrap();
    let st = status(&state, "DNK-1");
    assert_eq!(st.setbacks, vec![("backlog".to_owned(), Source::Own)]);
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_changes() {
    let mut state = found("alliance-of-democracies");
    import(&mut state, FILE).unwrap();
    let before = state.pledges.clone();
    let head = state.head();
    let one = |body: &str| format!(r#"{{"pledges": [{body}]}}"#);
    let base = r#"{"id": "X-1", "by": "DNK", "title": "T", "due": "2027-01-01",
      "indicators": [{"id": "i", "unit": "n", "direction": "up", "kind": "level",
        "baseline": {"value": 1, "date": "2024-01-01"}, "target": {"value": TARGET, "date": "2026-01-01"},
        "reports": [REPORT]}]}"#;
    let make =
        |target: &str, report: &str| one(&base.replace("TARGET", target).replace("REPORT", report));
    // Each refused by the reader with its place and field, and by `decide` itself.
    let refused = |json: &str| file::read_json(&state, "p.json", json.as_bytes()).unwrap_err();
    let report = |r: &str| make("5", r);
    let cases = [
        (
            make("1", ""),
            "(id \"X-1\")",
            "target.value",
            "equals baseline",
        ),
        (
            report(r#"{"source": "self", "date": "2023-12-31", "value": 2}"#),
            "indicators[0].reports[0]",
            "date",
            "before the baseline",
        ),
        // A government filing a shadow report.
        (
            report(
                r#"{"source": "shadow", "by": "delegate:DNK", "date": "2024-06-01", "value": 2}"#,
            ),
            "indicators[0].reports[0]",
            "by",
            "does not file shadow reports",
        ),
        // The pledger reviewing itself is not independent.
        (
            report(r#"{"source": "independent", "role": "DNK", "date": "2024-06-01", "value": 2}"#),
            "indicators[0].reports[0]",
            "by",
            "does not file independent reports",
        ),
        (make("0", ""), "(id \"X-1\")", "direction", "the other way"),
        (
            report(r#"{"source": "self", "date": "9999-01-01", "value": 2}"#),
            "indicators[0].reports[0]",
            "date",
            "1900 to 2200",
        ),
        (
            make("5", "")
                .replace(r#""kind": "level""#, r#""kind": "cumulative""#)
                .replace(r#""direction": "up""#, r#""direction": "down""#)
                .replace(r#""value": 5,"#, r#""value": 0,"#),
            "(id \"X-1\")",
            "direction",
            "only grows",
        ),
    ];
    for (json, place, field, words) in &cases {
        let e = refused(json);
        assert!(
            e.place.ends_with(place) || e.place.contains(place),
            "{place}: {e}"
        );
        assert_eq!(e.field, *field, "{e}");
        assert!(e.to_string().contains(words), "{words}: {e}");
    }
    // `decide` refuses the same without the reader: a target set equal to the baseline.
    let mut list = file::read_json(&state, "p.json", make("5", "").as_bytes()).unwrap();
    list[0].spec.indicators[0].target.value = list[0].spec.indicators[0].baseline.value.clone();
    let r = refusal(run(
        &mut state,
        &Command::Pledges(pledges::Command::Import {
            file: "p.json".into(),
            sha256: Hash(*blake("x")),
            pledges: list,
        }),
    ));
    assert!(matches!(r, Refusal::TargetIsBaseline { .. }), "{r:?}");
    // A CSV report dated before the baseline is named by its line.
    let csv = "pledge,source,date,indicator,value\nDNK-1,self,2023-03-01,backlog,20\n";
    let e = file::read_csv(&state, "r.csv", csv.as_bytes()).unwrap_err();
    assert!(e.to_string().starts_with("r.csv: line 2: date:"), "{e}");
    // A report for an unknown indicator (the CSV names indicators).
    let csv = "pledge,source,date,indicator,value\nDNK-1,self,2025-03-01,nope,20\n";
    let e = file::read_csv(&state, "r.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(
        (e.place.as_str(), e.field.as_str()),
        ("line 2", "indicator"),
        "{e}"
    );
    // A CSV row with a missing field.
    let csv = "pledge,source,date,indicator,value\nDNK-1,self,,backlog,20\n";
    let e = file::read_csv(&state, "r.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(
        (e.place.as_str(), e.field.as_str()),
        ("line 2", "date"),
        "{e}"
    );
    assert!(e.to_string().starts_with("r.csv: line 2: date"), "{e}");
    // A JSON field missing or of the wrong scale, named by its path.
    let e = file::read_json(
        &state,
        "p.json",
        one(r#"{"id": "Y", "by": "DNK", "title": "T"}"#).as_bytes(),
    )
    .unwrap_err();
    assert_eq!(e.field, "due", "{e}");
    let e = file::read_json(
        &state,
        "p.json",
        make(
            "5",
            r#"{"source": "gov", "date": "2024-06-01", "value": 2}"#,
        )
        .as_bytes(),
    )
    .unwrap_err();
    assert!(
        e.place.contains("indicators[0].reports[0]") && e.field == "source",
        "{e}"
    );
    assert_eq!(state.pledges, before);
    assert_eq!(state.head(), head);
}

#[test]
fn an_import_adds_only_what_is_new_and_never_changes_a_pledge() {
    let mut state = found("alliance-of-democracies");
    import(&mut state, FILE).unwrap();
    // The same reports again, with one more: only the new one is recorded.
    let more = FILE.replace(
        r#"{"source": "independent", "date": "2025-01-10", "value": 25}"#,
        r#"{"source": "independent", "date": "2025-01-10", "value": 25}, {"source": "shadow", "date": "2025-02-01", "value": 24}"#,
    );
    let events = import(&mut state, &more).unwrap();
    assert_eq!(events.len(), 2, "one report and the import: {events:?}");
    assert_eq!(state.pledges.imports[1].reports, 1);
    // A different title for a recorded pledge is refused by place and field.
    let changed = FILE.replace("Open procurement data", "Open all data");
    let e = file::read_json(&state, "p.json", changed.as_bytes()).unwrap_err();
    assert_eq!(
        (e.place.as_str(), e.field.as_str()),
        ("pledges[1] (id \"FRA-1\")", "title"),
        "{e}"
    );
}

#[test]
fn the_lanes_follow_the_roles() {
    let state = found("alliance-of-democracies");
    let by = pledges::Pledger::State(comity_core::Iso3::parse("DNK").unwrap());
    let fits = |s: Source, r: Role| pledges::lane_fits(&state, &by, s, &r).is_ok();
    let dnk = Role::StateDelegate(comity_core::Iso3::parse("DNK").unwrap());
    let fra = Role::StateDelegate(comity_core::Iso3::parse("FRA").unwrap());
    assert!(fits(Source::Own, dnk.clone()));
    assert!(!fits(Source::Own, fra.clone()));
    assert!(!fits(Source::Shadow, dnk.clone()));
    assert!(fits(Source::Shadow, Role::CivilSociety));
    assert!(!fits(Source::Independent, dnk));
    // An accredited organisation's pledge is its own account's to report on; an
    // accreditation the journal does not hold cannot pledge.
    let acc = pledges::Pledger::parse("accredited:4");
    assert_eq!(acc, pledges::Pledger::Accredited(4));
    assert_eq!(acc.to_string(), "accredited:4");
    assert!(pledges::lane_fits(&state, &acc, Source::Own, &Role::Accredited(4)).is_ok());
    assert!(pledges::lane_fits(&state, &acc, Source::Own, &Role::Accredited(5)).is_err());
    let json =
        r#"{"pledges": [{"id": "A-1", "by": "accredited:4", "title": "T", "due": "2027-01-01"}]}"#;
    let e = file::read_json(&state, "a.json", json.as_bytes()).unwrap_err();
    assert_eq!(e.field, "by", "{e}");
    // The charter's reviewer is the secretariat.
    assert!(fits(Source::Independent, Role::Secretariat));
    assert!(!fits(Source::Independent, fra));
}
