//! `comity serve --database URL [--bind ADDR]`

use std::net::SocketAddr;
use std::sync::Arc;

use comity_store::{Institution, OpenMode, Store};
use comity_tlog::note::{COSIGNATURE_V1, NamedKey, VerifierKey};

/// How often the demo's witnesses look at the log.
const WITNESS_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

pub async fn run(database: &str, bind: SocketAddr, behind_tls: bool) -> anyhow::Result<()> {
    let _only_server = one_server_per_file(database)?;
    let store = Store::open(database, OpenMode::MustExist).await?;
    let inst = Arc::new(Institution::open(store).await?);
    let transport = comity_server::Transport { tls: behind_tls };
    serve(inst, bind, Vec::new(), transport).await
}

/// One `serve` per SQLite file: two would each keep a projection the other's writes move
/// under, on a database made for one writer. The lock is held (by the returned file) until
/// the server stops, and the operating system drops it if the process dies. Other commands
/// (an import while serving) may still write: they wait their turn.
fn one_server_per_file(database: &str) -> anyhow::Result<Option<std::fs::File>> {
    let Ok(comity_store::DatabaseUrl::Sqlite(comity_store::SqliteTarget::File(path))) =
        comity_store::DatabaseUrl::parse(database)
    else {
        return Ok(None);
    };
    let mut name = path.clone().into_os_string();
    name.push(".serve-lock");
    let lock_path = std::path::PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|e| anyhow::anyhow!("cannot open the lock file {}: {e}", lock_path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "another `comity serve` is running on {} (it holds {}): one server per SQLite file; run several nodes on PostgreSQL",
            path.display(),
            lock_path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            anyhow::bail!("cannot lock {}: {e}", lock_path.display())
        }
    }
}

/// Give a journal founded before the log its key (a key is never replaced), and make sure
/// the tree of the current head is signed.
pub async fn ensure_log(inst: &Institution) -> anyhow::Result<VerifierKey> {
    let (name, published) = {
        let state = inst.state().await;
        (
            comity_core::view::summary(&state).name.unwrap_or_default(),
            state.log_key.clone(),
        )
    };
    let key = inst
        .store()
        .create_log_key(&comity_store::tlog::origin_for(&name))
        .await?;
    // A journal from before the log says in an entry of its own which key signs it now.
    if published.is_none() {
        let done = inst
            .execute(
                &comity_core::Actor::system(),
                super::now(),
                &comity_core::Command::Base(comity_core::base::Command::PublishLogKey {
                    key: key.encode(),
                }),
            )
            .await;
        // Another node starting on the same journal may have published it first.
        if let Err(e) = done
            && inst.state().await.log_key.is_none()
        {
            return Err(e.into());
        }
    }
    Ok(key)
}

/// Serve the institution; each witness key runs a witness beside the server, cosigning
/// every new checkpoint it finds consistent (the demo's).
pub async fn serve(
    inst: Arc<Institution>,
    bind: SocketAddr,
    witnesses: Vec<NamedKey>,
    transport: comity_server::Transport,
) -> anyhow::Result<()> {
    request_log();
    let log = ensure_log(&inst).await?;
    // Everything is printed before "Serving on": a caller may stop reading there.
    println!("Log key: {}", log.encode());
    for key in &witnesses {
        let vk = key.verifier(COSIGNATURE_V1);
        inst.store().add_witness(&vk).await?;
        println!("Witness: {}", vk.encode());
    }
    let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {bind}: {e} (is another server using the port? try --port/--bind)"
        )
    })?;
    let addr = listener.local_addr()?;
    // The journal's words, for its search: filed in the background from the start, so the
    // first search of a long journal need not wait for them (each search files the rest).
    let filer = inst.clone();
    tokio::spawn(async move {
        if let Err(e) = filer.store().index_journal(u64::MAX).await {
            eprintln!("warning: filing the journal's words for search: {e}");
        }
    });
    for key in witnesses {
        let base = super::http::Base::parse(&format!("http://{addr}"))?;
        let log = log.clone();
        tokio::spawn(async move {
            let mut seen = None;
            loop {
                tokio::time::sleep(WITNESS_EVERY).await;
                match super::tlog::witness_round(&base, &log, &key, seen.as_ref()).await {
                    Ok(now) => seen = Some(now),
                    Err(e) => eprintln!("warning: witness {}: {e:#}", key.name),
                }
            }
        });
    }
    let stop = shutdown();
    println!("Serving on http://{addr}/  (Ctrl-C to stop)");
    comity_server::serve(inst, listener, transport, stop).await?;
    println!("Stopped.");
    Ok(())
}

/// One line per request on standard error: time, method, path, status, milliseconds.
/// `COMITY_LOG=off` silences them; `COMITY_LOG=warn` keeps only warnings and errors.
fn request_log() {
    let level = match std::env::var("COMITY_LOG").as_deref() {
        Ok("off") => return,
        Ok("warn") => tracing_subscriber::filter::LevelFilter::WARN,
        Ok("debug") => tracing_subscriber::filter::LevelFilter::DEBUG,
        _ => tracing_subscriber::filter::LevelFilter::INFO,
    };
    // A second server in the same process (tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_target(false)
        .try_init();
}

/// Stop on Ctrl-C or SIGTERM (what `kill`, systemd and container runtimes send): the server
/// finishes the requests in flight and writes its snapshot before exiting. The SIGTERM
/// handler is installed when this is called, before "Serving on" is printed, so a signal
/// sent as soon as the server says it serves is never the default (fatal) one.
fn shutdown() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    async move {
        #[cfg(unix)]
        if let Some(mut term) = term {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}
