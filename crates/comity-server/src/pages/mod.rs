//! Server-rendered pages, one file per resource.

pub mod charter;
pub mod home;
pub mod journal;
pub mod member;
pub mod members;
pub mod organs;
