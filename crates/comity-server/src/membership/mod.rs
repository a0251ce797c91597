//! Membership after founding on the web: applications, reviews and measures, democracy officers and organ reports' forms.

pub mod api;
pub mod officer;
pub mod pages;
pub mod routes;
pub mod view;
pub mod words;
