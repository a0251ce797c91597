//! `comity caucus agreement|cohesion` as a user runs them: the contract's JSON on the shipped
//! roll calls (the USA–Israel figure pandas gives too), hand-counted figures on small files
//! (plain and gzipped, with every filter), and bad rows named by file, line and field.

use std::io::Write;

use serde_json::Value;

use crate::support::{Scratch, comity, stderr, stdout};

fn json(o: &std::process::Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

#[test]
fn the_shipped_record_gives_the_figures_pandas_gives() {
    let dir = Scratch::new();
    let o = comity(
        &dir.0,
        &[
            "caucus",
            "agreement",
            "--states",
            "USA,ISR",
            "--format",
            "json",
        ],
    );
    let v = json(&o);
    let pair = &v["matrix"]["USA"]["ISR"];
    assert_eq!(pair["roll_calls"], 5657);
    assert!((pair["agreement"].as_f64().unwrap() - 0.675270).abs() < 1e-9);
    assert_eq!(v["matrix"]["ISR"]["USA"], *pair);
    assert_eq!(v["matrix"].as_object().unwrap().len(), 2);
    let twice = json(&comity(
        &dir.0,
        &["caucus", "agreement", "--states", "USA,ISR,usa"],
    ));
    assert_eq!(twice, v, "a state named twice is counted once");
    // Session 74 (2019–20): the figure exists and is a share.
    let o = comity(
        &dir.0,
        &[
            "caucus",
            "cohesion",
            "--states",
            "USA,FRA,GBR,DEU",
            "--from",
            "2019",
            "--format",
            "json",
        ],
    );
    let c = json(&o)["by_session"]["74"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&c), "{c}");
}

const ROLL_CALLS: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
    1,10,0,1990-01-01,R/10/1,0,0,A,\"one, two\"\n\
    2,10,0,1990-06-01,R/10/2,0,0,B,x\n\
    3,11,1,1991-01-01,R/11/1,0,0,C,x\n\
    4,11,0,1991-02-01,R/11/2,0,0,D,x\n";
const ISSUES: &str = "rcid,short_name,issue\n1,hr,Human rights\n3,hr,Human rights\n3,nu,Nuclear\n";
const VOTES: &str = "rcid,iso3,iso2,country,vote\n\
    1,FRA,FR,France,yes\n1,DEU,DE,Germany,yes\n1,USA,US,\"United States, of America\",no\n\
    2,FRA,FR,France,no\n2,DEU,DE,Germany,yes\n\
    3,FRA,FR,France,abstain\n3,DEU,DE,Germany,abstain\n3,USA,US,USA,abstain\n\
    4,USA,US,USA,yes\n4,,YD,Yemen People's Republic,yes\n";

fn files(dir: &Scratch, votes: &str, gz: bool) -> Vec<String> {
    std::fs::write(dir.path("rc.csv"), ROLL_CALLS).unwrap();
    std::fs::write(dir.path("issues.csv"), ISSUES).unwrap();
    let name = if gz { "votes.csv.gz" } else { "votes.csv" };
    if gz {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(votes.as_bytes()).unwrap();
        std::fs::write(dir.path(name), e.finish().unwrap()).unwrap();
    } else {
        std::fs::write(dir.path(name), votes).unwrap();
    }
    [
        "--votes",
        name,
        "--roll-calls",
        "rc.csv",
        "--issues",
        "issues.csv",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

fn run(dir: &Scratch, files: &[String], args: &[&str]) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(files.iter().map(String::as_str));
    comity(&dir.0, &all)
}

#[test]
fn hand_counted_agreement_and_cohesion_with_every_filter() {
    for gz in [false, true] {
        let dir = Scratch::new();
        let f = files(&dir, VOTES, gz);
        let v = json(&run(&dir, &f, &["caucus", "agreement", "--format", "json"]));
        let m = &v["matrix"];
        // Every ordered pair of the states that voted, themselves included.
        assert_eq!(m.as_object().unwrap().len(), 3);
        // FRA and DEU: both voted in 1, 2, 3; alike in 1 and 3.
        assert_eq!(m["FRA"]["DEU"]["roll_calls"], 3);
        assert!((m["FRA"]["DEU"]["agreement"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-6);
        // FRA and USA: 1 and 3, alike in 3.
        assert_eq!(m["USA"]["FRA"]["agreement"].as_f64(), Some(0.5));
        let hr = json(&run(
            &dir,
            &f,
            &[
                "caucus",
                "agreement",
                "--issue",
                "hr",
                "--states",
                "FRA,DEU",
            ],
        ));
        assert_eq!(hr["matrix"]["FRA"]["DEU"]["roll_calls"], 2);
        assert_eq!(hr["matrix"]["FRA"]["DEU"]["agreement"].as_f64(), Some(1.0));
        let y = json(&run(
            &dir,
            &f,
            &["caucus", "agreement", "--to", "1990", "--states", "USA,DEU"],
        ));
        assert_eq!(y["matrix"]["USA"]["DEU"]["roll_calls"], 1);
        assert_eq!(y["matrix"]["USA"]["DEU"]["agreement"].as_f64(), Some(0.0));
        let none = json(&run(
            &dir,
            &f,
            &[
                "caucus",
                "agreement",
                "--from",
                "1995",
                "--states",
                "USA,DEU",
            ],
        ));
        assert_eq!(none["matrix"]["USA"]["DEU"]["agreement"], Value::Null);
        // Session 10: (2 − ½)/3 = 0.5 and (1 − ½)/2 = 0.25, mean 0.375; session 11: all
        // abstain in 3, a lone vote in 4: 1.
        let c = json(&run(
            &dir,
            &f,
            &[
                "caucus",
                "cohesion",
                "--states",
                "FRA,DEU,USA",
                "--format",
                "json",
            ],
        ));
        assert_eq!(c["by_session"]["10"].as_f64(), Some(0.375));
        assert_eq!(c["by_session"]["11"].as_f64(), Some(1.0));
        let csv = stdout(&run(
            &dir,
            &f,
            &[
                "caucus",
                "cohesion",
                "--states",
                "FRA,DEU,USA",
                "--from",
                "1991",
                "--format",
                "csv",
            ],
        ));
        assert_eq!(csv, "session,cohesion\n11,1.000000\n");
    }
}

#[test]
fn bad_rows_are_named_by_file_line_and_field() {
    let cases = [
        ("1,FRA,FR,France,maybe\n", "votes.csv:2: vote:"),
        ("9,FRA,FR,France,yes\n", "votes.csv:2: rcid:"),
        ("1,QQQ,QQ,Nowhere,yes\n", "votes.csv:2: iso3:"),
        (
            "1,FRA,FR,France,yes\n1,FRA,FR,France,no\n",
            "votes.csv:3: iso3:",
        ),
    ];
    for (rows, want) in cases {
        let dir = Scratch::new();
        let f = files(&dir, &format!("rcid,iso3,iso2,country,vote\n{rows}"), false);
        let o = run(&dir, &f, &["caucus", "agreement"]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains(want), "{want}: {}", stderr(&o));
    }
    let dir = Scratch::new();
    let f = files(&dir, VOTES, false);
    let o = run(&dir, &f, &["caucus", "agreement", "--issue", "zz"]);
    assert!(
        !o.status.success() && stderr(&o).contains("--issue"),
        "{}",
        stderr(&o)
    );
    std::fs::write(dir.path("issues.csv"), "rcid,short_name\n77,hr\n").unwrap();
    let o = run(&dir, &f, &["caucus", "agreement"]);
    assert!(stderr(&o).contains("issues.csv:2: rcid:"), "{}", stderr(&o));
}

/// `comity caucus import` on a founded alliance: a later session added (gzipped), a bad row
/// refused by file, line and field with nothing recorded, the rows checked by `journal
/// verify` (and a row changed behind the journal's back caught), the import in `replay
/// --caucus`; and `comity caucus drift` on the shipped record.
#[test]
fn an_import_adds_a_later_session_and_the_journal_vouches_for_its_rows() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let charter = crate::support::charter("alliance-of-democracies.toml");
    let o = comity(&dir.0, &["init", "--charter", &charter, "--database", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(
        dir.path("rc.csv"),
        "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
         100001,81,0,2026-10-07,R/81/1,0,0,\"TEST, ONE\",\"A \"\"quoted\"\" text\"\n\
         100002,81,,2026-11-07,R/81/2,0,0,T2,D2\n",
    )
    .unwrap();
    std::fs::write(dir.path("is.csv"), "rcid,short_name\n100001,hr\n").unwrap();
    let votes = "rcid,iso3,vote\n100001,USA,yes\n100001,FRA,no\n100002,USA,abstain\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(votes.as_bytes()).unwrap();
    std::fs::write(dir.path("v81.csv.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        dir.path("bad.csv"),
        "rcid,iso3,vote\n100001,DEU,yes\n100002,DEU,maybe\n",
    )
    .unwrap();
    let import = |votes: &str, more: &[&str]| {
        let mut args = vec!["caucus", "import", "--votes", votes, "--database", &db];
        args.extend_from_slice(more);
        comity(&dir.0, &args)
    };
    let bad = import("bad.csv", &["--roll-calls", "rc.csv"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("bad.csv:3: vote: \"maybe\" is not yes, no or abstain"),
        "{}",
        stderr(&bad)
    );
    let v = json(&import(
        "v81.csv.gz",
        &["--roll-calls", "rc.csv", "--issues", "is.csv"],
    ));
    assert_eq!(v["import"], 1);
    assert_eq!(v["votes"], 3);
    assert_eq!(v["roll_calls"], 2);
    assert_eq!(v["sessions"], serde_json::json!([81, 81]));
    assert!(stderr(&import("v81.csv.gz", &[])).contains("has a vote in roll call"));
    let verified = comity(&dir.0, &["journal", "verify", "--database", &db]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(
        stdout(&verified).contains("import 1 (v81.csv.gz): 3 votes, 2 new roll calls"),
        "{}",
        stdout(&verified)
    );
    let out = dir.path("j.jsonl");
    let exported = comity(
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
    assert!(exported.status.success(), "{}", stderr(&exported));
    let replayed = json(&comity(
        &dir.0,
        &["replay", "--file", out.to_str().unwrap(), "--caucus"],
    ));
    assert_eq!(replayed["imports"][0]["votes"], 3);
    assert_eq!(replayed["imports"][0]["rows_sha256"], v["rows_sha256"]);
    // Follow rates need positions: none yet, so no rate; the weight counts the members in the UN.
    let follow = json(&comity(&dir.0, &["caucus", "follow", "--database", &db]));
    assert_eq!(follow["weight"]["seats"], 193);
    assert_eq!(follow["follow"]["DNK"]["followed"], 0);
    assert!(follow["follow"]["DNK"]["rate"].is_null());
    assert!(
        follow["follow"].get("TWN").is_none(),
        "Taiwan is not in the UN"
    );
    // A row changed behind the journal's back.
    change_a_vote(&db);
    let tampered = comity(&dir.0, &["journal", "verify", "--database", &db]);
    assert!(!tampered.status.success());
    assert!(
        stderr(&tampered).contains("import 1 (entry"),
        "{}",
        stderr(&tampered)
    );
}

/// Change one imported vote outside comity.
fn change_a_vote(db: &str) {
    use sqlx::Connection;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut c = sqlx::SqliteConnection::connect(db).await.unwrap();
        let done =
            sqlx::query("UPDATE unga_votes SET vote = 'yes' WHERE rcid = 100001 AND state = 'FRA'")
                .execute(&mut c)
                .await
                .unwrap();
        assert_eq!(done.rows_affected(), 1);
    });
}

#[test]
fn drift_follows_each_state_against_the_majority() {
    let dir = Scratch::new();
    let v = json(&comity(
        &dir.0,
        &[
            "caucus",
            "drift",
            "--states",
            "USA,FRA,GBR,DEU",
            "--from",
            "2000",
        ],
    ));
    let usa = &v["by_state"]["USA"];
    assert!(usa["by_session"]["74"].as_f64().unwrap() < 1.0);
    assert!(usa["slope"].is_number() && usa["recent"].is_number());
    // Four states: in each roll call with a majority, most agree with it.
    let fra = v["by_state"]["FRA"]["recent"].as_f64().unwrap();
    assert!(
        fra > usa["recent"].as_f64().unwrap(),
        "France sides with the majority more often than the USA"
    );
}
