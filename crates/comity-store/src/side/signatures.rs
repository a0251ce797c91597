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
            h.update(k.to_string().as_bytes());
        }
        h.update(b",");
        h.update(r.person_key.to_string().as_bytes());
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

    /// Which of `keys` (member, ID key) have signed `initiative` already.
    pub async fn taken_id_keys(
        &self,
        initiative: u64,
        keys: &[(Iso3, Hash)],
    ) -> Result<std::collections::BTreeSet<(Iso3, Hash)>, StoreError> {
        let mut out = std::collections::BTreeSet::new();
        let sql = "SELECT 1 FROM initiative_signatures WHERE initiative = $1 AND state = $2 AND id_key = $3";
        for (state, k) in keys {
            let hit: Option<i32> = on_pool!(self, pool => {
                sqlx::query_scalar(sql)
                    .bind(int(initiative))
                    .bind(state.as_str())
                    .bind(k.0.as_slice())
                    .fetch_optional(pool)
                    .await
                    .map_err(self.err())?
            });
            if hit.is_some() {
                out.insert((state.clone(), *k));
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
        let rows: Vec<(i64, i64)> = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(int(initiative))
                .bind(state.as_str())
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
        let rows: Vec<(i64, i64)> = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(int(initiative))
                .bind(int(invalidation))
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
}
