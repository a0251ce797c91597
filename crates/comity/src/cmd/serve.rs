//! `comity serve --database URL [--bind ADDR]`

use std::net::SocketAddr;
use std::sync::Arc;

use comity_store::{Institution, OpenMode, Store};

pub async fn run(database: &str, bind: SocketAddr) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    let inst = Arc::new(Institution::open(store).await?);
    serve(inst, bind).await
}

pub async fn serve(inst: Arc<Institution>, bind: SocketAddr) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind).await.map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {bind}: {e} (is another server using the port? try --port/--bind)"
        )
    })?;
    let addr = listener.local_addr()?;
    println!("Serving on http://{addr}/  (Ctrl-C to stop)");
    comity_server::serve(inst, listener, shutdown()).await?;
    println!("Stopped.");
    Ok(())
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}
