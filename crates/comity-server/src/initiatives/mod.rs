//! Citizens' initiatives on the web (issue 17, begun): whether a distribution of signatures
//! meets a threshold rule for a registration date, as a page with its chart and over the API.

pub mod api;
pub mod pages;
pub mod routes;
pub mod view;
