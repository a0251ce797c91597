//! The ballot box: secret ballots between an election's opening and its count. One counter
//! per distinct ranking, no voter, no time: the journal entry written in the same
//! transaction records that a state voted, the box only what was ranked.

use sqlx::Row;

use super::{Arg, Statement, int};
use crate::store::{Backend, Store, StoreError, on_pool};

/// `count` identical ballots (a ranking of candidate names) for an election's box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballots {
    pub election: u64,
    pub ranking: Vec<String>,
    pub count: u64,
}

/// One upsert per ranking: PostgreSQL refuses an `ON CONFLICT DO UPDATE` that touches the
/// same row twice in one statement, and a tellers' file may repeat a ranking.
pub(crate) fn deposit(ballots: &[Ballots]) -> Vec<Statement> {
    ballots
        .iter()
        .map(|b| Statement {
            sql: "INSERT INTO ballot_box (election, ranking, count) VALUES ($1, $2, $3) \
                  ON CONFLICT (election, ranking) DO UPDATE SET count = ballot_box.count + $3"
                .into(),
            args: vec![
                Arg::Int(int(b.election)),
                Arg::Text(ranking_text(&b.ranking)),
                Arg::Int(int(b.count)),
            ],
        })
        .collect()
}

fn ranking_text(ranking: &[String]) -> String {
    // A JSON array of strings: serialising one cannot fail.
    serde_json::to_string(ranking).unwrap_or_default()
}

impl Store {
    /// The box's contents: each distinct ranking with its count.
    pub async fn ballot_box(&self, election: u64) -> Result<Vec<(Vec<String>, u64)>, StoreError> {
        let id = int(election);
        let rows: Vec<(String, i64)> = on_pool!(self, pool => {
            sqlx::query("SELECT ranking, count FROM ballot_box WHERE election = $1 ORDER BY ranking")
                .bind(id)
                .fetch_all(pool)
                .await
                .map_err(self.err())?
                .iter()
                .map(|r| Ok((r.try_get::<String, _>("ranking")?, r.try_get::<i64, _>("count")?)))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())?
        });
        rows.into_iter()
            .map(|(text, count)| {
                let ranking: Vec<String> =
                    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
                        seq: 0,
                        message: format!("ballot box of election {election}: {e}"),
                    })?;
                Ok((ranking, u64::try_from(count).unwrap_or(0)))
            })
            .collect()
    }
}
