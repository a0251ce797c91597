//! Members' pledges on the web: every pledge with its status and the three sources side by
//! side, the pictures (burn-up, members × themes, agreement over time), the forms to make a
//! pledge and report on it, imports, the Atom feed of reports, and the API.

pub mod api;
pub mod pages;
pub mod routes;
pub mod view;
pub mod words;
