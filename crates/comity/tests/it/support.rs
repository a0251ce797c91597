use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A scratch directory removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new() -> Self {
        let dir = std::env::temp_dir().join(format!(
            "comity_cli_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn comity(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_comity"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn charter(name: &str) -> String {
    format!("{}/../../charters/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A PostgreSQL URL with a fresh schema, when `COMITY_TEST_DATABASE_URL` is set.
pub async fn postgres_url(test: &str) -> Option<(String, String, String)> {
    use sqlx::Connection;
    let Ok(admin) = std::env::var("COMITY_TEST_DATABASE_URL") else {
        eprintln!(
            "skipped {test} on PostgreSQL: COMITY_TEST_DATABASE_URL is not set (.ci/run sets it)"
        );
        return None;
    };
    let schema = format!(
        "comity_cli_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut c)
        .await
        .unwrap();
    let sep = if admin.contains('?') { '&' } else { '?' };
    Some((
        format!("{admin}{sep}options=-c%20search_path%3D{schema}"),
        admin,
        schema,
    ))
}

pub async fn drop_schema(admin: &str, schema: &str) {
    use sqlx::Connection;
    if let Ok(mut c) = sqlx::PgConnection::connect(admin).await {
        let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
            .execute(&mut c)
            .await;
    }
}
