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

/// Found an alliance under a shipped charter in `db` (more `init` flags in `extra`).
pub fn init(dir: &Scratch, charter_name: &str, db: &str, extra: &[&str]) {
    let path = charter(charter_name);
    let mut args = vec!["init", "--charter", path.as_str(), "--database", db];
    args.extend(extra);
    let o = comity(&dir.0, &args);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A running `comity serve` on a free port: the process, its standard output after the
/// "Serving on" line, and its address. The caller stops it and waits for it.
pub struct Served {
    pub child: std::process::Child,
    pub out: std::io::BufReader<std::process::ChildStdout>,
    pub addr: String,
}

#[allow(clippy::zombie_processes)] // handed to the caller, which waits
pub fn serve(dir: &Scratch, db: &str) -> Served {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_comity"))
        .current_dir(&dir.0)
        .env("COMITY_LOG", "off")
        .args(["serve", "--database", db, "--bind", "127.0.0.1:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let Some(stdout) = child.stdout.take() else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("serve has no standard output");
    };
    let mut out = std::io::BufReader::new(stdout);
    let mut line = String::new();
    loop {
        line.clear();
        if out.read_line(&mut line).unwrap_or(0) == 0 {
            let _ = child.kill();
            let status = child.wait();
            panic!("serve stopped before serving: {status:?}");
        }
        if let Some(rest) = line.split("http://").nth(1) {
            let addr = rest.split('/').next().unwrap_or("").to_owned();
            return Served { child, out, addr };
        }
    }
}
