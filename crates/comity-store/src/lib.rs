//! Comity's storage: the journal and the side rows written in its transactions (contacts,
//! ballots; see [`side`]) on SQLite or PostgreSQL, chosen at start-up from the database URL,
//! and the [`Institution`] that turns commands into appended, applied entries.
//!
//! One schema and one set of queries serve both backends (`$n` placeholders work in both);
//! a per-backend arm appears only where the dialects truly differ.

pub mod accounts;
pub mod backup;
pub mod contacts;
mod institution;
pub mod logins;
mod migrate;
mod pool;
pub mod search;
pub mod side;
mod snapshot;
mod store;
pub mod tlog;
mod url;

pub use accounts::{Account, AccountError, Session};
pub use contacts::{Contact, ContactError, VolunteerContact};
pub use institution::{
    ExecError, Institution, NewVolunteer, Registered, UngaFile, unga_rows_sha256,
};
pub use side::{Ballots, SideRows, UngaImport};
pub use snapshot::{JsonCodec, StateCodec};
pub use store::{LoadError, Store, StoreError, VerifyError};
pub use tlog::{Cosigned, CosignedCheckpoint, LogError};
pub use url::{DatabaseUrl, OpenMode, SqliteTarget, UrlError};
