//! Citizens' initiatives on the web (issue 17): the list, one initiative with its gauge and
//! its members on a map-like grid, signing without an account (with a receipt), the counts
//! per member as CSV, whether a distribution of signatures meets a threshold rule for a
//! registration day; the same over the API.

pub mod api;
pub mod pages;
pub mod routes;
pub mod sign;
pub mod view;
pub mod words;
