//! Redlines.

use super::*;

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
    if let Some(out) = super::akoma_ntoso::xmllint(&[], "redline.html", &doc) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
