//! The UN caucus's measures over the General Assembly's roll calls.
//!
//! Three files in the `unvotes` format (Voeten, Strezhnev & Bailey, as packaged by the R
//! package `unvotes`): roll calls (`rcid`, `session`, `date`, …), votes (`rcid`, `iso3`,
//! `vote`) and issues (`rcid`, `short_name`). They are read from bytes (the caller opens and
//! decompresses them), with every bad row named by file, line and field. Votes are held as one
//! bitset per state and vote value over the roll calls, so a pair's agreement is a handful of
//! AND and popcount passes, and the whole matrix of 195 states over 6,203 roll calls takes
//! milliseconds.
//!
//! Definitions (also in `comity caucus --help` and on the caucus page):
//! - only `yes`, `no` and `abstain` are votes; absence and non-membership are not;
//! - the **agreement** of states a and b over a set of roll calls is the number of roll calls
//!   where both voted and voted the same, over the number where both voted (reported with it);
//! - the **cohesion** of a group in one roll call is (max(Y,N,A) − ½·(Y+N+A − max(Y,N,A))) /
//!   (Y+N+A) over the members who voted (Hix, Noury & Roland 2005); a session's cohesion is the
//!   unweighted mean over its roll calls in which at least one member voted.

mod analysis;
mod csv;
mod data;
mod extend;

pub use analysis::{
    Agreement, Drift, Filter, Matrix, agreement, cohesion, drift, selection, slope, with_majority,
};
pub use data::{
    DataError, ISSUES, Issues, RollCall, RollCalls, Vote, Votes, VotesReader, record_boundary,
};
pub use extend::{Added, Addition, ISSUES_HEADER, ROLL_CALLS_HEADER, Record, VOTES_HEADER};
