//! Consultations on the web and the API: the list, one consultation with its questions,
//! figures and published submissions, the synthesis and the decisions it informed; the
//! response form (with or without an account); the confidential submissions for the
//! secretariat.

pub mod api;
pub mod pages;
pub mod routes;
pub mod view;
pub mod words;
