//! The journal on SQLite or PostgreSQL.

use std::str::FromStr;
use std::time::Duration;

use comity_core::journal::{ChainError, ChainVerifier, Entry, Hash, Head};
use comity_core::state::ApplyError;
use comity_core::{Actor, State, Timestamp};
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use crate::migrate::{self, Dialect, MIGRATIONS};
use crate::side::{self, Arg, SideRows, Statement, insert_chunks};
use crate::url::{DatabaseUrl, OpenMode, SqliteTarget, UrlError};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Url(#[from] UrlError),
    #[error("no database at {0}: create one with `comity init --charter FILE --database URL`")]
    Missing(String),
    #[error(
        "the database at {url} has schema version {found}, newer than this comity knows ({known}); upgrade comity to open it"
    )]
    NewerSchema { url: String, found: i64, known: i64 },
    #[error(
        "the journal moved on: expected head {expected_seq}, found {found_seq}; another writer appended first"
    )]
    Conflict { expected_seq: u64, found_seq: u64 },
    #[error("side rows come with the journal entries that justify them; none were given")]
    Unanchored,
    #[error("journal entry {seq} in the database cannot be read: {message}")]
    Corrupt { seq: i64, message: String },
    #[error("database error on {url}: {source}")]
    Database { url: String, source: sqlx::Error },
}

/// Why a stored or exported journal does not verify.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error(transparent)]
    Chain(#[from] ChainError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Clone)]
pub(crate) enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same body against whichever pool is open. The body is compiled once per
/// backend, so runtime-checked `sqlx::query` code serves both.
macro_rules! on_pool {
    ($self:expr, $pool:ident => $body:expr) => {
        match &$self.backend {
            Backend::Sqlite($pool) => $body,
            Backend::Postgres($pool) => $body,
        }
    };
}
pub(crate) use on_pool;

#[derive(Clone)]
pub struct Store {
    pub(crate) backend: Backend,
    url: String,
    /// The transparency log's signing key, once loaded (see [`crate::tlog`]).
    pub(crate) log: std::sync::Arc<std::sync::OnceLock<std::sync::Arc<crate::tlog::LogSigner>>>,
}

impl Store {
    /// Open (and migrate) the database a URL names.
    pub async fn open(url: &str, mode: OpenMode) -> Result<Self, StoreError> {
        let parsed = DatabaseUrl::parse(url)?;
        let shown = parsed.redacted();
        let db_err = |source| StoreError::Database {
            url: shown.clone(),
            source,
        };
        let backend = match &parsed {
            DatabaseUrl::Sqlite(target) => {
                let base = SqliteConnectOptions::new()
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true)
                    // 64 MiB of page cache a connection (the default is 2 MiB): the side
                    // tables' indexes on random keys (signatures) spill it at once otherwise.
                    .pragma("cache_size", "-65536");
                let (opts, max) = match target {
                    // One connection: each in-memory connection would be a separate database.
                    SqliteTarget::Memory => (base.in_memory(true), 1),
                    SqliteTarget::File(path) => {
                        if mode == OpenMode::MustExist && !path.exists() {
                            return Err(StoreError::Missing(shown));
                        }
                        (
                            base.filename(path)
                                .create_if_missing(mode == OpenMode::Create),
                            4,
                        )
                    }
                };
                let pool = SqlitePoolOptions::new()
                    .max_connections(max)
                    .connect_with(opts)
                    .await
                    .map_err(db_err)?;
                Backend::Sqlite(pool)
            }
            DatabaseUrl::Postgres(u) => {
                let opts = PgConnectOptions::from_str(u).map_err(db_err)?;
                let pool = PgPoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(opts)
                    .await
                    .map_err(db_err)?;
                Backend::Postgres(pool)
            }
        };
        let store = Self {
            backend,
            url: shown,
            log: Default::default(),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// The URL this store was opened with, password removed.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        }
    }

    /// How a writing transaction begins. SQLite's deferred `BEGIN` reads first and fails at
    /// once with "database is locked" when it then needs to write while another connection
    /// (another process) has written meanwhile: `BEGIN IMMEDIATE` takes the write lock
    /// first, waiting out the busy timeout.
    pub(crate) fn begin_write(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "BEGIN IMMEDIATE",
            Backend::Postgres(_) => "BEGIN",
        }
    }

    pub(crate) fn err(&self) -> impl Fn(sqlx::Error) -> StoreError + '_ {
        |source| StoreError::Database {
            url: self.url.clone(),
            source,
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let dialect = match self.backend {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        };
        on_pool!(self, pool => {
            let mut tx = pool.begin_with(self.begin_write()).await.map_err(self.err())?;
            if let Dialect::Postgres = dialect {
                // Several nodes may start at once against one PostgreSQL: migrate one at a time.
                sqlx::query("SELECT pg_advisory_xact_lock(7201)").execute(&mut *tx).await.map_err(self.err())?;
            }
            sqlx::query(migrate::CREATE_SCHEMA_TABLE).execute(&mut *tx).await.map_err(self.err())?;
            let current: Option<i64> = sqlx::query("SELECT MAX(version) AS v FROM comity_schema")
                .fetch_one(&mut *tx)
                .await
                .and_then(|r| r.try_get("v"))
                .map_err(self.err())?;
            let current = current.unwrap_or(0);
            if current > migrate::LATEST {
                // Release the lock now, not whenever the pool next touches this connection.
                tx.rollback().await.map_err(self.err())?;
                return Err(StoreError::NewerSchema { url: self.url.clone(), found: current, known: migrate::LATEST });
            }
            for m in MIGRATIONS.iter().filter(|m| m.version > current) {
                sqlx::raw_sql(&m.sql_for(dialect)).execute(&mut *tx).await.map_err(self.err())?;
                if m.version == migrate::POOL_TABLE {
                    // A read table of what is journaled already: filled from the journal.
                    let payloads: Vec<(i64, String)> = sqlx::query("SELECT seq, payload FROM journal WHERE kind = $1 ORDER BY seq")
                        .bind(crate::pool::KIND)
                        .fetch_all(&mut *tx)
                        .await
                        .and_then(|rows| rows.iter().map(|r| Ok((r.try_get("seq")?, r.try_get("payload")?))).collect())
                        .map_err(self.err())?;
                    for st in crate::pool::backfill(&payloads)? {
                        side::bind(sqlx::query(&st.sql), &st.args).execute(&mut *tx).await.map_err(self.err())?;
                    }
                }
                if m.version == migrate::TLOG_TILES {
                    // The tree over the journal already written.
                    let hashes: Vec<(i64, String)> = sqlx::query("SELECT seq, hash FROM journal ORDER BY seq")
                        .fetch_all(&mut *tx)
                        .await
                        .and_then(|rows| rows.iter().map(|r| Ok((r.try_get("seq")?, r.try_get("hash")?))).collect())
                        .map_err(self.err())?;
                    for st in crate::tlog::backfill(&hashes)? {
                        side::bind(sqlx::query(&st.sql), &st.args).execute(&mut *tx).await.map_err(self.err())?;
                    }
                }
                sqlx::query("INSERT INTO comity_schema (version, description, applied_by) VALUES ($1, $2, $3)")
                    .bind(m.version)
                    .bind(m.description)
                    .bind(concat!("comity ", env!("CARGO_PKG_VERSION")))
                    .execute(&mut *tx)
                    .await
                    .map_err(self.err())?;
            }
            tx.commit().await.map_err(self.err())?;
            Ok(())
        })
    }

    /// The last entry's sequence number and hash.
    pub async fn head(&self) -> Result<Head, StoreError> {
        let sql = "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1";
        let row = on_pool!(self, pool => {
            sqlx::query(sql).fetch_optional(pool).await.map_err(self.err())?
                .map(|r| Ok::<_, sqlx::Error>((r.try_get::<i64, _>("seq")?, r.try_get::<String, _>("hash")?)))
                .transpose()
                .map_err(self.err())?
        });
        head_from(row)
    }

    /// Append entries that follow `expected`, with the side rows that go with them, in one
    /// transaction: either the entries and every side row are written, or nothing is. If the
    /// journal's head is no longer `expected`, nothing is written and the caller gets
    /// [`StoreError::Conflict`]. A side row that a unique constraint refuses (an address that
    /// volunteered already) is a conflict too: the caller looks again and refuses.
    pub async fn append(
        &self,
        expected: Head,
        entries: &[Entry],
        side: &SideRows,
    ) -> Result<(), StoreError> {
        if entries.is_empty() {
            return if side.is_empty() {
                Ok(())
            } else {
                Err(StoreError::Unanchored)
            };
        }
        let conflict = |found_seq| StoreError::Conflict {
            expected_seq: expected.seq,
            found_seq,
        };
        let mut journal = journal_statements(entries)?;
        journal.extend(crate::pool::insert(entries)?);
        let side = side.statements();
        let signer = self.log_signer().await?;
        let edge = crate::tlog::edge_select(expected.seq);
        on_pool!(self, pool => {
            let mut tx = pool.begin_with(self.begin_write()).await.map_err(self.err())?;
            let row = sqlx::query("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")
                .fetch_optional(&mut *tx)
                .await
                .map_err(self.err())?
                .map(|r| Ok::<_, sqlx::Error>((r.try_get::<i64, _>("seq")?, r.try_get::<String, _>("hash")?)))
                .transpose()
                .map_err(self.err())?;
            let head = head_from(row)?;
            if head != expected {
                return Err(conflict(head.seq));
            }
            // A concurrent writer that took the same sequence numbers trips the journal's
            // primary key (it is ahead); a side row's unique key means the caller's view is stale.
            // The tree grows in the same transaction: its right edge, then the changed tiles
            // and the signed checkpoint of the new size.
            let edge_rows: Vec<(i64, i64, Vec<u8>)> = match &edge {
                None => Vec::new(),
                Some(st) => side::bind(sqlx::query(&st.sql), &st.args)
                    .fetch_all(&mut *tx)
                    .await
                    .and_then(|rows| rows.iter().map(|r| Ok((r.try_get("level")?, r.try_get("idx")?, r.try_get("hashes")?))).collect::<Result<Vec<_>, sqlx::Error>>())
                    .map_err(self.err())?,
            };
            let tiles = crate::tlog::tiles_from_rows(edge_rows)?;
            let log = crate::tlog::append_statements(&tiles, expected.seq, entries, signer.as_deref())
                .map_err(|message| StoreError::Corrupt { seq: side::int(expected.seq), message })?;
            let steps = journal.iter().map(|s| (s, expected.seq + 1)).chain(side.iter().map(|s| (s, expected.seq))).chain(log.iter().map(|s| (s, expected.seq + 1)));
            for (st, found) in steps {
                match side::bind(sqlx::query(&st.sql), &st.args).execute(&mut *tx).await {
                    Ok(_) => {}
                    Err(sqlx::Error::Database(d)) if d.is_unique_violation() => return Err(conflict(found)),
                    Err(e) => return Err(self.err()(e)),
                }
            }
            match tx.commit().await {
                Ok(()) => Ok(()),
                Err(sqlx::Error::Database(d)) if d.is_unique_violation() => Err(conflict(expected.seq + 1)),
                Err(e) => Err(self.err()(e)),
            }
        })
    }

    /// Up to `limit` entries after `after_seq`, in order.
    pub async fn entries(&self, after_seq: u64, limit: u32) -> Result<Vec<Entry>, StoreError> {
        let sql = "SELECT seq, time, actor, kind, payload, prev_hash, hash FROM journal WHERE seq > $1 ORDER BY seq LIMIT $2";
        // No entry comes after a number past any the table can hold (a reader's `2^63`).
        let Ok(after) = i64::try_from(after_seq) else {
            return Ok(Vec::new());
        };
        on_pool!(self, pool => {
            let rows = sqlx::query(sql).bind(after).bind(i64::from(limit)).fetch_all(pool).await.map_err(self.err())?;
            rows.iter()
                .map(|r| {
                    let get = |c: &str| r.try_get::<String, _>(c);
                    let seq: i64 = r.try_get("seq").map_err(self.err())?;
                    let fields = (get("time"), get("actor"), get("kind"), get("payload"), get("prev_hash"), get("hash"));
                    match fields {
                        (Ok(t), Ok(a), Ok(k), Ok(p), Ok(ph), Ok(h)) => entry_from(seq, t, a, k, p, ph, h),
                        _ => Err(StoreError::Corrupt { seq, message: "a column is missing or not text".into() }),
                    }
                })
                .collect()
        })
    }

    /// The entries of these sequence numbers, in order (a number with no entry is left
    /// out): what a page lists as its subject's acts, read 500 a query.
    pub async fn entries_at(&self, seqs: &[u64]) -> Result<Vec<Entry>, StoreError> {
        let mut wanted: Vec<i64> = seqs.iter().filter_map(|s| i64::try_from(*s).ok()).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut out = Vec::with_capacity(wanted.len());
        for chunk in wanted.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT seq, time, actor, kind, payload, prev_hash, hash FROM journal WHERE seq IN ({}) ORDER BY seq",
                marks.join(", ")
            );
            on_pool!(self, pool => {
                let mut q = sqlx::query(&sql);
                for s in chunk {
                    q = q.bind(*s);
                }
                let rows = q.fetch_all(pool).await.map_err(self.err())?;
                for r in &rows {
                    let get = |c: &str| r.try_get::<String, _>(c);
                    let seq: i64 = r.try_get("seq").map_err(self.err())?;
                    let fields = (get("time"), get("actor"), get("kind"), get("payload"), get("prev_hash"), get("hash"));
                    out.push(match fields {
                        (Ok(t), Ok(a), Ok(k), Ok(p), Ok(ph), Ok(h)) => entry_from(seq, t, a, k, p, ph, h)?,
                        _ => return Err(StoreError::Corrupt { seq, message: "a column is missing or not text".into() }),
                    });
                }
            });
        }
        Ok(out)
    }

    /// One entry by sequence number.
    pub async fn entry(&self, seq: u64) -> Result<Option<Entry>, StoreError> {
        if seq == 0 {
            return Ok(None);
        }
        Ok(self
            .entries(seq - 1, 1)
            .await?
            .into_iter()
            .next()
            .filter(|e| e.seq == seq))
    }

    /// Number of entries.
    pub async fn count(&self) -> Result<u64, StoreError> {
        Ok(self.head().await?.seq)
    }

    /// Calls `f` for every entry in order, a page at a time.
    pub async fn for_each(
        &self,
        mut f: impl FnMut(Entry) -> Result<(), VerifyError>,
    ) -> Result<(), VerifyError> {
        let mut after = 0;
        loop {
            let page = self.entries(after, 5_000).await?;
            let Some(last) = page.last() else {
                return Ok(());
            };
            after = last.seq;
            for e in page {
                f(e)?;
            }
        }
    }

    /// Recompute the whole chain; the first bad entry is named.
    pub async fn verify(&self) -> Result<Head, VerifyError> {
        let mut v = ChainVerifier::new();
        self.for_each(|e| v.push(&e).map_err(VerifyError::from))
            .await?;
        Ok(v.head())
    }

    /// Rebuild the state by folding every entry.
    pub async fn load_state(&self) -> Result<State, LoadError> {
        let mut state = State::new();
        let mut after = 0;
        loop {
            let page = self.entries(after, 5_000).await?;
            let Some(last) = page.last() else {
                return Ok(state);
            };
            after = last.seq;
            for e in &page {
                state.apply(e)?;
            }
        }
    }
}

/// Why the state could not be rebuilt from the stored journal.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Apply(#[from] ApplyError),
    #[error(
        "the stored journal's head (entry {}, {}) is not the one this node folded (entry {}, {}): entries were deleted or rewritten under it",
        stored.seq, stored.hash, ours.seq, ours.hash
    )]
    Diverged { ours: Head, stored: Head },
}

impl LoadError {
    /// The journal itself is at fault (an entry that does not chain, a head that moved
    /// backwards), not the database's reachability: serving must stop at the last good head.
    pub fn is_integrity(&self) -> bool {
        !matches!(self, Self::Store(_))
    }
}

/// The INSERTs of `entries`, [`crate::side::ROWS_PER_INSERT`] rows a statement.
fn journal_statements(entries: &[Entry]) -> Result<Vec<Statement>, StoreError> {
    // Checked first, so that the row closure below cannot fail.
    for e in entries {
        seq_i64(e.seq)?;
    }
    Ok(insert_chunks(
        "INSERT INTO journal (seq, time, actor, kind, payload, prev_hash, hash)",
        entries,
        |e| {
            [
                Arg::Int(side::int(e.seq)),
                Arg::Text(e.time.to_string()),
                Arg::Text(e.actor.to_string()),
                Arg::Text(e.kind.clone()),
                Arg::Text(e.payload.to_string()),
                Arg::Text(e.prev_hash.to_string()),
                Arg::Text(e.hash.to_string()),
            ]
        },
    ))
}

fn seq_i64(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq).map_err(|_| StoreError::Corrupt {
        seq: i64::MAX,
        message: format!("sequence number {seq} is out of range"),
    })
}

fn head_from(row: Option<(i64, String)>) -> Result<Head, StoreError> {
    match row {
        None => Ok(Head::default()),
        Some((seq, hash)) => {
            let hash =
                Hash::parse(&hash).map_err(|message| StoreError::Corrupt { seq, message })?;
            let seq = u64::try_from(seq).map_err(|_| StoreError::Corrupt {
                seq,
                message: "negative sequence number".into(),
            })?;
            Ok(Head { seq, hash })
        }
    }
}

fn entry_from(
    seq: i64,
    time: String,
    actor: String,
    kind: String,
    payload: String,
    prev_hash: String,
    hash: String,
) -> Result<Entry, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt { seq, message };
    let value: serde_json::Value =
        serde_json::from_str(&payload).map_err(|e| corrupt(format!("payload: {e}")))?;
    let canonical = value.to_string();
    if canonical != payload {
        return Err(corrupt(
            "payload is not in canonical form: it was edited outside comity".into(),
        ));
    }
    Ok(Entry {
        seq: u64::try_from(seq).map_err(|_| corrupt("negative sequence number".into()))?,
        time: Timestamp::try_from(time).map_err(|e| corrupt(format!("time: {e}")))?,
        actor: Actor::parse(&actor).map_err(|e| corrupt(format!("actor: {e}")))?,
        kind,
        payload: value,
        prev_hash: Hash::parse(&prev_hash).map_err(|e| corrupt(format!("prev_hash: {e}")))?,
        hash: Hash::parse(&hash).map_err(|e| corrupt(format!("hash: {e}")))?,
    })
}
