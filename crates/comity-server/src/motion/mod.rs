//! The motion capability on the web: its words (typed journal summaries).

pub mod words;
