//! The document model.

use super::*;

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
