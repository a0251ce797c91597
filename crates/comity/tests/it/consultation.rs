//! `comity consultation …`: a consultation opened from a file (a bad field named by its
//! line), submissions filed from JSON files (a bad answer named by its question, a
//! confidential one kept out of the journal), the close refused before the closing day,
//! `status` and `confidential` as JSON, and `replay --consultations` re-deriving the same
//! document from the exported journal alone.

use crate::support::{Scratch, comity, stderr, stdout};

fn json(o: &std::process::Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(stdout(o).trim()).unwrap()
}

#[test]
fn a_consultation_from_its_file_to_its_close() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("c.sqlite").display());
    let charter = crate::support::charter("alliance-of-democracies.toml");
    let o = comity(&dir.0, &["init", "--charter", &charter, "--database", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let run = |args: &[&str]| {
        let mut v: Vec<&str> = args.to_vec();
        v.extend(["--database", db.as_str()]);
        comity(&dir.0, &v)
    };
    // The shipped example, from 2022: it can be closed at once, and takes nothing more.
    let shipped = format!(
        "{}/../../consultations/global-digital-compact.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let v = json(&run(&["consultation", "open", &shipped]));
    assert_eq!(v["consultation"], 1);
    std::fs::write(
        dir.path("state.json"),
        r#"{"respondent": {"state": "DNK"}, "answers": {"1": {"choice": 1}}}"#,
    )
    .unwrap();
    let o = run(&["consultation", "submit", "1", "state.json"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("takes submissions from 2022-09-12 to 2022-11-30"),
        "{}",
        stderr(&o)
    );
    json(&run(&["consultation", "close", "1"]));

    // One open today, for a month.
    let today = time::OffsetDateTime::now_utc().date();
    let later = today + time::Duration::days(30);
    let file = format!(
        "organ = \"governing_council\"\ntitle = \"T\"\nquestion = \"Q?\"\nopens = \"{today}\"\ncloses = \"{later}\"\naudience = [\"states\", \"public\"]\n\n[[questions]]\ntext = \"Which?\"\nkind = \"choice\"\noptions = [\"a\", \"b\"]\n\n[[questions]]\ntext = \"Why?\"\nkind = \"text\"\n"
    );
    std::fs::write(
        dir.path("bad.toml"),
        file.replace("\"choice\"", "\"ranking\""),
    )
    .unwrap();
    let o = run(&["consultation", "open", "bad.toml"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("bad.toml:10:8: questions[0].kind"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.path("c.toml"), &file).unwrap();
    assert_eq!(
        json(&run(&["consultation", "open", "c.toml"]))["consultation"],
        2
    );
    let o = run(&["consultation", "close", "2"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot be recorded before"),
        "{}",
        stderr(&o)
    );
    let v = json(&run(&["consultation", "submit", "2", "state.json"]));
    assert_eq!(v["submission"], 1);
    std::fs::write(
        dir.path("bad.json"),
        r#"{"respondent": {"name": "Bo", "country": "SWE"}, "answers": {"1": {"choice": 5}}}"#,
    )
    .unwrap();
    let o = run(&["consultation", "submit", "2", "bad.json"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("question 1 must be one of the options"),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        dir.path("typo.json"),
        r#"{"respondent": {"name": "Bo", "country": "SWE"}, "answer": {}}"#,
    )
    .unwrap();
    let o = run(&["consultation", "submit", "2", "typo.json"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("typo.json:1:"), "{}", stderr(&o));
    std::fs::write(
        dir.path("secret.json"),
        r#"{"respondent": {"name": "Leila Nasser", "country": "TUN"}, "answers": {"2": {"text": "No shutdowns."}}, "confidential": true}"#,
    )
    .unwrap();
    assert_eq!(
        json(&run(&["consultation", "submit", "2", "secret.json"]))["submission"],
        2
    );
    let status = json(&run(&["consultation", "status", "2"]));
    let c = &status["consultations"][0];
    assert_eq!(c["submissions"], 2);
    assert_eq!(c["confidential"], 1);
    assert_eq!(c["questions"][0]["counts"], serde_json::json!([0, 1]));
    let kept = json(&run(&["consultation", "confidential", "2"]));
    assert_eq!(kept["confidential"][0]["matches_journal"], true);
    assert_eq!(
        kept["confidential"][0]["respondent"]["person"]["name"],
        "Leila Nasser"
    );
    let o = run(&["consultation", "synthesis", "1", "--motion", "99"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("there is no motion 99"),
        "{}",
        stderr(&o)
    );

    // The journal holds no confidential content, and replays to the same document.
    let export = dir.path("j.jsonl");
    let o = comity(
        &dir.0,
        &[
            "journal",
            "export",
            "--database",
            &db,
            "-o",
            export.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let journal = std::fs::read_to_string(&export).unwrap();
    assert!(!journal.contains("Leila") && !journal.contains("No shutdowns"));
    let all = json(&run(&["consultation", "status"]));
    let replayed = json(&comity(
        &dir.0,
        &[
            "replay",
            "--file",
            export.to_str().unwrap(),
            "--consultations",
        ],
    ));
    assert_eq!(all, replayed);
}
