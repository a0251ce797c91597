//! `comity treaty eif` and `check` as a user runs them: the shipped clauses with the real
//! deposits (sources in data/treaties/SOURCES.md), a deposits file with its columns in
//! another order and shares as fractions, and bad input named by file, line and field.

use crate::support::{Scratch, comity, stderr, stdout};

fn root(p: &str) -> String {
    format!("{}/../../{p}", env!("CARGO_MANIFEST_DIR"))
}

fn eif(dir: &Scratch, treaty: &str, deposits: &str) -> serde_json::Value {
    let o = comity(&dir.0, &["treaty", "eif", treaty, deposits]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn the_three_real_clauses_give_the_real_dates() {
    let dir = Scratch::new();
    for (t, date, n) in [
        ("mine-ban", "1999-03-01", 90),
        ("rome-statute", "2002-07-01", 87),
        ("paris-agreement", "2016-11-04", 121),
    ] {
        let v = eif(
            &dir,
            &root(&format!("treaties/{t}.toml")),
            &root(&format!("data/treaties/{t}-deposits.csv")),
        );
        assert_eq!(v["entry_into_force"], date, "{t}");
        assert_eq!(v["instruments"], n, "{t}");
        assert_eq!(v["per_state"].as_object().unwrap().len(), n, "{t}");
        let o = comity(
            &dir.0,
            &["treaty", "check", &root(&format!("treaties/{t}.toml"))],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
}

#[test]
fn another_deposit_list_in_another_column_order() {
    let dir = Scratch::new();
    // Paris-shaped clause, shares as fractions, columns reordered; 55 parties reach 55 % on
    // 2 March 2021 (the last two rows), so 30 days later: 1 April 2021.
    let mut csv = String::from("date,share,instrument,state\n");
    for i in 0..53 {
        let code = format!("Q{}{}", (b'A' + i / 26) as char, (b'A' + i % 26) as char);
        csv.push_str(&format!(
            "2021-01-{:02},0.01,ratification,{code}\n",
            i % 28 + 1
        ));
    }
    csv.push_str("2021-03-02,0.01,accession,ZZA\n2021-03-02,0.02,approval,ZZB\n");
    std::fs::write(dir.path("d.csv"), &csv).unwrap();
    let v = eif(
        &dir,
        &root("treaties/paris-agreement.toml"),
        &dir.path("d.csv").display().to_string(),
    );
    assert_eq!(v["entry_into_force"], "2021-04-01");
    assert_eq!(v["per_state"]["ZZB"], "2021-04-01");
    // One party short: no entry into force, and nobody bound.
    let short: String = csv
        .lines()
        .filter(|l| !l.contains("ZZB"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path("s.csv"), short).unwrap();
    let v = eif(
        &dir,
        &root("treaties/paris-agreement.toml"),
        &dir.path("s.csv").display().to_string(),
    );
    assert_eq!(v["entry_into_force"], serde_json::Value::Null);
    assert_eq!(v["per_state"], serde_json::json!({}));
}

#[test]
fn bad_deposits_and_treaty_files_are_named() {
    let dir = Scratch::new();
    std::fs::write(
        dir.path("d.csv"),
        "state,instrument,date\nSEN,ratification,1999-02-02\nSEN,accession,1999-03-01\nITA,ratification,1998-07-01\n",
    )
    .unwrap();
    let o = comity(
        &dir.0,
        &[
            "treaty",
            "eif",
            &root("treaties/rome-statute.toml"),
            "d.csv",
        ],
    );
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("d.csv:3:1: state: SEN deposits a second instrument (its first is on line 2)"),
        "{e}"
    );
    assert!(e.contains("d.csv:4:1: date: ITA deposited on 1998-07-01, before the treaty opened for signature on 1998-07-17"), "{e}");
    assert!(stdout(&o).is_empty());
    let toml = std::fs::read_to_string(root("treaties/paris-agreement.toml"))
        .unwrap()
        .replace("quantity = \"emissions\"", "quantity = \"gdp\"");
    std::fs::write(dir.path("t.toml"), toml).unwrap();
    let o = comity(&dir.0, &["treaty", "check", "t.toml"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("t.toml:"), "{}", stderr(&o));
    assert!(stderr(&o).contains("unknown quantity"), "{}", stderr(&o));
}

#[test]
fn drafts_are_checked_and_redlined_from_files() {
    let dir = Scratch::new();
    let o = comity(
        &dir.0,
        &["treaty", "draft", &root("treaties/aod-founding-treaty.md")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("total                    10"),
        "{}",
        stdout(&o)
    );
    std::fs::write(
        dir.path("bad.md"),
        "# T\n\n## Article 1\n1. The [seat / [a city] is here.\n2. Fine ] text.\n",
    )
    .unwrap();
    let o = comity(&dir.0, &["treaty", "draft", "bad.md"]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("line 4, column 8 (Article 1, paragraph 1)"),
        "{e}"
    );
    assert!(e.contains("line 5") && e.contains("paragraph 2"), "{e}");
    let new = std::fs::read_to_string(root("treaties/aod-founding-treaty.md"))
        .unwrap()
        .replace(
            "[Copenhagen / Brussels / a city decided by the Summit]",
            "Copenhagen",
        );
    std::fs::write(dir.path("new.md"), new).unwrap();
    let o = comity(
        &dir.0,
        &[
            "treaty",
            "redline",
            &root("treaties/aod-founding-treaty.md"),
            "new.md",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("[- / Brussels / a city decided by the Summit"),
        "{}",
        stdout(&o)
    );
    let o = comity(
        &dir.0,
        &[
            "treaty",
            "redline",
            &root("treaties/aod-founding-treaty.md"),
            "new.md",
            "--format",
            "html",
        ],
    );
    assert!(stdout(&o).contains("<del>"), "{}", stdout(&o));
}
