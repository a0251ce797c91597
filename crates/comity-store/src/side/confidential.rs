//! Confidential submissions to consultations: the content the journal holds only the
//! SHA-256 of, written in the journal's transaction with its `submission_received` entry,
//! and read back for the secretariat and for `comity journal verify`.

use comity_core::consultations::{Answer, Respondent, content_sha256};
use comity_core::journal::Hash;
use sqlx::Row;

use super::{Arg, Statement, int};
use crate::store::{Backend, Store, StoreError, on_pool};

/// One confidential submission's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confidential {
    pub consultation: u64,
    pub submission: u64,
    pub respondent: Respondent,
    pub answers: std::collections::BTreeMap<u32, Answer>,
}

impl Confidential {
    /// What the journal's entry holds of it.
    pub fn sha256(&self) -> Hash {
        content_sha256(&self.respondent, &self.answers)
    }
}

pub(crate) fn insert(rows: &[Confidential]) -> Vec<Statement> {
    rows.iter()
        .map(|c| Statement {
            sql: "INSERT INTO consultation_confidential (consultation, submission, content) VALUES ($1, $2, $3)".to_owned(),
            args: vec![
                Arg::Int(int(c.consultation)),
                Arg::Int(int(c.submission)),
                Arg::Text(
                    serde_json::json!({"respondent": c.respondent, "answers": c.answers})
                        .to_string(),
                ),
            ],
        })
        .collect()
}

impl Store {
    /// The confidential submissions to `consultation`, by number.
    pub async fn confidential_submissions(
        &self,
        consultation: u64,
    ) -> Result<Vec<Confidential>, StoreError> {
        let sql = "SELECT submission, content FROM consultation_confidential WHERE consultation = $1 ORDER BY submission";
        let rows: Vec<(i64, String)> = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(int(consultation))
                .fetch_all(pool)
                .await
                .map_err(self.err())?
                .into_iter()
                .map(|r| (r.get::<i64, _>(0), r.get::<String, _>(1)))
                .collect()
        });
        rows.into_iter()
            .map(|(n, text)| {
                let corrupt = |e: serde_json::Error| StoreError::Corrupt {
                    seq: 0,
                    message: format!(
                        "confidential submission {n} to consultation {consultation}: {e}"
                    ),
                };
                let mut v: serde_json::Value = serde_json::from_str(&text).map_err(corrupt)?;
                Ok(Confidential {
                    consultation,
                    submission: n as u64,
                    respondent: serde_json::from_value(v["respondent"].take()).map_err(corrupt)?,
                    answers: serde_json::from_value(v["answers"].take()).map_err(corrupt)?,
                })
            })
            .collect()
    }

    /// Every confidential submission's content against the journal: one row per confidential
    /// submission, none for a published one, each hashing to the SHA-256 its entry records.
    /// A line per consultation checked, or the first problem.
    pub async fn check_confidential(
        &self,
        consultations: &comity_core::consultations::Consultations,
    ) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for c in consultations.consultations.values() {
            let rows = self
                .confidential_submissions(c.id)
                .await
                .map_err(|e| e.to_string())?;
            let want: Vec<_> = c.submissions.iter().filter(|s| s.confidential).collect();
            if rows.len() != want.len() {
                return Err(format!(
                    "consultation {}: the side table holds {} confidential submissions; the journal records {}",
                    c.id,
                    rows.len(),
                    want.len()
                ));
            }
            for (r, s) in rows.iter().zip(&want) {
                if r.submission != s.number || r.sha256() != s.sha256 {
                    return Err(format!(
                        "consultation {} submission {} (entry {}): the content kept beside the journal does not hash to the SHA-256 it records",
                        c.id, s.number, s.seq
                    ));
                }
            }
            out.push(format!(
                "consultation {}: {} submissions, {} confidential, each matching its entry",
                c.id,
                c.submissions.len(),
                want.len()
            ));
        }
        Ok(out)
    }
}
