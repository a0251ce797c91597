//! The treaties' API: reading treaties and acting on them.

pub mod acts;
pub mod treaties;
