//! How to reach the volunteers of an assembly drawn by lot: names, addresses and the salts
//! of their hashes, beside the journal and never in it.
//!
//! The journal is public and permanent, so it holds only each volunteer's features and
//! `SHA-256(salt ‖ "\n" ‖ name ‖ "\n" ‖ email)`. The salt is 16 random bytes: without it
//! the hash cannot be tested against a guessed name and address. The volunteer keeps the salt
//! as their receipt; the secretariat reads this table to reach the people drawn. Rows are
//! written in the same transaction as the journal entry that numbers the volunteers
//! ([`crate::Institution::register_volunteers`]), so neither exists without the other; the
//! table's SQL is in `side/contacts.rs`.

use comity_core::journal::Hash;

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
}
