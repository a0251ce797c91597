//! Comity's domain: the alliance's rules as plain, deterministic functions.
//!
//! The charter (TOML) says who may join, which organs exist and how each decides. The
//! registry holds the world's states and their democracy ratings. Every act is an [`Event`]
//! sealed into a hash-chained [`journal`]; the current [`State`] is the fold of those
//! events. [`decide`] turns a [`Command`] into events or a [`DomainError`]. Nothing here
//! touches a disk, a network, a clock or a random number generator: time and seeds come in
//! with the command, so anyone replaying the journal gets the same state.
//!
//! The code is grouped by capability: [`base`] (ids, journal, registry, charter, criteria,
//! organs, and the founding acts), [`motion`], [`election`], [`assembly`], [`membership`],
//! [`network`], [`reporting`] and [`treaty`]. Each holds its types, its `Command` and
//! `Event` enums, `decide`, `apply` and `authorize`; the crate-level enums and functions
//! have one exhaustive arm per capability.
//!
//! ```
//! use comity_core::{Actor, Command, State, Timestamp, base, decide, journal};
//!
//! let mut state = State::new();
//! let now = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
//! let source = comity_core::data::charter("alliance-of-democracies").unwrap().source;
//! let founding = [
//!     base::Command::AdoptCharter { file: "aod.toml".into(), source: source.into() },
//!     base::Command::AdmitFoundingMembers,
//! ];
//! let commands = comity_core::data::reference_imports().unwrap().into_iter()
//!     .chain(founding.into_iter().map(Command::Base));
//! for cmd in commands {
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
pub mod base;
pub mod caucus;
pub mod command;
pub mod consultations;
mod decide;
pub mod election;
pub mod error;
pub mod event;
pub mod initiatives;
pub mod membership;
pub mod motion;
pub mod network;
pub mod pledges;
pub mod reporting;
pub mod sanctions;
pub mod state;
pub mod treaty;
pub mod view;

// The shared modules keep their paths at the crate's root.
pub use base::{charter, criteria, data, export, ids, journal, organs, registry, toml_loc};

pub use assembly::draw as draw_assembly;
pub use auth::{Principal, Role, authorize};
pub use command::Command;
pub use decide::decide;
pub use election::ranking_indices;
pub use error::DomainError;
pub use event::Event;
pub use ids::{Actor, Iso3, Timestamp};
pub use network::{pending_co_decisions, pending_opinions};
pub use state::State;
