//! Projection snapshots keyed by head, so that start-up need not replay the whole journal
//! (`benches/startup.rs`: 22–27 s on a million entries, three quarters of it reading and
//! parsing rows).
//!
//! The store keeps an encoded state with the head it was folded to, and hands it back only
//! while the chain confirms that head: the journal's entry at that seq must have that hash.
//! A journal restored from an older backup, or replaced, makes the snapshot unconfirmed and
//! it is ignored; the caller then replays from the start. The encoding is the caller's: the
//! store stores text under a `format` name, and a caller whose state's shape changed uses a
//! new format name, so it never decodes a snapshot written by another version.

use comity_core::State;
use comity_core::journal::{Hash, Head};
use sqlx::Row;

use crate::side::int;
use crate::store::{Backend, Store, StoreError, on_pool};

/// How a [`State`] is written to and read from a snapshot's text ([`JsonCodec`] ships).
/// `decode` must restore the head the state was folded to: [`crate::Institution::open_with`]
/// checks it against the snapshot's.
pub trait StateCodec: Send + Sync {
    /// The encoding and the version of the state's shape, e.g. `"state-json-v1"`.
    fn format(&self) -> &str;
    /// `None` if the state cannot be encoded (then no snapshot is written).
    fn encode(&self, state: &State) -> Option<String>;
    /// `None` if the text is not a state of this format (then the journal is replayed).
    fn decode(&self, body: &str) -> Option<State>;
}

/// The state as JSON, under [`comity_core::state::SNAPSHOT_FORMAT`] and this crate's version.
/// The charter is kept as its source and parsed again on reading.
pub struct JsonCodec;

/// The format name [`JsonCodec`] writes: the state's shape and this crate's version, so a
/// change of either makes a new format and old snapshots are left unread.
static JSON_FORMAT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "{}/comity-{}",
        comity_core::state::SNAPSHOT_FORMAT,
        env!("CARGO_PKG_VERSION")
    )
});

impl StateCodec for JsonCodec {
    fn format(&self) -> &str {
        JSON_FORMAT.as_str()
    }
    fn encode(&self, state: &State) -> Option<String> {
        serde_json::to_string(state).ok()
    }
    fn decode(&self, body: &str) -> Option<State> {
        serde_json::from_str(body).ok()
    }
}

impl Store {
    /// The state from the latest confirmed snapshot of `codec`'s format, caught up with the
    /// entries after it; or, with no usable snapshot, folded from the whole journal. The
    /// second value says whether a snapshot was used.
    pub async fn load_state_with(
        &self,
        codec: &dyn StateCodec,
    ) -> Result<(State, bool), crate::LoadError> {
        let (state, from) = self.load_state_from(codec).await?;
        Ok((state, from > 0))
    }

    /// As [`Store::load_state_with`], with the seq the fold started from: the snapshot's, or
    /// 0 when the whole journal was folded.
    pub async fn load_state_from(
        &self,
        codec: &dyn StateCodec,
    ) -> Result<(State, u64), crate::LoadError> {
        let found = self.snapshot(codec.format()).await?;
        let decoded =
            found.and_then(|(head, body)| codec.decode(&body).filter(|s| s.head() == head));
        let Some(mut state) = decoded else {
            return Ok((self.load_state().await?, 0));
        };
        let from = state.head().seq;
        loop {
            let page = self.entries(state.head().seq, 5_000).await?;
            if page.is_empty() {
                return Ok((state, from));
            }
            for e in &page {
                state.apply(e)?;
            }
        }
    }

    /// Write `state` as the snapshot of `codec`'s format (nothing if it cannot be encoded).
    pub async fn save_state(
        &self,
        codec: &dyn StateCodec,
        state: &State,
    ) -> Result<(), StoreError> {
        match codec.encode(state) {
            Some(body) => {
                self.save_snapshot(codec.format(), state.head(), &body)
                    .await
            }
            None => Ok(()),
        }
    }

    /// Keep `body`, the projection encoded as `format`, folded up to `head`, in the place of
    /// the previous snapshot of that format.
    pub async fn save_snapshot(
        &self,
        format: &str,
        head: Head,
        body: &str,
    ) -> Result<(), StoreError> {
        let sql = "INSERT INTO projection_snapshot (format, seq, hash, body) VALUES ($1, $2, $3, $4) \
                   ON CONFLICT (format) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, body = excluded.body";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(format)
                .bind(int(head.seq))
                .bind(head.hash.to_string())
                .bind(body)
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok(())
    }

    /// The snapshot of `format` and the head it was folded to, if the stored journal still
    /// has that head at that seq; `None` if there is none or the chain does not confirm it.
    pub async fn snapshot(&self, format: &str) -> Result<Option<(Head, String)>, StoreError> {
        // The join is the verification: the entry at the snapshot's seq must carry its hash.
        let sql = "SELECT s.seq, s.hash, s.body FROM projection_snapshot s \
                   JOIN journal j ON j.seq = s.seq AND j.hash = s.hash WHERE s.format = $1";
        let row = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(format)
                .fetch_optional(pool)
                .await
                .map_err(self.err())?
                .map(|r| {
                    Ok::<_, sqlx::Error>((
                        r.try_get::<i64, _>("seq")?,
                        r.try_get::<String, _>("hash")?,
                        r.try_get::<String, _>("body")?,
                    ))
                })
                .transpose()
                .map_err(self.err())?
        });
        let Some((seq, hash, body)) = row else {
            return Ok(None);
        };
        let corrupt = |message: String| StoreError::Corrupt { seq, message };
        let head = Head {
            seq: u64::try_from(seq).map_err(|_| corrupt("negative sequence number".into()))?,
            hash: Hash::parse(&hash).map_err(|e| corrupt(format!("snapshot hash: {e}")))?,
        };
        Ok(Some((head, body)))
    }
}
