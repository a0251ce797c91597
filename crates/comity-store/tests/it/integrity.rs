//! Issue 22, items 2 and 7: a node never folds (nor serves) a row that does not chain onto
//! its head, notices a head that moved backwards, refuses writes once the journal is
//! faulty, and a node behind the journal catches up instead of refusing a valid act.

use comity_core::journal::{Head, seal};
use comity_core::motion::Seat;
use comity_core::state::ApplyError;
use comity_core::{Actor, Command, Event, Timestamp, base, motion};
use comity_store::{ExecError, Institution, LoadError, OpenMode, Store};

use crate::story::found;
use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-24T09:00:00Z").unwrap()
}

async fn node(url: &str) -> Institution {
    Institution::open(Store::open(url, OpenMode::MustExist).await.unwrap())
        .await
        .unwrap()
}

fn table(inst_members: &[comity_core::Iso3], decision: &str) -> Command {
    Command::Motion(motion::Command::TableMotion {
        decision: decision.into(),
        title: "A motion".into(),
        text: "Text.".into(),
        sponsor: Seat::State(inst_members[0].clone()),
    })
}

async fn first_decision(_: &Institution) -> String {
    // A decision of the Summit, where every member sits.
    "treaty_adoption".to_owned()
}

/// A row inserted beside the chain (right `prev_hash`, forged contents) is refused by the
/// tail: the head stays, the fault is kept, writes answer Faulty.
async fn forged_rows_are_never_folded(db: &TestDb) {
    let a = found(&db.url).await;
    let head = a.state().await.head();
    let forged = seal(
        head,
        t(),
        &Actor::system(),
        &[Event::Base(base::Event::CharterAdopted {
            name: "forged".into(),
            source: "x".into(),
            sha256: head.hash,
        })],
    );
    let e = &forged[0];
    db.raw_execute(&format!(
        "INSERT INTO journal (seq, time, actor, kind, payload, prev_hash, hash) VALUES ({}, '{}', '{}', '{}', '{}', '{}', '{}')",
        e.seq,
        e.time,
        e.actor,
        e.kind,
        e.payload.to_string().replace("forged", "altered"),
        e.prev_hash,
        e.hash
    ))
    .await;
    let err = a.catch_up().await.unwrap_err();
    assert!(
        matches!(err, LoadError::Apply(ApplyError::Altered { seq, .. }) if seq == head.seq + 1),
        "{err}"
    );
    assert_eq!(a.state().await.head(), head, "the forged row is not folded");
    assert!(
        a.fault().unwrap().contains("altered or forged"),
        "{:?}",
        a.fault()
    );
    let members: Vec<_> = a.state().await.members.keys().cloned().collect();
    let decision = first_decision(&a).await;
    let refused = a
        .execute(&Actor::system(), t(), &table(&members, &decision))
        .await
        .unwrap_err();
    assert!(matches!(refused, ExecError::Faulty(_)), "{refused}");
    // A node started on it does not start past the break.
    let opened = Institution::open(Store::open(&db.url, OpenMode::MustExist).await.unwrap()).await;
    assert!(opened.is_err());
}

/// Rows deleted under a running node: its head is ahead of the stored one, said once found.
async fn a_head_that_moves_backwards_is_found(db: &TestDb) {
    let a = found(&db.url).await;
    let head = a.state().await.head();
    db.raw_execute(&format!("DELETE FROM journal WHERE seq = {}", head.seq))
        .await;
    let err = a.catch_up().await.unwrap_err();
    assert!(
        matches!(err, LoadError::Diverged { ours, stored } if ours == head && stored.seq == head.seq - 1),
        "{err}"
    );
    assert!(a.fault().unwrap().contains("deleted or rewritten"));
    let members: Vec<_> = a.state().await.members.keys().cloned().collect();
    let decision = first_decision(&a).await;
    let refused = a
        .execute(&Actor::system(), t(), &table(&members, &decision))
        .await
        .unwrap_err();
    assert!(matches!(refused, ExecError::Faulty(_)), "{refused}");
    assert_ne!(a.state().await.head(), Head::default());
}

/// A motion tabled on one node is withdrawn through another that has not followed yet.
async fn a_lagging_node_catches_up_before_refusing(db: &TestDb) {
    let a = found(&db.url).await;
    let b = node(&db.url).await;
    let members: Vec<_> = a.state().await.members.keys().cloned().collect();
    let decision = first_decision(&a).await;
    a.execute(&Actor::system(), t(), &table(&members, &decision))
        .await
        .unwrap();
    let id = *a.state().await.motions.keys().last().unwrap();
    assert!(!b.state().await.motions.contains_key(&id));
    b.execute(
        &Actor::system(),
        t(),
        &Command::Motion(motion::Command::WithdrawMotion { motion: id }),
    )
    .await
    .unwrap();
    assert_eq!(b.state().await.head(), b.store().head().await.unwrap());
    // A refusal the journal confirms is still a refusal.
    let again = b
        .execute(
            &Actor::system(),
            t(),
            &Command::Motion(motion::Command::WithdrawMotion { motion: id + 1000 }),
        )
        .await
        .unwrap_err();
    assert!(matches!(again, ExecError::Refused(_)), "{again}");
    assert_eq!(b.fault(), None);
}

#[tokio::test]
async fn sqlite_integrity() {
    for case in 0..3 {
        let db = TestDb::sqlite();
        match case {
            0 => forged_rows_are_never_folded(&db).await,
            1 => a_head_that_moves_backwards_is_found(&db).await,
            _ => a_lagging_node_catches_up_before_refusing(&db).await,
        }
        db.finish().await;
    }
}

#[tokio::test]
async fn postgres_integrity() {
    for case in 0..3 {
        let Some(db) = TestDb::postgres("postgres_integrity").await else {
            return;
        };
        match case {
            0 => forged_rows_are_never_folded(&db).await,
            1 => a_head_that_moves_backwards_is_found(&db).await,
            _ => a_lagging_node_catches_up_before_refusing(&db).await,
        }
        db.finish().await;
    }
}
