//! Reports between organs on the web: their words (the form lives with the democracy officer's in membership).

pub mod pages;
pub mod routes;
pub mod words;
