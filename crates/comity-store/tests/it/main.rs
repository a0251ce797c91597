//! The database story: the whole store API against SQLite, and against PostgreSQL when
//! `COMITY_TEST_DATABASE_URL` is set (each test in a schema of its own).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod consultations;
mod contacts;
mod integrity;
mod journal_search;
mod pool;
mod side_rows;
mod signatures;
mod snapshot;
mod story;
mod support;
mod tlog;
mod unga;
