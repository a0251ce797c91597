//! The networks' API: accreditation, reports, officers, and their divisions on motions.

pub mod divisions;
pub mod networks;
