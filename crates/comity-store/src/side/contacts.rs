//! The volunteers' contacts table: its writes (run in the journal's transaction) and reads.

use sqlx::Row;

use super::{Arg, Statement, insert_chunks, int};
use crate::contacts::VolunteerContact;
use crate::store::{Backend, Store, StoreError, on_pool};

const COLS: &str = "organ, number, name, email, salt, hash, created_at";

/// The INSERTs of `contacts`. The table's `UNIQUE (organ, email)` refuses an address that
/// volunteered already, which fails the whole append.
pub(crate) fn insert(contacts: &[VolunteerContact]) -> Vec<Statement> {
    let head = format!("INSERT INTO volunteer_contacts ({COLS})");
    insert_chunks(&head, contacts, |c| {
        [
            Arg::Text(c.organ.clone()),
            Arg::Int(int(c.number)),
            Arg::Text(c.name.clone()),
            Arg::Text(c.email.clone()),
            Arg::Text(c.salt.clone()),
            Arg::Text(c.hash.clone()),
            Arg::Text(c.created_at.clone()),
        ]
    })
}

fn from_row(
    organ: String,
    number: i64,
    name: String,
    email: String,
    salt: String,
    hash: String,
    created_at: String,
) -> VolunteerContact {
    VolunteerContact {
        organ,
        number: u64::try_from(number).unwrap_or(0),
        name,
        email,
        salt,
        hash,
        created_at,
    }
}

macro_rules! read_contacts {
    ($rows:expr) => {
        $rows
            .iter()
            .map(|r| {
                Ok(from_row(
                    r.try_get("organ")?,
                    r.try_get("number")?,
                    r.try_get("name")?,
                    r.try_get("email")?,
                    r.try_get("salt")?,
                    r.try_get("hash")?,
                    r.try_get("created_at")?,
                ))
            })
            .collect::<Result<Vec<VolunteerContact>, sqlx::Error>>()
    };
}

impl Store {
    /// Volunteer `number` of `organ`'s contact, if one was recorded (the demo's synthetic
    /// volunteers have none). For the secretariat only: never shown on a public page.
    pub async fn volunteer_contact(
        &self,
        organ: &str,
        number: u64,
    ) -> Result<Option<VolunteerContact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM volunteer_contacts WHERE organ = $1 AND number = $2");
        let found = on_pool!(self, pool => {
            let rows = sqlx::query(&sql).bind(organ).bind(int(number))
                .fetch_all(pool).await.map_err(self.err())?;
            read_contacts!(rows).map_err(self.err())?
        });
        Ok(found.into_iter().next())
    }

    /// Every recorded contact of `organ`, by volunteer number.
    pub async fn volunteer_contacts(
        &self,
        organ: &str,
    ) -> Result<Vec<VolunteerContact>, StoreError> {
        let sql = format!("SELECT {COLS} FROM volunteer_contacts WHERE organ = $1 ORDER BY number");
        on_pool!(self, pool => {
            let rows = sqlx::query(&sql).bind(organ).fetch_all(pool).await.map_err(self.err())?;
            read_contacts!(rows).map_err(self.err())
        })
    }

    /// Which of `emails` (as [`parse`] gives them) already volunteered for `organ`.
    pub async fn registered_emails(
        &self,
        organ: &str,
        emails: &[&str],
    ) -> Result<std::collections::BTreeSet<String>, StoreError> {
        let mut found = std::collections::BTreeSet::new();
        // Bounded statements: SQLite allows 32,766 parameters, PostgreSQL 65,535.
        for chunk in emails.chunks(500) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| format!("${}", i + 2)).collect();
            let sql = format!(
                "SELECT email FROM volunteer_contacts WHERE organ = $1 AND email IN ({})",
                marks.join(",")
            );
            let rows: Vec<String> = on_pool!(self, pool => {
                let mut q = sqlx::query(&sql).bind(organ);
                for e in chunk {
                    q = q.bind(*e);
                }
                q.fetch_all(pool).await.map_err(self.err())?
                    .iter()
                    .map(|r| r.try_get::<String, _>("email"))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(self.err())?
            });
            found.extend(rows);
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_insert_statement_numbers_every_placeholder() {
        let c = VolunteerContact {
            organ: "o".into(),
            number: 3,
            name: "Ada".into(),
            email: "ada@example.org".into(),
            salt: "00".into(),
            hash: "ff".into(),
            created_at: "t".into(),
        };
        let st = insert(&[c.clone(), c]);
        assert_eq!(st.len(), 1);
        assert_eq!(
            st[0].sql,
            "INSERT INTO volunteer_contacts (organ, number, name, email, salt, hash, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7),($8,$9,$10,$11,$12,$13,$14)"
        );
        assert_eq!(st[0].args.len(), 14);
        assert_eq!(st[0].args[8], Arg::Int(3));
    }

    #[test]
    fn contacts_are_inserted_fifty_a_statement() {
        let c = VolunteerContact {
            organ: "o".into(),
            number: 1,
            name: "n".into(),
            email: "e".into(),
            salt: "s".into(),
            hash: "h".into(),
            created_at: "t".into(),
        };
        let st = insert(&vec![c; 120]);
        let rows: Vec<usize> = st.iter().map(|s| s.args.len() / 7).collect();
        assert_eq!(rows, vec![50, 50, 20]);
    }
}
