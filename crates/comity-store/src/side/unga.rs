//! The UN General Assembly's imported roll calls, issues and votes: their writes (run in the
//! journal's transaction with the `votes_imported` entry) and reads, in each import's
//! canonical order so that the rows read back to the text whose SHA-256 the entry holds.

use comity_caucus::{Added, RollCall, Vote};
use sqlx::Row;

use super::{Arg, Statement, insert_chunks, int};
use crate::store::{Backend, Store, StoreError, on_pool};

/// One import's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UngaImport {
    pub import: u64,
    pub added: Added,
}

fn flag(b: bool) -> i64 {
    i64::from(b)
}

pub(crate) fn insert(imports: &[UngaImport]) -> Vec<Statement> {
    let mut out = Vec::new();
    for i in imports {
        let no = int(i.import);
        let rcs: Vec<(usize, &RollCall)> = i.added.roll_calls.iter().enumerate().collect();
        out.extend(insert_chunks(
            "INSERT INTO unga_roll_calls (import_no, n, rcid, session, importantvote, date, unres, amend, para, short, descr)",
            &rcs,
            |(n, r)| {
                [
                    Arg::Int(no),
                    Arg::Int(int(*n as u64)),
                    Arg::Int(i64::from(r.rcid)),
                    Arg::Int(i64::from(r.session)),
                    Arg::Text(r.important.map_or(String::new(), |b| flag(b).to_string())),
                    Arg::Text(r.date.clone()),
                    Arg::Text(r.unres.clone()),
                    Arg::Int(flag(r.amend)),
                    Arg::Int(flag(r.para)),
                    Arg::Text(r.short.clone()),
                    Arg::Text(r.descr.clone()),
                ]
            },
        ));
        let issues: Vec<(usize, &(u32, String))> = i.added.issues.iter().enumerate().collect();
        out.extend(insert_chunks(
            "INSERT INTO unga_roll_call_issues (import_no, n, rcid, short_name)",
            &issues,
            |(n, (rcid, code))| {
                [
                    Arg::Int(no),
                    Arg::Int(int(*n as u64)),
                    Arg::Int(i64::from(*rcid)),
                    Arg::Text(code.clone()),
                ]
            },
        ));
        let votes: Vec<(usize, &(u32, String, Vote))> = i.added.votes.iter().enumerate().collect();
        out.extend(insert_chunks(
            "INSERT INTO unga_votes (import_no, n, rcid, state, vote)",
            &votes,
            |(n, (rcid, state, vote))| {
                [
                    Arg::Int(no),
                    Arg::Int(int(*n as u64)),
                    Arg::Int(i64::from(*rcid)),
                    Arg::Text(state.clone()),
                    Arg::Text(vote.code().to_owned()),
                ]
            },
        ));
    }
    out
}

fn corrupt(import: i64, message: String) -> StoreError {
    StoreError::Corrupt {
        seq: import,
        message: format!("UN import {import}: {message}"),
    }
}

fn number<T: TryFrom<i64>>(import: i64, what: &str, v: i64) -> Result<T, StoreError> {
    T::try_from(v).map_err(|_| corrupt(import, format!("{what} {v} is out of range")))
}

impl Store {
    /// Every import's rows, by import, each in its canonical order.
    pub async fn unga_imports(&self) -> Result<Vec<UngaImport>, StoreError> {
        let mut out: std::collections::BTreeMap<i64, Added> = Default::default();
        let sql = "SELECT import_no, rcid, session, importantvote, date, unres, amend, para, short, descr FROM unga_roll_calls ORDER BY import_no, n";
        let rows = on_pool!(self, pool => {
            sqlx::query(sql).fetch_all(pool).await.map_err(self.err())?
                .iter()
                .map(|r| Ok((
                    r.try_get::<i64, _>("import_no")?,
                    r.try_get::<i64, _>("rcid")?,
                    r.try_get::<i64, _>("session")?,
                    r.try_get::<String, _>("importantvote")?,
                    r.try_get::<String, _>("date")?,
                    r.try_get::<String, _>("unres")?,
                    r.try_get::<i64, _>("amend")?,
                    r.try_get::<i64, _>("para")?,
                    r.try_get::<String, _>("short")?,
                    r.try_get::<String, _>("descr")?,
                )))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        for (no, rcid, session, important, date, unres, amend, para, short, descr) in rows {
            let year = date
                .get(..4)
                .and_then(|y| y.parse().ok())
                .ok_or_else(|| corrupt(no, format!("roll call {rcid}: date {date:?}")))?;
            out.entry(no).or_default().roll_calls.push(RollCall {
                rcid: number(no, "rcid", rcid)?,
                session: number(no, "session", session)?,
                date,
                year,
                unres,
                important: match important.as_str() {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                },
                amend: amend != 0,
                para: para != 0,
                short,
                descr,
            });
        }
        let sql =
            "SELECT import_no, rcid, short_name FROM unga_roll_call_issues ORDER BY import_no, n";
        let rows = on_pool!(self, pool => {
            sqlx::query(sql).fetch_all(pool).await.map_err(self.err())?
                .iter()
                .map(|r| Ok((r.try_get::<i64, _>("import_no")?, r.try_get::<i64, _>("rcid")?, r.try_get::<String, _>("short_name")?)))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        for (no, rcid, code) in rows {
            let rcid = number(no, "rcid", rcid)?;
            out.entry(no).or_default().issues.push((rcid, code));
        }
        let sql = "SELECT import_no, rcid, state, vote FROM unga_votes ORDER BY import_no, n";
        let rows = on_pool!(self, pool => {
            sqlx::query(sql).fetch_all(pool).await.map_err(self.err())?
                .iter()
                .map(|r| Ok((
                    r.try_get::<i64, _>("import_no")?,
                    r.try_get::<i64, _>("rcid")?,
                    r.try_get::<String, _>("state")?,
                    r.try_get::<String, _>("vote")?,
                )))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        for (no, rcid, state, vote) in rows {
            let v = Vote::parse(vote.as_bytes())
                .ok_or_else(|| corrupt(no, format!("vote {vote:?} in roll call {rcid}")))?;
            let rcid = number(no, "rcid", rcid)?;
            out.entry(no).or_default().votes.push((rcid, state, v));
        }
        out.into_iter()
            .map(|(no, added)| {
                Ok(UngaImport {
                    import: number(no, "import number", no)?,
                    added,
                })
            })
            .collect()
    }
}

impl Store {
    /// Check the imported rows against what the journal records of each import (`imports`,
    /// from the state): the rows' SHA-256 and counts, and that no rows are held for an import
    /// the journal does not record. One line per import checked, or the first mismatch.
    pub async fn check_unga_imports(
        &self,
        imports: &[comity_core::caucus::VotesImport],
    ) -> Result<Vec<String>, String> {
        let held = self.unga_imports().await.map_err(|e| e.to_string())?;
        if let Some(extra) = held
            .iter()
            .find(|h| !imports.iter().any(|i| i.import == h.import))
        {
            return Err(format!(
                "the side tables hold rows of import {} that the journal does not record",
                extra.import
            ));
        }
        let mut out = Vec::new();
        for i in imports {
            let added = held
                .iter()
                .find(|h| h.import == i.import)
                .map(|h| h.added.clone())
                .unwrap_or_default();
            let digest = crate::institution::unga_rows_sha256(&added);
            let counts = (added.votes.len() as u64, added.roll_calls.len() as u64);
            if digest != i.rows_sha256 || counts != (i.votes, i.roll_calls) {
                return Err(format!(
                    "import {} (entry {}, {}): the side tables hold {} votes in {} new roll calls, rows SHA-256 {digest}; the journal records {} votes in {} roll calls, rows SHA-256 {}",
                    i.import,
                    i.seq,
                    i.file,
                    counts.0,
                    counts.1,
                    i.votes,
                    i.roll_calls,
                    i.rows_sha256
                ));
            }
            out.push(format!(
                "import {} ({}): {} votes, {} new roll calls, rows SHA-256 {digest} as the journal records",
                i.import, i.file, i.votes, i.roll_calls
            ));
        }
        Ok(out)
    }
}
