use super::*;

fn eq(s: &str) -> Op {
    Op::Equal(s.to_owned())
}
fn ins(s: &str) -> Op {
    Op::Insert(s.to_owned())
}
fn del(s: &str) -> Op {
    Op::Delete(s.to_owned())
}

#[test]
fn tokens_split_words_spaces_and_each_mark() {
    assert_eq!(
        tokens("in [Copenhagen / Brussels]."),
        vec![
            "in",
            " ",
            "[",
            "Copenhagen",
            " ",
            "/",
            " ",
            "Brussels",
            "]",
            "."
        ]
    );
    assert_eq!(tokens("مُعاهدة  الحلف"), vec!["مُعاهدة", "  ", "الحلف"]);
    assert_eq!(tokens("--"), vec!["-", "-"]);
    assert!(tokens("").is_empty());
}

#[test]
fn a_replaced_word_is_deleted_then_inserted() {
    assert_eq!(
        diff_words("rated Free or Partly Free", "rated Free"),
        vec![eq("rated Free"), del(" or Partly Free")]
    );
    assert_eq!(
        diff_words("the seat is Copenhagen", "the seat is Brussels"),
        vec![eq("the seat is "), del("Copenhagen"), ins("Brussels")]
    );
    assert_eq!(diff_words("", "new words"), vec![ins("new words")]);
    assert_eq!(diff_words("same", "same"), vec![eq("same")]);
    assert!(diff_words("", "").is_empty());
}

#[test]
fn the_script_is_minimal() {
    // abcabba → cbabac: the classic example has an edit distance of 5.
    let a: Vec<&str> = "a b c a b b a".split(' ').collect();
    let b: Vec<&str> = "c b a b a c".split(' ').collect();
    let steps = edits(&a, &b);
    let changes = steps
        .iter()
        .filter(|s| !matches!(s, Step::Equal(_)))
        .count();
    assert_eq!(changes, 5);
}

#[test]
fn alignment_keeps_deleted_items_in_place() {
    let pairs = |old: &[String], new: &[String]| -> Vec<(Option<String>, Option<String>)> {
        align(old, new, |s| s)
            .into_iter()
            .map(|(o, n)| (o.cloned(), n.cloned()))
            .collect()
    };
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    // Moved items follow the new order; old-only items at the start stay first.
    let moved = pairs(&s(&["z", "a", "b"]), &s(&["b", "a"]));
    let some = |x: &str| Some(x.to_owned());
    assert_eq!(
        moved,
        vec![
            (some("z"), None),
            (some("b"), some("b")),
            (some("a"), some("a"))
        ]
    );
    let old = ["a", "b", "c", "d"].map(String::from);
    let new = ["a", "x", "c", "e"].map(String::from);
    let pairs: Vec<(Option<&str>, Option<&str>)> = align(&old, &new, |s| s)
        .into_iter()
        .map(|(o, n)| (o.map(String::as_str), n.map(String::as_str)))
        .collect();
    assert_eq!(
        pairs,
        vec![
            (Some("a"), Some("a")),
            (Some("b"), None),
            (None, Some("x")),
            (Some("c"), Some("c")),
            (Some("d"), None),
            (None, Some("e")),
        ]
    );
}
