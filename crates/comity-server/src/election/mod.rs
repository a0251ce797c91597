//! Elections of persons on the web: pages, API, words.

pub mod api;
pub mod pages;
pub mod routes;
pub mod words;
