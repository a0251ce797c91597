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

/// A stand-in codec while `State` has no serde derives: it keeps states in memory and writes
/// a token. It proves the wiring (which snapshot is used, that the tail is folded after it,
/// that an unconfirmed one falls back to replay), not an encoding.
#[derive(Default)]
struct MemoryCodec {
    states: std::sync::Mutex<Vec<comity_core::State>>,
    decoded: std::sync::atomic::AtomicUsize,
}

impl comity_store::StateCodec for MemoryCodec {
    fn format(&self) -> &str {
        "memory-test"
    }
    fn encode(&self, state: &comity_core::State) -> Option<String> {
        let mut v = self.states.lock().unwrap();
        v.push(state.clone());
        Some((v.len() - 1).to_string())
    }
    fn decode(&self, body: &str) -> Option<comity_core::State> {
        self.decoded
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.states
            .lock()
            .unwrap()
            .get(body.parse::<usize>().ok()?)
            .cloned()
    }
}

/// Entries the projection folds (review flags; the state has no members, so they change
/// nothing but the head).
fn flags_after(head: Head, n: usize) -> Vec<Entry> {
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    let events: Vec<Event> = (0..n)
        .map(|i| {
            Event::Membership(comity_core::membership::Event::MemberFlaggedForReview {
                state: comity_core::Iso3::parse("DNK").unwrap(),
                criterion: "free".into(),
                edition: format!("FIW {i}"),
                change: "x".into(),
            })
        })
        .collect();
    seal(head, t, &Actor::system(), &events)
}

async fn open_from_snapshot(db: &TestDb) {
    use comity_store::Institution;
    use std::sync::atomic::Ordering::SeqCst;
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let first = flags_after(Head::default(), 2);
    store
        .append(Head::default(), &first, &SideRows::none())
        .await
        .unwrap();
    let codec = MemoryCodec::default();
    // No snapshot yet: the journal is replayed.
    let inst = Institution::open_with(store.clone(), &codec).await.unwrap();
    assert_eq!(codec.decoded.load(SeqCst), 0);
    assert_eq!(inst.state().await.head(), first[1].head());
    inst.save_snapshot(&codec).await.unwrap();
    let at2 = first[1].head();
    let tail = flags_after(at2, 3);
    store.append(at2, &tail, &SideRows::none()).await.unwrap();

    // The snapshot is used and the three entries after it are folded on top.
    let (state, used) = store.load_state_with(&codec).await.unwrap();
    assert!(used);
    assert_eq!(codec.decoded.load(SeqCst), 1);
    assert_eq!(state.head(), tail[2].head());
    let reopened = Institution::open_with(store.clone(), &codec).await.unwrap();
    assert_eq!(reopened.state().await.head(), tail[2].head());
    assert_eq!(codec.decoded.load(SeqCst), 2);

    // A decoded state whose head is not the snapshot's is not trusted: replay.
    store
        .save_snapshot("memory-test", tail[2].head(), "0")
        .await
        .unwrap();
    let (state, used) = store.load_state_with(&codec).await.unwrap();
    assert!(!used);
    assert_eq!(state.head(), tail[2].head());

    // A snapshot the chain does not confirm is not even decoded.
    let forked = Head {
        seq: 5,
        hash: tail[0].hash,
    };
    store
        .save_snapshot("memory-test", forked, "1")
        .await
        .unwrap();
    let before = codec.decoded.load(SeqCst);
    let (state, used) = store.load_state_with(&codec).await.unwrap();
    assert!(!used);
    assert_eq!(codec.decoded.load(SeqCst), before);
    assert_eq!(state.head(), tail[2].head());
}

#[tokio::test]
async fn sqlite_open_from_snapshot() {
    let db = TestDb::sqlite();
    open_from_snapshot(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_open_from_snapshot() {
    if let Some(db) = TestDb::postgres("postgres_open_from_snapshot").await {
        open_from_snapshot(&db).await;
        db.finish().await;
    }
}

/// The shipped JSON codec: an institution founded on real data, snapshotted, then reopened
/// with more entries after the snapshot: `Institution::open` starts from the snapshot and
/// folds only the tail, to the same state a full replay gives.
async fn json_snapshot(db: &TestDb) {
    use comity_store::{Institution, JsonCodec};
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let inst = Institution::open(store.clone()).await.unwrap();
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    let founding = comity_core::data::reference_imports()
        .unwrap()
        .into_iter()
        .chain([
            comity_core::Command::Base(comity_core::base::Command::AdoptCharter {
                file: "d10.toml".into(),
                source: comity_core::data::charter("d10").unwrap().source.into(),
            }),
            comity_core::Command::Base(comity_core::base::Command::AdmitFoundingMembers),
        ]);
    for cmd in founding {
        inst.execute(&Actor::system(), t, &cmd).await.unwrap();
    }
    inst.save_snapshot(&JsonCodec).await.unwrap();
    let at = inst.state().await.head();
    let tail = flags_after(at, 4);
    store.append(at, &tail, &SideRows::none()).await.unwrap();

    let (state, from) = store.load_state_from(&JsonCodec).await.unwrap();
    assert_eq!(from, at.seq, "the fold starts from the snapshot");
    assert_eq!(state.head(), tail[3].head());
    let replayed = store.load_state().await.unwrap();
    assert_eq!(
        serde_json::to_string(&state).unwrap(),
        serde_json::to_string(&replayed).unwrap()
    );
    let reopened = Institution::open(store.clone()).await.unwrap();
    assert_eq!(reopened.state().await.members.len(), replayed.members.len());
    assert!(!replayed.members.is_empty());
}

#[tokio::test]
async fn sqlite_json_snapshot() {
    let db = TestDb::sqlite();
    json_snapshot(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_json_snapshot() {
    if let Some(db) = TestDb::postgres("postgres_json_snapshot").await {
        json_snapshot(&db).await;
        db.finish().await;
    }
}
