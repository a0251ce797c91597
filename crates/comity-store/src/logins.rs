//! Signing in (issue 22, item 3): guessing is slowed per account and per address with a
//! backoff that doubles, the password is checked off the request threads and a few at a
//! time, and the account's owner is told what was tried since their last sign-in.
//!
//! The policy: within a window of 15 minutes, an account may fail 5 times and an address
//! 20 times freely; each failure beyond makes the next attempt wait twice as long after
//! it (2 s, 4 s, … up to 15 minutes). An attempt that must wait is refused without looking
//! at the password, so a right password sent during the wait does not get in either; it
//! is not counted, so waiting out the delay is the only way on.

use std::sync::LazyLock;

use comity_core::Timestamp;
use sqlx::Row;
use tokio::sync::Semaphore;

use crate::accounts::{Account, hash_password, verify_password};
use crate::store::{Backend, Store, StoreError, on_pool};

/// Failures counted over this many seconds.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Failures an account may have in the window before each further attempt waits.
pub const FREE_PER_ACCOUNT: u32 = 5;
/// Failures an address may have in the window before each further attempt waits.
pub const FREE_PER_ADDRESS: u32 = 20;
/// The longest wait.
pub const MAX_WAIT_SECS: i64 = 15 * 60;
/// Attempts are kept this long (to tell the owner, and for the window).
const KEEP_SECS: i64 = 30 * 86_400;

/// Password checks at once: argon2 takes a core for tens of milliseconds and 19 MiB, so
/// a burst of sign-ins must not take every core from the pages.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    Semaphore::new(cores.saturating_sub(1).max(1))
});

/// How a sign-in went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    Ok(Account),
    /// Unknown account or wrong password (not told apart).
    Refused,
    /// Too many failures: try again after this many seconds.
    Wait {
        seconds: i64,
    },
}

/// A failed attempt shown to the account's owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub address: String,
    pub at: String,
}

/// How long the next attempt must wait after `failures` in the window, the last `since`
/// seconds ago, when `free` are allowed: 0 when it may go now.
pub fn wait_secs(failures: u32, free: u32, since: i64) -> i64 {
    if failures < free {
        return 0;
    }
    let over = (failures - free).min(20);
    let delay = (2_i64 << over).min(MAX_WAIT_SECS);
    (delay - since).max(0)
}

/// Checked off the async threads, a few at a time.
async fn check(password: String, stored: Option<String>) -> bool {
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    tokio::task::spawn_blocking(move || match stored {
        Some(hash) => verify_password(&password, &hash),
        None => {
            // Spend the same time as a real check, so timing does not reveal usernames.
            let _ = hash_password(&password);
            false
        }
    })
    .await
    .unwrap_or(false)
}

impl Store {
    /// Sign in `username` with `password` from `address` at `now`, slowed as the module
    /// says; every attempt that is checked is recorded.
    pub async fn login(
        &self,
        username: &str,
        password: &str,
        address: &str,
        now: Timestamp,
    ) -> Result<Login, StoreError> {
        let since = Timestamp::from_unix(now.unix() - WINDOW_SECS).to_string();
        let wait = [
            ("username", username, FREE_PER_ACCOUNT),
            ("address", address, FREE_PER_ADDRESS),
        ];
        for (column, value, free) in wait {
            let sql = format!(
                "SELECT COUNT(*) AS n, MAX(at) AS last FROM login_attempts WHERE {column} = $1 AND ok = 0 AND at > $2"
            );
            let (n, last): (i64, Option<String>) = on_pool!(self, pool => {
                let r = sqlx::query(&sql).bind(value).bind(&since).fetch_one(pool).await.map_err(self.err())?;
                (r.try_get("n").map_err(self.err())?, r.try_get("last").map_err(self.err())?)
            });
            let ago = last
                .and_then(|t| Timestamp::parse(&t).ok())
                .map_or(WINDOW_SECS, |t| now.unix() - t.unix());
            let seconds = wait_secs(u32::try_from(n).unwrap_or(u32::MAX), free, ago);
            if seconds > 0 {
                return Ok(Login::Wait { seconds });
            }
        }
        let sql = "SELECT a.username, a.display_name, a.roles, a.created_at, a.password_hash FROM accounts a WHERE a.username = $1";
        let found: Option<(Account, String)> = on_pool!(self, pool => {
            match sqlx::query(sql).bind(username).fetch_optional(pool).await.map_err(self.err())? {
                Some(r) => Some((crate::accounts::account_from(&r).map_err(self.err())?, r.try_get::<String, _>("password_hash").map_err(self.err())?)),
                None => None,
            }
        });
        let (account, stored) = match found {
            Some((a, h)) => (Some(a), Some(h)),
            None => (None, None),
        };
        let ok = check(password.to_owned(), stored).await && account.is_some();
        let at = now.to_string();
        let prune = Timestamp::from_unix(now.unix() - KEEP_SECS).to_string();
        on_pool!(self, pool => {
            sqlx::query("INSERT INTO login_attempts (username, address, at, ok) VALUES ($1, $2, $3, $4)")
                .bind(username)
                .bind(address)
                .bind(&at)
                .bind(i32::from(ok))
                .execute(pool)
                .await
                .map_err(self.err())?;
            if ok {
                // Housekeeping on the way: old attempts and expired sessions go.
                sqlx::query("DELETE FROM login_attempts WHERE at < $1").bind(&prune).execute(pool).await.map_err(self.err())?;
                sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(&at).execute(pool).await.map_err(self.err())?;
            }
        });
        Ok(match account {
            Some(a) if ok => Login::Ok(a),
            _ => Login::Refused,
        })
    }

    /// The failed attempts on `username` between its last two sign-ins (what happened
    /// while its owner was away), latest first, at most 20.
    pub async fn failed_logins(&self, username: &str) -> Result<(u64, Vec<Attempt>), StoreError> {
        let sql =
            "SELECT at FROM login_attempts WHERE username = $1 AND ok = 1 ORDER BY at DESC LIMIT 2";
        let oks: Vec<String> = on_pool!(self, pool => {
            let rows = sqlx::query(sql).bind(username).fetch_all(pool).await.map_err(self.err())?;
            rows.iter().map(|r| r.try_get::<String, _>("at")).collect::<Result<_, _>>().map_err(self.err())?
        });
        let Some(latest) = oks.first() else {
            return Ok((0, Vec::new()));
        };
        let before = oks.get(1).cloned().unwrap_or_default();
        let count_sql = "SELECT COUNT(*) AS n FROM login_attempts WHERE username = $1 AND ok = 0 AND at >= $2 AND at <= $3";
        let list_sql = "SELECT address, at FROM login_attempts WHERE username = $1 AND ok = 0 AND at >= $2 AND at <= $3 ORDER BY at DESC LIMIT 20";
        on_pool!(self, pool => {
            let n: i64 = sqlx::query(count_sql).bind(username).bind(&before).bind(latest).fetch_one(pool).await
                .and_then(|r| r.try_get("n")).map_err(self.err())?;
            let rows = sqlx::query(list_sql).bind(username).bind(&before).bind(latest).fetch_all(pool).await.map_err(self.err())?;
            let list = rows.iter().map(|r| Ok(Attempt { address: r.try_get("address")?, at: r.try_get("at")? }))
                .collect::<Result<Vec<_>, sqlx::Error>>().map_err(self.err())?;
            Ok((u64::try_from(n).unwrap_or(0), list))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_past_the_free_attempts_and_is_capped() {
        assert_eq!(wait_secs(4, 5, 0), 0);
        assert_eq!(wait_secs(5, 5, 0), 2);
        assert_eq!(wait_secs(5, 5, 1), 1);
        assert_eq!(wait_secs(5, 5, 2), 0);
        assert_eq!(wait_secs(6, 5, 0), 4);
        assert_eq!(wait_secs(9, 5, 0), 32);
        assert_eq!(wait_secs(30, 5, 0), MAX_WAIT_SECS);
        assert_eq!(wait_secs(u32::MAX, 5, 0), MAX_WAIT_SECS);
        assert_eq!(wait_secs(25, 20, 60), 4);
    }
}
