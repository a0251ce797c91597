//! The UN caucus on the web: the members' agreement and the caucus's cohesion over the
//! General Assembly's roll calls (page, API), and the caucus at work: its agenda, common
//! positions, the members' plenary votes against them, explanations of vote.

pub mod agenda;
pub mod agenda_api;
pub mod agenda_pages;
pub mod api;
pub mod data;
pub mod import;
pub mod pages;
pub mod routes;
pub mod view;
pub mod words;
