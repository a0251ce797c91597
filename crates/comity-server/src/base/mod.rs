//! The base capability on the web: its words (typed journal summaries).

pub mod words;
