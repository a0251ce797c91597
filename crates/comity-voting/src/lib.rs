//! `comity-voting` does one job: **turn ballots and roll calls into outcomes, exactly.**
//!
//! It parses ranked ballots (the peer JSON format and BLT), tallies them by single-winner
//! methods (plurality, Borda, IRV, Schulze, Copeland, ranked pairs, minimax, approval) and
//! by STV (Scottish STV in exact fixed point, Meek STV), applies decision rules to roll
//! calls (consensus, unanimity, simple/qualified/double majority, weighted votes, quorum,
//! casting vote) and measures voting power exactly (Banzhaf, Shapley–Shubik, for weighted
//! and double-majority bodies of up to 255 members: [`power_wide`], [`power_double_wide`],
//! multi-word integers in [`bignum`]). It does no I/O beyond parsing what it is given,
//! reads no clock and draws no randomness: ties "by lot" take a seed.
//!
//! Single-winner methods return the **set** of tied winners, as pref-voting 1.18.2 does.
//!
//! ```
//! use comity_voting::{irv, plurality, schulze, scottish_stv, Profile, ScottishOptions};
//!
//! let profile = Profile::parse_json(r#"{
//!   "candidates": ["Alice", "Bob", "Carol", "Dave"],
//!   "seats": 2,
//!   "ballots": [
//!     {"ranking": ["Alice", "Bob", "Carol", "Dave"], "count": 40},
//!     {"ranking": ["Bob", "Carol", "Alice", "Dave"], "count": 25},
//!     {"ranking": ["Carol", "Bob", "Alice", "Dave"], "count": 20},
//!     {"ranking": ["Dave", "Carol", "Bob"], "count": 15}
//!   ]
//! }"#)?;
//! let names = |ids: &[comity_voting::CandidateId]| -> Vec<String> {
//!     ids.iter().map(|&c| profile.name(c).to_owned()).collect()
//! };
//! assert_eq!(names(&plurality(&profile)), ["Alice"]);
//! assert_eq!(names(&irv(&profile).winners), ["Carol"]);
//! assert_eq!(names(&schulze(&profile)), ["Bob"]);
//! let stv = scottish_stv(&profile, ScottishOptions { seats: 2, seed: 1 })?;
//! assert_eq!(names(&stv.elected_sorted()), ["Alice", "Carol"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod approval;
pub mod bignum;
mod blt;
pub mod count;
mod error;
mod irv;
mod pairwise;
pub mod power;
pub mod power_double;
pub mod power_double_wide;
mod power_table;
pub mod power_wide;
mod prng;
mod profile;
mod ranked_pairs;
pub mod rules;
mod single;
mod stv;

pub use approval::{ApprovalProfile, approval};
pub use blt::{BltElection, parse_blt};
pub use error::{BltError, ProfileError, TallyError};
pub use irv::{IrvResult, IrvRound, irv};
pub use pairwise::MarginMatrix;
pub use prng::SplitMix64;
pub use profile::{Ballot, CandidateId, DEFAULT_SEATS, Profile};
pub use ranked_pairs::{ranked_pairs, ranked_pairs_from_margins};
pub use single::{
    borda, borda_scores, copeland, copeland_scores, minimax, minimax_scores, plurality,
    plurality_scores, schulze, schulze_strengths,
};
pub use stv::{
    Decision, MeekResult, MeekRound, ScottishOptions, StageAction, StvResult, StvStage, Votes,
    meek_stv, scottish_stv,
};
