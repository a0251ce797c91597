//! Fresh, isolated databases for tests.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

/// A database that is removed when dropped.
pub struct TestDb {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Schema { admin: String, schema: String },
}

impl TestDb {
    pub fn sqlite() -> Self {
        let path = std::env::temp_dir().join(format!("{}.sqlite", unique("comity_test")));
        Self {
            url: format!("sqlite:{}", path.display()),
            cleanup: Cleanup::File(path),
        }
    }

    /// A fresh schema in the PostgreSQL the environment names, or `None` (with a message) if none.
    pub async fn postgres(test: &str) -> Option<Self> {
        let Ok(admin) = std::env::var("COMITY_TEST_DATABASE_URL") else {
            eprintln!(
                "skipped {test} on PostgreSQL: COMITY_TEST_DATABASE_URL is not set (.ci/run sets it)"
            );
            return None;
        };
        let schema = unique("comity_test");
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .expect("connect to COMITY_TEST_DATABASE_URL");
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let sep = if admin.contains('?') { '&' } else { '?' };
        let url = format!("{admin}{sep}options=-c%20search_path%3D{schema}");
        Some(Self {
            url,
            cleanup: Cleanup::Schema { admin, schema },
        })
    }

    /// The same database, opened directly, for tests that tamper with it.
    pub async fn raw_execute(&self, sql: &str) {
        if self.url.starts_with("sqlite:") {
            let mut c = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
        } else {
            let mut c = sqlx::PgConnection::connect(&self.url).await.unwrap();
            sqlx::query(sql).execute(&mut c).await.unwrap();
        }
    }
}

impl TestDb {
    /// A count the database answers (`SELECT COUNT(*) …`), read directly.
    pub async fn raw_count(&self, sql: &str) -> i64 {
        if self.url.starts_with("sqlite:") {
            let mut c = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
            sqlx::query_scalar(sql).fetch_one(&mut c).await.unwrap()
        } else {
            let mut c = sqlx::PgConnection::connect(&self.url).await.unwrap();
            sqlx::query_scalar(sql).fetch_one(&mut c).await.unwrap()
        }
    }

    /// Undo migrations 12 (the journal's words), 11 (confidential submissions), 10
    /// (initiatives' signatures) and 9 (sign-in attempts, token expiry, role changes), for
    /// tests that make a database from before an earlier migration: each later one runs again
    /// on opening.
    pub async fn undo_migrations_from_9(&self) {
        for sql in [
            "DROP TABLE journal_search",
            "DROP TABLE journal_search_state",
            "DELETE FROM comity_schema WHERE version = 12",
            "DROP TABLE consultation_confidential",
            "DELETE FROM comity_schema WHERE version = 11",
            "DROP TABLE initiative_signatures",
            "DROP TABLE initiative_secret",
            "DELETE FROM comity_schema WHERE version = 10",
            "DROP TABLE login_attempts",
            "DROP TABLE role_changes",
            "DROP INDEX sessions_by_expiry",
            "ALTER TABLE api_tokens DROP COLUMN expires_at",
            "ALTER TABLE api_tokens DROP COLUMN last_used_at",
            "DELETE FROM comity_schema WHERE version = 9",
        ] {
            self.raw_execute(sql).await;
        }
    }

    /// Remove the database. PostgreSQL schemas are dropped here, asynchronously, because a
    /// blocking drop inside the test's runtime could wait on connections that runtime serves.
    pub async fn finish(self) {
        match &self.cleanup {
            Cleanup::File(p) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
                }
            }
            Cleanup::Schema { admin, schema } => {
                if let Ok(mut c) = sqlx::PgConnection::connect(admin).await {
                    let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                        .execute(&mut c)
                        .await;
                }
            }
        }
    }
}
