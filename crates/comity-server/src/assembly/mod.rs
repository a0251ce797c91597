//! Assemblies drawn by lot on the web: the pool's import, the draw, pages, API, words.

pub mod api;
pub mod import;
pub mod jobs;
pub mod pages;
pub mod routes;
pub mod view;
pub mod words;
