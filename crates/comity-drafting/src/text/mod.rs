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

/// How deep brackets may be nested (`[a [b / c] / d]` is two deep). Negotiating texts rarely
/// go beyond three; the bound keeps every walk over a draft (rendering, editing, comparing,
/// dropping it) shallow whatever text is submitted.
pub const MAX_NESTING: usize = 10;

/// How deep the brackets in `segments` are nested: 0 for plain text.
pub fn nesting(segments: &[Segment]) -> usize {
    segments
        .iter()
        .map(|s| match s {
            Segment::Text(_) => 0,
            Segment::Bracket(b) => 1 + b.alternatives.iter().map(|a| nesting(a)).max().unwrap_or(0),
        })
        .max()
        .unwrap_or(0)
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

mod edit;
mod errors;
mod source;
use edit::*;
pub use errors::*;
use source::*;

mod parse;

#[cfg(test)]
mod tests;
