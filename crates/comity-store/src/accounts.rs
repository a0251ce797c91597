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

/// An API token as its owner sees it: never the token, an id to revoke it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    /// The first hex digits of the token's hash (not of the token).
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
}

/// How long a token's id is.
pub const TOKEN_ID_LEN: usize = 16;

/// A role granted or removed, and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleChange {
    pub role: String,
    /// `granted` or `removed`.
    pub change: String,
    pub by: String,
    pub at: String,
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

pub(crate) fn account_from<R: Row>(r: &R) -> Result<Account, sqlx::Error>
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

    /// Give an account one more role; `false` if it held it already. A role that binds one
    /// seat to one person (`panelist:…`, `accredited:…`) is refused with the account that
    /// holds it.
    pub async fn grant_role(
        &self,
        username: &str,
        role: &Role,
        by: &str,
        now: Timestamp,
    ) -> Result<bool, AccountError> {
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
            return Ok(false);
        }
        let mut roles = account.roles.clone();
        roles.push(role.clone());
        self.set_roles(username, &roles, role, "granted", by, now)
            .await?;
        Ok(true)
    }

    /// Take a role from an account; `false` if it did not hold it.
    pub async fn revoke_role(
        &self,
        username: &str,
        role: &Role,
        by: &str,
        now: Timestamp,
    ) -> Result<bool, AccountError> {
        let accounts = self.accounts().await.map_err(AccountError::Store)?;
        let Some(account) = accounts.iter().find(|a| a.username == username) else {
            return Err(AccountError::Unknown(username.to_owned()));
        };
        if !account.roles.contains(role) {
            return Ok(false);
        }
        let roles: Vec<Role> = account
            .roles
            .iter()
            .filter(|r| *r != role)
            .cloned()
            .collect();
        self.set_roles(username, &roles, role, "removed", by, now)
            .await?;
        Ok(true)
    }

    /// The account's roles and the change recorded, in one transaction.
    async fn set_roles(
        &self,
        username: &str,
        roles: &[Role],
        role: &Role,
        change: &str,
        by: &str,
        now: Timestamp,
    ) -> Result<(), AccountError> {
        let err = |e| AccountError::Store(self.err()(e));
        on_pool!(self, pool => {
            let mut tx = pool.begin().await.map_err(err)?;
            sqlx::query("UPDATE accounts SET roles = $1 WHERE username = $2")
                .bind(roles_text(roles))
                .bind(username)
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            sqlx::query("INSERT INTO role_changes (username, role, change, by_whom, at) VALUES ($1, $2, $3, $4, $5)")
                .bind(username)
                .bind(role.to_string())
                .bind(change)
                .bind(by)
                .bind(now.to_string())
                .execute(&mut *tx)
                .await
                .map_err(err)?;
            tx.commit().await.map_err(err)?;
        });
        Ok(())
    }

    /// Who granted or removed which role of `username`, latest first.
    pub async fn role_changes(&self, username: &str) -> Result<Vec<RoleChange>, StoreError> {
        let sql = "SELECT role, change, by_whom, at FROM role_changes WHERE username = $1 ORDER BY at DESC, role";
        on_pool!(self, pool => {
            let rows = sqlx::query(sql).bind(username).fetch_all(pool).await.map_err(self.err())?;
            rows.iter()
                .map(|r| Ok(RoleChange { role: r.try_get("role")?, change: r.try_get("change")?, by: r.try_get("by_whom")?, at: r.try_get("at")? }))
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())
        })
    }

    /// Every account, by username.
    pub async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLS} FROM accounts a ORDER BY a.username");
        on_pool!(self, pool => {
            let rows = sqlx::query(&sql).fetch_all(pool).await.map_err(self.err())?;
            rows.iter().map(|r| account_from(r).map_err(self.err())).collect()
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

    /// Issue an API token for an account that does not expire; see
    /// [`Store::create_api_token_until`].
    pub async fn create_api_token(
        &self,
        username: &str,
        name: &str,
        now: Timestamp,
    ) -> Result<String, AccountError> {
        self.create_api_token_until(username, name, now, None).await
    }

    /// Issue an API token for an account, valid until `expires` (`None`: until revoked);
    /// the token is shown once and stored hashed.
    pub async fn create_api_token_until(
        &self,
        username: &str,
        name: &str,
        now: Timestamp,
        expires: Option<Timestamp>,
    ) -> Result<String, AccountError> {
        let token = format!("comity_{}", new_token()?);
        let sql = "INSERT INTO api_tokens (token_hash, username, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
        on_pool!(self, pool => {
            sqlx::query(sql)
                .bind(token_hash(&token))
                .bind(username)
                .bind(name)
                .bind(now.to_string())
                .bind(expires.map(|t| t.to_string()))
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok(token)
    }

    /// The account a live API token (from `Authorization: Bearer …`) belongs to: not
    /// revoked, not expired at `now`. Its last use is noted (at most once an hour, so
    /// reading through the API does not write on every request).
    pub async fn token_account(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<Option<Account>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLS}, t.last_used_at FROM api_tokens t JOIN accounts a ON a.username = t.username WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > $2)"
        );
        let hash = token_hash(token);
        let stale = Timestamp::from_unix(now.unix() - 3600).to_string();
        on_pool!(self, pool => {
            let Some(r) = sqlx::query(&sql).bind(&hash).bind(now.to_string()).fetch_optional(pool).await.map_err(self.err())? else {
                return Ok(None);
            };
            let account = account_from(&r).map_err(self.err())?;
            let last: Option<String> = r.try_get("last_used_at").map_err(self.err())?;
            if last.is_none_or(|l| l < stale) {
                sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
                    .bind(now.to_string())
                    .bind(&hash)
                    .execute(pool)
                    .await
                    .map_err(self.err())?;
            }
            Ok(Some(account))
        })
    }

    /// The account's API tokens (never the tokens themselves), newest first, expired ones
    /// included and marked by their date.
    pub async fn api_tokens(&self, username: &str) -> Result<Vec<ApiToken>, StoreError> {
        let sql = "SELECT token_hash, name, created_at, expires_at, last_used_at FROM api_tokens WHERE username = $1 ORDER BY created_at DESC, token_hash";
        on_pool!(self, pool => {
            let rows = sqlx::query(sql).bind(username).fetch_all(pool).await.map_err(self.err())?;
            rows.iter()
                .map(|r| {
                    let hash: String = r.try_get("token_hash")?;
                    Ok(ApiToken {
                        id: hash.chars().take(TOKEN_ID_LEN).collect(),
                        name: r.try_get("name")?,
                        created_at: r.try_get("created_at")?,
                        expires_at: r.try_get("expires_at")?,
                        last_used_at: r.try_get("last_used_at")?,
                    })
                })
                .collect::<Result<Vec<_>, sqlx::Error>>()
                .map_err(self.err())
        })
    }

    /// Revoke one of the account's API tokens by its id (as [`Store::api_tokens`] lists
    /// it); `false` if the account has no such token.
    pub async fn revoke_api_token(&self, username: &str, id: &str) -> Result<bool, StoreError> {
        if id.len() != TOKEN_ID_LEN
            || !id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Ok(false);
        }
        let pattern = format!("{id}%");
        on_pool!(self, pool => {
            let done = sqlx::query("DELETE FROM api_tokens WHERE username = $1 AND token_hash LIKE $2")
                .bind(username)
                .bind(&pattern)
                .execute(pool)
                .await
                .map_err(self.err())?;
            Ok(done.rows_affected() > 0)
        })
    }
}
