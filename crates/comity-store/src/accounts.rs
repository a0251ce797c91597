//! Accounts with argon2id passwords, cookie sessions with their CSRF token, and API tokens.
//!
//! Secrets are never stored in the clear: passwords as argon2id PHC strings, session and
//! API tokens as the SHA-256 of the token (a token is 32 random bytes, so a fast hash is
//! enough: there is nothing to guess).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use comity_core::auth::Role;
use comity_core::{Actor, Timestamp};
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::store::{Backend, Store, StoreError, on_pool};

/// A person's account as the platform shows it (never with the password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub created_at: String,
}

impl Account {
    /// The journal records acts under the username.
    pub fn actor(&self) -> Option<Actor> {
        Actor::parse(&self.username).ok()
    }
}

/// A session found by its cookie.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    pub csrf: String,
    pub expires_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("username {0:?}: use 2 to 40 characters: lower-case letters, digits, '.', '-' or '_'")]
    BadUsername(String),
    #[error("password: at least 10 characters")]
    WeakPassword,
    #[error("display name: 1 to 100 characters")]
    BadDisplayName,
    #[error("an account {0:?} already exists")]
    Exists(String),
    #[error("the system's random number source failed: {0}")]
    Random(String),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error("there is no account {0:?}")]
    Unknown(String),
    #[error("the role {role} is held by another account already")]
    RoleHeld { role: String, by: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// 32 random bytes as 64 hex digits: a session, CSRF or API token.
pub fn new_token() -> Result<String, AccountError> {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).map_err(|e| AccountError::Random(e.to_string()))?;
    Ok(hex(&b))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The stored form of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// argon2id with the crate's defaults (19 MiB, 2 passes: OWASP's recommended minimum).
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| AccountError::Random(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| AccountError::Hash(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

pub fn check_username(u: &str) -> Result<(), AccountError> {
    let ok = (2..=40).contains(&u.len())
        && u.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(AccountError::BadUsername(u.to_owned()))
    }
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(Role::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn roles_from(text: &str) -> Vec<Role> {
    text.split_whitespace()
        .filter_map(|r| Role::parse(r).ok())
        .collect()
}

const ACCOUNT_COLS: &str = "a.username, a.display_name, a.roles, a.created_at";

fn account_from<R: Row>(r: &R) -> Result<Account, sqlx::Error>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(Account {
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        roles: roles_from(&r.try_get::<String, _>("roles")?),
        created_at: r.try_get("created_at")?,
    })
}

impl Store {
    /// Create an account. The password is hashed here; the roles are stored as given.
    pub async fn add_account(
        &self,
        username: &str,
        display_name: &str,
        password: &str,
        roles: &[Role],
        now: Timestamp,
    ) -> Result<Account, AccountError> {
        check_username(username)?;
        if password.chars().count() < 10 {
            return Err(AccountError::WeakPassword);
        }
        let display_name = display_name.trim();
        if display_name.is_empty() || display_name.chars().count() > 100 {
            return Err(AccountError::BadDisplayName);
        }
        let hash = hash_password(password)?;
        let sql = "INSERT INTO accounts (username, display_name, password_hash, roles, created_at) VALUES ($1, $2, $3, $4, $5)";
        let res = on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(username)
                .bind(display_name)
                .bind(&hash)
                .bind(roles_text(roles))
                .bind(now.to_string())
                .execute(pool)
                .await
                .map(|_| ())
        });
        match res {
            Ok(_) => Ok(Account {
                username: username.to_owned(),
                display_name: display_name.to_owned(),
                roles: roles.to_vec(),
                created_at: now.to_string(),
            }),
            Err(sqlx::Error::Database(d)) if d.is_unique_violation() => {
                Err(AccountError::Exists(username.to_owned()))
            }
            Err(e) => Err(AccountError::Store(self.err()(e))),
        }
    }

    /// Give an account one more role (kept if it has it). A role that binds one seat to one
    /// person (`panelist:…`, `accredited:…`) is refused with the account that holds it.
    pub async fn grant_role(&self, username: &str, role: &Role) -> Result<(), AccountError> {
        let accounts = self.accounts().await.map_err(AccountError::Store)?;
        let personal = matches!(role, Role::Panelist { .. } | Role::Accredited(_));
        if personal
            && let Some(holder) = accounts
                .iter()
                .find(|a| a.username != username && a.roles.contains(role))
        {
            return Err(AccountError::RoleHeld {
                role: role.to_string(),
                by: holder.username.clone(),
            });
        }
        let Some(account) = accounts.iter().find(|a| a.username == username) else {
            return Err(AccountError::Unknown(username.to_owned()));
        };
        if account.roles.contains(role) {
            return Ok(());
        }
        let mut roles = account.roles.clone();
        roles.push(role.clone());
        on_pool!(self, pool => {
            sqlx::query("UPDATE accounts SET roles = $1 WHERE username = $2")
                .bind(roles_text(&roles))
                .bind(username)
                .execute(pool)
                .await
                .map_err(|e| AccountError::Store(self.err()(e)))?;
        });
        Ok(())
    }

    /// Every account, by username.
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLS} FROM accounts a ORDER BY a.username");
        on_pool!(self, pool => {
            let rows = sqlx::query(&sql).fetch_all(pool).await.map_err(self.err())?;
            rows.iter().map(|r| account_from(r).map_err(self.err())).collect()
        })
    }

    /// The account if the password is right; `None` for an unknown user or a wrong password
    /// (the two are not told apart).
    pub async fn check_login(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Option<Account>, StoreError> {
        let sql =
            format!("SELECT {ACCOUNT_COLS}, a.password_hash FROM accounts a WHERE a.username = $1");
        let found = on_pool!(self, pool => {
            match sqlx::query(&sql).bind(username).fetch_optional(pool).await.map_err(self.err())? {
                Some(r) => Some((account_from(&r).map_err(self.err())?, r.try_get::<String, _>("password_hash").map_err(self.err())?)),
                None => None,
            }
        });
        Ok(match found {
            Some((account, hash)) if verify_password(password, &hash) => Some(account),
            Some(_) => None,
            None => {
                // Spend the same time as a real check, so timing does not reveal usernames.
                let _ = hash_password(password);
                None
            }
        })
    }

    /// Start a session; returns the cookie token (stored only hashed).
    pub async fn create_session(
        &self,
        username: &str,
        expires_at: Timestamp,
    ) -> Result<(String, String), AccountError> {
        let token = new_token()?;
        let csrf = new_token()?;
        let sql =
            "INSERT INTO sessions (token_hash, username, csrf, expires_at) VALUES ($1, $2, $3, $4)";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(token_hash(&token))
                .bind(username)
                .bind(&csrf)
                .bind(expires_at.to_string())
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok((token, csrf))
    }

    /// The live session a cookie token names (expired ones are not returned).
    pub async fn session(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<Option<Session>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLS}, s.csrf, s.expires_at FROM sessions s JOIN accounts a ON a.username = s.username WHERE s.token_hash = $1 AND s.expires_at > $2"
        );
        on_pool!(self, pool => {
            let row = sqlx::query(&sql)
                .bind(token_hash(token))
                .bind(now.to_string())
                .fetch_optional(pool)
                .await
                .map_err(self.err())?;
            row.map(|r| {
                Ok(Session {
                    account: account_from(&r)?,
                    csrf: r.try_get("csrf")?,
                    expires_at: r.try_get("expires_at")?,
                })
            })
            .transpose()
            .map_err(self.err())
        })
    }

    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash(token))
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok(())
    }

    /// Issue an API token for an account; the token is shown once and stored hashed.
    pub async fn create_api_token(
        &self,
        username: &str,
        name: &str,
        now: Timestamp,
    ) -> Result<String, AccountError> {
        let token = format!("comity_{}", new_token()?);
        let sql = "INSERT INTO api_tokens (token_hash, username, name, created_at) VALUES ($1, $2, $3, $4)";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(token_hash(&token))
                .bind(username)
                .bind(name)
                .bind(now.to_string())
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok(token)
    }

    /// The account an API token (from `Authorization: Bearer …`) belongs to.
    pub async fn token_account(&self, token: &str) -> Result<Option<Account>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLS} FROM api_tokens t JOIN accounts a ON a.username = t.username WHERE t.token_hash = $1"
        );
        on_pool!(self, pool => {
            sqlx::query(&sql)
                .bind(token_hash(token))
                .fetch_optional(pool)
                .await
                .map_err(self.err())?
                .map(|r| account_from(&r))
                .transpose()
                .map_err(self.err())
        })
    }
}
