//! The ballot box: secret ballots between an election's opening and its count.

use sqlx::Row;

use crate::store::{Backend, Store, StoreError, on_pool};

impl Store {
    /// Add `count` identical ballots (a ranking of candidate names) to an election's box.
    pub async fn deposit_ballot(
        &self,
        election: u64,
        ranking: &[String],
        count: u64,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(ranking).unwrap_or_default();
        let sql = "INSERT INTO ballot_box (election, ranking, count) VALUES ($1, $2, $3) ON CONFLICT (election, ranking) DO UPDATE SET count = ballot_box.count + $3";
        let id = i64::try_from(election).unwrap_or(i64::MAX);
        let n = i64::try_from(count).unwrap_or(i64::MAX);
        on_pool!(self, pool => {
            sqlx::query(sql).bind(id).bind(&text).bind(n).execute(pool).await.map_err(self.err())?;
        });
        Ok(())
    }

    /// Take back `count` ballots whose casting the institution refused.
    pub async fn withdraw_ballot(
        &self,
        election: u64,
        ranking: &[String],
        count: u64,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(ranking).unwrap_or_default();
        let id = i64::try_from(election).unwrap_or(i64::MAX);
        let n = i64::try_from(count).unwrap_or(i64::MAX);
        on_pool!(self, pool => {
            sqlx::query("UPDATE ballot_box SET count = count - $3 WHERE election = $1 AND ranking = $2")
                .bind(id).bind(&text).bind(n).execute(pool).await.map_err(self.err())?;
            sqlx::query("DELETE FROM ballot_box WHERE election = $1 AND count <= 0")
                .bind(id).execute(pool).await.map_err(self.err())?;
        });
        Ok(())
    }

    /// The box's contents: each distinct ranking with its count.
    pub async fn ballot_box(&self, election: u64) -> Result<Vec<(Vec<String>, u64)>, StoreError> {
        let id = i64::try_from(election).unwrap_or(i64::MAX);
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
