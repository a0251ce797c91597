//! The journal's words (issue 25): every entry filed under the words of its payload's texts,
//! its kind and its actor, folded as the platform's search folds them
//! (`comity_matching::words`), so an entry is found by a word someone wrote in any language.
//! Filed after the entries, not in their transaction (an append costs what it did): a search
//! first brings the words up to the journal's head ([`Store::index_journal`]), and a server
//! does so in the background from its start.

use std::collections::BTreeSet;

use comity_core::journal::Entry;
use comity_matching::words::{Term, index_terms};
use serde_json::Value;
use sqlx::Row;

use crate::store::{Backend, Store, StoreError, on_pool};

/// Entries filed a transaction.
const CHUNK: u32 = 2_000;
/// A word longer than this is not a word (a hash, a key): not filed.
const LONGEST: usize = 40;
/// The most terms filed for one entry.
const MOST: usize = 20_000;

/// The terms an entry is filed under, space-separated, each once.
pub fn entry_terms(e: &Entry) -> String {
    let mut terms: BTreeSet<String> = BTreeSet::new();
    let mut add = |t: String| {
        if t.chars().count() <= LONGEST && terms.len() < MOST {
            terms.insert(t);
        }
    };
    index_terms(&e.kind, &mut add);
    index_terms(e.actor.as_str(), &mut add);
    let mut stack = vec![&e.payload];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => index_terms(s, &mut add),
            Value::Array(a) => stack.extend(a.iter()),
            Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    terms.into_iter().collect::<Vec<_>>().join(" ")
}

/// A query in FTS5's syntax: each term quoted, a beginning with `*`, all required.
fn fts5(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|t| format!("\"{}\"{}", t.text, if t.prefix { "*" } else { "" }))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A query in PostgreSQL's `tsquery` syntax: each term quoted, a beginning with `:*`.
fn tsquery(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|t| {
            format!(
                "'{}'{}",
                t.text.replace('\'', "''"),
                if t.prefix { ":*" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

/// Entries found, newest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalHits {
    pub seqs: Vec<u64>,
    /// More entries hold the words than were asked for.
    pub more: bool,
    /// The entry up to which the words were filed.
    pub indexed: u64,
}

impl Store {
    /// The entry up to which the journal's words are filed.
    pub async fn journal_indexed(&self) -> Result<u64, StoreError> {
        on_pool!(self, pool => {
            let seq: i64 = sqlx::query("SELECT seq FROM journal_search_state WHERE id = 1")
                .fetch_one(pool)
                .await
                .and_then(|r| r.try_get("seq"))
                .map_err(self.err())?;
            Ok(u64::try_from(seq).unwrap_or(0))
        })
    }

    /// File the words of the entries not yet filed, a chunk a transaction, until the head
    /// (or `most` entries); returns the entry now filed up to. Two callers at once are safe:
    /// each chunk moves the mark from where it read it, or gives way.
    pub async fn index_journal(&self, most: u64) -> Result<u64, StoreError> {
        let mut done = 0u64;
        loop {
            let from = self.journal_indexed().await?;
            let take =
                u32::try_from(most.saturating_sub(done).min(u64::from(CHUNK))).unwrap_or(CHUNK);
            if take == 0 {
                return Ok(from);
            }
            let entries = self.entries(from, take).await?;
            let Some(last) = entries.last().map(|e| e.seq) else {
                return Ok(from);
            };
            let rows: Vec<(i64, String)> = entries
                .iter()
                .map(|e| (i64::try_from(e.seq).unwrap_or(i64::MAX), entry_terms(e)))
                .collect();
            let (old, new) = (
                i64::try_from(from).unwrap_or(0),
                i64::try_from(last).unwrap_or(0),
            );
            let pg = matches!(self.backend, Backend::Postgres(_));
            let moved = on_pool!(self, pool => {
                let mut tx = pool.begin_with(self.begin_write()).await.map_err(self.err())?;
                let moved = sqlx::query("UPDATE journal_search_state SET seq = $1 WHERE id = 1 AND seq = $2")
                    .bind(new)
                    .bind(old)
                    .execute(&mut *tx)
                    .await
                    .map_err(self.err())?
                    .rows_affected();
                if moved == 1 {
                    for (seq, terms) in &rows {
                        // PostgreSQL takes the terms as they are (its parser would cut them
                        // by its locale); an entry with none files an empty vector.
                        let sql = if pg {
                            "INSERT INTO journal_search (seq, terms) VALUES ($1, array_to_tsvector(array_remove(string_to_array($2, ' '), '')))"
                        } else {
                            "INSERT INTO journal_search (rowid, terms) VALUES ($1, $2)"
                        };
                        sqlx::query(sql).bind(*seq).bind(terms.as_str()).execute(&mut *tx).await.map_err(self.err())?;
                    }
                    tx.commit().await.map_err(self.err())?;
                }
                moved
            });
            if moved == 1 {
                done += entries.len() as u64;
            }
        }
    }

    /// The entries holding every term, newest first: at most `limit`, before entry `before`
    /// (none: from the head), made between the days `from` and `to` (`YYYY-MM-DD`, either
    /// end open). Only entries already filed are found ([`Store::index_journal`]).
    pub async fn search_journal(
        &self,
        terms: &[Term],
        before: Option<u64>,
        from: Option<&str>,
        to: Option<&str>,
        limit: u32,
    ) -> Result<JournalHits, StoreError> {
        let indexed = self.journal_indexed().await?;
        if terms.is_empty() {
            return Ok(JournalHits {
                seqs: Vec::new(),
                more: false,
                indexed,
            });
        }
        let before = i64::try_from(before.unwrap_or(u64::MAX)).unwrap_or(i64::MAX);
        let from = from.unwrap_or("");
        let to = to.unwrap_or("9999-12-31");
        let take = i64::from(limit) + 1;
        let pg = matches!(self.backend, Backend::Postgres(_));
        let rows: Vec<i64> = on_pool!(self, pool => {
            let (sql, q) = match pg {
                true => (
                    "SELECT s.seq AS seq FROM journal_search s JOIN journal j ON j.seq = s.seq \
                     WHERE s.terms @@ $1::tsquery AND s.seq < $2 \
                     AND substr(j.time, 1, 10) >= $3 AND substr(j.time, 1, 10) <= $4 \
                     ORDER BY s.seq DESC LIMIT $5",
                    tsquery(terms),
                ),
                false => (
                    "SELECT s.rowid AS seq FROM journal_search s JOIN journal j ON j.seq = s.rowid \
                     WHERE journal_search MATCH $1 AND s.rowid < $2 \
                     AND substr(j.time, 1, 10) >= $3 AND substr(j.time, 1, 10) <= $4 \
                     ORDER BY s.rowid DESC LIMIT $5",
                    fts5(terms),
                ),
            };
            sqlx::query(sql)
                .bind(q)
                .bind(before)
                .bind(from)
                .bind(to)
                .bind(take)
                .fetch_all(pool)
                .await
                .and_then(|rows| rows.iter().map(|r| r.try_get::<i64, _>("seq")).collect())
                .map_err(self.err())?
        });
        let more = rows.len() > limit as usize;
        let seqs = rows
            .into_iter()
            .take(limit as usize)
            .filter_map(|s| u64::try_from(s).ok())
            .collect();
        Ok(JournalHits {
            seqs,
            more,
            indexed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_term() {
        let t = comity_matching::words::query_terms("Indépendance UN 新闻");
        assert_eq!(fts5(&t), "\"independance\"* AND \"un\" AND \"新闻\"");
        assert_eq!(tsquery(&t), "'independance':* & 'un' & '新闻'");
    }
}
