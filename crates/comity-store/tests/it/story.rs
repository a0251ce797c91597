//! One story through the store API, told on each backend.

use comity_core::base;
use comity_core::journal::{Head, seal};
use comity_core::{Actor, Command, Event, Timestamp, data, view};
use comity_store::{ExecError, Institution, OpenMode, SideRows, Store, StoreError, VerifyError};

use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

pub(crate) async fn found(url: &str) -> Institution {
    let store = Store::open(url, OpenMode::Create).await.unwrap();
    assert_eq!(store.head().await.unwrap(), Head::default());
    let inst = Institution::open(store).await.unwrap();
    let mut cmds = data::reference_imports().unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    cmds.push(Command::Base(base::Command::AdoptCharter {
        file: c.file.into(),
        source: c.source.into(),
    }));
    cmds.push(Command::Base(base::Command::AdmitFoundingMembers));
    for cmd in &cmds {
        inst.execute(&Actor::system(), t(), cmd).await.unwrap();
    }
    inst
}

async fn story(db: &TestDb) {
    let inst = found(&db.url).await;
    let head = inst.state().await.head();
    let rows = view::member_rows(&*inst.state().await);
    assert_eq!(rows.iter().filter(|r| r.status == "member").count(), 136);
    // The stored chain verifies to the same head the projection holds.
    assert_eq!(inst.store().verify().await.unwrap(), head);

    // Reopening rebuilds the same state from the journal alone.
    let reopened = Store::open(&db.url, OpenMode::MustExist).await.unwrap();
    let state = reopened.load_state().await.unwrap();
    assert_eq!(state.head(), head);
    assert_eq!(view::member_rows(&state), rows);
    // A stale head is a conflict, and nothing is written.
    let stale = Head {
        seq: head.seq - 1,
        hash: head.hash,
    };
    let entries = seal(
        stale,
        t(),
        &Actor::system(),
        &[Event::Base(base::Event::CharterAdopted {
            name: "x".into(),
            source: "x".into(),
            sha256: head.hash,
        })],
    );
    let err = reopened
        .append(stale, &entries, &SideRows::none())
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { expected_seq, found_seq } if expected_seq == head.seq - 1 && found_seq == head.seq)
    );
    assert_eq!(reopened.head().await.unwrap(), head);
    // A second node with a stale projection catches up and decides again.
    let other = Institution::open(Store::open(&db.url, OpenMode::MustExist).await.unwrap())
        .await
        .unwrap();
    let fiw =
        comity_core::registry::parse_freedom_house("fh.csv", data::FREEDOM_HOUSE_CSV).unwrap();
    let mut revised = fiw.into_iter().next_back().unwrap();
    revised.ratings[0].pr = if revised.ratings[0].pr == 7 {
        6
    } else {
        revised.ratings[0].pr + 1
    };
    let cmd = Command::Base(base::Command::ImportFreedomHouse {
        editions: vec![revised],
    });
    let written = inst
        .execute(&Actor::parse("secretariat").unwrap(), t(), &cmd)
        .await
        .unwrap();
    assert_eq!(written.len(), 1);
    let again = other
        .execute(&Actor::parse("secretariat").unwrap(), t(), &cmd)
        .await
        .unwrap_err();
    assert!(
        matches!(again, ExecError::Refused(ref e) if e.id() == "import-nothing-new"),
        "{again}"
    );
    assert_eq!(other.state().await.head(), inst.state().await.head());
    // An entry altered inside the database is named by verify.
    db.raw_execute(
        "UPDATE journal SET payload = replace(payload, 'Denmark', 'Denmarc') WHERE seq = 1",
    )
    .await;
    match reopened.verify().await.unwrap_err() {
        VerifyError::Chain(e) => assert_eq!(e.seq(), 1, "{e}"),
        other => panic!("expected a chain error, got {other}"),
    }
    // A database from a newer comity is refused before anything is written.
    db.raw_execute("INSERT INTO comity_schema (version, description, applied_by) VALUES (99, 'future', 'comity 9')").await;
    let err = Store::open(&db.url, OpenMode::MustExist)
        .await
        .err()
        .unwrap();
    assert!(
        err.to_string()
            .contains("schema version 99, newer than this comity knows (12)"),
        "{err}"
    );
}

#[tokio::test]
async fn sqlite_story() {
    let db = TestDb::sqlite();
    story(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_story() {
    if let Some(db) = TestDb::postgres("postgres_story").await {
        story(&db).await;
        db.finish().await;
    }
}

#[tokio::test]
async fn a_missing_sqlite_file_is_not_created_silently() {
    let db = TestDb::sqlite();
    let err = Store::open(&db.url, OpenMode::MustExist)
        .await
        .err()
        .unwrap();
    assert!(
        err.to_string().starts_with("no database at sqlite:"),
        "{err}"
    );
    let path = db.url.trim_start_matches("sqlite:");
    assert!(!std::path::Path::new(path).exists());
    db.finish().await;
}

#[tokio::test]
async fn an_unknown_scheme_is_a_clear_error() {
    let err = Store::open("mysql://localhost/comity", OpenMode::MustExist)
        .await
        .err()
        .unwrap();
    assert!(
        err.to_string()
            .contains("unknown database URL scheme \"mysql\""),
        "{err}"
    );
}
