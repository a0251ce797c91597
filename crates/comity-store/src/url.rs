//! Which backend a database URL names.

use std::path::PathBuf;

/// A parsed `--database` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file (`sqlite:comity.db`, `sqlite://./comity.db` or a plain path) or `sqlite::memory:`.
    Sqlite(SqliteTarget),
    /// `postgres://…` or `postgresql://…`, passed to the driver as written.
    Postgres(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SqliteTarget {
    File(PathBuf),
    Memory,
}

/// Whether opening may create a new, empty database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The database must already exist (serve, verify, export, members).
    MustExist,
    /// Create the SQLite file if it is missing (init, demo).
    Create,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error(
        "unknown database URL scheme {scheme:?} in {url:?}: use a sqlite: URL or file path, or a postgres:// URL"
    )]
    UnknownScheme { scheme: String, url: String },
    #[error("empty database URL")]
    Empty,
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, UrlError> {
        let url = url.trim();
        if url.is_empty() {
            return Err(UrlError::Empty);
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_owned()));
        }
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let rest = rest.strip_prefix("//").unwrap_or(rest);
            let path = rest.split('?').next().unwrap_or("");
            if path == ":memory:" || path.is_empty() {
                return Ok(Self::Sqlite(SqliteTarget::Memory));
            }
            return Ok(Self::Sqlite(SqliteTarget::File(PathBuf::from(path))));
        }
        if let Some(scheme) = scheme_of(url) {
            return Err(UrlError::UnknownScheme {
                scheme: scheme.to_owned(),
                url: url.to_owned(),
            });
        }
        Ok(Self::Sqlite(SqliteTarget::File(PathBuf::from(url))))
    }

    /// For messages: the URL without a password.
    pub fn redacted(&self) -> String {
        match self {
            Self::Sqlite(SqliteTarget::Memory) => "sqlite::memory:".into(),
            Self::Sqlite(SqliteTarget::File(p)) => format!("sqlite:{}", p.display()),
            Self::Postgres(u) => match (u.find("://"), u.rfind('@')) {
                (Some(s), Some(at)) if at > s => {
                    let creds = &u[s + 3..at];
                    let user = creds.split(':').next().unwrap_or("");
                    format!("{}{}@{}", &u[..s + 3], user, &u[at + 1..])
                }
                _ => u.clone(),
            },
        }
    }
}

/// `scheme:` at the start of a URL (letters, then letters, digits, `+`, `-`, `.`).
fn scheme_of(url: &str) -> Option<&str> {
    let (head, _) = url.split_once(':')?;
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && head.len() > 1)
        .then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend() {
        let file = |p: &str| DatabaseUrl::Sqlite(SqliteTarget::File(PathBuf::from(p)));
        assert_eq!(
            DatabaseUrl::parse("sqlite:comity.db").unwrap(),
            file("comity.db")
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://./data/c.db").unwrap(),
            file("./data/c.db")
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///tmp/c.db").unwrap(),
            file("/tmp/c.db")
        );
        assert_eq!(
            DatabaseUrl::parse("data/c.sqlite").unwrap(),
            file("data/c.sqlite")
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite::memory:").unwrap(),
            DatabaseUrl::Sqlite(SqliteTarget::Memory)
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://u:p@h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgresql://h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        let e = DatabaseUrl::parse("mysql://h/db").unwrap_err();
        assert!(
            e.to_string()
                .contains("unknown database URL scheme \"mysql\""),
            "{e}"
        );
        assert!(DatabaseUrl::parse("").is_err());
    }

    #[test]
    fn passwords_are_not_shown() {
        let u = DatabaseUrl::parse("postgres://alice:secret@db:5432/comity").unwrap();
        assert_eq!(u.redacted(), "postgres://alice@db:5432/comity");
    }
}
