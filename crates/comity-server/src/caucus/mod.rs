//! The UN caucus on the web: the members' agreement and the caucus's cohesion over the
//! General Assembly's roll calls, from the shipped record (page, API).

pub mod api;
pub mod data;
pub mod pages;
pub mod routes;
pub mod view;
