//! `comity initiative check RULE.toml COUNTS.csv --registered DAY --format json`: the CLI
//! contract of issue 17 on the shipped European Citizens' Initiative rule — the table in
//! force at registration decides (seats × the Parliament's size), a count equal to the
//! minimum meets it, a quarter of the members (rounded up) must meet theirs, bad rows are
//! named by line and field and the good rows counted.

use crate::support::{Scratch, comity, stderr, stdout};

fn eci() -> String {
    format!("{}/../../initiatives/eci.toml", env!("CARGO_MANIFEST_DIR"))
}

fn check(dir: &Scratch, counts: &str, registered: &str) -> (serde_json::Value, String) {
    std::fs::write(dir.0.join("counts.csv"), counts).unwrap();
    let o = comity(
        &dir.0,
        &[
            "initiative",
            "check",
            &eci(),
            "counts.csv",
            "--registered",
            registered,
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (serde_json::from_str(stdout(&o).trim()).unwrap(), stderr(&o))
}

#[test]
fn the_eci_rule_gives_its_verdict_for_the_table_in_force_at_registration() {
    let dir = Scratch::new();
    // Registered in 2021 (705 seats × 705): DE 96 seats → 67,680; FR 79 → 55,695;
    // IT 76 → 53,580; ES 59 → 41,595; PL 52 → 36,660; RO 33 → 23,265; NL 29 → 20,445.
    let seven = "country,signatures\nDE,67680\nFR,55695\nIT,53580\nES,41595\nPL,36660\nRO,23265\nNL,20445\n";
    let (v, _) = check(&dir, seven, "2021-05-01");
    assert_eq!(v["required_members"], 7);
    assert_eq!(
        v["members_meeting_minimum"],
        serde_json::json!(["DE", "ES", "FR", "IT", "NL", "PL", "RO"])
    );
    assert_eq!(v["total"], 298920);
    // Seven minimums met, but short of a million.
    assert_eq!(v["passes"], false);
    let (v, _) = check(&dir, &format!("{seven}AT,701080\n"), "2021-05-01");
    assert_eq!(v["total"], 1_000_000);
    assert_eq!(v["passes"], true);
    // One short in the Netherlands: it no longer meets its minimum, Austria does instead.
    let (v, _) = check(
        &dir,
        &seven.replace("NL,20445", "NL,20444\nAT,800000"),
        "2021-05-01",
    );
    assert_eq!(
        v["members_meeting_minimum"].as_array().unwrap().len(),
        7,
        "{v}"
    );
    assert!(
        !v["members_meeting_minimum"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("NL"))
    );
    assert!(
        v["members_meeting_minimum"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("AT"))
    );
    // From 2024-07-16 (720 seats × 720): DE 96 → 69,120, so 67,680 no longer meets it.
    let (v, _) = check(&dir, seven, "2024-07-16");
    assert!(
        !v["members_meeting_minimum"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("DE"))
    );
    // In 2019 (751 seats × 750, 28 members): the UK counts, a quarter of 28 is 7.
    let (v, _) = check(
        &dir,
        "country,signatures\nUK,54750\nDE,72000\n",
        "2019-06-01",
    );
    assert_eq!(
        v["members_meeting_minimum"],
        serde_json::json!(["DE", "UK"])
    );
    assert_eq!(v["required_members"], 7);
    // After the UK left, its signatures are not counted and its row is named.
    let (v, err) = check(
        &dir,
        "country,signatures\nUK,54750\nDE,,\nFR,abc\nDE,70000\n",
        "2021-01-01",
    );
    assert_eq!(v["total"], 70000);
    assert!(err.contains("counts.csv, line 2, field country"), "{err}");
    assert!(err.contains("line 3, field signatures"), "{err}");
    assert!(err.contains("line 4, field signatures"), "{err}");
}

#[test]
fn a_rule_with_overlapping_tables_or_a_date_before_them_is_refused() {
    let dir = Scratch::new();
    let rule = std::fs::read_to_string(eci())
        .unwrap()
        .replace("valid_from = \"2020-02-01\"", "valid_from = \"2020-01-15\"");
    std::fs::write(dir.0.join("bad.toml"), rule).unwrap();
    std::fs::write(dir.0.join("counts.csv"), "country,signatures\nDE,1\n").unwrap();
    let o = comity(
        &dir.0,
        &[
            "initiative",
            "check",
            "bad.toml",
            "counts.csv",
            "--registered",
            "2021-01-01",
        ],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("bad.toml:") && stderr(&o).contains("overlaps"),
        "{}",
        stderr(&o)
    );
    let o = comity(
        &dir.0,
        &[
            "initiative",
            "check",
            &eci(),
            "counts.csv",
            "--registered",
            "2012-04-01",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no table applies"), "{}", stderr(&o));
}
