//! What can be wrong in a draft's source or in an edit of it.

use std::fmt;

use super::*;

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
    #[error("brackets are nested more than {0} deep here")]
    BracketsTooDeep(usize),
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
            Self::BracketsTooDeep(_) => "treaty_text_brackets_too_deep",
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
    #[error("with this wording at {bracket}, brackets would be nested more than {max} deep")]
    TooDeep { bracket: BracketRef, max: usize },
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
            Self::TooDeep { .. } => "treaty_too_deep",
        }
    }
}
