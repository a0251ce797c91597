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

use comity_core::journal::{Hash, Head};
use sqlx::Row;

use crate::side::int;
use crate::store::{Backend, Store, StoreError, on_pool};

impl Store {
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
