//! The `comity` binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod browser;
mod caucus;
mod cli;
mod consultation;
mod crash;
mod demo;
mod initiative;
mod pledges;
mod sanctions;
mod shutdown;
mod support;
mod treaty;
mod voting;
