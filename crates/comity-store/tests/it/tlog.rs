//! The journal as a transparency log, on each backend: tiles grown in the append's
//! transaction give the same tree as the journal's hashes, every batch is signed, proofs
//! verify, a journal written before the log gets its tiles from the migration, and
//! cosignatures are taken only from configured witnesses on the log's own checkpoints.

use comity_core::base;
use comity_core::journal::{Head, seal};
use comity_core::{Actor, Event, Timestamp};
use comity_store::{LogError, OpenMode, SideRows, Store};
use comity_tlog::merkle::{self, MemoryTree};
use comity_tlog::note::{COSIGNATURE_V1, NamedKey, Note, open_checkpoint};

use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

/// Append `n` entries in one batch.
async fn append(store: &Store, n: usize) -> Head {
    let head = store.head().await.unwrap();
    let events: Vec<Event> = (0..n)
        .map(|i| {
            Event::Base(base::Event::CharterAdopted {
                name: format!("charter {}-{i}", head.seq),
                source: "x".into(),
                sha256: head.hash,
            })
        })
        .collect();
    let entries = seal(head, t(), &Actor::system(), &events);
    store
        .append(head, &entries, &SideRows::none())
        .await
        .unwrap();
    store.head().await.unwrap()
}

async fn memory_tree(store: &Store) -> MemoryTree {
    let mut tree = MemoryTree::new();
    store
        .for_each(|e| {
            tree.push(merkle::leaf_hash(&e.hash.0));
            Ok(())
        })
        .await
        .unwrap();
    tree
}

async fn log_story(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    // Entries written before the log had a key: tiles, but no checkpoint.
    append(&store, 300).await;
    assert_eq!(store.latest_checkpoint().await.unwrap(), None);
    let key = store.create_log_key("comity/test-alliance").await.unwrap();
    assert_eq!(key.name, "comity/test-alliance");
    let (size, note) = store.latest_checkpoint().await.unwrap().unwrap();
    assert_eq!(size, 300);
    // Making the key again keeps the first.
    assert_eq!(store.create_log_key("comity/other").await.unwrap(), key);

    for n in [1, 255, 1, 700] {
        append(&store, n).await;
    }
    let head = store.head().await.unwrap();
    let tree = memory_tree(&store).await;
    assert_eq!(tree.size(), head.seq);
    let (latest, latest_note) = store.latest_checkpoint().await.unwrap().unwrap();
    assert_eq!(latest, head.seq);
    let parsed = Note::parse(&latest_note).unwrap();
    let cp = open_checkpoint(&parsed, &key).unwrap();
    assert_eq!(cp.root, tree.root_at(head.seq).unwrap());
    // Every batch was signed.
    for size in [301, 556, 557, 1257] {
        assert!(
            store.checkpoint_at(size).await.unwrap().is_some(),
            "checkpoint {size}"
        );
    }
    for (i, size) in [
        (0, 1),
        (0, 300),
        (299, 301),
        (555, 1257),
        (1256, 1257),
        (256, 600),
    ] {
        assert_eq!(
            store.log_inclusion(i, size).await.unwrap(),
            tree.inclusion(i, size).unwrap(),
            "inclusion {i} {size}"
        );
    }
    let proof = store.log_consistency(300, head.seq).await.unwrap();
    let old_note = Note::parse(&note).unwrap();
    let old = open_checkpoint(&old_note, &key).unwrap();
    merkle::verify_consistency(300, head.seq, &proof, &old.root, &cp.root).unwrap();
    // Bad requests are named.
    assert!(matches!(
        store.log_inclusion(head.seq, head.seq).await,
        Err(LogError::Proof(merkle::ProofError::LeafOutOfRange { .. }))
    ));
    assert!(matches!(
        store.log_consistency(5, head.seq + 1).await,
        Err(LogError::Proof(merkle::ProofError::SizeBeyondLog { .. }))
    ));
    // Tiles as served: a full level-0 tile and the entry bundle.
    let tile = store.log_tile(Some(0), 0, 256).await.unwrap().unwrap();
    assert_eq!(tile.len(), 256 * 32);
    assert_eq!(
        &tile[..32],
        &tree.node(merkle::Node { level: 0, index: 0 }).unwrap()
    );
    let bundle = store.log_tile(None, 1, 256).await.unwrap().unwrap();
    assert_eq!(bundle.len(), 256 * 34);
    assert_eq!(store.log_tile(Some(0), 9, 256).await.unwrap(), None);

    // Witnesses: only configured keys, only the log's own checkpoint.
    let w = NamedKey::from_seed("witness.example/one", &[3; 32]).unwrap();
    let stranger = NamedKey::from_seed("witness.example/two", &[4; 32]).unwrap();
    let cosigned = format!(
        "{latest_note}{}",
        w.cosign_line(&parsed.body, 1_800_000_000)
    );
    assert!(matches!(
        store.add_cosignatures(&cosigned).await,
        Err(LogError::UnknownKey(_))
    ));
    store
        .add_witness(&w.verifier(COSIGNATURE_V1))
        .await
        .unwrap();
    let kept = store.add_cosignatures(&cosigned).await.unwrap();
    assert_eq!(kept.len(), 1);
    let with_stranger = format!("{cosigned}{}", stranger.cosign_line(&parsed.body, 1));
    assert!(matches!(
        store.add_cosignatures(&with_stranger).await,
        Err(LogError::UnknownKey(n)) if n == "witness.example/two"
    ));
    let forged_body = parsed.body.replace(&format!("\n{}\n", head.seq), "\n1\n");
    let forged = format!("{forged_body}\n{}", w.cosign_line(&forged_body, 1));
    assert!(store.add_cosignatures(&forged).await.is_err());
    let latest = store.latest_cosigned().await.unwrap().unwrap();
    assert_eq!(latest.size, head.seq);
    assert_eq!(latest.cosigners[0].witness, "witness.example/one");
    assert_eq!(latest.note, cosigned);

    // A journal written before the log: the migration builds its tiles from the hashes.
    db.raw_execute("DROP TABLE tlog_tile").await;
    db.raw_execute("DROP TABLE tlog_key").await;
    db.raw_execute("DROP TABLE tlog_checkpoint").await;
    db.raw_execute("DROP TABLE tlog_witness").await;
    db.raw_execute("DROP TABLE tlog_cosignature").await;
    db.undo_migrations_from_9().await;
    db.raw_execute("DELETE FROM comity_schema WHERE version = 8")
        .await;
    let reopened = Store::open(&db.url, OpenMode::MustExist).await.unwrap();
    assert_eq!(reopened.log_root(head.seq).await.unwrap(), cp.root);
    assert_eq!(
        reopened.log_inclusion(700, head.seq).await.unwrap(),
        tree.inclusion(700, head.seq).unwrap()
    );
    assert!(matches!(reopened.log_key().await, Ok(None)));
}

#[tokio::test]
async fn the_log_on_sqlite() {
    let db = TestDb::sqlite();
    log_story(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn the_log_on_postgres() {
    let Some(db) = TestDb::postgres("the_log_on_postgres").await else {
        return;
    };
    log_story(&db).await;
    db.finish().await;
}
