//! Charter parsing and validation: every problem located at file, line and field.

use comity_core::charter::{Charter, Rule, Seats};
use comity_core::data;

#[test]
fn every_shipped_charter_is_valid() {
    for c in data::CHARTERS {
        let charter = Charter::parse(c.file, c.source).unwrap_or_else(|e| panic!("{e}"));
        for kind in ["charter_amendment", "accession", "membership_review"] {
            assert!(charter.decision(kind).is_some(), "{} lacks {kind}", c.id);
        }
    }
    let aod = Charter::parse(
        "aod",
        data::charter("alliance-of-democracies").unwrap().source,
    )
    .unwrap();
    let sanctions = aod.decision("smart_sanctions").unwrap();
    assert!(matches!(
        sanctions.rule,
        Rule::DoubleMajority {
            blocking_minority: Some(4),
            ..
        }
    ));
    assert_eq!(
        aod.organ("governing_council").unwrap().seats,
        Seats::Fixed(25)
    );
    assert_eq!(aod.organs.len(), 10);
}

fn aod_with(from: &str, to: &str) -> String {
    let src = data::charter("alliance-of-democracies").unwrap().source;
    assert!(src.contains(from), "fixture text {from:?} not in charter");
    src.replacen(from, to, 1)
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn a_decision_naming_a_missing_organ_is_refused_at_its_line() {
    let text = aod_with(
        "kind = \"accession\"\norgan = \"summit\"",
        "kind = \"accession\"\norgan = \"sumit\"",
    );
    let errs = Charter::parse("aod.toml", &text).unwrap_err();
    assert_eq!(errs.0.len(), 1, "{errs}");
    let e = &errs.0[0];
    assert_eq!(e.line, line_of(&text, "organ = \"sumit\""));
    assert_eq!(e.field, "decisions[1].organ");
    assert!(
        e.message
            .starts_with("no organ \"sumit\" (organs are: summit, governing_council"),
        "{e}"
    );
    assert!(e.to_string().starts_with(&format!("aod.toml:{}:", e.line)));
}

#[test]
fn a_missing_criterion_is_refused() {
    let text = aod_with(
        "criterion = \"free_or_partly_free\"",
        "criterion = \"free_ish\"",
    );
    let e = &Charter::parse("aod.toml", &text).unwrap_err().0[0];
    assert_eq!(e.field, "membership.criterion");
    assert_eq!(e.line, line_of(&text, "criterion = \"free_ish\""));
    assert!(e.message.contains("no criterion \"free_ish\""));
}

#[test]
fn typed_errors_name_line_and_field() {
    // An unknown field (a typo).
    let text = aod_with("meets = \"yearly\"", "meet = \"yearly\"");
    let e = &Charter::parse("aod.toml", &text).unwrap_err().0[0];
    assert_eq!(e.line, line_of(&text, "meet = \"yearly\""));
    assert!(e.message.contains("unknown field `meet`"), "{e}");
    // A bad fraction.
    let text = aod_with("fraction = \"2/3\"", "fraction = \"3/2\"");
    let e = &Charter::parse("aod.toml", &text).unwrap_err().0[0];
    assert_eq!(e.line, line_of(&text, "fraction = \"3/2\""));
    assert!(e.message.contains("\"3/2\" is not a share"), "{e}");
    // Not TOML at all.
    let e = &Charter::parse("x.toml", "[alliance\nname = 1")
        .unwrap_err()
        .0[0];
    assert_eq!(e.line, 1);
}

#[test]
fn structural_problems_are_all_reported() {
    let text = aod_with("id = \"secretariat\"", "id = \"summit\"")
        .replace("kind = \"budget\"", "kind = \"accession\"")
        .replace("reports_to = \"summit\"", "reports_to = \"nowhere\"");
    let errs = Charter::parse("aod.toml", &text).unwrap_err();
    let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
    assert!(fields.contains(&"organs[2].id"), "{errs}");
    assert!(fields.contains(&"organs[1].reports_to"), "{errs}");
    assert!(fields.iter().any(|f| f.ends_with(".kind")), "{errs}");
}

#[test]
fn cycles_and_required_kinds_are_caught() {
    let text = aod_with(
        "rule = { vdem_regime_min = \"electoral_democracy\" }",
        "rule = { any = [{ criterion = \"electoral_democracy\" }] }",
    );
    let errs = Charter::parse("aod.toml", &text).unwrap_err();
    assert!(
        errs.to_string()
            .contains("cycle: electoral_democracy → electoral_democracy"),
        "{errs}"
    );

    let text = aod_with(
        "kind = \"membership_review\"",
        "kind = \"membership_check\"",
    );
    let errs = Charter::parse("aod.toml", &text).unwrap_err();
    assert!(errs.to_string().contains("\"membership_review\""), "{errs}");
}

#[test]
fn population_rules_need_member_states() {
    let text = aod_with(
        "kind = \"accreditation\"\norgan = \"civil_society_network\"\nrule = { simple_majority = { of = \"votes_cast\" } }",
        "kind = \"accreditation\"\norgan = \"civil_society_network\"\nrule = { double_majority = { states = \"55%\", population = \"65%\" } }",
    );
    let e = &Charter::parse("aod.toml", &text).unwrap_err().0[0];
    assert!(e.field.ends_with(".rule"), "{e}");
    assert!(e.message.contains("not composed of member states"));
}
