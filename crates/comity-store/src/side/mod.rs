//! Side rows: data kept beside the journal, never in it (personal contacts, secret ballots,
//! later signatures, sanctions listings and UN roll calls), written by [`crate::Store::append`]
//! in the same transaction as the entries that justify them. Neither exists without the
//! other: a failure anywhere in the transaction leaves the journal and every side table as
//! they were.
//!
//! Each collection has a module here holding its SQL: the statements that write its rows
//! (as [`Statement`]s, which the store runs inside its transaction on either backend) and its
//! reads. A new collection adds a field to [`SideRows`], a module, and one line in
//! [`SideRows::statements`].

pub(crate) mod ballots;
pub(crate) mod confidential;
pub(crate) mod contacts;
pub(crate) mod signatures;
pub(crate) mod unga;

pub use ballots::Ballots;
pub use confidential::Confidential;
pub use signatures::{SignatureBatch, SignatureRow, Strike, rows_sha256, strike_sha256};
pub use unga::UngaImport;

use crate::contacts::VolunteerContact;

/// The side rows that go with one append.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideRows {
    /// Contacts of the volunteers the entries register, under the numbers they give.
    pub contacts: Vec<VolunteerContact>,
    /// Ballots the entries record as cast (the entries name the voters, the box the rankings).
    pub ballots: Vec<Ballots>,
    /// The UN General Assembly's roll calls and votes an import adds.
    pub unga: Vec<UngaImport>,
    /// Signatures of initiatives a batch records.
    pub signatures: Vec<SignatureBatch>,
    /// Signatures an invalidation strikes, or its reversal reinstates.
    pub strikes: Vec<Strike>,
    /// The content of confidential submissions to consultations.
    pub confidential: Vec<Confidential>,
}

impl SideRows {
    /// No side rows: an append of journal entries alone.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn is_empty(&self) -> bool {
        let Self {
            contacts,
            ballots,
            unga,
            signatures,
            strikes,
            confidential,
        } = self;
        contacts.is_empty()
            && ballots.is_empty()
            && unga.is_empty()
            && signatures.is_empty()
            && strikes.is_empty()
            && confidential.is_empty()
    }

    /// The statements that write every row, collection after collection. The destructuring
    /// makes a new field a compile error here until its rows are written.
    pub(crate) fn statements(&self) -> Vec<Statement> {
        let Self {
            contacts,
            ballots,
            unga,
            signatures,
            strikes,
            confidential,
        } = self;
        let mut out = contacts::insert(contacts);
        out.extend(ballots::deposit(ballots));
        out.extend(unga::insert(unga));
        out.extend(signatures::insert(signatures));
        out.extend(signatures::strike(strikes));
        out.extend(confidential::insert(confidential));
        out
    }
}

/// One SQL statement with its arguments, in the numbered-placeholder form both backends read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Statement {
    pub sql: String,
    pub args: Vec<Arg>,
}

/// A bound value: the schema uses only these column types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
    /// Bytes, or NULL.
    MaybeBytes(Option<Vec<u8>>),
}

/// A statement's query with its arguments bound, on either backend.
pub(crate) fn bind<'q, DB>(
    mut q: sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>,
    args: &'q [Arg],
) -> sqlx::query::Query<'q, DB, <DB as sqlx::Database>::Arguments<'q>>
where
    DB: sqlx::Database,
    i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q str: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'q [u8]: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    Option<&'q [u8]>: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
{
    for arg in args {
        q = match arg {
            Arg::Int(i) => q.bind(*i),
            Arg::Text(t) => q.bind(t.as_str()),
            Arg::Bytes(b) => q.bind(b.as_slice()),
            Arg::MaybeBytes(b) => q.bind(b.as_deref()),
        };
    }
    q
}

/// Rows per INSERT statement. Measured (benches/journal.rs): SQLite appends fastest at 20–100
/// rows a statement; at 500 its VALUES handling makes appends 2x slower.
pub(crate) const ROWS_PER_INSERT: usize = 50;

/// `head VALUES ($1,…,$w),($w+1,…)…` for `rows` rows of `width` columns: numbered
/// placeholders read the same in SQLite and PostgreSQL.
pub(crate) fn insert_rows_sql(head: &str, width: usize, rows: usize) -> String {
    let mut sql = format!("{head} VALUES ");
    for r in 0..rows {
        if r > 0 {
            sql.push(',');
        }
        let marks: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
        sql.push('(');
        sql.push_str(&marks.join(","));
        sql.push(')');
    }
    sql
}

/// Multi-row INSERTs of `rows`, [`ROWS_PER_INSERT`] a statement, each row given as its
/// arguments in column order.
pub(crate) fn insert_chunks<T, const W: usize>(
    head: &str,
    rows: &[T],
    args: impl Fn(&T) -> [Arg; W],
) -> Vec<Statement> {
    rows.chunks(ROWS_PER_INSERT)
        .map(|chunk| Statement {
            sql: insert_rows_sql(head, W, chunk.len()),
            args: chunk.iter().flat_map(&args).collect(),
        })
        .collect()
}

/// An unsigned count or number as the BIGINT columns hold it.
pub(crate) fn int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
