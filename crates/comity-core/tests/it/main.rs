//! Integration tests of the domain against the real shipped data.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod charters;
mod eligibility;
mod founding;
