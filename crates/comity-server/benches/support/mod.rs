//! What the server's benches share: the Alliance of Democracies founded on the shipped data.

use comity_core::{Actor, Command, Timestamp, base, data};
use comity_store::{Institution, OpenMode, Store};

/// The alliance founded on `url` (reference data, charter, founding members), with a log key.
pub async fn found(url: &str) -> Institution {
    let store = Store::open(url, OpenMode::Create).await.unwrap();
    store
        .create_log_key(&comity_store::tlog::origin_for("Bench alliance"))
        .await
        .unwrap();
    let inst = Institution::open(store).await.unwrap();
    let mut cmds = data::reference_imports().unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    cmds.push(Command::Base(base::Command::AdoptCharter {
        file: c.file.into(),
        source: c.source.into(),
    }));
    cmds.push(Command::Base(base::Command::AdmitFoundingMembers));
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    inst.execute_all(&Actor::system(), t, &cmds).await.unwrap();
    inst
}
