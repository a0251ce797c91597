//! Comity's domain: the alliance's rules as plain, deterministic functions.
//!
//! The charter (TOML) says who may join, which organs exist and how each decides. The
//! registry holds the world's states and their democracy ratings. Every act is an [`Event`]
//! sealed into a hash-chained [`journal`]; the current [`State`] is the fold of those
//! events. [`decide`] turns a [`Command`] into events or a [`DomainError`]. Nothing here
//! touches a disk, a network, a clock or a random number generator: time and seeds come in
//! with the command, so anyone replaying the journal gets the same state.
//!
//! ```
//! use comity_core::{Actor, Command, State, Timestamp, decide, journal};
//!
//! let mut state = State::new();
//! let now = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
//! for cmd in comity_core::data::reference_imports().unwrap() {
//!     let events = decide(&state, now, &cmd).unwrap();
//!     for entry in journal::seal(state.head(), now, &Actor::system(), &events) {
//!         state.apply(&entry).unwrap();
//!     }
//! }
//! let source = comity_core::data::charter("alliance-of-democracies").unwrap().source;
//! for cmd in [Command::AdoptCharter { file: "aod.toml".into(), source: source.into() }, Command::AdmitFoundingMembers] {
//!     let events = decide(&state, now, &cmd).unwrap();
//!     for entry in journal::seal(state.head(), now, &Actor::system(), &events) {
//!         state.apply(&entry).unwrap();
//!     }
//! }
//! // Open to every state rated Free or Partly Free in FIW 2025: 85 + 51.
//! assert_eq!(state.members.len(), 136);
//! ```

pub mod assembly;
pub mod auth;
pub mod charter;
pub mod command;
pub mod criteria;
pub mod data;
mod decide;
pub mod election;
pub mod error;
pub mod event;
pub mod ids;
pub mod journal;
pub mod membership;
pub mod motion;
pub mod organs;
pub mod registry;
pub mod state;
pub mod toml_loc;
pub mod treaty;
pub mod view;

pub use auth::{Principal, Role, authorize};
pub use command::Command;
pub use decide::{decide, draw_assembly, pending_co_decisions, pending_opinions, ranking_indices};
pub use error::DomainError;
pub use event::Event;
pub use ids::{Actor, Iso3, Timestamp};
pub use state::State;
