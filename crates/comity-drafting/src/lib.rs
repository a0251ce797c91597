//! The treaty text engine: a negotiating text in bracket syntax, word-level redlines between
//! its versions, and export to Akoma Ntoso 3.0 (the OASIS standard for legal documents).
//!
//! It knows nothing of the alliance, its journal or its charter: `comity-core` records the
//! sources and re-parses them on replay, so everything here is pure and deterministic (no
//! I/O, no clock, no randomness), and the crate could be published on its own.
//!
//! ```
//! use comity_drafting::text::{BracketRef, Choice, Draft};
//! use comity_drafting::redline;
//!
//! let source = "# A Treaty\n\n## Article 1 — Purpose\n1. The Parties [shall / should] cooperate.\n";
//! let draft = Draft::parse(source).unwrap();
//! assert_eq!(draft.open_brackets().total, 1);
//!
//! let bracket = draft.brackets()[0].at.clone();
//! let agreed = draft.resolve(&bracket, Choice::Alternative(0)).unwrap();
//! assert_eq!(agreed.open_brackets().total, 0);
//! assert!(!redline::diff(&draft, &agreed).is_unchanged());
//! ```

pub mod akn;
pub mod redline;
pub mod text;
