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

fn json(o: &std::process::Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(stdout(o).trim()).unwrap()
}

/// The lifecycle from the CLI on a fresh alliance: register (a committee from too few member
/// states refused), admit, sign from a file (bad rows and a second ID number named by line and
/// field, counted nowhere), paper sheets, verification striking a likely duplicate, close, a
/// seed, a sample anyone can re-run, a certification, the verdict; `status` as JSON and CSV;
/// and `replay --initiatives` re-derives the same document from the exported journal alone.
#[test]
fn an_initiative_from_registration_to_verdict() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let charter = crate::support::charter("alliance-of-democracies.toml");
    let o = comity(&dir.0, &["init", "--charter", &charter, "--database", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let run = |args: &[&str]| {
        let mut v: Vec<&str> = args.to_vec();
        v.extend(["--database", db.as_str()]);
        comity(&dir.0, &v)
    };
    let members = [
        "Ana:PRT",
        "Jan:NLD",
        "Aiko:JPN",
        "Kwame:GHA",
        "Lucía:ARG",
        "Priya:IND",
        "Emma:SWE",
    ];
    let mut args = vec![
        "initiative",
        "register",
        "--title",
        "A UNPA",
        "--objective",
        "Propose one.",
    ];
    for m in &members[..6] {
        args.extend(["--member", m]);
    }
    let o = run(&args);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("from 6 member states; the charter requires 7"),
        "{}",
        stderr(&o)
    );
    args.extend(["--member", members[6]]);
    let v = json(&run(&args));
    assert_eq!(v["initiative"], 1);
    json(&run(&[
        "initiative",
        "admit",
        "1",
        "--reasons",
        "Admissible.",
    ]));

    std::fs::write(
        dir.path("signatures.csv"),
        "name,nationality,birth_date,id_number,address,postcode\n\
         Ana Rossi,ITA,1980-05-17,AB123,,\n\
         Anna Rossi,ITA,1981-01-01,ab-123,,\n\
         Jonas Müller,DEU,1970-01-01,,Unter den Linden 1,10117\n\
         Jonas MÜLLER,DEU,1970-01-01,,Unter den Linden 1,10117\n\
         Claire Martin,FRA,1990-03-03,,,\n\
         Young Person,DNK,2020-01-01,,,\n\
         No Member,RUS,1980-01-01,,,\n\
         No Id,ITA,1980-01-01,,,\n",
    )
    .unwrap();
    let o = run(&["initiative", "sign", "1", "signatures.csv"]);
    let v = json(&o);
    let err = stderr(&o);
    assert_eq!(v["recorded"], 4, "{v}");
    assert_eq!(v["duplicates"], 1);
    assert_eq!(v["refused"], 3);
    assert!(
        err.contains("line 3, field id_number: this member's ID number has signed already"),
        "{err}"
    );
    assert!(err.contains("line 7, field birth_date"), "{err}");
    assert!(err.contains("line 8, field nationality"), "{err}");
    assert!(err.contains("line 9, field id_number"), "{err}");

    std::fs::write(
        dir.path("paper.csv"),
        "country,signatures\nPOL,1200\nXX,5\nFRA,300\n",
    )
    .unwrap();
    let o = run(&["initiative", "paper", "1", "paper.csv", "--sheets", "150"]);
    let v = json(&o);
    assert_eq!(v["recorded"], 1500);
    assert!(
        stderr(&o).contains("paper.csv, line 3, field country"),
        "{}",
        stderr(&o)
    );

    let v = json(&run(&["initiative", "verify", "1"]));
    assert_eq!(v["invalidated"], serde_json::json!({"DEU": 1}), "{v}");
    json(&run(&["initiative", "close", "1"]));
    let o = run(&["initiative", "sign", "1", "signatures.csv"]);
    assert!(!o.status.success(), "no batch after the close");
    json(&run(&[
        "initiative",
        "seed",
        "1",
        "a-seed-published-before-the-draw",
    ]));
    let s1 = json(&run(&["initiative", "sample", "1", "POL", "--size", "100"]));
    let s2 = json(&run(&["initiative", "sample", "1", "POL", "--size", "100"]));
    assert_eq!(s1, s2, "anyone re-running the draw gets the same sample");
    assert_eq!(s1["population"], 1200);
    assert_eq!(s1["positions"].as_array().unwrap().len(), 100);
    json(&run(&[
        "initiative",
        "certify",
        "1",
        "POL",
        "--sample",
        "100",
        "--valid",
        "97",
    ]));
    let v = json(&run(&["initiative", "verdict", "1"]));
    assert_eq!(
        v["kinds"],
        serde_json::json!(["initiative_verdict_declared"])
    );
    let o = run(&["initiative", "answer", "1", "--text", "Thanks."]);
    assert!(!o.status.success(), "a failed initiative is not answered");

    let status = json(&run(&["initiative", "status"]));
    let i = &status["initiatives"][0];
    assert_eq!(i["status"], "failed");
    assert_eq!(i["outcome"]["passes"], false);
    let pol = i["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["state"] == "POL")
        .unwrap();
    // 97 of 100: Wilson's lower bound 0.9154 × 1200.
    assert_eq!(pol["counted"], 1098, "{pol}");
    assert_eq!(pol["certified"], true);
    let o = run(&["initiative", "status", "1", "--format", "csv"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("\nPOL,Poland,"), "{}", stdout(&o));

    let o = run(&["journal", "export", "--output", "journal.jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = comity(
        &dir.0,
        &["replay", "--file", "journal.jsonl", "--initiatives"],
    );
    assert_eq!(json(&o)["initiatives"], status["initiatives"]);

    // A database restored from the export and a backup has the signatures' rows (and their
    // strike) and the secret they were keyed under: it verifies, and draws the same sample.
    let o = run(&[
        "backup",
        "--out",
        "side.backup",
        "--key-file",
        "backup.key",
        "--new-key",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let copy = format!("sqlite:{}", dir.path("b.sqlite").display());
    let o = comity(
        &dir.0,
        &[
            "restore",
            "--file",
            "journal.jsonl",
            "--database",
            &copy,
            "--backup",
            "side.backup",
            "--key-file",
            "backup.key",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = comity(&dir.0, &["journal", "verify", "--database", &copy]);
    assert!(o.status.success(), "{}", stderr(&o));
    for (state, size) in [("POL", "100"), ("DEU", "1")] {
        let args = ["initiative", "sample", "1", state, "--size", size];
        let here = json(&run(&args));
        let mut there: Vec<&str> = args.to_vec();
        there.extend(["--database", copy.as_str()]);
        assert_eq!(json(&comity(&dir.0, &there)), here, "{state}");
    }
    let o = comity(
        &dir.0,
        &[
            "initiative",
            "status",
            "--format",
            "json",
            "--database",
            &copy,
        ],
    );
    assert_eq!(json(&o)["initiatives"], status["initiatives"]);
}
