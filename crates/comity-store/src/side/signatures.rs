//! Signatures of citizens' initiatives: their writes (in the transaction of the entry that
//! records their batch, or strikes or reinstates them) and reads (taken ID keys, the valid
//! rows in the order certification samples are drawn from, likely duplicates).

use comity_core::Iso3;
use comity_core::journal::Hash;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{Arg, Statement, insert_chunks, int};
use crate::store::{Backend, Store, StoreError, on_pool};

/// One signature as the side table keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureRow {
    pub state: Iso3,
    pub id_key: Option<Hash>,
    pub person_key: Hash,
}

/// The rows of one batch, under the number its entry gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBatch {
    pub initiative: u64,
    pub batch: u64,
    pub rows: Vec<SignatureRow>,
}

/// Rows struck by an invalidation (or, with `invalidation` 0, reinstated from
/// `reinstate`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strike {
    pub initiative: u64,
    pub invalidation: u64,
    /// `(batch, n)` of each row struck.
    pub rows: Vec<(u64, u64)>,
    /// The invalidation whose rows become valid again (0: none).
    pub reinstate: u64,
}

/// SHA-256 of a batch's rows: one line `state,id_key,person_key` each (hex; an empty field
/// where there is no ID key), in order.
pub fn rows_sha256(rows: &[SignatureRow]) -> Hash {
    let mut h = Sha256::new();
    for r in rows {
        h.update(r.state.as_str().as_bytes());
        h.update(b",");
        if let Some(k) = r.id_key {
            h.update(k.hex());
        }
        h.update(b",");
        h.update(r.person_key.hex());
        h.update(b"\n");
    }
    Hash(h.finalize().into())
}

/// SHA-256 of the rows an invalidation strikes: one line `batch,n` each, in order.
pub fn strike_sha256(rows: &[(u64, u64)]) -> Hash {
    let mut h = Sha256::new();
    for (b, n) in rows {
        h.update(format!("{b},{n}\n").as_bytes());
    }
    Hash(h.finalize().into())
}

pub(crate) fn insert(batches: &[SignatureBatch]) -> Vec<Statement> {
    let mut out = Vec::new();
    for b in batches {
        let rows: Vec<(usize, &SignatureRow)> = b.rows.iter().enumerate().collect();
        out.extend(insert_chunks(
            "INSERT INTO initiative_signatures (initiative, batch, n, state, id_key, person_key)",
            &rows,
            |(n, r)| {
                [
                    Arg::Int(int(b.initiative)),
                    Arg::Int(int(b.batch)),
                    Arg::Int(int(*n as u64)),
                    Arg::Text(r.state.as_str().to_owned()),
                    Arg::MaybeBytes(r.id_key.map(|k| k.0.to_vec())),
                    Arg::Bytes(r.person_key.0.to_vec()),
                ]
            },
        ));
    }
    out
}

pub(crate) fn strike(strikes: &[Strike]) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in strikes {
        if s.reinstate > 0 {
            out.push(Statement {
                sql: "UPDATE initiative_signatures SET invalidation = 0 WHERE initiative = $1 AND invalidation = $2".into(),
                args: vec![Arg::Int(int(s.initiative)), Arg::Int(int(s.reinstate))],
            });
        }
        for (b, n) in &s.rows {
            out.push(Statement {
                sql: "UPDATE initiative_signatures SET invalidation = $1 WHERE initiative = $2 AND batch = $3 AND n = $4 AND invalidation = 0".into(),
                args: vec![
                    Arg::Int(int(s.invalidation)),
                    Arg::Int(int(s.initiative)),
                    Arg::Int(int(*b)),
                    Arg::Int(int(*n)),
                ],
            });
        }
    }
    out
}

fn corrupt(initiative: u64, message: String) -> StoreError {
    StoreError::Corrupt {
        seq: int(initiative),
        message: format!("signatures of initiative {initiative}: {message}"),
    }
}

fn key(initiative: u64, bytes: &[u8]) -> Result<Hash, StoreError> {
    <[u8; 32]>::try_from(bytes)
        .map(Hash)
        .map_err(|_| corrupt(initiative, format!("a key of {} bytes", bytes.len())))
}

impl Store {
    /// The institution's secret for the signatures' keys: made (32 random bytes) the first
    /// time it is asked for, never replaced.
    pub async fn signing_secret(&self) -> Result<Vec<u8>, StoreError> {
        let read = "SELECT secret FROM initiative_secret WHERE id = 1";
        let have: Option<Vec<u8>> = on_pool!(self, pool => {
            sqlx::query_scalar(read).fetch_optional(pool).await.map_err(self.err())?
        });
        if let Some(s) = have {
            return Ok(s);
        }
        let mut fresh = vec![0u8; 32];
        getrandom::getrandom(&mut fresh).map_err(|e| StoreError::Corrupt {
            seq: 0,
            message: format!("no randomness for the signatures' secret: {e}"),
        })?;
        let write =
            "INSERT INTO initiative_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING";
        on_pool!(self, pool => {
            sqlx::query(write).bind(fresh.as_slice()).execute(pool).await.map_err(self.err())?;
        });
        // Another writer may have won the race: its secret is the one.
        let s: Vec<u8> = on_pool!(self, pool => {
            sqlx::query_scalar(read).fetch_one(pool).await.map_err(self.err())?
        });
        Ok(s)
    }

    /// Which of `keys` (member, ID key) have signed `initiative` already. The keys are looked
    /// up in their order (member, key), so that the probes walk the unique index forward.
    pub async fn taken_id_keys(
        &self,
        initiative: u64,
        keys: &[(Iso3, Hash)],
    ) -> Result<std::collections::BTreeSet<(Iso3, Hash)>, StoreError> {
        let mut sorted: Vec<&(Iso3, Hash)> = keys.iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut out = std::collections::BTreeSet::new();
        match &self.backend {
            // One probe of the unique index per key, forced by the lateral subquery: planned
            // on the table's statistics instead, PostgreSQL reads every row of the member (the
            // statistics of a table filling fast say it holds a few) — a batch's lookups then
            // grow with the table (2.2 s a batch at 1,000,000 rows). The arrays travel as two
            // parameters; 5,000 keys a query.
            Backend::Postgres(pool) => {
                let sql = "SELECT k.state, k.id_key FROM unnest($2::text[], $3::bytea[]) AS k(state, id_key) \
                           CROSS JOIN LATERAL (SELECT 1 FROM initiative_signatures t \
                           WHERE t.initiative = $1 AND t.state = k.state AND t.id_key = k.id_key LIMIT 1) AS hit";
                for chunk in sorted.chunks(5_000) {
                    let states: Vec<&str> = chunk.iter().map(|(s, _)| s.as_str()).collect();
                    let ids: Vec<&[u8]> = chunk.iter().map(|(_, k)| k.0.as_slice()).collect();
                    let hits: Vec<(String, Vec<u8>)> = sqlx::query_as(sql)
                        .bind(int(initiative))
                        .bind(states)
                        .bind(ids)
                        .fetch_all(pool)
                        .await
                        .map_err(self.err())?;
                    for (state, k) in hits {
                        let state = Iso3::parse(&state)
                            .map_err(|_| corrupt(initiative, format!("state {state:?}")))?;
                        out.insert((state, key(initiative, &k)?));
                    }
                }
            }
            // SQLite probes the unique index for each key of an IN list: one query per member
            // and 500 keys.
            Backend::Sqlite(pool) => {
                let mut by_state: std::collections::BTreeMap<&Iso3, Vec<&Hash>> =
                    Default::default();
                for (s, k) in sorted {
                    by_state.entry(s).or_default().push(k);
                }
                for (state, ks) in by_state {
                    for chunk in ks.chunks(500) {
                        let marks: Vec<String> =
                            (0..chunk.len()).map(|i| format!("${}", i + 3)).collect();
                        let sql = format!(
                            "SELECT id_key FROM initiative_signatures WHERE initiative = $1 AND state = $2 AND id_key IN ({})",
                            marks.join(",")
                        );
                        let mut q = sqlx::query_scalar(&sql)
                            .persistent(false)
                            .bind(int(initiative))
                            .bind(state.as_str());
                        for k in chunk {
                            q = q.bind(k.0.as_slice());
                        }
                        let hits: Vec<Vec<u8>> = q.fetch_all(pool).await.map_err(self.err())?;
                        for h in hits {
                            out.insert((state.clone(), key(initiative, &h)?));
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// The rows of one batch, in order.
    pub async fn signature_batch(
        &self,
        initiative: u64,
        batch: u64,
    ) -> Result<Vec<SignatureRow>, StoreError> {
        let sql = "SELECT state, id_key, person_key FROM initiative_signatures WHERE initiative = $1 AND batch = $2 ORDER BY n";
        let rows: Vec<(String, Option<Vec<u8>>, Vec<u8>)> = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(int(initiative))
                .bind(int(batch))
                .fetch_all(pool)
                .await
                .map_err(self.err())?
                .iter()
                .map(|r| Ok((r.try_get::<String, _>(0)?, r.try_get::<Option<Vec<u8>>, _>(1)?, r.try_get::<Vec<u8>, _>(2)?)))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        rows.into_iter()
            .map(|(state, id, person)| {
                Ok(SignatureRow {
                    state: Iso3::parse(&state)
                        .map_err(|_| corrupt(initiative, format!("state {state:?}")))?,
                    id_key: id.as_deref().map(|b| key(initiative, b)).transpose()?,
                    person_key: key(initiative, &person)?,
                })
            })
            .collect()
    }

    /// `(batch, n)` of `state`'s valid signatures, in the order samples are drawn from.
    pub async fn valid_signatures(
        &self,
        initiative: u64,
        state: &Iso3,
    ) -> Result<Vec<(u64, u64)>, StoreError> {
        let sql = "SELECT batch, n FROM initiative_signatures WHERE initiative = $1 AND state = $2 AND invalidation = 0 ORDER BY batch, n";
        self.positions(sql, initiative, Arg::Text(state.as_str().to_owned()))
            .await
    }

    /// `(batch, n)` of the rows `sql` selects with the initiative and one more argument.
    async fn positions(
        &self,
        sql: &str,
        initiative: u64,
        second: Arg,
    ) -> Result<Vec<(u64, u64)>, StoreError> {
        let args = [Arg::Int(int(initiative)), second];
        let rows: Vec<(i64, i64)> = on_pool!(self, pool => {
            super::bind(sqlx::query(sql), &args)
                .fetch_all(pool)
                .await
                .map_err(self.err())?
                .iter()
                .map(|r| Ok((r.try_get::<i64, _>(0)?, r.try_get::<i64, _>(1)?)))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        Ok(rows
            .into_iter()
            .map(|(b, n)| (u64::try_from(b).unwrap_or(0), u64::try_from(n).unwrap_or(0)))
            .collect())
    }

    /// Valid signatures with the same person key as an earlier valid one (batch, then row):
    /// `(batch, n, state)`, in order. The earliest of each group stays.
    pub async fn likely_duplicates(
        &self,
        initiative: u64,
    ) -> Result<Vec<(u64, u64, Iso3)>, StoreError> {
        let sql = "SELECT batch, n, state FROM (SELECT batch, n, state, ROW_NUMBER() OVER (PARTITION BY person_key ORDER BY batch, n) AS k FROM initiative_signatures WHERE initiative = $1 AND invalidation = 0) AS s WHERE k > 1 ORDER BY batch, n";
        let rows: Vec<(i64, i64, String)> = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(int(initiative))
                .fetch_all(pool)
                .await
                .map_err(self.err())?
                .iter()
                .map(|r| Ok((r.try_get::<i64, _>(0)?, r.try_get::<i64, _>(1)?, r.try_get::<String, _>(2)?)))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        rows.into_iter()
            .map(|(b, n, state)| {
                Ok((
                    u64::try_from(b).unwrap_or(0),
                    u64::try_from(n).unwrap_or(0),
                    Iso3::parse(&state)
                        .map_err(|_| corrupt(initiative, format!("state {state:?}")))?,
                ))
            })
            .collect()
    }

    /// `(batch, n)` of the rows `invalidation` struck, in order.
    pub async fn struck_signatures(
        &self,
        initiative: u64,
        invalidation: u64,
    ) -> Result<Vec<(u64, u64)>, StoreError> {
        let sql = "SELECT batch, n FROM initiative_signatures WHERE initiative = $1 AND invalidation = $2 ORDER BY batch, n";
        self.positions(sql, initiative, Arg::Int(int(invalidation)))
            .await
    }
}

impl Store {
    /// Check the signatures the side table holds against what the journal records (the
    /// state's initiatives): each online batch's rows read back to its SHA-256 and counts,
    /// each invalidation in force strikes rows of its SHA-256 and counts, a reversed one none,
    /// and no row belongs to a batch the journal does not record. One line per initiative
    /// checked, or the first mismatch.
    pub async fn check_signatures(
        &self,
        initiatives: &comity_core::initiatives::Initiatives,
    ) -> Result<Vec<String>, String> {
        use comity_core::initiatives::Channel;
        let e = |e: StoreError| e.to_string();
        let sql = "SELECT COUNT(*) FROM initiative_signatures";
        let held: i64 = on_pool!(self, pool => {
            sqlx::query_scalar(sql).fetch_one(pool).await.map_err(self.err()).map_err(e)?
        });
        let mut recorded = 0i64;
        let mut out = Vec::new();
        for i in initiatives.initiatives.values() {
            let mut rows_checked = 0u64;
            for b in i.batches.iter().filter(|b| b.channel == Channel::Online) {
                let rows = self.signature_batch(i.id, b.batch).await.map_err(e)?;
                let mut counts: std::collections::BTreeMap<Iso3, u64> = Default::default();
                for r in &rows {
                    *counts.entry(r.state.clone()).or_default() += 1;
                }
                if rows_sha256(&rows) != b.rows_sha256 || counts != b.counts {
                    return Err(format!(
                        "initiative {} batch {} (entry {}): the side table holds {} rows, SHA-256 {}; the journal records {} signatures, SHA-256 {}",
                        i.id,
                        b.batch,
                        b.seq,
                        rows.len(),
                        rows_sha256(&rows),
                        b.counts.values().sum::<u64>(),
                        b.rows_sha256
                    ));
                }
                rows_checked += rows.len() as u64;
            }
            for v in &i.invalidations {
                let struck = self
                    .struck_signatures(i.id, v.invalidation)
                    .await
                    .map_err(e)?;
                let ok = match v.reversed {
                    Some(_) => struck.is_empty(),
                    // Invalidations of paper statements strike no rows.
                    None => struck.is_empty() || strike_sha256(&struck) == v.rows_sha256,
                };
                if !ok {
                    return Err(format!(
                        "initiative {} invalidation {} (entry {}): the side table marks {} rows struck, which is not what the journal records",
                        i.id,
                        v.invalidation,
                        v.seq,
                        struck.len()
                    ));
                }
            }
            recorded += i64::try_from(rows_checked).unwrap_or(i64::MAX);
            out.push(format!(
                "initiative {}: {} online rows in {} batches and {} invalidations as the journal records",
                i.id,
                rows_checked,
                i.batches.iter().filter(|b| b.channel == Channel::Online).count(),
                i.invalidations.len()
            ));
        }
        if held != recorded {
            return Err(format!(
                "the side table holds {held} signatures; the journal's batches record {recorded}"
            ));
        }
        Ok(out)
    }
}
