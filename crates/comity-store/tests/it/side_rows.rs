//! Side rows (the ballot box, the volunteers' contacts) are written in the journal's
//! transaction, on each backend: both are written or neither. Failures are injected between
//! the journal's write and the side rows' (a unique key, a trigger that refuses the side
//! table's insert) and must leave no half state: no entry, no row, a projection unchanged,
//! and the same act accepted once the fault is gone.

use comity_core::auth::{Principal, Role};
use comity_core::journal::{Head, seal};
use comity_core::{Actor, Command, Event, Iso3, Timestamp, base, election};
use comity_store::{
    Ballots, Contact, ExecError, OpenMode, SideRows, Store, StoreError, VolunteerContact,
};

use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

fn r(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn ballots(election: u64, ranking: &[&str], count: u64) -> Ballots {
    Ballots {
        election,
        ranking: r(ranking),
        count,
    }
}

fn contact(number: u64, email: &str) -> VolunteerContact {
    let c = Contact::new("Ada Lovelace", email).unwrap();
    VolunteerContact::new("citizens_assembly", number, &c, t().to_string())
}

/// One entry that follows `head` (its content does not matter to the store).
fn entry_after(head: Head) -> Vec<comity_core::journal::Entry> {
    let ev = Event::Base(base::Event::CharterAdopted {
        name: "x".into(),
        source: "x".into(),
        sha256: head.hash,
    });
    seal(head, t(), &Actor::system(), &[ev])
}

async fn append_with_side_rows(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let head = store.head().await.unwrap();

    // Side rows without an entry to justify them are refused, and nothing is written.
    let side = SideRows {
        ballots: vec![ballots(7, &["Ben"], 1)],
        ..SideRows::none()
    };
    assert!(matches!(
        store.append(head, &[], &side).await,
        Err(StoreError::Unanchored)
    ));
    assert!(store.ballot_box(7).await.unwrap().is_empty());

    // Entries and side rows land together; the box adds up identical rankings.
    let entries = entry_after(head);
    let side = SideRows {
        contacts: vec![contact(1, "ada@example.org")],
        ballots: vec![
            ballots(7, &["Ana", "Ben"], 4),
            ballots(7, &["Ben"], 2),
            ballots(7, &["Ana", "Ben"], 1),
        ],
        ..SideRows::none()
    };
    store.append(head, &entries, &side).await.unwrap();
    let head = entries[0].head();
    assert_eq!(store.head().await.unwrap(), head);
    assert_eq!(
        store.ballot_box(7).await.unwrap(),
        vec![(r(&["Ana", "Ben"]), 5), (r(&["Ben"]), 2)]
    );
    assert_eq!(
        store.volunteer_contacts("citizens_assembly").await.unwrap(),
        side.contacts
    );

    // A side row the table refuses (this address volunteered already), written after the
    // journal entry and the ballots in the same transaction: a conflict, and none of the
    // three is kept.
    let entries = entry_after(head);
    let side = SideRows {
        ballots: vec![ballots(7, &["Ben"], 3), ballots(8, &["Ana"], 1)],
        contacts: vec![
            contact(2, "alan@example.org"),
            contact(3, "ada@example.org"),
        ],
        ..SideRows::none()
    };
    let err = store.append(head, &entries, &side).await.unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { expected_seq, found_seq } if expected_seq == head.seq && found_seq == head.seq),
        "{err}"
    );
    assert_eq!(store.head().await.unwrap(), head, "no journal entry");
    assert_eq!(store.entry(head.seq + 1).await.unwrap(), None);
    // A number past any the table can hold (a reader asking for entry 2^63): none, no error.
    assert_eq!(store.entry(1 << 63).await.unwrap(), None);
    assert_eq!(store.entry(u64::MAX).await.unwrap(), None);
    assert!(store.entries(u64::MAX, 10).await.unwrap().is_empty());
    assert_eq!(
        store.ballot_box(7).await.unwrap(),
        vec![(r(&["Ana", "Ben"]), 5), (r(&["Ben"]), 2)],
        "no ballot"
    );
    assert!(store.ballot_box(8).await.unwrap().is_empty());
    assert_eq!(
        store
            .volunteer_contacts("citizens_assembly")
            .await
            .unwrap()
            .len(),
        1,
        "no contact"
    );
    // The chain is whole and the same append, without the refused contact, goes through.
    assert_eq!(store.verify().await.unwrap(), head);
    let side = SideRows {
        contacts: side.contacts[..1].to_vec(),
        ..side
    };
    store.append(head, &entries, &side).await.unwrap();
    assert_eq!(store.ballot_box(8).await.unwrap(), vec![(r(&["Ana"]), 1)]);
}

/// Makes every `op` (INSERT, UPDATE, DELETE) on `table` fail inside the database, as a crash
/// or a full disk would.
async fn break_writes(db: &TestDb, table: &str, ops: &[&str]) {
    let pg = !db.url.starts_with("sqlite:");
    if pg {
        db.raw_execute(
            "CREATE OR REPLACE FUNCTION comity_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$",
        )
        .await;
    }
    for op in ops {
        let name = format!("fault_{table}_{op}");
        db.raw_execute(&if pg {
            format!("CREATE TRIGGER {name} BEFORE {op} ON {table} FOR EACH ROW EXECUTE FUNCTION comity_fault()")
        } else {
            format!("CREATE TRIGGER {name} BEFORE {op} ON {table} BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
        })
        .await;
    }
}

async fn repair_writes(db: &TestDb, table: &str, ops: &[&str]) {
    let pg = !db.url.starts_with("sqlite:");
    for op in ops {
        let on = if pg {
            format!(" ON {table}")
        } else {
            String::new()
        };
        db.raw_execute(&format!("DROP TRIGGER fault_{table}_{op}{on}"))
            .await;
    }
}

async fn ballots_and_journal_fail_together(db: &TestDb) {
    let inst = crate::story::found(&db.url).await;
    let open = Command::Election(election::Command::OpenElection {
        organ: "summit".into(),
        title: "Chair".into(),
        method: "irv".into(),
        seats: 1,
        candidates: r(&["Ana", "Ben", "Chloé"]),
        closes_at: Timestamp::parse("2026-12-01T00:00:00Z").unwrap(),
        seed: 3,
    });
    inst.execute(&Actor::parse("secretariat").unwrap(), t(), &open)
        .await
        .unwrap();
    let voter: Iso3 = inst.state().await.elections[&1].electorate[0].clone();
    let delegate = Principal::new(
        Actor::parse("delegate").unwrap(),
        vec![Role::StateDelegate(voter.clone())],
    );
    let secretariat = Principal::new(
        Actor::parse("secretariat").unwrap(),
        vec![Role::Secretariat],
    );
    let head = inst.state().await.head();

    break_writes(db, "ballot_box", &["INSERT"]).await;
    let cast = inst
        .cast_ballot(&delegate, t(), 1, voter.clone(), r(&["Ben", "Ana"]))
        .await;
    assert!(
        matches!(cast, Err(ExecError::Store(StoreError::Database { .. }))),
        "{cast:?}"
    );
    let paper = inst
        .record_paper_ballots(
            &secretariat,
            t(),
            1,
            vec![voter.clone()],
            vec![(r(&["Ana"]), 1)],
            "tellers.blt".into(),
        )
        .await;
    assert!(paper.is_err(), "{paper:?}");
    // The journal's write fails and nothing may clean up after it, as when the process dies
    // between the two writes: a ballot box written apart from the journal would keep a
    // ballot no state is recorded as casting.
    repair_writes(db, "ballot_box", &["INSERT"]).await;
    break_writes(db, "journal", &["INSERT"]).await;
    break_writes(db, "ballot_box", &["UPDATE", "DELETE"]).await;
    let cast = inst
        .cast_ballot(&delegate, t(), 1, voter.clone(), r(&["Chloé"]))
        .await;
    assert!(cast.is_err(), "{cast:?}");
    repair_writes(db, "journal", &["INSERT"]).await;
    repair_writes(db, "ballot_box", &["UPDATE", "DELETE"]).await;

    // No half state: not in the journal, not in the box, not in the projection, and a
    // fresh start from the journal agrees.
    assert_eq!(inst.store().head().await.unwrap(), head);
    assert_eq!(inst.state().await.head(), head);
    assert!(inst.state().await.elections[&1].voted.is_empty());
    assert!(inst.store().ballot_box(1).await.unwrap().is_empty());
    let fresh = inst.store().load_state().await.unwrap();
    assert!(fresh.elections[&1].voted.is_empty());

    // Once the faults are gone the state votes (it never counted as having voted), and the
    // election closes with exactly that ballot.
    inst.cast_ballot(&delegate, t(), 1, voter.clone(), r(&["Ben", "Ana"]))
        .await
        .unwrap();
    assert_eq!(inst.state().await.elections[&1].voted.len(), 1);
    assert_eq!(
        inst.store().ballot_box(1).await.unwrap(),
        vec![(r(&["Ben", "Ana"]), 1)]
    );
    let closed = inst
        .close_election(
            &Actor::parse("secretariat").unwrap(),
            None,
            Timestamp::parse("2026-12-02T00:00:00Z").unwrap(),
            1,
        )
        .await
        .unwrap();
    assert_eq!(closed.len(), 1);
    assert!(inst.state().await.elections[&1].result.is_some());

    // The volunteers' contacts likewise: a failed insert leaves no registration.
    let head = inst.state().await.head();
    break_writes(db, "volunteer_contacts", &["INSERT"]).await;
    let person = comity_store::NewVolunteer {
        contact: Contact::new("Ada Lovelace", "ada@example.org").unwrap(),
        features: [
            ("gender", "female"),
            ("age", "30-44"),
            ("education", "tertiary"),
            ("region", "WEOG"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    };
    let sec = Actor::parse("secretariat").unwrap();
    let reg = inst
        .register_volunteers(
            &sec,
            None,
            t(),
            "citizens_assembly",
            std::slice::from_ref(&person),
        )
        .await;
    assert!(reg.is_err(), "{reg:?}");
    assert_eq!(inst.store().head().await.unwrap(), head);
    let volunteers = inst
        .state()
        .await
        .assemblies
        .get("citizens_assembly")
        .map_or(0, |a| a.registered);
    assert_eq!(volunteers, 0);
    assert!(
        inst.store()
            .pool("citizens_assembly", 10)
            .await
            .unwrap()
            .is_empty(),
        "no pool row without its entry"
    );
    assert!(
        inst.store()
            .volunteer_contacts("citizens_assembly")
            .await
            .unwrap()
            .is_empty()
    );
    repair_writes(db, "volunteer_contacts", &["INSERT"]).await;
    let done = inst
        .register_volunteers(&sec, None, t(), "citizens_assembly", &[person])
        .await
        .unwrap();
    assert_eq!(done.first, 1);
}

#[tokio::test]
async fn sqlite_append_with_side_rows() {
    let db = TestDb::sqlite();
    append_with_side_rows(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_append_with_side_rows() {
    if let Some(db) = TestDb::postgres("postgres_append_with_side_rows").await {
        append_with_side_rows(&db).await;
        db.finish().await;
    }
}

#[tokio::test]
async fn sqlite_a_failure_between_journal_and_side_rows_leaves_no_half_state() {
    let db = TestDb::sqlite();
    ballots_and_journal_fail_together(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_a_failure_between_journal_and_side_rows_leaves_no_half_state() {
    if let Some(db) = TestDb::postgres("postgres_a_failure_between_journal_and_side_rows").await {
        ballots_and_journal_fail_together(&db).await;
        db.finish().await;
    }
}
