//! Redlines: what changed, word by word, between any two versions of a draft.
//!
//! Parts (title, preamble, articles) and their paragraphs are aligned by eId: a part or
//! paragraph whose eId is only in the old version is shown wholly deleted, one only in the
//! new version wholly inserted (so a renumbered article is a deletion and an insertion).
//! Within aligned texts the diff is minimal over tokens (Myers' O(ND) algorithm after
//! trimming the common prefix and suffix): words, runs of whitespace, and each punctuation
//! mark on its own, so `[`, `/` and `]` are tokens of their own.
//!
//! ```
//! use comity_drafting::{redline, text::Draft};
//!
//! let old = Draft::parse("# T\n\n## Article 1\nThe seat is [Copenhagen / Brussels].\n").unwrap();
//! let new = Draft::parse("# T\n\n## Article 1\nThe seat is Brussels.\n").unwrap();
//! let r = redline::diff(&old, &new);
//! assert_eq!(r.to_text(), "T\n\nArticle 1\nThe seat is [-[Copenhagen / -]Brussels[-]-].\n");
//! assert_eq!((r.words_inserted, r.words_deleted), (0, 1));
//! ```
//!
//! Long because the alignment by eId, the word diff and the HTML and text renderings are one
//! small engine, read together; its tests are in `tests.rs`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::text::{Draft, PREAMBLE_ID, TITLE_ID};

/// A run of tokens that is the same in both versions, only in the new one, or only in the
/// old one. Neighbouring runs of the same kind are merged; in a change, deletions come
/// before insertions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal(String),
    Insert(String),
    Delete(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Unchanged,
    Modified,
    Inserted,
    Deleted,
}

impl Change {
    fn css(self) -> &'static str {
        match self {
            Change::Unchanged => "redline-unchanged",
            Change::Modified => "redline-modified",
            Change::Inserted => "redline-inserted",
            Change::Deleted => "redline-deleted",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParaDiff {
    pub eid: String,
    /// The paragraph's printed number, if it has one.
    pub num: Option<u32>,
    pub change: Change,
    pub ops: Vec<Op>,
}

/// The title, the preamble or an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartDiff {
    /// `title`, `preamble` or the article's eId.
    pub eid: String,
    pub change: Change,
    /// The title's text, `Preamble`, or the article's heading line (`Article 2 — Seat`).
    pub heading: Vec<Op>,
    pub paragraphs: Vec<ParaDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redline {
    pub parts: Vec<PartDiff>,
    pub words_inserted: usize,
    pub words_deleted: usize,
}

/// One part of a draft as text to compare.
struct Unit {
    eid: String,
    heading: String,
    paras: Vec<(String, Option<u32>, String)>,
}

fn units(d: &Draft) -> Vec<Unit> {
    let mut out = vec![Unit {
        eid: TITLE_ID.to_owned(),
        heading: d.title_text(),
        paras: Vec::new(),
    }];
    if !d.preamble.is_empty() {
        out.push(Unit {
            eid: PREAMBLE_ID.to_owned(),
            heading: "Preamble".to_owned(),
            paras: d
                .preamble
                .iter()
                .map(|p| (p.eid.clone(), p.num, p.plain_text()))
                .collect(),
        });
    }
    for a in &d.articles {
        out.push(Unit {
            eid: a.eid.clone(),
            heading: a.label(),
            paras: a
                .paragraphs
                .iter()
                .map(|p| (p.eid.clone(), p.num, p.plain_text()))
                .collect(),
        });
    }
    out
}

/// The redline from `old` to `new`.
pub fn diff(old: &Draft, new: &Draft) -> Redline {
    let mut counts = Counts::default();
    let (old_units, new_units) = (units(old), units(new));
    let mut parts = Vec::new();
    for pair in align(&old_units, &new_units, |u| &u.eid) {
        parts.push(match pair {
            (Some(o), Some(n)) => {
                let heading = diff_counted(&o.heading, &n.heading, &mut counts);
                let mut paragraphs = Vec::new();
                for p in align(&o.paras, &n.paras, |p| &p.0) {
                    paragraphs.push(match p {
                        (Some(op), Some(np)) => {
                            let ops = diff_counted(&op.2, &np.2, &mut counts);
                            let change = if ops.iter().all(|o| matches!(o, Op::Equal(_))) {
                                Change::Unchanged
                            } else {
                                Change::Modified
                            };
                            ParaDiff {
                                eid: np.0.clone(),
                                num: np.1,
                                change,
                                ops,
                            }
                        }
                        (Some(op), None) => whole_para(op, Change::Deleted, &mut counts),
                        (None, Some(np)) => whole_para(np, Change::Inserted, &mut counts),
                        (None, None) => continue,
                    });
                }
                let unchanged = heading.iter().all(|o| matches!(o, Op::Equal(_)))
                    && paragraphs.iter().all(|p| p.change == Change::Unchanged);
                PartDiff {
                    eid: n.eid.clone(),
                    change: if unchanged {
                        Change::Unchanged
                    } else {
                        Change::Modified
                    },
                    heading,
                    paragraphs,
                }
            }
            (Some(o), None) => whole_part(o, Change::Deleted, &mut counts),
            (None, Some(n)) => whole_part(n, Change::Inserted, &mut counts),
            (None, None) => continue,
        });
    }
    Redline {
        parts,
        words_inserted: counts.inserted,
        words_deleted: counts.deleted,
    }
}

fn whole(text: &str, change: Change, counts: &mut Counts) -> Vec<Op> {
    if text.is_empty() {
        return Vec::new();
    }
    let words = tokens(text).into_iter().filter(|t| is_word(t)).count();
    if change == Change::Inserted {
        counts.inserted += words;
        vec![Op::Insert(text.to_owned())]
    } else {
        counts.deleted += words;
        vec![Op::Delete(text.to_owned())]
    }
}

fn whole_para(p: &(String, Option<u32>, String), change: Change, counts: &mut Counts) -> ParaDiff {
    ParaDiff {
        eid: p.0.clone(),
        num: p.1,
        change,
        ops: whole(&p.2, change, counts),
    }
}

fn whole_part(u: &Unit, change: Change, counts: &mut Counts) -> PartDiff {
    PartDiff {
        eid: u.eid.clone(),
        change,
        heading: whole(&u.heading, change, counts),
        paragraphs: u
            .paras
            .iter()
            .map(|p| whole_para(p, change, counts))
            .collect(),
    }
}

/// Pairs items by key, in the new order; an item only in the old list comes right after
/// the old item before it (so a deletion precedes an insertion at the same place).
fn align<'a, T>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> &String,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let new_keys: BTreeSet<&String> = new.iter().map(&key).collect();
    let old_at: BTreeMap<&String, usize> =
        old.iter().enumerate().map(|(i, o)| (key(o), i)).collect();
    let only_old = |i: usize| !new_keys.contains(key(&old[i]));
    let mut out = Vec::new();
    let mut next_old = 0;
    // Old-only items from `next_old` on: up to `upto`, or while they run when `upto` is None.
    let flush = |upto: Option<usize>, next_old: &mut usize, out: &mut Vec<_>| {
        while *next_old < upto.unwrap_or(old.len()) && (upto.is_some() || only_old(*next_old)) {
            if only_old(*next_old) {
                out.push((Some(&old[*next_old]), None));
            }
            *next_old += 1;
        }
    };
    flush(None, &mut next_old, &mut out);
    for n in new {
        match old_at.get(key(n)) {
            Some(&i) => {
                flush(Some(i), &mut next_old, &mut out);
                out.push((Some(&old[i]), Some(n)));
                next_old = next_old.max(i + 1);
                flush(None, &mut next_old, &mut out);
            }
            None => out.push((None, Some(n))),
        }
    }
    flush(Some(old.len()), &mut next_old, &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Words

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Punct,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if c.is_ascii_punctuation()
        || matches!(
            c,
            '—' | '–'
                | '‘'
                | '’'
                | '“'
                | '”'
                | '„'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '…'
                | '·'
                | '¡'
                | '¿'
                | '،'
                | '؛'
                | '؟'
        )
    {
        Class::Punct
    } else {
        Class::Word
    }
}

/// Splits text into words, runs of whitespace, and single punctuation marks. Letters,
/// digits and combining marks (Arabic vowel signs, for instance) make up words.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut run: Option<Class> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        if run != Some(k) || k == Class::Punct {
            if i > start {
                out.push(&text[start..i]);
            }
            start = i;
            run = Some(k);
        }
    }
    if text.len() > start {
        out.push(&text[start..]);
    }
    out
}

fn is_word(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| class(c) == Class::Word)
}

#[derive(Default)]
struct Counts {
    inserted: usize,
    deleted: usize,
}

/// The word-level diff of two texts.
pub fn diff_words(old: &str, new: &str) -> Vec<Op> {
    diff_counted(old, new, &mut Counts::default())
}

fn diff_counted(old: &str, new: &str, counts: &mut Counts) -> Vec<Op> {
    let (a, b) = (tokens(old), tokens(new));
    let mut ops = Vec::new();
    let (mut eq, mut del, mut ins) = (String::new(), String::new(), String::new());
    let flush_change = |ops: &mut Vec<Op>, del: &mut String, ins: &mut String| {
        if !del.is_empty() {
            ops.push(Op::Delete(std::mem::take(del)));
        }
        if !ins.is_empty() {
            ops.push(Op::Insert(std::mem::take(ins)));
        }
    };
    for step in edits(&a, &b) {
        match step {
            Step::Equal(i) => {
                flush_change(&mut ops, &mut del, &mut ins);
                eq.push_str(a[i]);
            }
            Step::Delete(i) | Step::Insert(i) => {
                if !eq.is_empty() {
                    ops.push(Op::Equal(std::mem::take(&mut eq)));
                }
                let (token, buf, count) = match step {
                    Step::Delete(_) => (a[i], &mut del, &mut counts.deleted),
                    _ => (b[i], &mut ins, &mut counts.inserted),
                };
                buf.push_str(token);
                if is_word(token) {
                    *count += 1;
                }
            }
        }
    }
    if !eq.is_empty() {
        ops.push(Op::Equal(eq));
    }
    flush_change(&mut ops, &mut del, &mut ins);
    ops
}

/// One step of an edit script: keep `a[i]`, delete `a[i]`, insert `b[j]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Equal(usize),
    Delete(usize),
    Insert(usize),
}

/// Beyond this many differing tokens in one paragraph the whole paragraph is shown as
/// replaced: the trace kept for backtracking grows with the square of the difference.
const MAX_D: usize = 2000;

/// A shortest edit script from `a` to `b`.
fn edits(a: &[&str], b: &[&str]) -> Vec<Step> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out: Vec<Step> = (0..prefix).map(Step::Equal).collect();
    let middle = myers(ma, mb).unwrap_or_else(|| {
        let dels = (0..ma.len()).map(Step::Delete);
        dels.chain((0..mb.len()).map(Step::Insert)).collect()
    });
    out.extend(middle.into_iter().map(|s| match s {
        Step::Equal(i) => Step::Equal(i + prefix),
        Step::Delete(i) => Step::Delete(i + prefix),
        Step::Insert(j) => Step::Insert(j + prefix),
    }));
    out.extend((a.len() - suffix..a.len()).map(Step::Equal));
    out
}

/// Myers' greedy O(ND) algorithm, keeping each round's frontier for the backtrack; `None`
/// past [`MAX_D`].
fn myers(a: &[&str], b: &[&str]) -> Option<Vec<Step>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = a.len() + b.len();
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    for d in 0..=max.min(MAX_D) as isize {
        let mut k = -d;
        while k <= d {
            let at = |k: isize| (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                trace.push(v[at(-d)..=at(d)].to_vec());
                return Some(backtrack(&trace, n, m));
            }
            k += 2;
        }
        trace.push(v[(offset - d) as usize..=(offset + d) as usize].to_vec());
    }
    None
}

/// Walks the frontiers back from (n, m); `trace[d]` holds round d's x for k in -d..=d.
fn backtrack(trace: &[Vec<isize>], n: isize, m: isize) -> Vec<Step> {
    let (mut x, mut y) = (n, m);
    let mut steps = Vec::new();
    for d in (1..trace.len()).rev() {
        let prev = &trace[d - 1];
        let d = d as isize;
        let get = |k: isize| prev[(k + d - 1) as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && get(k - 1) < get(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            steps.push(Step::Equal((x - 1) as usize));
            x -= 1;
            y -= 1;
        }
        if prev_k == k + 1 {
            steps.push(Step::Insert(prev_y as usize));
        } else {
            steps.push(Step::Delete(prev_x as usize));
        }
        (x, y) = (prev_x, prev_y);
    }
    while x > 0 && y > 0 {
        steps.push(Step::Equal((x - 1) as usize));
        x -= 1;
        y -= 1;
    }
    steps.reverse();
    steps
}

// ---------------------------------------------------------------------------------------
// Rendering

fn escape_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

fn html_ops(out: &mut String, ops: &[Op]) {
    for op in ops {
        let (open, text, close) = match op {
            Op::Equal(t) => ("", t, ""),
            Op::Insert(t) => ("<ins>", t, "</ins>"),
            Op::Delete(t) => ("<del>", t, "</del>"),
        };
        out.push_str(open);
        escape_html(out, text);
        out.push_str(close);
    }
}

fn text_ops(out: &mut String, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Equal(t) => out.push_str(t),
            Op::Insert(t) => {
                out.push_str("[+");
                out.push_str(t);
                out.push_str("+]");
            }
            Op::Delete(t) => {
                out.push_str("[-");
                out.push_str(t);
                out.push_str("-]");
            }
        }
    }
}

const CSS: &str = "body{font-family:Georgia,'Times New Roman',serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#111}\
ins{background:#dcfce7;color:#14532d;text-decoration:underline}\
del{background:#fee2e2;color:#7f1d1d;text-decoration:line-through}\
section{margin:1.5rem 0}\
.redline-summary{font-family:system-ui,sans-serif;color:#444}\
.num{font-weight:bold;margin-inline-end:.4em}";

impl Redline {
    /// True when nothing changed.
    pub fn is_unchanged(&self) -> bool {
        self.parts.iter().all(|p| p.change == Change::Unchanged)
    }

    /// An HTML fragment: one `<section id="redline-…">` per part, changes in `<ins>` and
    /// `<del>`, classes but no inline styles or scripts. Ids derive from eIds, so they are
    /// stable across renderings.
    pub fn to_html(&self) -> String {
        let mut out = String::from("<div class=\"redline\">\n");
        for part in &self.parts {
            out.push_str("<section id=\"redline-");
            escape_html(&mut out, &part.eid);
            out.push_str("\" class=\"");
            out.push_str(part.change.css());
            out.push_str("\">\n");
            let h = if part.eid == TITLE_ID { "h2" } else { "h3" };
            out.push_str(&format!("<{h} dir=\"auto\">"));
            html_ops(&mut out, &part.heading);
            out.push_str(&format!("</{h}>\n"));
            for p in &part.paragraphs {
                out.push_str("<p id=\"redline-");
                escape_html(&mut out, &p.eid);
                out.push_str("\" class=\"");
                out.push_str(p.change.css());
                out.push_str("\" dir=\"auto\">");
                if let Some(n) = p.num {
                    out.push_str(&format!("<span class=\"num\">{n}.</span> "));
                }
                html_ops(&mut out, &p.ops);
                out.push_str("</p>\n");
            }
            out.push_str("</section>\n");
        }
        out.push_str("</div>\n");
        out
    }

    /// A standalone HTML5 document for download: the fragment with a heading, a summary
    /// and a small embedded style sheet. Also well-formed XML (void elements self-closed).
    pub fn to_html_document(&self, title: &str, from_label: &str, to_label: &str) -> String {
        let mut out = String::from(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n",
        );
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
        );
        escape_html(
            &mut out,
            &format!("{title}: redline {from_label} → {to_label}"),
        );
        out.push_str("</title>\n<style>");
        out.push_str(CSS);
        out.push_str("</style>\n</head>\n<body>\n<h1 dir=\"auto\">");
        escape_html(&mut out, title);
        out.push_str("</h1>\n<p class=\"redline-summary\">Changes from ");
        escape_html(&mut out, from_label);
        out.push_str(" to ");
        escape_html(&mut out, to_label);
        out.push_str(&format!(
            ": {} words inserted, {} words deleted.</p>\n",
            self.words_inserted, self.words_deleted
        ));
        out.push_str(&self.to_html());
        out.push_str("</body>\n</html>\n");
        out
    }

    /// Plain text with `[+inserted+]` and `[-deleted-]`: the title, then each part's
    /// heading line and paragraphs, parts separated by a blank line.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            text_ops(&mut out, &part.heading);
            out.push('\n');
            for p in &part.paragraphs {
                if let Some(n) = p.num {
                    out.push_str(&format!("{n}. "));
                }
                text_ops(&mut out, &p.ops);
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
