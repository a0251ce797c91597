//! The shared ground on the web: the home page, members and their ratings, the charter and its organs, the journal, accounts; its words (typed journal summaries).

pub mod api;
pub mod members_query;
pub mod pages;
pub mod power_view;
pub mod rating_chart;
pub mod roles;
pub mod routes;
pub mod tlog;
pub mod words;
