#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Treaty texts (issue 7): the bracketed source format, its errors, rounds of edits,
//! redlines between versions, and the Akoma Ntoso export checked against the OASIS schema.

use std::path::{Path, PathBuf};
use std::process::Command;

use comity_drafting::akn::{self, AknMeta};
use comity_drafting::redline::{self, Change, Op, Redline};
use comity_drafting::text::{
    Bracket, BracketRef, Choice, Draft, EditError, Paragraph, Segment, TextErrorKind,
};

const EXAMPLE: &str = "# Founding Treaty of the Alliance of Democracies

## Preamble
The States Parties to this Treaty,
[Recalling / Reaffirming] their commitment to ...

## Article 1 — Establishment
1. The Alliance of Democracies is hereby established.
2. Its seat shall be [in [Copenhagen / Brussels] / decided by the Summit].

## Article 2 — Membership {#art_2}
Membership is open to every State that [is rated Free / is rated Free or Partly Free].
";

fn example() -> Draft {
    Draft::parse(EXAMPLE).unwrap()
}

fn text(s: &str) -> Segment {
    Segment::Text(s.to_owned())
}

fn bracket(alternatives: Vec<Vec<Segment>>) -> Segment {
    Segment::Bracket(Bracket { alternatives })
}

fn plain(d: &Draft, eid: &str) -> String {
    d.paragraph(eid).map(Paragraph::plain_text).unwrap()
}

// ---------------------------------------------------------------------------------------
// The document model

#[test]
fn the_example_parses_into_parts_with_stable_ids() {
    let d = example();
    assert_eq!(
        d.title_text(),
        "Founding Treaty of the Alliance of Democracies"
    );
    assert_eq!(d.preamble.len(), 1, "consecutive lines form one paragraph");
    assert_eq!(d.preamble[0].eid, "preamble__p_1");
    assert_eq!(
        d.preamble[0].content,
        vec![
            text("The States Parties to this Treaty, "),
            bracket(vec![vec![text("Recalling")], vec![text("Reaffirming")]]),
            text(" their commitment to ..."),
        ]
    );
    let ids: Vec<(&str, u32, Option<&str>)> = d
        .articles
        .iter()
        .map(|a| (a.eid.as_str(), a.number, a.heading.as_deref()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("art_1", 1, Some("Establishment")),
            ("art_2", 2, Some("Membership"))
        ]
    );
    let paras: Vec<(&str, Option<u32>)> = d.paragraphs().map(|p| (p.eid.as_str(), p.num)).collect();
    assert_eq!(
        paras,
        vec![
            ("preamble__p_1", None),
            ("art_1__para_1", Some(1)),
            ("art_1__para_2", Some(2)),
            ("art_2__para_1", None),
        ]
    );
    assert_eq!(
        d.paragraph("art_1__para_2").unwrap().content,
        vec![
            text("Its seat shall be "),
            bracket(vec![
                vec![
                    text("in "),
                    bracket(vec![vec![text("Copenhagen")], vec![text("Brussels")]])
                ],
                vec![text("decided by the Summit")],
            ]),
            text("."),
        ]
    );
}

#[test]
fn headings_take_any_of_the_separators_and_an_explicit_id() {
    let d = Draft::parse(
        "# T\n\n## Article 1 – En dash\nx\n\n## Article 2 - Hyphen\nx\n\n## Article 3: Colon {#entry_into_force}\n1. x\n\n## Article 4\nx\n",
    )
    .unwrap();
    let heads: Vec<(&str, Option<&str>)> = d
        .articles
        .iter()
        .map(|a| (a.eid.as_str(), a.heading.as_deref()))
        .collect();
    assert_eq!(
        heads,
        vec![
            ("art_1", Some("En dash")),
            ("art_2", Some("Hyphen")),
            ("entry_into_force", Some("Colon")),
            ("art_4", None),
        ]
    );
    assert_eq!(d.articles[2].paragraphs[0].eid, "entry_into_force__para_1");
}

#[test]
fn the_source_is_written_back_in_canonical_form() {
    let d = example();
    assert_eq!(
        d.to_source(),
        "# Founding Treaty of the Alliance of Democracies

## Preamble
The States Parties to this Treaty, [Recalling / Reaffirming] their commitment to ...

## Article 1 — Establishment
1. The Alliance of Democracies is hereby established.
2. Its seat shall be [in [Copenhagen / Brussels] / decided by the Summit].

## Article 2 — Membership
Membership is open to every State that [is rated Free / is rated Free or Partly Free].
"
    );
    assert_eq!(Draft::parse(&d.to_source()).unwrap(), d);
}

#[test]
fn escapes_and_awkward_text_survive_the_round_trip() {
    let source = "# Treaty \\[draft\\] on A/B

## Preamble
\\# is not a heading, 3\\. is not a number, and a back\\\\slash stays

12\\. Starts like a number.

## Article 1 — Seat {#seat}
1. The seat is [in [Copenhagen / Brussels] / at a place \\/ city chosen by the Summit].
2.   [Recalling   / Reaffirming]\tand/or   more.

## Article 2: Budget
Unnumbered [a / b]
over two lines.

Second unnumbered & <odd> \"quotes\" and العربية.
";
    let d = Draft::parse(source).unwrap();
    assert_eq!(d.title_text(), "Treaty [draft] on A/B");
    assert_eq!(
        plain(&d, "preamble__p_1"),
        "# is not a heading, 3. is not a number, and a back\\slash stays"
    );
    assert_eq!(plain(&d, "preamble__p_2"), "12. Starts like a number.");
    assert_eq!(
        plain(&d, "seat__para_1"),
        "The seat is [in [Copenhagen / Brussels] / at a place / city chosen by the Summit]."
    );
    assert_eq!(
        plain(&d, "seat__para_2"),
        "[Recalling / Reaffirming] and/or more."
    );
    assert_eq!(
        plain(&d, "art_2__para_1"),
        "Unnumbered [a / b] over two lines."
    );
    let again = Draft::parse(&d.to_source()).unwrap();
    assert_eq!(again, d);
    assert_eq!(again.to_source(), d.to_source());
}

/// A small deterministic generator (SplitMix64) for the property tests: no dependency, and
/// a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

#[test]
fn whatever_parses_round_trips() {
    const PIECES: &[&str] = &[
        "word",
        " ",
        "  ",
        "[",
        "]",
        " / ",
        "/",
        "\\[",
        "\\]",
        "\\/",
        "\\\\",
        "\\",
        "#",
        "12.",
        "3. ",
        "&",
        "é",
        "الحلف",
        "\t",
        "{#x}",
        "—",
        ".",
    ];
    let mut parsed = 0;
    for seed in 0..1500 {
        let mut rng = Rng(seed);
        let mut source = String::from("# Title ");
        source.push_str(rng.pick(PIECES));
        source.push_str("\n\n## Article 1\n");
        for _ in 0..rng.below(6) + 1 {
            let mut line = String::new();
            for _ in 0..rng.below(8) + 1 {
                line.push_str(rng.pick(PIECES));
            }
            source.push_str(&line);
            source.push_str(if rng.below(3) == 0 { "\n\n" } else { "\n" });
        }
        match Draft::parse(&source) {
            Ok(d) => {
                parsed += 1;
                let written = d.to_source();
                let again = Draft::parse(&written)
                    .unwrap_or_else(|e| panic!("seed {seed}: {source:?} wrote {written:?}: {e}"));
                assert_eq!(again, d, "seed {seed}: {source:?} wrote {written:?}");
            }
            Err(errors) => {
                let lines = source.lines().count().max(1);
                assert!(!errors.0.is_empty());
                for e in &errors.0 {
                    assert!(e.at.line >= 1 && e.at.line <= lines, "seed {seed}: {e}");
                    assert!(e.at.column >= 1, "seed {seed}: {e}");
                }
            }
        }
    }
    assert!(parsed > 300, "only {parsed} random sources parsed");
}

// ---------------------------------------------------------------------------------------
// Errors: each kind with its exact place

type Found = (usize, usize, String, Option<usize>, &'static str);

fn errors_of(source: &str) -> Vec<Found> {
    let errors = Draft::parse(source).unwrap_err();
    errors
        .0
        .iter()
        .map(|e| {
            (
                e.at.line,
                e.at.column,
                e.at.part.to_string(),
                e.at.paragraph,
                e.kind.code(),
            )
        })
        .collect()
}

fn one(
    line: usize,
    column: usize,
    part: &str,
    para: Option<usize>,
    code: &'static str,
) -> Vec<Found> {
    vec![(line, column, part.to_owned(), para, code)]
}

#[test]
fn bracket_errors_name_article_paragraph_and_column() {
    let art = |body: &str| format!("# T\n\n## Article 1\n{body}\n");
    let cases: Vec<(String, Vec<Found>)> = vec![
        (
            art("1. The seat [is here."),
            one(4, 13, "Article 1", Some(1), "treaty_text_unclosed_bracket"),
        ),
        (
            art("1. First.\n2. It ends] here."),
            one(
                5,
                11,
                "Article 1",
                Some(2),
                "treaty_text_stray_closing_bracket",
            ),
        ),
        (
            art("Open to [Free / ]."),
            one(4, 15, "Article 1", Some(1), "treaty_text_empty_alternative"),
        ),
        (
            art("A [] b."),
            one(4, 3, "Article 1", Some(1), "treaty_text_empty_bracket"),
        ),
        (
            art("A [  ] b."),
            one(4, 3, "Article 1", Some(1), "treaty_text_empty_bracket"),
        ),
        (
            art("[/]"),
            vec![
                (
                    4,
                    1,
                    "Article 1".into(),
                    Some(1),
                    "treaty_text_empty_alternative",
                ),
                (
                    4,
                    2,
                    "Article 1".into(),
                    Some(1),
                    "treaty_text_empty_alternative",
                ),
            ],
        ),
        (
            art("[a [b / c]"),
            one(4, 1, "Article 1", Some(1), "treaty_text_unclosed_bracket"),
        ),
        (
            art("[a [b"),
            vec![
                (
                    4,
                    1,
                    "Article 1".into(),
                    Some(1),
                    "treaty_text_unclosed_bracket",
                ),
                (
                    4,
                    4,
                    "Article 1".into(),
                    Some(1),
                    "treaty_text_unclosed_bracket",
                ),
            ],
        ),
        (
            "# T\n\n## Preamble\nFirst recital,\nsecond line [open\n\n## Article 1\nText.\n".into(),
            one(5, 13, "preamble", Some(1), "treaty_text_unclosed_bracket"),
        ),
        (
            "# Treaty [of / ]\n\n## Article 1\nx\n".into(),
            one(1, 14, "title", None, "treaty_text_empty_alternative"),
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(errors_of(&source), expected, "{source:?}");
    }
}

#[test]
fn structure_errors_are_located() {
    let cases: Vec<(&str, Vec<Found>)> = vec![
        (
            "## Article 1\nText.\n",
            one(1, 1, "document", None, "treaty_text_missing_title"),
        ),
        (
            "Intro\n# T\n\n## Article 1\nx\n",
            vec![
                (1, 1, "document".into(), None, "treaty_text_outside_section"),
                (2, 1, "title".into(), None, "treaty_text_title_not_first"),
            ],
        ),
        (
            "# T\n# U\n\n## Article 1\nx\n",
            one(2, 1, "title", None, "treaty_text_duplicate_title"),
        ),
        (
            "# \n\n## Article 1\nx\n",
            one(1, 1, "title", None, "treaty_text_empty_title"),
        ),
        (
            "# T\nstray\n\n## Article 1\nx\n",
            one(2, 1, "document", None, "treaty_text_outside_section"),
        ),
        (
            "# T\n\n## Article 1\nx\n\n### Sub\ny\n",
            one(6, 1, "Article 1", None, "treaty_text_unknown_heading"),
        ),
        (
            "# T\n\n## Annex\nx\n\n## Article 1\ny\n",
            one(3, 1, "document", None, "treaty_text_unknown_heading"),
        ),
        (
            "# T\n\n## Article 1\nx\n\n## Preamble\ny\n",
            one(6, 1, "preamble", None, "treaty_text_preamble_not_first"),
        ),
        (
            "# T\n\n## Preamble\nx\n\n## Preamble\ny\n\n## Article 1\nz\n",
            one(6, 1, "preamble", None, "treaty_text_duplicate_preamble"),
        ),
        (
            "# T\n\n## Article one\nx\n",
            one(3, 12, "document", None, "treaty_text_bad_article_number"),
        ),
        (
            "# T\n\n## Article 0\nx\n",
            one(3, 12, "document", None, "treaty_text_bad_article_number"),
        ),
        (
            "# T\n\n## Article 1 Establishment\nx\n",
            one(3, 14, "document", None, "treaty_text_bad_heading_separator"),
        ),
        (
            "# T\n\n## Article 1 — Seat [x]\ny\n",
            one(3, 21, "document", None, "treaty_text_bracket_in_heading"),
        ),
        (
            "# T\n\n## Article 1\nx\n\n## Article 1\ny\n",
            one(6, 1, "Article 1", None, "treaty_text_duplicate_article"),
        ),
        (
            "# T\n\n## Article 2 {#Art-2}\nx\n",
            one(3, 14, "document", None, "treaty_text_bad_id"),
        ),
        (
            "# T\n\n## Article 2 {#art__2}\nx\n",
            one(3, 14, "document", None, "treaty_text_bad_id"),
        ),
        (
            "# T\n\n## Article 2 {#preamble}\nx\n",
            one(3, 14, "document", None, "treaty_text_bad_id"),
        ),
        (
            "# T\n\n## Article 1\nx\n\n## Article 2 {#art_1}\ny\n",
            one(6, 14, "Article 2", None, "treaty_text_duplicate_id"),
        ),
        (
            "# T\n\n## Article 1\n\n## Article 2\nx\n",
            one(3, 1, "Article 1", None, "treaty_text_empty_section"),
        ),
        (
            "# T\n\n## Article 1\n1. a\n2.\n",
            one(5, 1, "Article 1", Some(2), "treaty_text_empty_paragraph"),
        ),
        (
            "# T\n\n## Article 1\n1. a\n3. b\n",
            one(5, 1, "Article 1", Some(2), "treaty_text_numbering_skips"),
        ),
        (
            "# T\n\n## Article 1\n2. a\n",
            one(4, 1, "Article 1", Some(1), "treaty_text_numbering_skips"),
        ),
        (
            "# T\n\n## Article 1\n1. a\n\nb\n",
            one(6, 1, "Article 1", Some(2), "treaty_text_mixed_numbering"),
        ),
        (
            "# T\n\n## Preamble\n1. a\n\n## Article 1\nb\n",
            one(4, 1, "preamble", Some(1), "treaty_text_numbered_preamble"),
        ),
        (
            "# T\n\n## Preamble\nx\n",
            one(4, 1, "document", None, "treaty_text_no_article"),
        ),
        (
            "",
            vec![
                (1, 1, "document".into(), None, "treaty_text_missing_title"),
                (1, 1, "document".into(), None, "treaty_text_no_article"),
            ],
        ),
    ];
    for (source, expected) in cases {
        assert_eq!(errors_of(source), expected, "{source:?}");
    }
}

#[test]
fn every_error_is_reported_in_source_order_with_a_readable_message() {
    let source = "# T\n\n## Article 1\n1. a [b\n2. c]\n\n## Article 1\nd\n";
    let errors = Draft::parse(source).unwrap_err();
    let codes: Vec<&str> = errors.0.iter().map(|e| e.kind.code()).collect();
    assert_eq!(
        codes,
        vec![
            "treaty_text_unclosed_bracket",
            "treaty_text_stray_closing_bracket",
            "treaty_text_duplicate_article"
        ]
    );
    assert_eq!(
        errors.to_string(),
        "line 4, column 6 (Article 1, paragraph 1): this `[` is never closed\n\
         line 5, column 5 (Article 1, paragraph 2): this `]` closes no bracket\n\
         line 7, column 1 (Article 1): Article 1 already appears at line 3"
    );
    assert_eq!(
        errors.0[2].kind,
        TextErrorKind::DuplicateArticle {
            number: 1,
            first_line: 3
        }
    );
}

// ---------------------------------------------------------------------------------------
// Counting, resolving and proposing

#[test]
fn open_brackets_are_counted_per_part_nested_ones_included() {
    let count = example().open_brackets();
    assert_eq!(
        count.per_part,
        vec![
            ("title".to_owned(), 0),
            ("preamble".to_owned(), 1),
            ("art_1".to_owned(), 2),
            ("art_2".to_owned(), 1),
        ]
    );
    assert_eq!(count.total, 4);
}

#[test]
fn brackets_are_listed_with_addresses_in_reading_order() {
    let list: Vec<(String, Vec<String>)> = example()
        .brackets()
        .into_iter()
        .map(|b| (b.at.to_string(), b.alternatives))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        list,
        vec![
            (
                "bracket 1 of preamble__p_1".to_owned(),
                s(&["Recalling", "Reaffirming"])
            ),
            (
                "bracket 1 of art_1__para_2".to_owned(),
                s(&["in [Copenhagen / Brussels]", "decided by the Summit"])
            ),
            (
                "bracket 1 in alternative 1 of bracket 1 of art_1__para_2".to_owned(),
                s(&["Copenhagen", "Brussels"])
            ),
            (
                "bracket 1 of art_2__para_1".to_owned(),
                s(&["is rated Free", "is rated Free or Partly Free"])
            ),
        ]
    );
    let nested = &example().brackets()[2].at;
    assert_eq!(*nested, BracketRef::top("art_1__para_2", 0).nested(0, 0));
}

#[test]
fn resolving_keeps_an_alternative_with_its_own_brackets() {
    let d = example();
    let seat = BracketRef::top("art_1__para_2", 0);
    let r = d.resolve(&seat, Choice::Alternative(0)).unwrap();
    assert_eq!(
        plain(&r, "art_1__para_2"),
        "Its seat shall be in [Copenhagen / Brussels]."
    );
    assert_eq!(r.open_brackets().total, 3);
    let r = r.resolve(&seat, Choice::Alternative(1)).unwrap();
    assert_eq!(plain(&r, "art_1__para_2"), "Its seat shall be in Brussels.");
    // The nested bracket can be settled first, by its path.
    let r = d
        .resolve(&seat.nested(0, 0), Choice::Alternative(0))
        .unwrap();
    assert_eq!(
        plain(&r, "art_1__para_2"),
        "Its seat shall be [in Copenhagen / decided by the Summit]."
    );
    // The original version is untouched.
    assert_eq!(d, example());
}

#[test]
fn resolving_by_agreed_wording_or_deletion() {
    let d = example();
    let membership = BracketRef::top("art_2__para_1", 0);
    let r = d
        .resolve(
            &membership,
            Choice::Text("is rated Free [in the latest edition / on average]".into()),
        )
        .unwrap();
    assert_eq!(
        plain(&r, "art_2__para_1"),
        "Membership is open to every State that is rated Free [in the latest edition / on average]."
    );
    let r = d.resolve(&membership, Choice::Delete).unwrap();
    assert_eq!(
        plain(&r, "art_2__para_1"),
        "Membership is open to every State that."
    );
    let r = d
        .resolve(&BracketRef::top("preamble__p_1", 0), Choice::Delete)
        .unwrap();
    assert_eq!(
        plain(&r, "preamble__p_1"),
        "The States Parties to this Treaty, their commitment to ..."
    );
    assert_eq!(Draft::parse(&r.to_source()).unwrap(), r);
}

#[test]
fn deleting_a_whole_paragraph_renumbers_the_rest() {
    let d = Draft::parse(
        "# T\n\n## Preamble\n[Recital.]\n\n## Article 1\n1. [The Summit may meet.]\n2. Second.\n3. Third.\n",
    )
    .unwrap();
    let r = d
        .resolve(&BracketRef::top("art_1__para_1", 0), Choice::Delete)
        .unwrap();
    let paras: Vec<(&str, Option<u32>, String)> = r.articles[0]
        .paragraphs
        .iter()
        .map(|p| (p.eid.as_str(), p.num, p.plain_text()))
        .collect();
    assert_eq!(
        paras,
        vec![
            ("art_1__para_1", Some(1), "Second.".to_owned()),
            ("art_1__para_2", Some(2), "Third.".to_owned()),
        ]
    );
    let r = r
        .resolve(&BracketRef::top("preamble__p_1", 0), Choice::Delete)
        .unwrap();
    assert!(r.preamble.is_empty());
    assert_eq!(
        r.to_source(),
        "# T\n\n## Article 1\n1. Second.\n2. Third.\n"
    );
}

#[test]
fn resolving_never_leaves_an_article_alternative_or_title_empty() {
    let d = Draft::parse("# [Treaty]\n\n## Article 1\n[Only.]\n\n## Article 2\n[[a / b] / c]\n")
        .unwrap();
    let code = |at: BracketRef| d.resolve(&at, Choice::Delete).unwrap_err().code();
    assert_eq!(
        code(BracketRef::top("art_1__para_1", 0)),
        "treaty_would_empty"
    );
    assert_eq!(
        code(BracketRef::top("art_2__para_1", 0).nested(0, 0)),
        "treaty_would_empty"
    );
    assert_eq!(code(BracketRef::top("title", 0)), "treaty_would_empty");
    assert_eq!(
        d.resolve(&BracketRef::top("art_1__para_1", 0), Choice::Delete)
            .unwrap_err()
            .to_string(),
        "deleting bracket 1 of art_1__para_1 would leave Article 1 without any text"
    );
}

#[test]
fn edits_that_make_text_look_like_markup_are_escaped_in_the_source() {
    let d = Draft::parse("# T\n\n## Article 1\n[12. / The] rest.\n\n[# / A] hash.\n").unwrap();
    let r = d
        .resolve(&BracketRef::top("art_1__para_1", 0), Choice::Alternative(0))
        .unwrap()
        .resolve(&BracketRef::top("art_1__para_2", 0), Choice::Alternative(0))
        .unwrap();
    assert_eq!(
        r.to_source(),
        "# T\n\n## Article 1\n12\\. rest.\n\n\\# hash.\n"
    );
    assert_eq!(Draft::parse(&r.to_source()).unwrap(), r);
}

#[test]
fn bad_addresses_and_wordings_are_refused() {
    let d = example();
    let seat = BracketRef::top("art_1__para_2", 0);
    let err = |r: Result<Draft, EditError>| r.unwrap_err();
    assert_eq!(
        err(d.resolve(&BracketRef::top("art_9__para_1", 0), Choice::Delete)),
        EditError::UnknownParagraph("art_9__para_1".into())
    );
    assert_eq!(
        err(d.resolve(&BracketRef::top("art_1__para_2", 1), Choice::Delete)),
        EditError::UnknownBracket(BracketRef::top("art_1__para_2", 1))
    );
    assert_eq!(
        err(d.resolve(&seat.nested(0, 1), Choice::Delete)).code(),
        "treaty_unknown_bracket"
    );
    let e = err(d.resolve(&seat, Choice::Alternative(2)));
    assert_eq!(
        e.to_string(),
        "bracket 1 of art_1__para_2 has 2 alternatives; there is no alternative 3"
    );
    assert_eq!(
        err(d.resolve(&seat, Choice::Text("  ".into()))),
        EditError::EmptyWording
    );
    let EditError::InvalidWording(errors) = err(d.resolve(&seat, Choice::Text("a ] b".into())))
    else {
        panic!("expected invalid wording");
    };
    assert_eq!(
        errors.to_string(),
        "line 1, column 3 (wording): this `]` closes no bracket"
    );
    assert_eq!(
        err(d.propose(&seat, "[unbalanced")).code(),
        "treaty_invalid_wording"
    );
}

#[test]
fn proposing_adds_an_alternative() {
    let d = example();
    let recital = BracketRef::top("preamble__p_1", 0);
    let r = d.propose(&recital, "Reaffirming   solemnly").unwrap();
    assert_eq!(
        plain(&r, "preamble__p_1"),
        "The States Parties to this Treaty, [Recalling / Reaffirming / Reaffirming solemnly] their commitment to ..."
    );
    assert_eq!(
        d.propose(&recital, "Reaffirming").unwrap_err(),
        EditError::DuplicateAlternative {
            bracket: recital.clone(),
            index: 1
        }
    );
    let nested = BracketRef::top("art_1__para_2", 0).nested(0, 0);
    let r = d.propose(&nested, "[Geneva / The Hague]").unwrap();
    assert_eq!(
        plain(&r, "art_1__para_2"),
        "Its seat shall be [in [Copenhagen / Brussels / [Geneva / The Hague]] / decided by the Summit]."
    );
    assert_eq!(r.open_brackets().total, 5);
    assert_eq!(Draft::parse(&r.to_source()).unwrap(), r);
}

// ---------------------------------------------------------------------------------------
// Redlines

fn reconstruct(ops: &[Op]) -> (String, String) {
    let (mut old, mut new) = (String::new(), String::new());
    for op in ops {
        match op {
            Op::Equal(t) => {
                old.push_str(t);
                new.push_str(t);
            }
            Op::Delete(t) => old.push_str(t),
            Op::Insert(t) => new.push_str(t),
        }
    }
    (old, new)
}

fn words(text: &str) -> usize {
    redline::tokens(text)
        .into_iter()
        .filter(|t| t.chars().next().is_some_and(char::is_alphanumeric))
        .count()
}

/// Every text of both versions is rebuilt from the redline: Equal + Delete gives the old,
/// Equal + Insert the new; the word counts add up.
fn check_redline(old: &Draft, new: &Draft, r: &Redline, what: &str) {
    let heading = |d: &Draft, eid: &str| -> String {
        match eid {
            "title" => d.title_text(),
            "preamble" if !d.preamble.is_empty() => "Preamble".to_owned(),
            _ => d.article(eid).map(|a| a.label()).unwrap_or_default(),
        }
    };
    let (mut ins, mut del) = (0, 0);
    let mut seen_old = Vec::new();
    let mut seen_new = Vec::new();
    for part in &r.parts {
        let (o, n) = reconstruct(&part.heading);
        assert_eq!(
            o,
            heading(old, &part.eid),
            "{what}: old heading of {}",
            part.eid
        );
        assert_eq!(
            n,
            heading(new, &part.eid),
            "{what}: new heading of {}",
            part.eid
        );
        for p in &part.paragraphs {
            let (o, n) = reconstruct(&p.ops);
            let old_text = old.paragraph(&p.eid).map(Paragraph::plain_text);
            let new_text = new.paragraph(&p.eid).map(Paragraph::plain_text);
            assert_eq!(
                o,
                old_text.clone().unwrap_or_default(),
                "{what}: old {}",
                p.eid
            );
            assert_eq!(
                n,
                new_text.clone().unwrap_or_default(),
                "{what}: new {}",
                p.eid
            );
            if old_text.is_some() {
                seen_old.push(p.eid.clone());
            }
            if new_text.is_some() {
                seen_new.push(p.eid.clone());
            }
        }
        for op in part
            .heading
            .iter()
            .chain(part.paragraphs.iter().flat_map(|p| &p.ops))
        {
            match op {
                Op::Insert(t) => ins += words(t),
                Op::Delete(t) => del += words(t),
                Op::Equal(_) => {}
            }
        }
    }
    let all = |d: &Draft| d.paragraphs().map(|p| p.eid.clone()).collect::<Vec<_>>();
    seen_old.sort();
    seen_new.sort();
    let (mut o, mut n) = (all(old), all(new));
    o.sort();
    n.sort();
    assert_eq!(seen_old, o, "{what}: every old paragraph once");
    assert_eq!(seen_new, n, "{what}: every new paragraph once");
    assert_eq!(
        (r.words_inserted, r.words_deleted),
        (ins, del),
        "{what}: word counts"
    );
}

#[test]
fn the_redline_of_identical_drafts_is_all_equal() {
    let d = example();
    let r = redline::diff(&d, &d);
    assert!(r.is_unchanged());
    assert_eq!((r.words_inserted, r.words_deleted), (0, 0));
    for part in &r.parts {
        assert_eq!(part.change, Change::Unchanged);
        for op in part
            .heading
            .iter()
            .chain(part.paragraphs.iter().flat_map(|p| &p.ops))
        {
            assert!(matches!(op, Op::Equal(_)), "{op:?}");
        }
    }
    check_redline(&d, &d, &r, "identical");
}

#[test]
fn a_round_of_agreement_reads_as_a_redline() {
    let old = example();
    let new = old
        .resolve(&BracketRef::top("art_1__para_2", 0), Choice::Alternative(0))
        .unwrap()
        .resolve(&BracketRef::top("art_1__para_2", 0), Choice::Alternative(1))
        .unwrap();
    let r = redline::diff(&old, &new);
    check_redline(&old, &new, &r, "round");
    assert_eq!(
        r.to_text(),
        "Founding Treaty of the Alliance of Democracies

Preamble
The States Parties to this Treaty, [Recalling / Reaffirming] their commitment to ...

Article 1 — Establishment
1. The Alliance of Democracies is hereby established.
2. Its seat shall be [-[-]in [-[Copenhagen / -]Brussels[-] / decided by the Summit]-].

Article 2 — Membership
Membership is open to every State that [is rated Free / is rated Free or Partly Free].
"
    );
    assert_eq!((r.words_inserted, r.words_deleted), (0, 5));
    let changed: Vec<(&str, Change)> = r.parts.iter().map(|p| (p.eid.as_str(), p.change)).collect();
    assert_eq!(
        changed,
        vec![
            ("title", Change::Unchanged),
            ("preamble", Change::Unchanged),
            ("art_1", Change::Modified),
            ("art_2", Change::Unchanged),
        ]
    );
}

#[test]
fn added_removed_and_renumbered_articles_show_whole() {
    let old = Draft::parse("# T\n\n## Article 1 — A\nKept.\n\n## Article 2 — B\nDropped here.\n")
        .unwrap();
    let new = Draft::parse(
        "# T\n\n## Preamble\nNew recital.\n\n## Article 1 — A\nKept.\n\n## Article 3 — C\n1. Added now.\n",
    )
    .unwrap();
    let r = redline::diff(&old, &new);
    check_redline(&old, &new, &r, "structure");
    let changed: Vec<(&str, Change)> = r.parts.iter().map(|p| (p.eid.as_str(), p.change)).collect();
    assert_eq!(
        changed,
        vec![
            ("title", Change::Unchanged),
            ("preamble", Change::Inserted),
            ("art_1", Change::Unchanged),
            ("art_2", Change::Deleted),
            ("art_3", Change::Inserted),
        ]
    );
    assert_eq!(
        r.to_text(),
        "T\n\n[+Preamble+]\n[+New recital.+]\n\nArticle 1 — A\nKept.\n\n[-Article 2 — B-]\n[-Dropped here.-]\n\n[+Article 3 — C+]\n1. [+Added now.+]\n"
    );
}

#[test]
fn random_word_edits_rebuild_both_versions() {
    const WORDS: &[&str] = &[
        "the",
        "State",
        "Parties",
        "shall",
        "may",
        "[Free / Partly Free]",
        "Alliance",
        "seat",
        "and/or",
        "—",
        "مُعاهدة",
        "1.5",
        "rights,",
        "(a)",
        "&",
        "<b>",
        "\"quoted\"",
        "Summit.",
        "[in [Copenhagen / Brussels] / elsewhere]",
    ];
    fn words_of(rng: &mut Rng, n: usize) -> Vec<String> {
        (0..n).map(|_| rng.pick(WORDS).to_owned()).collect()
    }
    fn edit(rng: &mut Rng, w: &mut Vec<String>) {
        for _ in 0..rng.below(5) {
            let at = rng.below(w.len() + 1);
            match rng.below(3) {
                0 => w.insert(at, rng.pick(WORDS).to_owned()),
                1 if w.len() > 1 => {
                    w.remove(at.min(w.len() - 1));
                }
                _ => {
                    let i = at.min(w.len() - 1);
                    w[i] = rng.pick(WORDS).to_owned();
                }
            }
        }
    }
    type Spec = (Vec<String>, Vec<(u32, Vec<Vec<String>>)>);
    fn source((title, articles): &Spec) -> String {
        let mut s = format!("# {}\n", title.join(" "));
        for (n, paras) in articles {
            s.push_str(&format!("\n## Article {n}\n"));
            for (i, p) in paras.iter().enumerate() {
                s.push_str(&format!("{}. {}\n", i + 1, p.join(" ")));
            }
        }
        s
    }
    for seed in 0..300 {
        let mut rng = Rng(seed);
        let title = words_of(&mut rng, 3);
        let articles: Vec<(u32, Vec<Vec<String>>)> = (1..=rng.below(4) as u32 + 1)
            .map(|n| {
                let paras = (0..rng.below(3) + 1).map(|_| {
                    let len = rng.below(12) + 1;
                    words_of(&mut rng, len)
                });
                (n, paras.collect())
            })
            .collect();
        let old: Spec = (title, articles);
        let mut new = old.clone();
        edit(&mut rng, &mut new.0);
        for (_, paras) in &mut new.1 {
            for p in paras.iter_mut() {
                if rng.below(2) == 0 {
                    edit(&mut rng, p);
                }
            }
            if rng.below(6) == 0 {
                paras.push(words_of(&mut rng, 4));
            }
        }
        if rng.below(4) == 0 && new.1.len() > 1 {
            let i = rng.below(new.1.len());
            new.1.remove(i);
        }
        if rng.below(4) == 0 {
            new.1.push((9, vec![words_of(&mut rng, 5)]));
        }
        let (a, b) = (source(&old), source(&new));
        let (da, db) = (Draft::parse(&a).unwrap(), Draft::parse(&b).unwrap());
        let r = redline::diff(&da, &db);
        check_redline(&da, &db, &r, &format!("seed {seed}"));
        if a == b {
            assert!(r.is_unchanged(), "seed {seed}");
        }
    }
}

#[test]
fn the_word_diff_is_minimal() {
    // Edits = tokens only in one text = n + m − 2·LCS, with the LCS by dynamic programming.
    const TOKENS: &[&str] = &["a", "b", "c", " ", ".", "[", "/", "]"];
    for seed in 0..500 {
        let mut rng = Rng(seed);
        let make = |rng: &mut Rng| {
            (0..rng.below(14))
                .map(|_| rng.pick(TOKENS))
                .collect::<String>()
        };
        let (old, new) = (make(&mut rng), make(&mut rng));
        let ops = redline::diff_words(&old, &new);
        assert_eq!(reconstruct(&ops), (old.clone(), new.clone()), "seed {seed}");
        let (ta, tb) = (redline::tokens(&old), redline::tokens(&new));
        let mut lcs = vec![vec![0usize; tb.len() + 1]; ta.len() + 1];
        for i in (0..ta.len()).rev() {
            for j in (0..tb.len()).rev() {
                lcs[i][j] = if ta[i] == tb[j] {
                    lcs[i + 1][j + 1] + 1
                } else {
                    lcs[i + 1][j].max(lcs[i][j + 1])
                };
            }
        }
        let changed: usize = ops
            .iter()
            .map(|op| match op {
                Op::Insert(t) | Op::Delete(t) => redline::tokens(t).len(),
                Op::Equal(_) => 0,
            })
            .sum();
        assert_eq!(
            changed,
            ta.len() + tb.len() - 2 * lcs[0][0],
            "seed {seed}: {old:?} → {new:?}"
        );
        for pair in ops.windows(2) {
            let same = std::mem::discriminant(&pair[0]) == std::mem::discriminant(&pair[1]);
            assert!(!same, "seed {seed}: runs are coalesced: {ops:?}");
            assert!(
                !matches!(pair, [Op::Insert(_), Op::Delete(_)]),
                "seed {seed}: deletions come first: {ops:?}"
            );
        }
    }
}

#[test]
fn the_html_redline_is_escaped_and_addressable() {
    let old =
        Draft::parse("# T & Co\n\n## Article 1 — A\n1. Keep <b>this</b> & \"that\".\n").unwrap();
    let new =
        Draft::parse("# T & Co\n\n## Article 1 — A\n1. Keep <i>this</i> & 'that'.\n").unwrap();
    let html = redline::diff(&old, &new).to_html();
    assert_eq!(
        html,
        "<div class=\"redline\">\n\
         <section id=\"redline-title\" class=\"redline-unchanged\">\n\
         <h2 dir=\"auto\">T &amp; Co</h2>\n\
         </section>\n\
         <section id=\"redline-art_1\" class=\"redline-modified\">\n\
         <h3 dir=\"auto\">Article 1 — A</h3>\n\
         <p id=\"redline-art_1__para_1\" class=\"redline-modified\" dir=\"auto\"><span class=\"num\">1.</span> \
         Keep &lt;<del>b</del><ins>i</ins>&gt;this&lt;/<del>b</del><ins>i</ins>&gt; &amp; <del>&quot;</del><ins>&#39;</ins>that<del>&quot;</del><ins>&#39;</ins>.</p>\n\
         </section>\n\
         </div>\n"
    );
    assert!(!html.contains("style="));
    assert!(!html.contains("<script"));
}

#[test]
fn the_downloadable_redline_is_a_whole_html_document() {
    let old = example();
    let new = old
        .resolve(&BracketRef::top("art_2__para_1", 0), Choice::Alternative(1))
        .unwrap();
    let r = redline::diff(&old, &new);
    let doc = r.to_html_document("Founding Treaty <draft>", "round 1", "round 2");
    assert!(
        doc.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
    );
    assert!(
        doc.contains("<title>Founding Treaty &lt;draft&gt;: redline round 1 → round 2</title>")
    );
    assert!(doc.contains("<style>"));
    assert!(doc.contains("<p class=\"redline-summary\">Changes from round 1 to round 2: 0 words inserted, 3 words deleted.</p>"));
    assert!(doc.contains(&r.to_html()));
    assert!(doc.ends_with("</body>\n</html>\n"));
    assert!(!doc.contains("style=") && !doc.contains("<script"));
    // Polyglot markup: it also parses as XML, which catches unbalanced tags.
    if let Some(out) = xmllint(&[], "redline.html", &doc) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Akoma Ntoso

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
fn xmllint(args: &[&str], name: &str, text: &str) -> Option<std::process::Output> {
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
