//! One file per command.

pub mod backup;
pub mod caucus;
pub mod charter;
pub mod consultation;
pub mod demo;
pub mod election;
pub mod http;
pub mod init;
pub mod initiative;
pub mod journal;
pub mod members;
pub mod pledges;
pub mod power;
pub mod ratings;
pub mod sanctions;
pub mod search;
pub mod serve;
pub mod sortition;
pub mod tally;
pub mod tlog;
pub mod treaty;
pub mod user;

use comity_core::Timestamp;

/// The one place the binary reads the clock: commands carry the time into core.
pub fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Timestamp::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
}
