//! The parliamentary and civil-society networks on the web: accreditation, their powers on motions and what they did with them, their divisions.

pub mod api;
pub mod on_motion;
pub mod pages;
pub mod powers_use;
pub mod routes;
pub mod words;
