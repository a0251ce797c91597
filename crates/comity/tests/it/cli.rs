//! init, members, journal export/verify, replay, charter check: on SQLite and PostgreSQL.

use serde_json::Value;

use crate::support::*;

/// Found under a charter, list members, export, verify the export, replay it: the replay
/// prints exactly what the live system prints.
fn lifecycle(dir: &Scratch, db: &str) {
    let aod = charter("alliance-of-democracies.toml");
    let o = comity(&dir.0, &["init", "--charter", &aod, "--database", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("founding members admitted: 136"),
        "{}",
        stdout(&o)
    );

    let o = comity(&dir.0, &["members", "--database", db, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rows.len(), 195);
    let dnk = rows.iter().find(|r| r["iso3"] == "DNK").unwrap();
    assert_eq!(dnk["status"], "member");
    assert_eq!(dnk["eligible"], true);
    assert_eq!(dnk["reason"], "rated Free, 97/100, FIW 2025");
    let prk = rows.iter().find(|r| r["iso3"] == "PRK").unwrap();
    assert_eq!(
        (prk["status"].as_str(), prk["eligible"].as_bool()),
        (Some("not_member"), Some(false))
    );
    let live = o.stdout;

    let o = comity(
        &dir.0,
        &["members", "--database", db, "--eligible", "--format", "csv"],
    );
    let csv = stdout(&o);
    assert_eq!(csv.lines().count(), 1 + 136, "{csv}");
    assert!(csv.starts_with("iso3,name,status,eligible,reason"));

    let journal = dir.path("journal.jsonl");
    let journal = journal.to_str().unwrap();
    let o = comity(
        &dir.0,
        &["journal", "export", "--database", db, "--output", journal],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = comity(&dir.0, &["journal", "verify", "--database", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let db_head = stdout(&o).split("head ").nth(1).unwrap().trim().to_owned();
    let o = comity(&dir.0, &["journal", "verify", "--file", journal]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    assert!(
        printed.lines().next().unwrap().ends_with(&db_head),
        "{printed}"
    );
    // The Merkle tree's root over the file is the root the log signed for that size.
    let o = comity(&dir.0, &["journal", "checkpoint", "--database", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let checkpoint = stdout(&o);
    let root = checkpoint.lines().nth(2).unwrap();
    assert!(
        printed.contains(&format!("root {root}")),
        "{printed}\n{checkpoint}"
    );

    let o = comity(&dir.0, &["replay", "--file", journal, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        o.stdout, live,
        "replay must print what the live system prints"
    );

    // Founding twice is refused, and the journal is untouched.
    let o = comity(&dir.0, &["init", "--charter", &aod, "--database", db]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("never writes over an alliance"),
        "{}",
        stderr(&o)
    );
    let o = comity(&dir.0, &["journal", "verify", "--database", db]);
    assert!(stdout(&o).trim().ends_with(&db_head));
}

#[test]
fn lifecycle_on_sqlite() {
    let dir = Scratch::new();
    lifecycle(&dir, "sqlite:alliance.sqlite");
}

#[tokio::test]
async fn lifecycle_on_postgres() {
    let Some((url, admin, schema)) = postgres_url("lifecycle_on_postgres").await else {
        return;
    };
    let dir = Scratch::new();
    let u = url.clone();
    tokio::task::spawn_blocking(move || lifecycle(&dir, &u))
        .await
        .unwrap();
    drop_schema(&admin, &schema).await;
}

#[test]
fn an_altered_byte_is_named_by_entry() {
    let dir = Scratch::new();
    let o = comity(
        &dir.0,
        &[
            "init",
            "--charter",
            &charter("d10.toml"),
            "--database",
            "d10.sqlite",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let path = dir.path("j.jsonl");
    let o = comity(
        &dir.0,
        &[
            "journal",
            "export",
            "--database",
            "d10.sqlite",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Change one digit inside entry 50's payload (a rating), keeping the line valid JSON.
    let line = lines[49];
    let at = line.find("\"pr\":").unwrap() + 5;
    let mut bytes = line.as_bytes().to_vec();
    bytes[at] = if bytes[at] == b'1' { b'2' } else { b'1' };
    let altered = String::from_utf8(bytes).unwrap();
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    out[49] = altered;
    std::fs::write(&path, out.join("\n") + "\n").unwrap();
    for args in [
        vec!["journal", "verify", "--file"],
        vec!["replay", "--file"],
    ] {
        let mut a = args.clone();
        a.push(path.to_str().unwrap());
        let o = comity(&dir.0, &a);
        assert!(!o.status.success(), "{args:?} accepted an altered journal");
        let err = stderr(&o);
        assert!(
            err.contains("line 50: entry 50:") && err.contains("altered"),
            "{err}"
        );
    }
}

#[test]
fn a_bad_charter_is_refused_with_file_line_and_field() {
    let dir = Scratch::new();
    let text = std::fs::read_to_string(charter("alliance-of-democracies.toml"))
        .unwrap()
        .replacen(
            "organ = \"governing_council\"",
            "organ = \"council_of_elders\"",
            1,
        );
    let line = text
        .lines()
        .position(|l| l.contains("council_of_elders"))
        .unwrap()
        + 1;
    std::fs::write(dir.path("bad.toml"), &text).unwrap();
    let o = comity(&dir.0, &["charter", "check", "bad.toml"]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains(&format!("bad.toml:{line}:")), "{err}");
    assert!(
        err.contains(".organ: no organ \"council_of_elders\""),
        "{err}"
    );
    // init refuses it too and creates nothing.
    let o = comity(
        &dir.0,
        &["init", "--charter", "bad.toml", "--database", "x.sqlite"],
    );
    assert!(!o.status.success());
    assert!(!dir.path("x.sqlite").exists());

    for c in [
        "alliance-of-democracies.toml",
        "community-of-democracies.toml",
        "d10.toml",
    ] {
        let o = comity(&dir.0, &["charter", "check", &charter(c)]);
        assert!(o.status.success(), "{c}: {}", stderr(&o));
    }
}

#[test]
fn database_urls_are_checked() {
    let dir = Scratch::new();
    let o = comity(&dir.0, &["members", "--database", "mysql://localhost/x"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("unknown database URL scheme \"mysql\""),
        "{}",
        stderr(&o)
    );
    let o = comity(&dir.0, &["members", "--database", "sqlite:missing.sqlite"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no database at sqlite:missing.sqlite"),
        "{}",
        stderr(&o)
    );
    assert!(
        !dir.path("missing.sqlite").exists(),
        "a missing database must not be created"
    );
}

/// Seed 001's monitor on the real data, as an operator runs it: an alliance founded on FIW
/// 2018 under a "Free only" criterion records FIW 2019 from the shipped CSV; Hungary is
/// flagged and a review opens.
#[test]
fn importing_fiw_2019_flags_hungary_under_free_only() {
    let dir = Scratch::new();
    let src = std::fs::read_to_string(charter("alliance-of-democracies.toml"))
        .unwrap()
        .replace(
            r#"rule = { fh_status = ["F", "PF"] }"#,
            r#"rule = { fh_status = ["F"] }"#,
        );
    std::fs::write(dir.path("free-only.toml"), src).unwrap();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let o = comity(
        &dir.0,
        &[
            "init",
            "--charter",
            "free-only.toml",
            "--database",
            &db,
            "--fiw-until",
            "2018",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("ratings up to FIW 2018"),
        "{}",
        stdout(&o)
    );
    let fh = format!(
        "{}/../../data/freedom_house.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = comity(
        &dir.0,
        &[
            "ratings",
            "import",
            "--freedom-house",
            &fh,
            "--only",
            "2019",
            "--database",
            &db,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("1 of 1 edition(s) recorded"), "{out}");
    assert!(
        out.contains("HUN (member): Free 72/100 (FIW 2018)")
            && out.contains("→ Partly Free 70/100 (FIW 2019)"),
        "{out}"
    );
    assert!(
        out.contains("review 1 of HUN in governing_council")
            || out.contains("of HUN in governing_council"),
        "{out}"
    );
    assert!(stderr(&o).contains("1/1 FIW 2019"), "{}", stderr(&o));
    // Again: already on record.
    let o = comity(
        &dir.0,
        &[
            "ratings",
            "import",
            "--freedom-house",
            &fh,
            "--only",
            "2019",
            "--database",
            &db,
        ],
    );
    assert!(
        stdout(&o).contains("0 of 1 edition(s) recorded; 1 already on record"),
        "{}",
        stdout(&o)
    );
    // A broken file is named by line and field; nothing is recorded.
    std::fs::write(dir.path("bad.csv"), "iso3,fh_country,entity_type,year,edition,status,pr,cl,pr_score,cl_score,total_score,fh_region\nHUN,Hungary,country,2019,2020,Q,2,2,,,70,Europe\n").unwrap();
    let o = comity(
        &dir.0,
        &[
            "ratings",
            "import",
            "--freedom-house",
            "bad.csv",
            "--database",
            &db,
        ],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("bad.csv") && stderr(&o).contains("status"),
        "{}",
        stderr(&o)
    );
}
