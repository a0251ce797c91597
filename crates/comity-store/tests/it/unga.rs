//! Imports of the UN General Assembly's roll calls, on each backend: the rows land in the side
//! tables with the `votes_imported` entry, read back in their canonical order to the digest
//! the entry records; a vote the tables hold already fails the whole append (no entry, no
//! row); and rows changed behind the journal's back are caught by the check.

use comity_caucus::{Added, RollCall, Vote};
use comity_core::auth::{Principal, Role};
use comity_core::journal::Hash;
use comity_core::{Actor, Timestamp};
use comity_store::{ExecError, UngaFile, unga_rows_sha256};

use crate::story::found;
use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

fn roll_call(rcid: u32, descr: &str) -> RollCall {
    RollCall {
        rcid,
        session: 81,
        date: "2026-10-07".into(),
        year: 2026,
        unres: format!("A/RES/81/{rcid}"),
        important: None,
        amend: false,
        para: true,
        short: "TEST, WITH A COMMA".into(),
        descr: descr.into(),
    }
}

async fn imports(db: &TestDb) {
    let inst = found(&db.url).await;
    let officer = Principal::new(Actor::system(), vec![Role::Secretariat]);
    let added = Added {
        roll_calls: vec![
            roll_call(100_001, "A \"quoted\" text"),
            roll_call(100_002, "B"),
        ],
        issues: vec![(100_001, "hr".into())],
        votes: vec![
            (100_001, "USA".into(), Vote::Yes),
            (100_001, "FRA".into(), Vote::Abstain),
            (100_002, "USA".into(), Vote::No),
        ],
    };
    let file = Hash::of(b"the votes file");
    inst.import_unga(
        &officer.actor,
        Some(&officer),
        t(),
        &UngaFile {
            file: "v81.csv",
            sha256: file,
            added: &added,
            sessions: (81, 81),
        },
    )
    .await
    .unwrap();
    let store = inst.store();
    let held = store.unga_imports().await.unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].import, 1);
    assert_eq!(held[0].added, added);
    let state_imports = inst.state().await.caucus.imports.clone();
    assert_eq!(state_imports[0].rows_sha256, unga_rows_sha256(&added));
    assert_eq!(
        store
            .check_unga_imports(&state_imports)
            .await
            .unwrap()
            .len(),
        1
    );

    // A vote the tables hold already (two imports racing past the check against the record):
    // the append fails whole, as an append that lost a race.
    let head = store.head().await.unwrap();
    let again = Added {
        votes: vec![
            (100_002, "FRA".into(), Vote::Yes),
            (100_001, "USA".into(), Vote::No),
        ],
        ..Added::default()
    };
    let err = inst
        .import_unga(
            &officer.actor,
            Some(&officer),
            t(),
            &UngaFile {
                file: "again.csv",
                sha256: Hash::of(b"again"),
                added: &again,
                sessions: (81, 81),
            },
        )
        .await;
    assert!(
        matches!(err, Err(ExecError::Contention(_) | ExecError::Store(_))),
        "{err:?}"
    );
    assert_eq!(store.head().await.unwrap(), head);
    assert_eq!(inst.state().await.caucus.imports.len(), 1);
    assert_eq!(store.unga_imports().await.unwrap()[0].added, added);

    // The same file twice is refused by the journal's record of it.
    let err = inst
        .import_unga(
            &officer.actor,
            Some(&officer),
            t(),
            &UngaFile {
                file: "v81.csv",
                sha256: file,
                added: &again,
                sessions: (81, 81),
            },
        )
        .await;
    assert!(matches!(err, Err(ExecError::Refused(_))), "{err:?}");

    // A row changed behind the journal's back is caught.
    db.raw_execute("UPDATE unga_votes SET vote = 'no' WHERE rcid = 100001 AND state = 'FRA'")
        .await;
    let e = store.check_unga_imports(&state_imports).await.unwrap_err();
    assert!(e.contains("import 1") && e.contains("v81.csv"), "{e}");
}

#[tokio::test]
async fn sqlite_unga_imports() {
    let db = TestDb::sqlite();
    imports(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_unga_imports() {
    if let Some(db) = TestDb::postgres("postgres_unga_imports").await {
        imports(&db).await;
        db.finish().await;
    }
}
