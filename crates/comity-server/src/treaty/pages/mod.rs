//! The treaty pages: the list and a treaty, its acts, its documents.

pub mod acts;
pub mod docs;
pub mod treaties;
