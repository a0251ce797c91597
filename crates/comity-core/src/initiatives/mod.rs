//! Citizens' initiatives (issue 17, begun): the threshold rule as data, and the verdict on a
//! distribution of signatures for a registration date.

pub mod rule;

pub use rule::{CheckError, Required, Rule, Table, Verdict};

/// The European Citizens' Initiative's rule, as shipped (`initiatives/eci.toml`).
pub const ECI: &str = include_str!("../../../../initiatives/eci.toml");
