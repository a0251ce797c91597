//! Counting, resolving and proposing.

use super::*;

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
