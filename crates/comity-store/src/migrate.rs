//! Embedded migrations, one schema for both backends.
//!
//! Each migration runs in a transaction and is recorded in `comity_schema`. A database whose
//! schema is newer than this binary knows is refused before anything is written.

/// A schema change. `{{SEQ_TYPE}}` is the main dialect difference (with `{{BYTES}}`, and the
/// journal's search table, `{{JOURNAL_SEARCH}}`): SQLite's `INTEGER PRIMARY
/// KEY` is the row id (fast appends), PostgreSQL needs `BIGINT` for 64-bit sequence numbers.
pub(crate) struct Migration {
    pub version: i64,
    pub description: &'static str,
    pub sql: &'static str,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        description: "journal",
        sql: include_str!("../migrations/0001_journal.sql"),
    },
    Migration {
        version: 2,
        description: "accounts, sessions and API tokens",
        sql: include_str!("../migrations/0002_accounts.sql"),
    },
    Migration {
        version: 3,
        description: "ballot box of secret elections",
        sql: include_str!("../migrations/0003_ballot_box.sql"),
    },
    Migration {
        version: 4,
        description: "contacts of the volunteers of assemblies drawn by lot",
        sql: include_str!("../migrations/0004_volunteer_contacts.sql"),
    },
    Migration {
        version: 5,
        description: "projection snapshots keyed by head",
        sql: include_str!("../migrations/0005_projection_snapshot.sql"),
    },
    Migration {
        version: 6,
        description: "the pools of assemblies drawn by lot as a read table",
        sql: include_str!("../migrations/0006_pool_volunteers.sql"),
    },
    Migration {
        version: 7,
        description: "roll calls of the UN General Assembly imported after the shipped record",
        sql: include_str!("../migrations/0007_unga_imports.sql"),
    },
    Migration {
        version: 8,
        description: "the journal as a transparency log: tiles, log key, checkpoints, witnesses",
        sql: include_str!("../migrations/0008_transparency_log.sql"),
    },
    Migration {
        version: 9,
        description: "sign-in attempts, API token expiry and use, the record of role changes",
        sql: include_str!("../migrations/0009_logins_tokens_roles.sql"),
    },
    Migration {
        version: 10,
        description: "signatures of citizens' initiatives, keyed, and the key's secret",
        sql: include_str!("../migrations/0010_initiative_signatures.sql"),
    },
    Migration {
        version: 11,
        description: "the content of confidential submissions to consultations",
        sql: include_str!("../migrations/0011_consultation_confidential.sql"),
    },
    Migration {
        version: 12,
        description: "the journal's words, for searching it",
        sql: include_str!("../migrations/0012_journal_search.sql"),
    },
];

pub(crate) const LATEST: i64 = 12;

/// The migration after which the tree's tiles are built from the journal already written.
pub(crate) const TLOG_TILES: i64 = 8;

/// The migration after which the pool table is filled from the journal already written.
pub(crate) const POOL_TABLE: i64 = 6;

pub(crate) const CREATE_SCHEMA_TABLE: &str = "CREATE TABLE IF NOT EXISTS comity_schema (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_by TEXT NOT NULL)";

#[derive(Clone, Copy)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

impl Migration {
    pub(crate) fn sql_for(&self, d: Dialect) -> String {
        let seq = match d {
            Dialect::Sqlite => "INTEGER",
            Dialect::Postgres => "BIGINT",
        };
        let bytes = match d {
            Dialect::Sqlite => "BLOB",
            Dialect::Postgres => "BYTEA",
        };
        let journal_search = match d {
            Dialect::Sqlite => {
                "CREATE VIRTUAL TABLE journal_search USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0');"
            }
            Dialect::Postgres => {
                "CREATE TABLE journal_search (seq BIGINT PRIMARY KEY, terms TSVECTOR NOT NULL);\nCREATE INDEX journal_search_terms ON journal_search USING GIN (terms);"
            }
        };
        self.sql
            .replace("{{SEQ_TYPE}}", seq)
            .replace("{{BYTES}}", bytes)
            .replace("{{JOURNAL_SEARCH}}", journal_search)
    }
}
