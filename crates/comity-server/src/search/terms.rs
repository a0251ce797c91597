//! Words as the index keeps them: `comity_matching::words`, shared with the journal's words
//! in the store so a query is folded once for both.

pub use comity_matching::words::*;
