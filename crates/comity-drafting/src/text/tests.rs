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
