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
