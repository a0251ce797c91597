//! Names matched across scripts, for screening against a sanctions list (issue 16).
//!
//! Pure: strings in, values out; no I/O, no clock, no randomness. This first part reads
//! names: [`fold`] writes any of Latin (with diacritics), Cyrillic, Greek, Arabic and Persian
//! in plain lower-case Latin letters, [`Name::parse`] cuts a name into tokens and says which
//! are legal forms (`LLC`, `ООО`, `GmbH`), particles (`bin`, `al`, `van`) or initials, and
//! [`key`] gives each token a phonetic skeleton that transliterations of the same name share
//! (`Мухаммад`, `Muhammad`, `Mohammed` and `محمد` all give `mhmd`): the keys a list is
//! blocked by before names are compared.
//!
//! ```
//! use comity_matching::{Name, Schema, fold, key};
//!
//! assert_eq!(fold("Алишер Усманов"), "alisher usmanov");
//! assert_eq!(fold("Αλέξης Τσίπρας"), "alexis tsipras");
//! let a = Name::parse("Мухаммад бин Салман", Schema::Person);
//! let b = Name::parse("Mohammed bin Salman", Schema::Person);
//! assert_eq!(a.keys(), b.keys());
//! assert_eq!(key("محمد"), key("Muhammad"));
//! ```

mod fold;
pub mod ftm;
mod key;
mod name;
pub mod ofac;
mod score;
mod screen;
pub mod words;

pub use fold::{Script, fold, scripts};
pub use key::key;
pub use name::{Name, Schema, SchemaError, Token, TokenKind};
pub use score::{Comparison, How, MATCH, POSSIBLE, Pair, Verdict, compare, jaro_winkler, score};
pub use screen::{Entity, FLOOR, Feature, Hit, List, Qualifier, Query, Scratch, compatible};
