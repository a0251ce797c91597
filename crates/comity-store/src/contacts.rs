//! How to reach the volunteers of an assembly drawn by lot: names, addresses and the salts
//! of their hashes, beside the journal and never in it.
//!
//! The journal is public and permanent, so it holds only each volunteer's features and
//! `SHA-256(salt ‖ "\n" ‖ name ‖ "\n" ‖ email)`. The salt is 16 random bytes: without it
//! the hash cannot be tested against a guessed name and address. The volunteer keeps the salt
//! as their receipt; the secretariat reads this table to reach the people drawn. Rows are
//! written in the same transaction as the journal entry that numbers the volunteers
//! ([`crate::Institution::register_volunteers`]), so neither exists without the other.

use comity_core::journal::Hash;
use sqlx::Row;

use crate::store::{Backend, Store, StoreError, on_pool};

/// Why a name or address was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactError {
    #[error("name: 1 to {NAME_MAX} characters, no line breaks")]
    BadName,
    #[error("email: {0}")]
    BadEmail(&'static str),
    #[error("the system's random number source failed: {0}")]
    Random(String),
}

impl ContactError {
    /// The form or CSV field the problem concerns.
    pub fn field(&self) -> &'static str {
        match self {
            Self::BadName => "name",
            Self::BadEmail(_) => "email",
            Self::Random(_) => "act",
        }
    }
}

pub const NAME_MAX: usize = 200;
const EMAIL_MAX: usize = 254;

/// A volunteer's name and address, parsed, with a fresh salt: what the hash covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    name: String,
    email: String,
    salt: String,
}

impl Contact {
    /// Parse a name (trimmed) and an email address (trimmed, lower-cased) and draw a salt.
    pub fn new(name: &str, email: &str) -> Result<Self, ContactError> {
        let (name, email) = parse(name, email)?;
        let mut salt = [0u8; 16];
        getrandom::getrandom(&mut salt).map_err(|e| ContactError::Random(e.to_string()))?;
        Ok(Self {
            name,
            email,
            salt: salt.iter().map(|b| format!("{b:02x}")).collect(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn email(&self) -> &str {
        &self.email
    }
    /// 32 lower-case hex digits: the volunteer's receipt.
    pub fn salt(&self) -> &str {
        &self.salt
    }
    /// The hash the journal records.
    pub fn hash(&self) -> Hash {
        comity_core::assembly::volunteer_hash(&self.salt, &self.name, &self.email)
    }
}

/// A name and an email address as they are hashed and stored; the salt is not drawn.
pub fn parse(name: &str, email: &str) -> Result<(String, String), ContactError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        return Err(ContactError::BadName);
    }
    Ok((name.to_owned(), parse_email(email)?))
}

fn parse_email(email: &str) -> Result<String, ContactError> {
    let email = email.trim().to_lowercase();
    let bad = ContactError::BadEmail;
    if email.is_empty() {
        return Err(bad("must not be empty"));
    }
    if email.len() > EMAIL_MAX {
        return Err(bad("at most 254 characters"));
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>,;\"()[]\\".contains(c))
    {
        return Err(bad("no spaces, commas, quotes or brackets"));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(bad("an address such as name@example.org"));
    };
    let labels_ok = domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    if local.is_empty() || local.len() > 64 || domain.contains('@') || !labels_ok {
        return Err(bad("an address such as name@example.org"));
    }
    Ok(email)
}

/// A stored contact: volunteer `number` of `organ`, as the journal numbers them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerContact {
    pub organ: String,
    pub number: u64,
    pub name: String,
    pub email: String,
    pub salt: String,
    /// The hash the journal records for this volunteer, in hex.
    pub hash: String,
    pub created_at: String,
}

impl VolunteerContact {
    pub fn new(organ: &str, number: u64, c: &Contact, created_at: String) -> Self {
        Self {
            organ: organ.to_owned(),
            number,
            name: c.name.clone(),
            email: c.email.clone(),
            salt: c.salt.clone(),
            hash: c.hash().to_string(),
            created_at,
        }
    }
}

const COLS: &str = "organ, number, name, email, salt, hash, created_at";

/// An INSERT of `rows` contacts, numbered placeholders for both backends.
pub(crate) fn insert_sql(rows: usize) -> String {
    crate::store::insert_rows_sql(&format!("INSERT INTO volunteer_contacts ({COLS})"), 7, rows)
}

pub(crate) fn number_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
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
            let rows = sqlx::query(&sql).bind(organ).bind(number_i64(number))
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
    fn names_and_addresses_are_parsed_once() {
        let ok = [
            (
                " Ada Lovelace ",
                " Ada@Example.ORG ",
                "Ada Lovelace",
                "ada@example.org",
            ),
            (
                "Jean-Luc Ébert",
                "j.l+lot@mail.example.fr",
                "Jean-Luc Ébert",
                "j.l+lot@mail.example.fr",
            ),
            ("فاطمة", "f@example.ma", "فاطمة", "f@example.ma"),
        ];
        for (name, email, n, e) in ok {
            assert_eq!(parse(name, email).unwrap(), (n.to_owned(), e.to_owned()));
        }
        let bad = [
            ("", "a@example.org", "name"),
            ("two\nlines", "a@example.org", "name"),
            (&"x".repeat(NAME_MAX + 1), "a@example.org", "name"),
            ("Ada", "", "email"),
            ("Ada", "ada", "email"),
            ("Ada", "ada@localhost", "email"),
            ("Ada", "a b@example.org", "email"),
            ("Ada", "a@b@example.org", "email"),
            ("Ada", "@example.org", "email"),
            ("Ada", "ada@example..org", "email"),
            ("Ada", "<ada@example.org>", "email"),
        ];
        for (name, email, field) in bad {
            let e = parse(name, email).unwrap_err();
            assert_eq!(e.field(), field, "{name:?} {email:?}: {e}");
        }
    }

    #[test]
    fn each_contact_gets_its_own_salt_and_the_hash_covers_it() {
        let a = Contact::new("Ada", "ada@example.org").unwrap();
        let b = Contact::new("Ada", "ada@example.org").unwrap();
        assert_eq!(a.salt().len(), 32);
        assert!(
            a.salt()
                .bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a.salt(), b.salt());
        assert_ne!(a.hash(), b.hash());
        assert_eq!(
            a.hash(),
            comity_core::assembly::volunteer_hash(a.salt(), "Ada", "ada@example.org")
        );
    }

    #[test]
    fn the_insert_statement_numbers_every_placeholder() {
        assert_eq!(
            insert_sql(2),
            "INSERT INTO volunteer_contacts (organ, number, name, email, salt, hash, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7),($8,$9,$10,$11,$12,$13,$14)"
        );
    }
}
