//! `comity pledges import|status` as a user runs them, on the issue's contract: the progress
//! of a descending indicator and of a ratio over periods, disagreement flagged, the star; bad
//! files named by file, place and field with nothing recorded; a second file adds only what
//! is new; and the exported journal replays to the same statuses.

use serde_json::Value;

use crate::support::{Scratch, comity, stderr, stdout};

fn json(o: &std::process::Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

const FILE: &str = r#"{"pledges": [
 {"id": "P-down", "by": "nor", "title": "Fewer appeals pending", "due": "2027-12-31", "theme": "Democratic resilience at home",
  "assessment": {"specificity": "high", "relevance": ["public_accountability"], "potential_impact": "transformative"},
  "indicators": [{"id": "pending", "unit": "appeals", "direction": "down", "kind": "level",
    "baseline": {"value": 40, "date": "2025-01-01"}, "target": {"value": 10, "date": "2027-01-01"},
    "reports": [{"source": "self", "date": "2025-06-30", "value": 35},
                {"source": "self", "date": "2026-01-01", "value": 25}]}],
  "completion": [{"source": "independent", "date": "2026-02-01", "level": "substantial"}]},
 {"id": "P-ratio", "by": "CAN", "title": "Contracts published", "due": "2027-12-31",
  "assessment": {"specificity": "low", "relevance": [], "potential_impact": "minor"},
  "indicators": [{"id": "share", "unit": "share", "direction": "up", "kind": "ratio",
    "baseline": {"value": 0, "date": "2025-01-01"}, "target": {"value": 1, "date": "2027-01-01"},
    "reports": [{"source": "shadow", "date": "2025-12-31", "numerator": 30, "denominator": 100},
                {"source": "shadow", "date": "2026-06-30", "numerator": 45, "denominator": 50}]}],
  "completion": [{"source": "self", "date": "2026-07-01", "level": "complete"},
                 {"source": "shadow", "date": "2026-07-02", "level": "limited"}]},
 {"id": "P-organ", "by": "governing_council", "title": "Publish the council's minutes", "due": "2026-03-31",
  "assessment": {"specificity": "medium", "relevance": ["access_to_information"], "potential_impact": "moderate"},
  "completion": [{"source": "self", "date": "2026-03-01", "level": "complete"},
                 {"source": "independent", "date": "2026-03-15", "level": "complete"}]}
]}"#;

#[test]
fn the_contract_on_a_fresh_alliance() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let charter = crate::support::charter("alliance-of-democracies.toml");
    let o = comity(&dir.0, &["init", "--charter", &charter, "--database", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let status = || {
        json(&comity(
            &dir.0,
            &[
                "pledges",
                "status",
                "--database",
                &db,
                "--format",
                "json",
                "--at",
                "2026-12-04",
            ],
        ))
    };

    // Bad files: each problem named by file, place and field; nothing recorded.
    let bad = [
        (
            FILE.replace(
                r#""value": 10, "date": "2027-01-01""#,
                r#""value": 40, "date": "2027-01-01""#,
            ),
            "pledges[0] (id \"P-down\"): target.value:",
        ),
        (
            FILE.replace(
                r#""date": "2025-06-30", "value": 35"#,
                r#""date": "2024-06-30", "value": 35"#,
            ),
            "pledges[0] (id \"P-down\").indicators[0].reports[0]: date: ",
        ),
        // The government filing a shadow report, however its role is written.
        (
            FILE.replace(
                r#"{"source": "independent", "date": "2026-02-01""#,
                r#"{"source": "shadow", "role": "delegate:NOR", "date": "2026-02-01""#,
            ),
            "pledges[0] (id \"P-down\").completion[0]: by: ",
        ),
        (
            FILE.replace(
                r#"{"source": "independent", "date": "2026-02-01""#,
                r#"{"source": "shadow", "by": "NOR", "date": "2026-02-01""#,
            ),
            "does not file shadow reports",
        ),
        (
            FILE.replace(r#""direction": "down", "#, ""),
            "indicators[0]: direction: missing",
        ),
        (
            FILE.replace(
                r#""numerator": 45, "denominator": 50"#,
                r#""numerator": 45, "denominator": 0"#,
            ),
            "reports[1]: denominator:",
        ),
    ];
    for (i, (text, want)) in bad.iter().enumerate() {
        let name = format!("bad{i}.json");
        std::fs::write(dir.path(&name), text).unwrap();
        let o = comity(&dir.0, &["pledges", "import", &name, "--database", &db]);
        assert!(!o.status.success(), "{name} was accepted");
        let err = stderr(&o);
        assert!(err.contains(&name) && err.contains(want), "{name}: {err}");
        assert_eq!(
            status()["pledges"],
            serde_json::json!({}),
            "{name} recorded something"
        );
    }

    std::fs::write(dir.path("pledges.json"), FILE).unwrap();
    let done = json(&comity(
        &dir.0,
        &["pledges", "import", "pledges.json", "--database", &db],
    ));
    assert_eq!(
        (done["pledges"].as_u64(), done["reports"].as_u64()),
        (Some(3), Some(4))
    );
    // The same file again is refused; nothing changes.
    let again = comity(
        &dir.0,
        &["pledges", "import", "pledges.json", "--database", &db],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("imported already"),
        "{}",
        stderr(&again)
    );

    let doc = status();
    let p = &doc["pledges"];
    // From 40 to 10, at 25: half way; the review rates it substantial: starred.
    assert_eq!(p["P-down"]["progress"], 0.5);
    assert_eq!(p["P-down"]["status"], "on_track");
    assert_eq!(p["P-down"]["sources"]["self"]["progress"], 0.5);
    assert_eq!(p["P-down"]["sources"]["shadow"], Value::Null);
    assert_eq!(p["P-down"]["starred"], true);
    // 30/100 then 45/50 is 75/150: half way; complete by the government, limited by civil
    // society: disputed, both shown.
    assert_eq!(p["P-ratio"]["progress"], 0.5);
    assert_eq!(p["P-ratio"]["status"], "disputed");
    assert_eq!(p["P-ratio"]["sources"]["self"]["level"], "complete");
    assert_eq!(p["P-ratio"]["sources"]["shadow"]["level"], "limited");
    assert_eq!(p["P-ratio"]["starred"], false);
    assert_eq!(p["P-organ"]["status"], "complete");
    assert_eq!(p["P-organ"]["starred"], true);

    // A CSV of reports: a bad row named by file, line and field, then the good one.
    std::fs::write(
        dir.path("r.csv"),
        "pledge,source,date,indicator,value\nP-down,self,2026-06-30,pending,20\nP-down,self,2026-07-01,nope,19\n",
    )
    .unwrap();
    let o = comity(&dir.0, &["pledges", "import", "r.csv", "--database", &db]);
    assert!(
        stderr(&o).contains("r.csv: line 3: indicator"),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        dir.path("r.csv"),
        "pledge,source,date,indicator,value\nP-down,self,2026-06-30,pending,20\n",
    )
    .unwrap();
    json(&comity(
        &dir.0,
        &["pledges", "import", "r.csv", "--database", &db],
    ));
    // The government's lane now reads 20: two thirds of the way.
    let doc = status();
    assert_eq!(
        doc["pledges"]["P-down"]["sources"]["self"]["progress"],
        0.666667
    );

    // The exported journal replays to the same document.
    let out = dir.path("journal.jsonl");
    let o = comity(
        &dir.0,
        &[
            "journal",
            "export",
            "--database",
            &db,
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let replayed = json(&comity(
        &dir.0,
        &[
            "replay",
            "--file",
            out.to_str().unwrap(),
            "--pledges",
            "--at",
            "2026-12-04",
        ],
    ));
    assert_eq!(replayed, doc);
}
