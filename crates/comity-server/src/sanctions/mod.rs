//! Joint smart sanctions on the web: the cases, the consistency check, the implementation
//! matrix and its chart, screening (one name, a CSV batch, the API), the consolidated
//! list's files; and the acts, through the same `authorize` and `decide` as everywhere.

pub mod api;
pub mod pages;
pub mod routes;
pub mod screening;
pub mod view;
pub mod words;
