//! Errors: each kind with its exact place.

use super::*;

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
