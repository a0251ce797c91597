//! Treaties on the web: drafting rounds, redlines, signatures and deposits, entry into force.

pub mod api;
pub mod chart;
pub mod pages;
pub mod routes;
pub mod view;
pub mod words;
