//! The base pages, one file per resource.

pub mod account;
pub mod accounts;
pub mod charter;
pub mod home;
pub mod journal;
pub mod member;
pub mod members;
pub mod organs;
pub mod ratings_import;
