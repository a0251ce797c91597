//! The negotiating text of a treaty: its structure (title, preamble, articles, paragraphs),
//! the square brackets that mark language not yet agreed, and the plain-text source it is
//! written in. The journal stores the source and re-parses it on replay, so parsing is
//! deterministic and [`Draft::to_source`] writes a text that parses back to the same draft.
//!
//! # The source format
//!
//! ```text
//! # Founding Treaty of the Alliance of Democracies
//!
//! ## Preamble
//! The States Parties to this Treaty,
//! [Recalling / Reaffirming] their commitment to ...
//!
//! ## Article 1 — Establishment
//! 1. The Alliance of Democracies is hereby established.
//! 2. Its seat shall be [in [Copenhagen / Brussels] / decided by the Summit].
//!
//! ## Article 2 — Membership {#membership}
//! Membership is open to every State that [is rated Free / is rated Free or Partly Free].
//! ```
//!
//! - `# ` starts the title: required, once, before anything else.
//! - `## Preamble` (optional) comes before the articles; `## Article N` follows with an
//!   optional heading after an em dash, an en dash, `-` or `:`, and an optional `{#id}` at the
//!   end that replaces the article's identifier `art_N` (`[a-z0-9_]+`, no `__`, unique).
//!   Headings are plain text: brackets in a heading are an error.
//! - A paragraph is a run of non-blank lines joined by single spaces; a line `N.` starts a
//!   new numbered paragraph. An article's paragraphs are either all unnumbered or numbered
//!   1, 2, 3… without gaps; preamble paragraphs are never numbered.
//! - Runs of spaces and tabs count as one space; paragraphs and alternatives are trimmed.
//! - `[` opens a bracket and `]` closes it, to any depth; `/` separates alternatives at the
//!   top level of the innermost open bracket and is ordinary text outside brackets. A
//!   backslash before any ASCII punctuation character makes it literal (`\[`, `\]`, `\/`,
//!   `\\`, and `\#` or `1\.` at the start of a paragraph).
//!
//! Identifiers follow Akoma Ntoso's eId style: `title`, `preamble`, `preamble__p_1`,
//! `art_1`, `art_1__para_2`.
//!
//! ```
//! use comity_drafting::text::{BracketRef, Choice, Draft};
//!
//! let draft = Draft::parse("# Treaty\n\n## Article 1\nThe seat is [Copenhagen / Brussels].\n").unwrap();
//! assert_eq!(draft.open_brackets().total, 1);
//! let agreed = draft.resolve(&BracketRef::top("art_1__para_1", 0), Choice::Alternative(1)).unwrap();
//! assert_eq!(agreed.to_source(), "# Treaty\n\n## Article 1\nThe seat is Brussels.\n");
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The eId of the title.
pub const TITLE_ID: &str = "title";
/// The eId of the preamble.
pub const PREAMBLE_ID: &str = "preamble";

/// One version of a treaty's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub title: Vec<Segment>,
    /// Empty when the draft has no preamble.
    pub preamble: Vec<Paragraph>,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// `art_N`, or the `{#id}` given after the heading.
    pub eid: String,
    pub number: u32,
    pub heading: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// `preamble__p_N` or `<article eId>__para_N`, N counting from 1 in reading order.
    pub eid: String,
    /// The printed number (`1.`); `None` for unnumbered paragraphs.
    pub num: Option<u32>,
    pub content: Vec<Segment>,
}

/// A piece of running text: agreed wording, or a bracket of alternatives not yet agreed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Text(String),
    Bracket(Bracket),
}

/// Language in square brackets: one alternative (`[wording]`) or several
/// (`[option A / option B]`), each of which may hold brackets of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bracket {
    /// Never empty, and no alternative is empty.
    pub alternatives: Vec<Vec<Segment>>,
}

impl Article {
    /// `Article 3 — Seat`, as the article's heading line shows it.
    pub fn label(&self) -> String {
        match &self.heading {
            Some(h) => format!("Article {} — {h}", self.number),
            None => format!("Article {}", self.number),
        }
    }
}

impl Paragraph {
    /// The paragraph's text with its brackets written `[a / b]`.
    pub fn plain_text(&self) -> String {
        plain_text(&self.content)
    }
}

/// Text with brackets written `[`, ` / `, `]` (no escaping: for reading, not for parsing).
pub fn plain_text(segments: &[Segment]) -> String {
    let mut out = String::new();
    write_plain(&mut out, segments);
    out
}

fn write_plain(out: &mut String, segments: &[Segment]) {
    for seg in segments {
        match seg {
            Segment::Text(t) => out.push_str(t),
            Segment::Bracket(b) => {
                out.push('[');
                for (i, alt) in b.alternatives.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" / ");
                    }
                    write_plain(out, alt);
                }
                out.push(']');
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Errors

/// Which part of the draft a problem is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    /// Outside any section (before the title, or about the draft as a whole).
    Document,
    Title,
    Preamble,
    /// The article with this number.
    Article(u32),
    /// Wording given to [`Draft::resolve`] or [`Draft::propose`].
    Wording,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Document => f.write_str("document"),
            Part::Title => f.write_str("title"),
            Part::Preamble => f.write_str("preamble"),
            Part::Article(n) => write!(f, "Article {n}"),
            Part::Wording => f.write_str("wording"),
        }
    }
}

/// Where a problem is: line and column (1-based, counted in characters) in the source, and
/// the part and paragraph (1-based, in reading order) of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub part: Part,
    pub paragraph: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)?;
        match (&self.part, self.paragraph) {
            (Part::Document, _) => Ok(()),
            (part, Some(p)) => write!(f, " ({part}, paragraph {p})"),
            (part, None) => write!(f, " ({part})"),
        }
    }
}

/// One problem in a draft's source.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{at}: {kind}")]
pub struct TextError {
    pub at: Location,
    pub kind: TextErrorKind,
}

/// What is wrong. For bracket problems the column is that of the `[` (unclosed, empty
/// bracket), the `]` (stray), or the `[` or `/` that opens the empty alternative.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextErrorKind {
    #[error("this `[` is never closed")]
    UnclosedBracket,
    #[error("this `]` closes no bracket")]
    StrayClosingBracket,
    #[error("empty bracket")]
    EmptyBracket,
    #[error("alternative {0} of this bracket is empty")]
    EmptyAlternative(usize),
    #[error("a draft begins with its title: `# Title`")]
    MissingTitle,
    #[error("the title is empty")]
    EmptyTitle,
    #[error("a second title; a draft has one `# ` line")]
    DuplicateTitle,
    #[error("the title must come before the preamble and the articles")]
    TitleNotFirst,
    #[error(
        "text outside the preamble and the articles: start a section with `## Preamble` or `## Article N`"
    )]
    TextOutsideSection,
    #[error("unknown heading {0:?}: expected `## Preamble` or `## Article N`")]
    UnknownHeading(String),
    #[error("the preamble must come before the articles")]
    PreambleNotFirst,
    #[error("a second preamble")]
    DuplicatePreamble,
    #[error("{0:?} is not an article number (1, 2, 3, …)")]
    BadArticleNumber(String),
    #[error(
        "expected an em dash, an en dash, `-` or `:` between the article number and its heading"
    )]
    BadHeadingSeparator,
    #[error("a heading cannot hold brackets: put the disputed wording in a paragraph")]
    BracketInHeading,
    #[error("Article {number} already appears at line {first_line}")]
    DuplicateArticle { number: u32, first_line: usize },
    #[error(
        "{0:?} is not a valid identifier: use `{{#id}}` with lowercase letters, digits and single underscores, other than `title` and `preamble`"
    )]
    BadId(String),
    #[error("the identifier {id:?} is already used at line {first_line}")]
    DuplicateId { id: String, first_line: usize },
    #[error("this section has no paragraph")]
    EmptySection,
    #[error("this paragraph has no text")]
    EmptyParagraph,
    #[error("paragraph numbered {found} where {expected} was expected")]
    NumberingSkips { expected: usize, found: u32 },
    #[error("an unnumbered paragraph among numbered ones")]
    MixedNumbering,
    #[error("preamble paragraphs are not numbered")]
    NumberedPreamble,
    #[error("the draft has no article")]
    NoArticle,
}

impl TextErrorKind {
    /// A stable identifier, also the message id in the translations.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnclosedBracket => "treaty_text_unclosed_bracket",
            Self::StrayClosingBracket => "treaty_text_stray_closing_bracket",
            Self::EmptyBracket => "treaty_text_empty_bracket",
            Self::EmptyAlternative(_) => "treaty_text_empty_alternative",
            Self::MissingTitle => "treaty_text_missing_title",
            Self::EmptyTitle => "treaty_text_empty_title",
            Self::DuplicateTitle => "treaty_text_duplicate_title",
            Self::TitleNotFirst => "treaty_text_title_not_first",
            Self::TextOutsideSection => "treaty_text_outside_section",
            Self::UnknownHeading(_) => "treaty_text_unknown_heading",
            Self::PreambleNotFirst => "treaty_text_preamble_not_first",
            Self::DuplicatePreamble => "treaty_text_duplicate_preamble",
            Self::BadArticleNumber(_) => "treaty_text_bad_article_number",
            Self::BadHeadingSeparator => "treaty_text_bad_heading_separator",
            Self::BracketInHeading => "treaty_text_bracket_in_heading",
            Self::DuplicateArticle { .. } => "treaty_text_duplicate_article",
            Self::BadId(_) => "treaty_text_bad_id",
            Self::DuplicateId { .. } => "treaty_text_duplicate_id",
            Self::EmptySection => "treaty_text_empty_section",
            Self::EmptyParagraph => "treaty_text_empty_paragraph",
            Self::NumberingSkips { .. } => "treaty_text_numbering_skips",
            Self::MixedNumbering => "treaty_text_mixed_numbering",
            Self::NumberedPreamble => "treaty_text_numbered_preamble",
            Self::NoArticle => "treaty_text_no_article",
        }
    }
}

/// Every problem found in a source, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextErrors(pub Vec<TextError>);

impl fmt::Display for TextErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

impl std::error::Error for TextErrors {}

/// Why a bracket could not be resolved or an alternative proposed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no paragraph {0:?} in this draft")]
    UnknownParagraph(String),
    #[error("there is no {0}")]
    UnknownBracket(BracketRef),
    #[error("{bracket} has {count} alternatives; there is no alternative {}", .index + 1)]
    UnknownAlternative {
        bracket: BracketRef,
        index: usize,
        count: usize,
    },
    #[error("the wording is empty")]
    EmptyWording,
    #[error("the wording is not valid:\n{0}")]
    InvalidWording(TextErrors),
    #[error("{bracket} already offers this wording as alternative {}", .index + 1)]
    DuplicateAlternative { bracket: BracketRef, index: usize },
    #[error("deleting {bracket} would leave {what} without any text")]
    WouldEmpty { bracket: BracketRef, what: String },
}

impl EditError {
    /// A stable identifier, also the message id in the translations.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownParagraph(_) => "treaty_unknown_paragraph",
            Self::UnknownBracket(_) => "treaty_unknown_bracket",
            Self::UnknownAlternative { .. } => "treaty_unknown_alternative",
            Self::EmptyWording => "treaty_empty_wording",
            Self::InvalidWording(_) => "treaty_invalid_wording",
            Self::DuplicateAlternative { .. } => "treaty_duplicate_alternative",
            Self::WouldEmpty { .. } => "treaty_would_empty",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Addressing brackets

/// A stable address of a bracket within one version: the paragraph (eId, or `title`), the
/// position of its top-level bracket among that paragraph's top-level brackets, and for a
/// nested bracket the path down to it: (alternative, position among that alternative's
/// brackets) at each level. All positions count from 0; messages count from 1.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BracketRef {
    pub para: String,
    pub index: usize,
    pub path: Vec<(usize, usize)>,
}

impl BracketRef {
    /// The `index`-th top-level bracket of a paragraph.
    pub fn top(para: impl Into<String>, index: usize) -> Self {
        Self {
            para: para.into(),
            index,
            path: Vec::new(),
        }
    }

    /// The `index`-th bracket inside this bracket's `alternative`.
    #[must_use]
    pub fn nested(&self, alternative: usize, index: usize) -> Self {
        let mut path = self.path.clone();
        path.push((alternative, index));
        Self {
            para: self.para.clone(),
            index: self.index,
            path,
        }
    }
}

impl fmt::Display for BracketRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (alt, idx) in self.path.iter().rev() {
            write!(f, "bracket {} in alternative {} of ", idx + 1, alt + 1)?;
        }
        write!(f, "bracket {} of {}", self.index + 1, self.para)
    }
}

/// How a bracket is settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Keep this alternative (from 0); brackets inside it stay open.
    Alternative(usize),
    /// Replace the bracket by agreed wording, which may hold balanced brackets of its own.
    Text(String),
    /// Drop the bracketed language. A paragraph left empty is removed and the following
    /// paragraphs of its article are renumbered.
    Delete,
}

/// A bracket and its alternatives as plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BracketInfo {
    pub at: BracketRef,
    pub alternatives: Vec<String>,
}

/// Open brackets per part: `title`, `preamble` (when there is one), then each article by
/// eId. Nested brackets count as well as top-level ones: `[a [b / c] / d]` is two.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BracketCount {
    pub per_part: Vec<(String, usize)>,
    pub total: usize,
}

// ---------------------------------------------------------------------------------------
// Reading and editing a draft

impl Draft {
    /// Parses a source; every problem is reported, in source order.
    pub fn parse(source: &str) -> Result<Draft, TextErrors> {
        parse::draft(source)
    }

    /// The source text of this draft, which parses back to it.
    pub fn to_source(&self) -> String {
        let mut out = String::from("# ");
        write_source(&mut out, &self.title, 0, false);
        out.push('\n');
        if !self.preamble.is_empty() {
            out.push_str("\n## Preamble\n");
            write_paragraphs(&mut out, &self.preamble);
        }
        for a in &self.articles {
            out.push_str("\n## ");
            out.push_str(&a.label());
            if a.eid != format!("art_{}", a.number) {
                out.push_str(" {#");
                out.push_str(&a.eid);
                out.push('}');
            }
            out.push('\n');
            write_paragraphs(&mut out, &a.paragraphs);
        }
        out
    }

    /// Every text of the draft with its eId, in reading order: the title, the preamble's
    /// paragraphs, each article's paragraphs.
    pub fn texts(&self) -> Vec<(&str, &[Segment])> {
        let mut out = vec![(TITLE_ID, self.title.as_slice())];
        for p in self.paragraphs() {
            out.push((p.eid.as_str(), p.content.as_slice()));
        }
        out
    }

    /// Every paragraph, preamble first.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.preamble
            .iter()
            .chain(self.articles.iter().flat_map(|a| a.paragraphs.iter()))
    }

    pub fn paragraph(&self, eid: &str) -> Option<&Paragraph> {
        self.paragraphs().find(|p| p.eid == eid)
    }

    pub fn article(&self, eid: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.eid == eid)
    }

    /// The segments of a paragraph, or of the title (`title`).
    pub fn content(&self, eid: &str) -> Option<&[Segment]> {
        if eid == TITLE_ID {
            return Some(&self.title);
        }
        self.paragraph(eid).map(|p| p.content.as_slice())
    }

    fn content_mut(&mut self, eid: &str) -> Option<&mut Vec<Segment>> {
        if eid == TITLE_ID {
            return Some(&mut self.title);
        }
        self.preamble
            .iter_mut()
            .chain(
                self.articles
                    .iter_mut()
                    .flat_map(|a| a.paragraphs.iter_mut()),
            )
            .find(|p| p.eid == eid)
            .map(|p| &mut p.content)
    }

    /// The title as plain text.
    pub fn title_text(&self) -> String {
        plain_text(&self.title)
    }

    /// Open brackets per part and in total (nested ones included).
    pub fn open_brackets(&self) -> BracketCount {
        let mut per_part = vec![(TITLE_ID.to_owned(), count_brackets(&self.title))];
        if !self.preamble.is_empty() {
            let n = self
                .preamble
                .iter()
                .map(|p| count_brackets(&p.content))
                .sum();
            per_part.push((PREAMBLE_ID.to_owned(), n));
        }
        for a in &self.articles {
            let n = a
                .paragraphs
                .iter()
                .map(|p| count_brackets(&p.content))
                .sum();
            per_part.push((a.eid.clone(), n));
        }
        let total = per_part.iter().map(|(_, n)| n).sum();
        BracketCount { per_part, total }
    }

    /// Every bracket in reading order, each before the brackets nested in it.
    pub fn brackets(&self) -> Vec<BracketInfo> {
        let mut out = Vec::new();
        for (eid, segs) in self.texts() {
            collect_brackets(eid, segs, None, &mut out);
        }
        out
    }

    /// The draft with one bracket settled.
    pub fn resolve(&self, at: &BracketRef, choice: Choice) -> Result<Draft, EditError> {
        let mut draft = self.clone();
        let replacement = match &choice {
            Choice::Text(wording) => Some(parse_wording(wording)?),
            Choice::Alternative(_) | Choice::Delete => None,
        };
        let (list, pos) = draft.locate(at)?;
        let Segment::Bracket(bracket) = &list[pos] else {
            return Err(EditError::UnknownBracket(at.clone()));
        };
        let replacement = match (choice, replacement) {
            (Choice::Alternative(i), _) => {
                bracket.alternatives.get(i).cloned().ok_or_else(|| {
                    EditError::UnknownAlternative {
                        bracket: at.clone(),
                        index: i,
                        count: bracket.alternatives.len(),
                    }
                })?
            }
            (_, Some(wording)) => wording,
            (_, None) => Vec::new(),
        };
        let deleting = replacement.is_empty();
        list.splice(pos..=pos, replacement);
        if deleting {
            close_gap(list, pos);
        }
        *list = tidy(std::mem::take(list));
        if !list.is_empty() {
            return Ok(draft);
        }
        if !at.path.is_empty() {
            let what = "the alternative that holds it".to_owned();
            return Err(EditError::WouldEmpty {
                bracket: at.clone(),
                what,
            });
        }
        draft.drop_paragraph(at)?;
        Ok(draft)
    }

    /// The draft with `wording` added as the last alternative of a bracket.
    pub fn propose(&self, at: &BracketRef, wording: &str) -> Result<Draft, EditError> {
        let alternative = parse_wording(wording)?;
        let mut draft = self.clone();
        let (list, pos) = draft.locate(at)?;
        let Segment::Bracket(bracket) = &mut list[pos] else {
            return Err(EditError::UnknownBracket(at.clone()));
        };
        if let Some(index) = bracket.alternatives.iter().position(|a| *a == alternative) {
            return Err(EditError::DuplicateAlternative {
                bracket: at.clone(),
                index,
            });
        }
        bracket.alternatives.push(alternative);
        Ok(draft)
    }

    /// The list holding the bracket `at`, and the bracket's position in it.
    fn locate(&mut self, at: &BracketRef) -> Result<(&mut Vec<Segment>, usize), EditError> {
        let segs = self
            .content_mut(&at.para)
            .ok_or_else(|| EditError::UnknownParagraph(at.para.clone()))?;
        locate_in(segs, at.index, &at.path).ok_or_else(|| EditError::UnknownBracket(at.clone()))
    }

    /// Removes an emptied paragraph, renumbering the rest of its article or preamble.
    fn drop_paragraph(&mut self, at: &BracketRef) -> Result<(), EditError> {
        if let Some(i) = self.preamble.iter().position(|p| p.eid == at.para) {
            self.preamble.remove(i);
            for (n, p) in self.preamble.iter_mut().enumerate() {
                p.eid = format!("{PREAMBLE_ID}__p_{}", n + 1);
            }
            return Ok(());
        }
        let Some(article) = self
            .articles
            .iter_mut()
            .find(|a| a.paragraphs.iter().any(|p| p.eid == at.para))
        else {
            // The title: it may not be left empty.
            return Err(EditError::WouldEmpty {
                bracket: at.clone(),
                what: "the title".to_owned(),
            });
        };
        if article.paragraphs.len() == 1 {
            return Err(EditError::WouldEmpty {
                bracket: at.clone(),
                what: article.label(),
            });
        }
        article.paragraphs.retain(|p| p.eid != at.para);
        for (n, p) in article.paragraphs.iter_mut().enumerate() {
            p.eid = format!("{}__para_{}", article.eid, n + 1);
            if p.num.is_some() {
                p.num = u32::try_from(n + 1).ok();
            }
        }
        Ok(())
    }
}

fn count_brackets(segs: &[Segment]) -> usize {
    segs.iter()
        .map(|s| match s {
            Segment::Text(_) => 0,
            Segment::Bracket(b) => {
                1 + b
                    .alternatives
                    .iter()
                    .map(|a| count_brackets(a))
                    .sum::<usize>()
            }
        })
        .sum()
}

fn brackets_in(segs: &[Segment]) -> impl Iterator<Item = &Bracket> {
    segs.iter().filter_map(|s| match s {
        Segment::Bracket(b) => Some(b),
        Segment::Text(_) => None,
    })
}

fn collect_brackets(
    para: &str,
    segs: &[Segment],
    parent: Option<(&BracketRef, usize)>,
    out: &mut Vec<BracketInfo>,
) {
    for (n, b) in brackets_in(segs).enumerate() {
        let at = match parent {
            None => BracketRef::top(para, n),
            Some((p, alt)) => p.nested(alt, n),
        };
        out.push(BracketInfo {
            at: at.clone(),
            alternatives: b.alternatives.iter().map(|a| plain_text(a)).collect(),
        });
        for (alt, inner) in b.alternatives.iter().enumerate() {
            collect_brackets(para, inner, Some((&at, alt)), out);
        }
    }
}

fn locate_in<'a>(
    segs: &'a mut Vec<Segment>,
    index: usize,
    path: &[(usize, usize)],
) -> Option<(&'a mut Vec<Segment>, usize)> {
    let pos = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Segment::Bracket(_)))
        .nth(index)
        .map(|(i, _)| i)?;
    match path.split_first() {
        None => Some((segs, pos)),
        Some((&(alt, idx), rest)) => match &mut segs[pos] {
            Segment::Bracket(b) => locate_in(b.alternatives.get_mut(alt)?, idx, rest),
            Segment::Text(_) => None,
        },
    }
}

/// After deleting the segment at `pos`: no space left before punctuation or another space.
fn close_gap(list: &mut [Segment], pos: usize) {
    let next_is_tight = match list.get(pos) {
        None => true,
        Some(Segment::Text(t)) => t.starts_with([' ', '.', ',', ';', ':', '!', '?', ')']),
        Some(Segment::Bracket(_)) => false,
    };
    if next_is_tight
        && let Some(Segment::Text(prev)) = pos.checked_sub(1).and_then(|p| list.get_mut(p))
        && prev.ends_with(' ')
    {
        prev.pop();
    }
}

/// Merges neighbouring texts, collapses runs of spaces and trims both ends.
fn tidy(segs: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    for seg in segs {
        match (out.last_mut(), seg) {
            (Some(Segment::Text(prev)), Segment::Text(t)) => prev.push_str(&t),
            (_, seg) => out.push(seg),
        }
    }
    for seg in &mut out {
        if let Segment::Text(t) = seg {
            while t.contains("  ") {
                *t = t.replace("  ", " ");
            }
        }
    }
    trim(out)
}

/// Trims spaces at both ends of a run of segments.
fn trim(mut segs: Vec<Segment>) -> Vec<Segment> {
    if let Some(Segment::Text(t)) = segs.first_mut() {
        *t = t.trim_start_matches(' ').to_owned();
    }
    if let Some(Segment::Text(t)) = segs.last_mut() {
        *t = t.trim_end_matches(' ').to_owned();
    }
    segs.retain(|s| !matches!(s, Segment::Text(t) if t.is_empty()));
    segs
}

fn parse_wording(wording: &str) -> Result<Vec<Segment>, EditError> {
    let mut errors = Vec::new();
    let mut chars = Vec::new();
    for (i, line) in wording.lines().enumerate() {
        if i > 0 {
            chars.push(parse::Ch {
                c: ' ',
                line: i + 1,
                col: 1,
            });
        }
        chars.extend(parse::chars_of(line, i + 1, 1));
    }
    let ctx = parse::Ctx {
        part: Part::Wording,
        para: None,
    };
    let segs = parse::inline(&chars, &ctx, &mut errors);
    if !errors.is_empty() {
        return Err(EditError::InvalidWording(TextErrors(errors)));
    }
    if segs.is_empty() {
        return Err(EditError::EmptyWording);
    }
    Ok(segs)
}

// ---------------------------------------------------------------------------------------
// Writing the source

fn write_paragraphs(out: &mut String, paragraphs: &[Paragraph]) {
    for (i, p) in paragraphs.iter().enumerate() {
        // Numbered paragraphs follow each other line by line; unnumbered ones need a
        // blank line to separate them.
        if i > 0 && p.num.is_none() {
            out.push('\n');
        }
        if let Some(n) = p.num {
            out.push_str(&format!("{n}. "));
        }
        write_source(out, &p.content, 0, p.num.is_none());
        out.push('\n');
    }
}

fn write_source(out: &mut String, segs: &[Segment], depth: usize, line_start: bool) {
    for (i, seg) in segs.iter().enumerate() {
        match seg {
            Segment::Text(t) => escape_source(out, t, depth, line_start && i == 0),
            Segment::Bracket(b) => {
                out.push('[');
                for (j, alt) in b.alternatives.iter().enumerate() {
                    if j > 0 {
                        out.push_str(" / ");
                    }
                    write_source(out, alt, depth + 1, false);
                }
                out.push(']');
            }
        }
    }
}

fn escape_source(out: &mut String, text: &str, depth: usize, line_start: bool) {
    // At the start of an unnumbered paragraph, `#` would read as a heading and `12.` as a
    // paragraph number.
    let number_dot = if line_start {
        parse::numbered(text).map(|(_, _)| text.bytes().take_while(u8::is_ascii_digit).count())
    } else {
        None
    };
    if line_start && text.starts_with('#') {
        out.push('\\');
    }
    for (i, c) in text.char_indices() {
        let escape = match c {
            '\\' | '[' | ']' => true,
            '/' => depth > 0,
            '.' => number_dot == Some(i),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

mod parse {
    //! Source → [`Draft`]: lines into sections, sections into paragraphs, paragraphs into
    //! segments. Problems are collected, not returned at the first.

    use super::*;

    /// A character of running text and where it stands in the source.
    #[derive(Debug, Clone, Copy)]
    pub(super) struct Ch {
        pub c: char,
        pub line: usize,
        pub col: usize,
    }

    pub(super) struct Ctx {
        pub part: Part,
        pub para: Option<usize>,
    }

    impl Ctx {
        fn at(&self, line: usize, column: usize) -> Location {
            Location {
                line,
                column,
                part: self.part.clone(),
                paragraph: self.para,
            }
        }
    }

    fn is_space(c: char) -> bool {
        matches!(c, ' ' | '\t' | '\r' | '\u{b}' | '\u{c}')
    }

    pub(super) fn chars_of(text: &str, line: usize, col: usize) -> impl Iterator<Item = Ch> + '_ {
        text.chars().enumerate().map(move |(i, c)| Ch {
            c,
            line,
            col: col + i,
        })
    }

    /// `12. text` → (12, byte length of `12.` and the spaces after it).
    pub(super) fn numbered(text: &str) -> Option<(u32, usize)> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let rest = text[digits..].strip_prefix('.')?;
        if digits == 0 || !(rest.is_empty() || rest.starts_with(is_space)) {
            return None;
        }
        let n = text[..digits].parse().ok()?;
        let body = rest.trim_start_matches(is_space);
        Some((n, text.len() - body.len()))
    }

    enum Line<'a> {
        Blank,
        Heading {
            level: usize,
            rest: &'a str,
            col: usize,
        },
        Text {
            text: &'a str,
            col: usize,
        },
    }

    fn classify(line: &str) -> Line<'_> {
        let trimmed = line.trim_start_matches(is_space);
        if trimmed.trim_end_matches(is_space).is_empty() {
            return Line::Blank;
        }
        let indent = line.len() - trimmed.len(); // spaces and tabs: one byte each
        let level = trimmed.bytes().take_while(|&b| b == b'#').count();
        if level > 0 {
            let after = &trimmed[level..];
            if after.is_empty() || after.starts_with(is_space) {
                let rest = after.trim_start_matches(is_space);
                let col = indent + level + (after.len() - rest.len()) + 1;
                let rest = rest.trim_end_matches(is_space);
                return Line::Heading { level, rest, col };
            }
        }
        Line::Text {
            text: trimmed.trim_end_matches(is_space),
            col: indent + 1,
        }
    }

    enum Kind {
        Preamble,
        Article {
            number: u32,
            eid: String,
            heading: Option<String>,
        },
        /// A section whose heading was wrong: its lines are kept out of further checks.
        Invalid,
    }

    struct Section<'a> {
        line: usize,
        kind: Kind,
        /// (line, column, text); blank lines as empty text.
        lines: Vec<(usize, usize, &'a str)>,
    }

    struct Head {
        number: u32,
        heading: Option<String>,
        id: Option<(String, usize)>,
    }

    #[derive(Default)]
    struct Parser<'a> {
        errors: Vec<TextError>,
        title: Option<(usize, Vec<Segment>)>,
        seen_content: bool,
        outside_run: bool,
        sections: Vec<Section<'a>>,
        numbers: BTreeMap<u32, usize>,
        ids: BTreeMap<String, usize>,
    }

    pub(super) fn draft(source: &str) -> Result<Draft, TextErrors> {
        let mut p = Parser::default();
        let mut last_line = 1;
        for (i, line) in source.lines().enumerate() {
            last_line = i + 1;
            p.line(i + 1, line);
        }
        if p.title.is_none()
            && !p
                .errors
                .iter()
                .any(|e| e.kind == TextErrorKind::TitleNotFirst)
        {
            p.error(Part::Document, 1, 1, TextErrorKind::MissingTitle);
        }
        if !p.sections.iter().any(|s| !matches!(s.kind, Kind::Preamble)) {
            p.error(Part::Document, last_line, 1, TextErrorKind::NoArticle);
        }
        let mut preamble = Vec::new();
        let mut articles = Vec::new();
        for section in std::mem::take(&mut p.sections) {
            match &section.kind {
                Kind::Preamble => preamble = p.paragraphs(&section, Part::Preamble, PREAMBLE_ID),
                Kind::Article {
                    number,
                    eid,
                    heading,
                } => {
                    let part = Part::Article(*number);
                    let paragraphs = p.paragraphs(&section, part, eid);
                    articles.push(Article {
                        eid: eid.clone(),
                        number: *number,
                        heading: heading.clone(),
                        paragraphs,
                    });
                }
                Kind::Invalid => {}
            }
        }
        let mut errors = p.errors;
        if let (true, Some((_, title))) = (errors.is_empty(), p.title) {
            return Ok(Draft {
                title,
                preamble,
                articles,
            });
        }
        errors.sort_by_key(|e| (e.at.line, e.at.column));
        Err(TextErrors(errors))
    }

    impl<'a> Parser<'a> {
        fn error(&mut self, part: Part, line: usize, column: usize, kind: TextErrorKind) {
            let at = Location {
                line,
                column,
                part,
                paragraph: None,
            };
            self.errors.push(TextError { at, kind });
        }

        fn line(&mut self, n: usize, line: &'a str) {
            match classify(line) {
                Line::Blank => {
                    self.outside_run = false;
                    if let Some(s) = self.sections.last_mut() {
                        s.lines.push((n, 1, ""));
                    }
                }
                Line::Heading {
                    level: 1,
                    rest,
                    col,
                } => {
                    self.outside_run = false;
                    if self.title.is_some() {
                        self.error(Part::Title, n, 1, TextErrorKind::DuplicateTitle);
                    } else if self.seen_content {
                        self.error(Part::Title, n, 1, TextErrorKind::TitleNotFirst);
                    } else {
                        self.title(n, rest, col);
                    }
                    self.seen_content = true;
                }
                Line::Heading {
                    level: 2,
                    rest,
                    col,
                } => {
                    self.outside_run = false;
                    self.seen_content = true;
                    self.section(n, rest, col);
                }
                Line::Heading { .. } => {
                    self.seen_content = true;
                    let heading = line.trim_matches(is_space).to_owned();
                    let part = self.current_part();
                    self.error(part, n, 1, TextErrorKind::UnknownHeading(heading));
                }
                Line::Text { text, col } => {
                    self.seen_content = true;
                    match self.sections.last_mut() {
                        Some(s) => s.lines.push((n, col, text)),
                        None if !self.outside_run => {
                            self.outside_run = true;
                            self.error(Part::Document, n, col, TextErrorKind::TextOutsideSection);
                        }
                        None => {}
                    }
                }
            }
        }

        fn current_part(&self) -> Part {
            match self.sections.last().map(|s| &s.kind) {
                Some(Kind::Preamble) => Part::Preamble,
                Some(Kind::Article { number, .. }) => Part::Article(*number),
                Some(Kind::Invalid) | None => Part::Document,
            }
        }

        fn title(&mut self, n: usize, rest: &str, col: usize) {
            if rest.is_empty() {
                self.error(Part::Title, n, 1, TextErrorKind::EmptyTitle);
                self.title = Some((n, Vec::new()));
                return;
            }
            let chars: Vec<Ch> = chars_of(rest, n, col).collect();
            let ctx = Ctx {
                part: Part::Title,
                para: None,
            };
            let segs = inline(&chars, &ctx, &mut self.errors);
            self.title = Some((n, segs));
        }

        fn section(&mut self, n: usize, rest: &str, col: usize) {
            let kind = if rest == "Preamble" {
                if self
                    .sections
                    .iter()
                    .any(|s| matches!(s.kind, Kind::Preamble))
                {
                    self.error(Part::Preamble, n, 1, TextErrorKind::DuplicatePreamble);
                    Kind::Invalid
                } else if !self.sections.is_empty() {
                    self.error(Part::Preamble, n, 1, TextErrorKind::PreambleNotFirst);
                    Kind::Invalid
                } else {
                    Kind::Preamble
                }
            } else if rest == "Article"
                || rest.starts_with("Article ")
                || rest.starts_with("Article\t")
            {
                match head(rest, col) {
                    Ok(head) => self.article(n, head),
                    Err((column, kind)) => {
                        self.error(Part::Document, n, column, kind);
                        Kind::Invalid
                    }
                }
            } else {
                let heading = format!("## {rest}");
                self.error(Part::Document, n, 1, TextErrorKind::UnknownHeading(heading));
                Kind::Invalid
            };
            self.sections.push(Section {
                line: n,
                kind,
                lines: Vec::new(),
            });
        }

        fn article(&mut self, n: usize, head: Head) -> Kind {
            let part = Part::Article(head.number);
            if let Some(&first_line) = self.numbers.get(&head.number) {
                let kind = TextErrorKind::DuplicateArticle {
                    number: head.number,
                    first_line,
                };
                self.error(part, n, 1, kind);
                return Kind::Invalid;
            }
            self.numbers.insert(head.number, n);
            let (eid, id_col) = match head.id {
                Some((id, col)) => (id, col),
                None => (format!("art_{}", head.number), 1),
            };
            if let Some(&first_line) = self.ids.get(&eid) {
                let kind = TextErrorKind::DuplicateId {
                    id: eid,
                    first_line,
                };
                self.error(part, n, id_col, kind);
                return Kind::Invalid;
            }
            self.ids.insert(eid.clone(), n);
            Kind::Article {
                number: head.number,
                eid,
                heading: head.heading,
            }
        }

        /// Splits a section into paragraphs, checks their numbering and parses their text.
        fn paragraphs(&mut self, section: &Section<'_>, part: Part, eid: &str) -> Vec<Paragraph> {
            let raw = split(&section.lines);
            if raw.is_empty() {
                self.error(part.clone(), section.line, 1, TextErrorKind::EmptySection);
            }
            let numbered = raw.iter().any(|r| r.num.is_some());
            let mut numbering_ok = true;
            let mut out = Vec::new();
            for (i, r) in raw.iter().enumerate() {
                let ctx = Ctx {
                    part: part.clone(),
                    para: Some(i + 1),
                };
                let mut problem = |kind| {
                    let at = ctx.at(r.line, r.col);
                    self.errors.push(TextError { at, kind });
                };
                match (&part, r.num) {
                    (Part::Preamble, Some(_)) => problem(TextErrorKind::NumberedPreamble),
                    (_, None) if numbered && numbering_ok => {
                        numbering_ok = false;
                        problem(TextErrorKind::MixedNumbering);
                    }
                    (_, Some(found)) if numbering_ok && usize::try_from(found) != Ok(i + 1) => {
                        numbering_ok = false;
                        problem(TextErrorKind::NumberingSkips {
                            expected: i + 1,
                            found,
                        });
                    }
                    _ => {}
                }
                let content = inline(&r.chars, &ctx, &mut self.errors);
                if content.is_empty() && !r.chars.iter().any(|c| c.c == '[' || c.c == ']') {
                    self.errors.push(TextError {
                        at: ctx.at(r.line, r.col),
                        kind: TextErrorKind::EmptyParagraph,
                    });
                }
                let eid = if part == Part::Preamble {
                    format!("{eid}__p_{}", i + 1)
                } else {
                    format!("{eid}__para_{}", i + 1)
                };
                out.push(Paragraph {
                    eid,
                    num: r.num,
                    content,
                });
            }
            out
        }
    }

    /// `Article 12 — Seat {#seat}` (the text after `## `, which starts at column `col`).
    fn head(rest: &str, col: usize) -> Result<Head, (usize, TextErrorKind)> {
        let after = &rest["Article".len()..];
        let num_text = after.trim_start_matches(is_space);
        let num_col = col + rest.len() - num_text.len();
        let digits = num_text.bytes().take_while(u8::is_ascii_digit).count();
        let number = match num_text[..digits].parse::<u32>() {
            Ok(n) if n > 0 => n,
            _ => {
                let word = num_text
                    .split(is_space)
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                return Err((num_col, TextErrorKind::BadArticleNumber(word)));
            }
        };
        let tail = num_text[digits..].trim_end_matches(is_space);
        let tail_col = num_col + digits;
        let (tail, id) = match tail.rfind("{#") {
            None => (tail, None),
            Some(open) => {
                let id_col = tail_col + tail[..open].chars().count();
                let raw = &tail[open..];
                let id = raw
                    .strip_prefix("{#")
                    .and_then(|r| r.strip_suffix('}'))
                    .filter(|id| valid_id(id))
                    .ok_or_else(|| (id_col, TextErrorKind::BadId(raw.to_owned())))?;
                (&tail[..open], Some((id.to_owned(), id_col)))
            }
        };
        let trimmed = tail.trim_start_matches(is_space);
        let sep_col = tail_col + tail.len() - trimmed.len();
        let trimmed = trimmed.trim_end_matches(is_space);
        let heading = match trimmed.chars().next() {
            None => None,
            Some('—' | '–' | '-' | ':') => {
                let mut chars = trimmed.chars();
                chars.next();
                let h = chars.as_str().trim_matches(is_space);
                (!h.is_empty()).then(|| h.to_owned())
            }
            Some(_) => return Err((sep_col, TextErrorKind::BadHeadingSeparator)),
        };
        if let Some(h) = &heading
            && let Some(i) = h.find(['[', ']'])
        {
            let h_col = sep_col + trimmed.chars().count() - h.chars().count();
            let column = h_col + h[..i].chars().count();
            return Err((column, TextErrorKind::BracketInHeading));
        }
        Ok(Head {
            number,
            heading,
            id,
        })
    }

    fn valid_id(id: &str) -> bool {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            && !id.contains("__")
            && id != TITLE_ID
            && id != PREAMBLE_ID
    }

    struct RawPara {
        line: usize,
        col: usize,
        num: Option<u32>,
        chars: Vec<Ch>,
    }

    fn split(lines: &[(usize, usize, &str)]) -> Vec<RawPara> {
        let mut out = Vec::new();
        let mut cur: Option<RawPara> = None;
        for &(line, col, text) in lines {
            if text.is_empty() {
                out.extend(cur.take());
                continue;
            }
            if let Some((num, skip)) = numbered(text) {
                out.extend(cur.take());
                let body_col = col + skip; // digits, `.` and spaces: one byte each
                cur = Some(RawPara {
                    line,
                    col,
                    num: Some(num),
                    chars: chars_of(&text[skip..], line, body_col).collect(),
                });
                continue;
            }
            match &mut cur {
                Some(p) => {
                    p.chars.push(Ch { c: ' ', line, col });
                    p.chars.extend(chars_of(text, line, col));
                }
                None => {
                    cur = Some(RawPara {
                        line,
                        col,
                        num: None,
                        chars: chars_of(text, line, col).collect(),
                    });
                }
            }
        }
        out.extend(cur);
        out
    }

    struct Frame {
        open: (usize, usize),
        alt_open: (usize, usize),
        done: Vec<Vec<Segment>>,
        cur: Vec<Segment>,
    }

    fn current<'b>(stack: &'b mut [Frame], root: &'b mut Vec<Segment>) -> &'b mut Vec<Segment> {
        match stack.last_mut() {
            Some(f) => &mut f.cur,
            None => root,
        }
    }

    fn push_char(segs: &mut Vec<Segment>, c: char) {
        let c = if is_space(c) { ' ' } else { c };
        match segs.last_mut() {
            Some(Segment::Text(t)) => {
                if !(c == ' ' && t.ends_with(' ')) {
                    t.push(c);
                }
            }
            _ => segs.push(Segment::Text(c.to_string())),
        }
    }

    /// Running text → segments, reporting bracket problems in `errors`.
    pub(super) fn inline(chars: &[Ch], ctx: &Ctx, errors: &mut Vec<TextError>) -> Vec<Segment> {
        let mut root = Vec::new();
        let mut stack: Vec<Frame> = Vec::new();
        let mut report = |line, col, kind| {
            errors.push(TextError {
                at: ctx.at(line, col),
                kind,
            })
        };
        let mut i = 0;
        while i < chars.len() {
            let Ch { c, line, col } = chars[i];
            match c {
                '\\' => match chars.get(i + 1) {
                    Some(next) if next.c.is_ascii_punctuation() => {
                        push_char(current(&mut stack, &mut root), next.c);
                        i += 1;
                    }
                    _ => push_char(current(&mut stack, &mut root), '\\'),
                },
                '[' => stack.push(Frame {
                    open: (line, col),
                    alt_open: (line, col),
                    done: Vec::new(),
                    cur: Vec::new(),
                }),
                '/' if !stack.is_empty() => {
                    if let Some(f) = stack.last_mut() {
                        let alt = trim(std::mem::take(&mut f.cur));
                        if alt.is_empty() {
                            let (l, c) = f.alt_open;
                            report(l, c, TextErrorKind::EmptyAlternative(f.done.len() + 1));
                        }
                        f.done.push(alt);
                        f.alt_open = (line, col);
                    }
                }
                ']' => match stack.pop() {
                    None => report(line, col, TextErrorKind::StrayClosingBracket),
                    Some(mut f) => {
                        let alt = trim(std::mem::take(&mut f.cur));
                        if alt.is_empty() {
                            if f.done.is_empty() {
                                report(f.open.0, f.open.1, TextErrorKind::EmptyBracket);
                            } else {
                                let (l, c) = f.alt_open;
                                report(l, c, TextErrorKind::EmptyAlternative(f.done.len() + 1));
                            }
                        }
                        f.done.push(alt);
                        let bracket = Segment::Bracket(Bracket {
                            alternatives: f.done,
                        });
                        current(&mut stack, &mut root).push(bracket);
                    }
                },
                c => push_char(current(&mut stack, &mut root), c),
            }
            i += 1;
        }
        for f in &stack {
            report(f.open.0, f.open.1, TextErrorKind::UnclosedBracket);
        }
        trim(root)
    }
}

#[cfg(test)]
mod tests {
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
}
