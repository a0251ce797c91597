//! Akoma Ntoso.

use super::*;

fn meta() -> AknMeta {
    AknMeta {
        work_uri_base: "/akn/un/act/treaty/aod/2026-11-29/founding-treaty".into(),
        date: "2026-12-01".into(),
        version: 3,
        language: "eng".into(),
        author: "Treaty Commission".into(),
        generated: "2026-12-02".into(),
    }
}

const RICH: &str = "# Founding Treaty [of / for] the Alliance of Democracies & \"Friends\" <Draft>

## Preamble
The States Parties to this Treaty,

[Recalling / Reaffirming] their commitment to the rule of law & human rights,

Affirming: الدول الأطراف في هذه المعاهدة، [إذ تؤكد / إذ تعيد التأكيد],

## Article 1 — Establishment
1. The Alliance of Democracies is hereby established.
2. Its seat shall be [in [Copenhagen / Brussels] / decided by the Summit].

## Article 2 — Membership & \"Criteria\" {#membership}
Membership is open to every State that [is rated \"Free\" / is rated 'Free' or <Partly Free>].

## Article 3: Entry into force
1. This Treaty enters into force [thirty / sixty] days after the [fifth / tenth] ratification.
2. [Reservations are not permitted.]
";

/// Runs xmllint on `text` written to a scratch file; `None` (and a note) without xmllint.
pub(crate) fn xmllint(args: &[&str], name: &str, text: &str) -> Option<std::process::Output> {
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!(
            "skipped xmllint check of {name}: xmllint not installed (apt-get install libxml2-utils)"
        );
        return None;
    }
    let path = std::env::temp_dir().join(format!("comity_{}_{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let out = Command::new("xmllint")
        .arg("--noout")
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    Some(out)
}

fn schema() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/akn/akomantoso30.xsd")
}

fn assert_valid(name: &str, xml: &str) {
    let schema = schema();
    let schema = schema.to_str().unwrap();
    if let Some(out) = xmllint(&["--schema", schema], name, xml) {
        assert!(
            out.status.success(),
            "{name} is not valid Akoma Ntoso:\n{}\n{xml}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_export_is_valid_akoma_ntoso() {
    let d = Draft::parse(RICH).unwrap();
    let xml = akn::export(&d, &meta()).unwrap();
    assert_valid("rich.akn.xml", &xml);
    for expected in [
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">",
        "<act name=\"treaty\">",
        "<identification source=\"#comity\">",
        "<FRBRthis value=\"/akn/un/act/treaty/aod/2026-11-29/founding-treaty/!main\"/>",
        "<FRBRdate date=\"2026-11-29\" name=\"negotiation\"/>",
        "<FRBRcountry value=\"un\"/>",
        "<FRBRuri value=\"/akn/un/act/treaty/aod/2026-11-29/founding-treaty/eng@round-3\"/>",
        "<FRBRdate date=\"2026-12-01\" name=\"round\"/>",
        "<FRBRversionNumber value=\"3\"/>",
        "<FRBRlanguage language=\"eng\"/>",
        "<FRBRthis value=\"/akn/un/act/treaty/aod/2026-11-29/founding-treaty/eng@round-3/!main.xml\"/>",
        "<FRBRdate date=\"2026-12-02\" name=\"generation\"/>",
        "<TLCOrganization eId=\"author\" href=\"/ontology/organization/un/treaty-commission\" showAs=\"Treaty Commission\"/>",
        "<docTitle>Founding Treaty <inline name=\"bracket\" refersTo=\"#bracketedText\">[<inline name=\"alternative\">of</inline> / <inline name=\"alternative\">for</inline>]</inline> the Alliance of Democracies &amp; &quot;Friends&quot; &lt;Draft&gt;</docTitle>",
        "<p eId=\"preamble__p_3\">Affirming: الدول الأطراف في هذه المعاهدة، <inline name=\"bracket\" refersTo=\"#bracketedText\">[<inline name=\"alternative\">إذ تؤكد</inline>",
        "<inline name=\"alternative\">in <inline name=\"bracket\" refersTo=\"#bracketedText\">[<inline name=\"alternative\">Copenhagen</inline> / <inline name=\"alternative\">Brussels</inline>]</inline></inline>",
        "<article eId=\"membership\">\n        <num>Article 2</num>\n        <heading>Membership &amp; &quot;Criteria&quot;</heading>\n        <paragraph eId=\"membership__para_1\">\n          <content>",
        "or &lt;Partly Free&gt;",
        "<paragraph eId=\"art_3__para_2\">\n          <num>2.</num>",
    ] {
        assert!(xml.contains(expected), "missing {expected}\n{xml}");
    }
}

#[test]
fn a_plain_draft_exports_valid_too() {
    let d = Draft::parse("# Minimal\n\n## Article 1\nAgreed text.\n").unwrap();
    let mut m = meta();
    m.author = "لجنة المعاهدة".into();
    let xml = akn::export(&d, &m).unwrap();
    assert!(!xml.contains("<preamble>"));
    assert!(xml.contains("href=\"/ontology/organization/un/author\" showAs=\"لجنة المعاهدة\""));
    assert_valid("plain.akn.xml", &xml);
}

#[test]
fn the_schema_check_does_reject_invalid_documents() {
    // Guards the guard: a document missing a required element must fail xmllint.
    let d = Draft::parse(EXAMPLE).unwrap();
    let xml = akn::export(&d, &meta())
        .unwrap()
        .replace("<FRBRcountry value=\"un\"/>", "");
    let schema = schema();
    if let Some(out) = xmllint(
        &["--schema", schema.to_str().unwrap()],
        "broken.akn.xml",
        &xml,
    ) {
        assert!(
            !out.status.success(),
            "xmllint accepted a document without FRBRcountry"
        );
    }
}

#[test]
fn the_export_refuses_bad_metadata() {
    let d = example();
    let mut m = meta();
    m.date = "2026-02-30".into();
    let e = akn::export(&d, &m).unwrap_err();
    assert_eq!(
        e.to_string(),
        "date: \"2026-02-30\" is not a date (YYYY-MM-DD)"
    );
    let mut m = meta();
    m.work_uri_base = "/akn/un/act/treaty/founding-treaty".into();
    assert_eq!(akn::export(&d, &m).unwrap_err().code(), "akn_bad_work_uri");
}
