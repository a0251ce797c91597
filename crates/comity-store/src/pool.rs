//! The pools of assemblies drawn by lot, as a read table derived from the journal: the rows of
//! each `volunteers_registered` entry are written in the transaction that appends it, so the
//! table holds exactly the volunteers of the entries stored. Commands that need a pool
//! (committing to a draw, drawing) or need to know who registered already get it from here
//! (`Institution` fills them in); core checks the pool against the digest its state keeps.

use comity_core::assembly::{self, Volunteer};
use std::collections::BTreeMap;

use comity_core::Event;
use comity_core::journal::{Entry, Hash};
use sqlx::Row;

use crate::side::{Arg, Statement, insert_chunks, int};
use crate::store::{Backend, Store, StoreError, on_pool};

const COLS: &str = "organ, number, hash, volunteer, seq";

/// One row: a volunteer under its number in an organ's pool.
struct PoolRow {
    organ: String,
    number: u64,
    hash: String,
    volunteer: String,
    seq: u64,
}

/// The rows a `volunteers_registered` payload at `seq` registers.
fn rows_of(
    seq: u64,
    payload: &serde_json::Value,
    out: &mut Vec<PoolRow>,
) -> Result<(), StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        seq: int(seq),
        message,
    };
    let event = Event::from_parts(KIND, payload).map_err(|m| corrupt(m.to_string()))?;
    if let Event::Assembly(assembly::Event::VolunteersRegistered {
        organ,
        first,
        volunteers,
    }) = event
    {
        for (v, number) in volunteers.iter().zip(first..) {
            out.push(PoolRow {
                organ: organ.clone(),
                number,
                hash: v.hash.to_string(),
                volunteer: serde_json::to_string(v).map_err(|m| corrupt(m.to_string()))?,
                seq,
            });
        }
    }
    Ok(())
}

/// The journal kind whose entries fill the table.
pub(crate) const KIND: &str = "volunteers_registered";

fn statements(rows: &[PoolRow]) -> Vec<Statement> {
    let head = format!("INSERT INTO pool_volunteers ({COLS})");
    insert_chunks(&head, rows, |r| {
        [
            Arg::Text(r.organ.clone()),
            Arg::Int(int(r.number)),
            Arg::Text(r.hash.clone()),
            Arg::Text(r.volunteer.clone()),
            Arg::Int(int(r.seq)),
        ]
    })
}

/// The INSERTs of the pool rows `entries` register. `UNIQUE (organ, hash)` refuses a
/// volunteer registered already, which fails the whole append.
pub(crate) fn insert(entries: &[Entry]) -> Result<Vec<Statement>, StoreError> {
    let mut rows = Vec::new();
    for e in entries.iter().filter(|e| e.kind == KIND) {
        rows_of(e.seq, &e.payload, &mut rows)?;
    }
    Ok(statements(&rows))
}

/// The INSERTs that fill the table from the journal's stored `volunteers_registered`
/// payloads (seq, payload text), run by the migration that creates the table.
pub(crate) fn backfill(payloads: &[(i64, String)]) -> Result<Vec<Statement>, StoreError> {
    let mut rows = Vec::new();
    for (seq, text) in payloads {
        let corrupt = |message: String| StoreError::Corrupt { seq: *seq, message };
        let payload = serde_json::from_str(text).map_err(|m| corrupt(format!("payload: {m}")))?;
        let seq = u64::try_from(*seq).map_err(|_| corrupt("negative sequence number".into()))?;
        rows_of(seq, &payload, &mut rows)?;
    }
    Ok(statements(&rows))
}

impl Store {
    /// The first `size` volunteers of `organ`'s pool, in order.
    pub async fn pool(&self, organ: &str, size: u64) -> Result<Vec<Volunteer>, StoreError> {
        let sql = "SELECT number, volunteer FROM pool_volunteers WHERE organ = $1 AND number <= $2 ORDER BY number";
        let rows: Vec<(i64, String)> = on_pool!(self, pool => {
            sqlx::query(sql).bind(organ).bind(int(size)).fetch_all(pool).await.map_err(self.err())?
                .iter()
                .map(|r| Ok((r.try_get::<i64, _>("number")?, r.try_get::<String, _>("volunteer")?)))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        rows.into_iter()
            .map(|(number, json)| {
                serde_json::from_str(&json).map_err(|m| StoreError::Corrupt {
                    seq: number,
                    message: format!("{organ}: pool volunteer {number}: {m}"),
                })
            })
            .collect()
    }

    /// The volunteers of `organ`'s pool under `numbers` (a panel), by number.
    pub async fn pool_members(
        &self,
        organ: &str,
        numbers: &[u64],
    ) -> Result<BTreeMap<u64, Volunteer>, StoreError> {
        let mut found = BTreeMap::new();
        for chunk in numbers.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT number, volunteer FROM pool_volunteers WHERE organ = $1 AND number IN ({})",
                marks.join(",")
            );
            let rows: Vec<(i64, String)> = on_pool!(self, pool => {
                let mut q = sqlx::query(&sql).bind(organ);
                for n in chunk {
                    q = q.bind(int(*n));
                }
                q.fetch_all(pool).await.map_err(self.err())?
                    .iter()
                    .map(|r| Ok((r.try_get::<i64, _>("number")?, r.try_get::<String, _>("volunteer")?)))
                    .collect::<Result<Vec<_>, sqlx::Error>>()
                    .map_err(self.err())?
            });
            for (number, json) in rows {
                let v = serde_json::from_str(&json).map_err(|m| StoreError::Corrupt {
                    seq: number,
                    message: format!("{organ}: pool volunteer {number}: {m}"),
                })?;
                found.insert(u64::try_from(number).unwrap_or(0), v);
            }
        }
        Ok(found)
    }

    /// Which of `hashes` are in `organ`'s pool already.
    pub async fn pooled(&self, organ: &str, hashes: &[Hash]) -> Result<Vec<Hash>, StoreError> {
        let mut found = Vec::new();
        // Bounded statements: SQLite allows 32,766 parameters, PostgreSQL 65,535.
        for chunk in hashes.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT hash FROM pool_volunteers WHERE organ = $1 AND hash IN ({})",
                marks.join(",")
            );
            let texts: Vec<String> = on_pool!(self, pool => {
                let mut q = sqlx::query(&sql).bind(organ);
                for h in chunk {
                    q = q.bind(h.to_string());
                }
                q.fetch_all(pool).await.map_err(self.err())?
                    .iter()
                    .map(|r| r.try_get::<String, _>("hash"))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(self.err())?
            });
            found.extend(chunk.iter().filter(|h| texts.contains(&h.to_string())));
        }
        Ok(found)
    }
}
