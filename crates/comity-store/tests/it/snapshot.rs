//! Projection snapshots keyed by head, on each backend: handed back only while the stored
//! journal's entry at their seq has their hash.

use comity_core::journal::{Entry, Head, seal};
use comity_core::{Actor, Event, Timestamp, base};
use comity_store::{OpenMode, SideRows, Store};

use crate::support::TestDb;

fn entries_after(head: Head, n: usize) -> Vec<Entry> {
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    let events: Vec<Event> = (0..n)
        .map(|i| {
            Event::Base(base::Event::CharterAdopted {
                name: format!("c{i}"),
                source: "x".into(),
                sha256: head.hash,
            })
        })
        .collect();
    seal(head, t, &Actor::system(), &events)
}

async fn snapshots(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    assert_eq!(store.snapshot("state-v1").await.unwrap(), None);
    let entries = entries_after(Head::default(), 3);
    store
        .append(Head::default(), &entries, &SideRows::none())
        .await
        .unwrap();
    let at2 = entries[1].head();
    let at3 = entries[2].head();

    // Kept and handed back with its head; a later one replaces it; formats are apart.
    store
        .save_snapshot("state-v1", at2, "{\"two\":2}")
        .await
        .unwrap();
    assert_eq!(
        store.snapshot("state-v1").await.unwrap(),
        Some((at2, "{\"two\":2}".to_owned()))
    );
    store.save_snapshot("state-v1", at3, "three").await.unwrap();
    assert_eq!(
        store.snapshot("state-v1").await.unwrap(),
        Some((at3, "three".to_owned()))
    );
    assert_eq!(store.snapshot("state-v2").await.unwrap(), None);

    // A head the chain does not have at that seq (a forked or replaced journal) is ignored.
    let forked = Head {
        seq: 3,
        hash: entries[0].hash,
    };
    store
        .save_snapshot("state-v1", forked, "forked")
        .await
        .unwrap();
    assert_eq!(store.snapshot("state-v1").await.unwrap(), None);

    // So is a head past the journal's end (a journal restored from an older backup).
    let ahead = entries_after(at3, 1)[0].head();
    store
        .save_snapshot("state-v1", ahead, "ahead")
        .await
        .unwrap();
    assert_eq!(store.snapshot("state-v1").await.unwrap(), None);

    // And one whose journal entry was edited under it.
    store.save_snapshot("state-v1", at2, "two").await.unwrap();
    db.raw_execute(&format!(
        "UPDATE journal SET hash = '{}' WHERE seq = 2",
        entries[0].hash
    ))
    .await;
    assert_eq!(store.snapshot("state-v1").await.unwrap(), None);
}

#[tokio::test]
async fn sqlite_snapshots() {
    let db = TestDb::sqlite();
    snapshots(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_snapshots() {
    if let Some(db) = TestDb::postgres("postgres_snapshots").await {
        snapshots(&db).await;
        db.finish().await;
    }
}
