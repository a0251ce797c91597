//! `comity demo`: a demo alliance on embedded SQLite with real data, served on 127.0.0.1.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use comity_core::data;
use comity_store::{Institution, OpenMode, Store};

/// The Freedom House edition that is the latest when the demo alliance is founded.
pub const DEMO_FOUNDED_ON_FIW: u16 = 2024;

/// The demo's witnesses: names of the kind a member state's mission and a civil-society
/// monitor would give theirs.
const DEMO_WITNESSES: [&str; 2] = [
    "witness.demo/mission-of-denmark",
    "witness.demo/civil-society-monitor",
];

pub async fn run(
    port: u16,
    data_dir: &Path,
    fresh: bool,
    charter: Option<&Path>,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let db_path = data_dir.join("comity.sqlite");
    if fresh {
        for suffix in ["", "-wal", "-shm"] {
            let p = format!("{}{suffix}", db_path.display());
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("cannot remove {p}")),
            }
        }
        println!(
            "--fresh: removed the previous demo database in {}",
            data_dir.display()
        );
    }
    let url = format!("sqlite:{}", db_path.display());
    let existed = db_path.exists();
    let store = Store::open(&url, OpenMode::Create).await?;
    let inst = if existed && store.head().await?.seq > 0 {
        let head = store
            .verify()
            .await
            .context("the demo journal does not verify")?;
        let inst = Institution::open(store).await?;
        let s = comity_core::view::summary(&*inst.state().await);
        println!(
            "Reopened the {} in {} ({} members; journal of {} entries verified, head {}).",
            s.name.as_deref().unwrap_or("alliance"),
            db_path.display(),
            s.members,
            head.seq,
            head.hash
        );
        println!("  (use --fresh to start over)");
        inst
    } else {
        let (name, source) = match charter {
            Some(path) => {
                let (name, _) = super::charter::read(path)?;
                (name, std::fs::read_to_string(path)?)
            }
            None => {
                let c = data::charter("alliance-of-democracies")
                    .context("the shipped charter is missing")?;
                (c.file.to_owned(), c.source.to_owned())
            }
        };
        // Founded on the ratings of FIW 2024 (FIW 2025 then arrives as new ratings), dated
        // just before session 74 of the UN General Assembly so that the demo's caucus can agree
        // positions on its real resolutions before their plenary votes.
        let founded_at = comity_core::Timestamp::parse(crate::demo::FOUNDED_AT)?;
        let inst = super::init::found(store, &name, &source, Some(DEMO_FOUNDED_ON_FIW), founded_at)
            .await?;
        let now = super::now();
        crate::demo::record_acts(&inst, now, DEMO_FOUNDED_ON_FIW + 1).await?;
        super::init::report(&inst).await;
        inst
    };
    crate::demo::print_accounts();
    let bind = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    // Two independent witnesses with their own keys, as a member state's server and a
    // civil-society monitor would run them: each checks every checkpoint and cosigns it.
    let witnesses = DEMO_WITNESSES
        .iter()
        .map(|name| {
            let seed = super::tlog::random_seed()?;
            Ok(comity_tlog::note::NamedKey::from_seed(name, &seed)?)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    super::serve::serve(
        Arc::new(inst),
        bind,
        witnesses,
        comity_server::Transport::default(),
    )
    .await
}
