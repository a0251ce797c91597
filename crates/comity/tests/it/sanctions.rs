//! `comity sanctions compare`: the CLI contract of issue 16 — a CSV of `schema,name1,name2`
//! (other columns ignored) in, one JSON object per row out, in order, with the score, the
//! verdict at the default threshold and the explanation; a bad row named by line and field
//! in its place while the others are compared.

use crate::support::{Scratch, comity, stderr, stdout};

#[test]
fn pairs_are_compared_row_by_row_with_reasons() {
    let dir = Scratch::new();
    let csv = "id,schema,name1,name2,note\n\
        1,Person,Рамзан Кадыров,\"KADYROV, Ramzan Akhmatovich\",same person\n\
        2,Person,Kim Jong Un,Kim Jong Nam,brothers\n\
        3,Company,ООО «Вагнер»,Wagner LLC,same company\n\
        4,Aircraft,A,B,bad schema\n\
        5,Person,,Somebody,missing name\n\
        6,person,محمد بن سلمان,Mohammed bin Salman,lower-case schema\n";
    std::fs::write(dir.0.join("pairs.csv"), csv).unwrap();
    let o = comity(
        &dir.0,
        &["sanctions", "compare", "pairs.csv", "--format", "json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 6);
    for i in [0, 2, 5] {
        assert_eq!(rows[i]["match"], true, "{}", rows[i]);
        assert!(rows[i]["score"].as_f64().unwrap() >= 0.7);
        assert!(
            !rows[i]["explanation"]["pairs"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
    assert_eq!(
        rows[0]["explanation"]["scripts"]["left"],
        serde_json::json!(["cyrillic"])
    );
    assert_eq!(
        rows[0]["explanation"]["missing"]["right"],
        serde_json::json!(["akhmatovich"])
    );
    assert_eq!(rows[1]["match"], false);
    assert_eq!(
        rows[1]["explanation"]["conflicts"],
        serde_json::json!([["un", "nam"]])
    );
    assert_eq!(rows[3]["line"], 5);
    assert!(rows[3]["error"].as_str().unwrap().contains("schema"));
    assert!(rows[4]["error"].as_str().unwrap().contains("name1"));
    assert!(
        stderr(&o).contains("pairs.csv, line 6: field name1: missing"),
        "{}",
        stderr(&o)
    );

    // A file without the columns is refused, naming them.
    std::fs::write(dir.0.join("bad.csv"), "a,b\n1,2\n").unwrap();
    let o = comity(&dir.0, &["sanctions", "compare", "bad.csv"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("name1 and name2"), "{}", stderr(&o));
}

/// `comity sanctions screen --list LIST.jsonl QUERIES.csv --format json`: per query, in
/// order, its hits above the "possible" threshold with score, verdict and explanation; bad
/// list lines and bad query rows named by file, line and field, the good ones screened.
#[test]
fn names_are_screened_against_a_followthemoney_list() {
    let dir = Scratch::new();
    let list = [
        r#"{"id":"kadyrov","schema":"Person","properties":{"name":["Ramzan Akhmatovich Kadyrov"],"alias":["Рамзан Ахматович Кадыров"],"weakAlias":["Ramzanchik"],"birthDate":["1976-10-05"],"nationality":["ru"]}}"#,
        r#"{"id":"kadyrov-s","schema":"Sanction","properties":{"entity":["kadyrov"],"program":["GLOMAG"],"authority":["Example"]}}"#,
        r#"{"id":"wagner","schema":"Company","properties":{"name":["PMC Wagner LLC"],"alias":["ООО «Вагнер»"],"jurisdiction":["ru"]}}"#,
        r#"{"id":"bad-date","schema":"Person","properties":{"name":["Somebody"],"birthDate":["05/10/1976"]}}"#,
        r#"{"id":"bad-prop","schema":"Person","properties":{"name":["Somebody"],"imoNumber":["IMO9321483"]}}"#,
        r#"{"id":"x","schema":"Aircraft","properties":{}}"#,
        "{not json",
    ]
    .join("\n");
    std::fs::write(dir.0.join("list.jsonl"), list).unwrap();
    let queries = "id,name,birth_date,country,schema\n\
        a,Кадыров Рамзан,1976,ru,Person\n\
        b,Ramzan Kadyrov,1980-01-01,ua,\n\
        c,Wagner,,,Company\n\
        d,Wagner,,,Person\n\
        e,Ramzanchik,,,\n\
        f,Maria Gonzalez,,,\n\
        g,,,,\n\
        h,Somebody,1976-13,,\n\
        i,Somebody,,,Aircraft\n";
    std::fs::write(dir.0.join("q.csv"), queries).unwrap();
    let o = comity(
        &dir.0,
        &[
            "sanctions",
            "screen",
            "--list",
            "list.jsonl",
            "q.csv",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 9);
    let top = |i: usize| &rows[i]["hits"][0];
    // Across scripts and word order, the birth year agreeing: a match with its programme.
    assert_eq!(top(0)["entity"], "kadyrov");
    assert_eq!(top(0)["match"], true);
    assert_eq!(
        top(0)["explanation"]["programs"],
        serde_json::json!(["GLOMAG"])
    );
    assert_eq!(
        top(0)["explanation"]["scripts"]["left"],
        serde_json::json!(["cyrillic"])
    );
    // Another birth year and another country lower the score, and say so.
    let q = &top(1)["explanation"]["qualifiers"];
    let features: Vec<&str> = q
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["feature"].as_str().unwrap())
        .collect();
    assert_eq!(features, ["birth_date", "country"]);
    assert!(
        top(1)["score"].as_f64().unwrap() < top(1)["explanation"]["name_score"].as_f64().unwrap()
    );
    // A company is found by its own name; a person's query never finds a company.
    assert_eq!(top(2)["entity"], "wagner");
    assert_eq!(rows[3]["hits"], serde_json::json!([]));
    // A weak alias alone is at most possible.
    assert_eq!(top(4)["explanation"]["weak_alias"], true);
    assert_eq!(top(4)["match"], false);
    assert_eq!(top(4)["verdict"], "possible");
    assert_eq!(rows[5]["hits"], serde_json::json!([]));
    // Bad rows in their place, named by line and field.
    assert_eq!(rows[6]["line"], 8);
    assert!(rows[6]["error"].as_str().unwrap().contains("field name"));
    assert!(
        rows[7]["error"]
            .as_str()
            .unwrap()
            .contains("field birth_date")
    );
    assert!(rows[8]["error"].as_str().unwrap().contains("field schema"));
    let err = stderr(&o);
    for needle in [
        "list.jsonl, line 4, field properties.birthDate",
        "list.jsonl, line 5, field properties.imoNumber",
        "list.jsonl, line 6, field schema",
        "list.jsonl, line 7, field -: not JSON",
        "q.csv, line 8: field name: missing",
        "2 entities to screen",
    ] {
        assert!(err.contains(needle), "{needle}: {err}");
    }
}

/// `comity sanctions diff OLD.jsonl NEW.jsonl`: entities added, removed and changed property
/// by property between two releases of a list.
#[test]
fn two_releases_of_a_list_are_compared() {
    let dir = Scratch::new();
    std::fs::write(
        dir.0.join("old.jsonl"),
        concat!(
            r#"{"id":"a","schema":"Person","properties":{"name":["A"],"alias":["X"]}}"#,
            "\n",
            r#"{"id":"b","schema":"Person","properties":{"name":["B"]}}"#,
            "\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.0.join("new.jsonl"),
        concat!(
            r#"{"id":"a","schema":"Person","properties":{"name":["A"],"alias":["Y"]}}"#,
            "\n",
            r#"{"id":"c","schema":"Company","properties":{"name":["C"]}}"#,
            "\n",
            "{not json\n"
        ),
    )
    .unwrap();
    let o = comity(&dir.0, &["sanctions", "diff", "old.jsonl", "new.jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let d: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(d["added"], serde_json::json!(["c"]));
    assert_eq!(d["removed"], serde_json::json!(["b"]));
    assert_eq!(
        d["changed"],
        serde_json::json!([{"id": "a", "changes": [{"property": "alias", "removed": ["X"], "added": ["Y"]}]}])
    );
    assert!(
        stderr(&o).contains("new.jsonl, line 3, field -: not JSON"),
        "{}",
        stderr(&o)
    );
}

/// `comity sanctions compare --mode ofac`: the score the US Treasury's Sanctions List Search
/// gives, `null` where it would not list the pair.
#[test]
fn the_ofac_parity_mode_gives_the_treasury_s_score() {
    let dir = Scratch::new();
    std::fs::write(
        dir.0.join("pairs.csv"),
        "schema,name1,name2\nPerson,VLADIMIR PUTIN,\"PUTIN, Vladimir\"\nPerson,VLADIMIR PUTIN,VLADIMIR BILIY\nPerson,John Smith,Xu Wei\n",
    )
    .unwrap();
    let o = comity(
        &dir.0,
        &["sanctions", "compare", "pairs.csv", "--mode", "ofac"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["explanation"]["ofac_score"], 100);
    assert_eq!(rows[0]["match"], true);
    // SLS gives 90 for this namesake.
    assert_eq!(rows[1]["explanation"]["ofac_score"], 90);
    assert_eq!(
        rows[2]["explanation"]["ofac_score"],
        serde_json::Value::Null
    );
    assert_eq!(rows[2]["match"], false);
}
