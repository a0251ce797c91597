use super::*;

fn text(s: &str) -> Segment {
    Segment::Text(s.to_owned())
}

fn bracket(alts: Vec<Vec<Segment>>) -> Segment {
    Segment::Bracket(Bracket { alternatives: alts })
}

fn para(source_line: &str) -> Vec<Segment> {
    let d = Draft::parse(&format!("# T\n\n## Article 1\n{source_line}\n")).unwrap();
    d.articles[0].paragraphs[0].content.clone()
}

#[test]
fn nested_brackets_become_a_tree() {
    assert_eq!(
        para("Seat [in [Copenhagen / Brussels] / decided by the Summit]."),
        vec![
            text("Seat "),
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
fn slash_outside_brackets_and_escapes_are_text() {
    assert_eq!(
        para("and/or \\[sic\\] a\\/b \\x"),
        vec![text("and/or [sic] a/b \\x")]
    );
    assert_eq!(
        para("[a\\/b / c]"),
        vec![bracket(vec![vec![text("a/b")], vec![text("c")]])]
    );
}

#[test]
fn spaces_collapse_and_alternatives_are_trimmed() {
    assert_eq!(
        para("a \t b [  x  /y ]  c"),
        vec![
            text("a b "),
            bracket(vec![vec![text("x")], vec![text("y")]]),
            text(" c")
        ]
    );
}

#[test]
fn numbered_line_detection() {
    assert_eq!(parse::numbered("12. x"), Some((12, 4)));
    assert_eq!(parse::numbered("3."), Some((3, 2)));
    assert_eq!(parse::numbered("3.5 percent"), None);
    assert_eq!(parse::numbered(". x"), None);
    assert_eq!(parse::numbered("1\\. x"), None);
}

#[test]
fn tidy_merges_and_collapses() {
    assert_eq!(
        tidy(vec![
            text(" a "),
            text(" b"),
            bracket(vec![vec![text("x")]]),
            text("  ")
        ]),
        vec![text("a b"), bracket(vec![vec![text("x")]])]
    );
}

#[test]
fn bracket_ref_reads_from_the_inside_out() {
    let r = BracketRef::top("art_1__para_2", 0).nested(1, 2);
    assert_eq!(
        r.to_string(),
        "bracket 3 in alternative 2 of bracket 1 of art_1__para_2"
    );
}

#[test]
fn brackets_nested_beyond_the_bound_are_refused_without_recursion() {
    // Ten levels are a text; eleven are refused where the eleventh opens.
    let ok = format!("{}x{}", "[a ".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
    assert_eq!(nesting(&para(&ok)), MAX_NESTING);
    let deep = format!(
        "{}x{}",
        "[".repeat(MAX_NESTING + 1),
        "]".repeat(MAX_NESTING + 1)
    );
    let e = Draft::parse(&format!("# T\n\n## Article 1\n{deep}\n")).unwrap_err();
    assert_eq!(e.0[0].kind, TextErrorKind::BracketsTooDeep(MAX_NESTING));
    assert_eq!((e.0[0].at.line, e.0[0].at.column), (4, MAX_NESTING + 1));
    // A hundred thousand levels, on a thread with a small stack: refused, not overflowed.
    let huge = format!(
        "# T\n\n## Article 1\n{}x{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let kinds = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || {
            let e = Draft::parse(&huge).unwrap_err();
            e.0.iter().map(|e| e.kind.clone()).collect::<Vec<_>>()
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(kinds, vec![TextErrorKind::BracketsTooDeep(MAX_NESTING)]);
}

#[test]
fn edits_cannot_nest_brackets_beyond_the_bound() {
    let d = Draft::parse("# T\n\n## Article 1\nThe seat [a / b].\n").unwrap();
    let at = BracketRef::top("art_1__para_1", 0);
    let levels = |n: usize| format!("{}x{}", "[y ".repeat(n), "]".repeat(n));
    // Inside a top-level bracket, a wording may add nine levels, not ten.
    assert!(d.propose(&at, &levels(MAX_NESTING - 1)).is_ok());
    assert_eq!(
        d.propose(&at, &levels(MAX_NESTING)).unwrap_err(),
        EditError::TooDeep {
            bracket: at.clone(),
            max: MAX_NESTING
        }
    );
    // Settled with a text, the wording takes the bracket's place: ten levels fit.
    assert!(d.resolve(&at, Choice::Text(levels(MAX_NESTING))).is_ok());
    let deep = d.resolve(&at, Choice::Text(levels(MAX_NESTING + 1)));
    assert!(
        matches!(deep, Err(EditError::InvalidWording(_))),
        "{deep:?}"
    );
}
