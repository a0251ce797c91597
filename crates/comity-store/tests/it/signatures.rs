//! Signatures of citizens' initiatives, on each backend: a batch's rows land in the side table
//! with the `signatures_recorded` entry and read back to the SHA-256 it records; a second
//! signature of an ID number is left out and counted nowhere; likely duplicates (same name,
//! birth date and postcode) are struck with a journaled invalidation and reinstated by its
//! reversal; a refused batch writes neither entry nor row; the secret is made once.

use comity_core::ids::Day;
use comity_core::initiatives::{Command as I, CommitteeMember, sign};
use comity_core::journal::Hash;
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_store::ExecError;
use comity_store::side::{SignatureRow, rows_sha256};

use crate::story::found;
use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-24T09:00:00Z").unwrap()
}

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn row(secret: &[u8], state: &str, id: Option<&str>, name: &str, post: &str) -> SignatureRow {
    let s = iso(state);
    SignatureRow {
        id_key: id.map(|i| sign::id_key(secret, &s, i)),
        person_key: sign::person_key(secret, name, Day::parse("1980-05-17").unwrap(), post),
        state: s,
    }
}

async fn signatures(db: &TestDb) {
    let inst = found(&db.url).await;
    let sys = Actor::system();
    let members: Vec<Iso3> = inst.state().await.members.keys().take(7).cloned().collect();
    let run = |cmd: I| {
        let inst = &inst;
        async move {
            inst.execute(&Actor::system(), t(), &Command::Initiatives(cmd))
                .await
        }
    };
    run(I::Register {
        title: "T".into(),
        objective: "O".into(),
        committee: members
            .iter()
            .map(|s| CommitteeMember {
                name: format!("M {s}"),
                state: s.clone(),
            })
            .collect(),
    })
    .await
    .unwrap();
    run(I::DecideAdmissibility {
        initiative: 1,
        admissible: true,
        reasons: "R.".into(),
        opens: Day::of(t()).unwrap(),
    })
    .await
    .unwrap();
    let store = inst.store();
    let secret = store.signing_secret().await.unwrap();
    assert_eq!(secret.len(), 32);
    assert_eq!(store.signing_secret().await.unwrap(), secret);

    // Online rows go through their own path, never the generic one.
    let generic = run(I::RecordSignatures {
        initiative: 1,
        channel: comity_core::initiatives::Channel::Online,
        counts: [(iso("ITA"), 1)].into_iter().collect(),
        rows_sha256: Hash::of(b"x"),
        sheets: 0,
        source: "S".into(),
    })
    .await;
    assert!(matches!(generic, Err(ExecError::WithRows)), "{generic:?}");

    let batch = vec![
        row(&secret, "ITA", Some("AB 123"), "Ana Rossi", "00100"),
        row(&secret, "ITA", Some("ab-123"), "Anna Rossi", "00100"),
        row(&secret, "DEU", None, "Jonas Müller", "10115"),
        row(&secret, "DEU", None, "MÜLLER Jonas", "10 115"),
        row(&secret, "FRA", None, "Claire Martin", "75001"),
    ];
    let (entries, dups) = inst
        .record_signatures(&sys, None, t(), 1, &batch, "online form")
        .await
        .unwrap();
    assert_eq!(
        dups,
        vec![1],
        "the second ITA row repeats the first's ID number"
    );
    assert_eq!(entries.len(), 1);
    let kept: Vec<SignatureRow> = [0, 2, 3, 4].iter().map(|i| batch[*i].clone()).collect();
    assert_eq!(store.signature_batch(1, 1).await.unwrap(), kept);
    {
        let st = inst.state().await;
        let i = &st.initiatives.initiatives[&1];
        assert_eq!(i.batches[0].rows_sha256, rows_sha256(&kept));
        assert_eq!(i.tallies()[&iso("DEU")].online, 2);
    }
    // The same ID number in a later batch: left out; a batch of nothing but: no entry.
    let head = store.head().await.unwrap();
    let (entries, dups) = inst
        .record_signatures(&sys, None, t(), 1, &batch[..1], "online form")
        .await
        .unwrap();
    assert!(entries.is_empty());
    assert_eq!(dups, vec![0]);
    assert_eq!(store.head().await.unwrap(), head);
    // A refused batch (an initiative that does not exist) writes no row.
    let err = inst
        .record_signatures(&sys, None, t(), 9, &batch[4..], "online form")
        .await;
    assert!(matches!(err, Err(ExecError::Refused(_))), "{err:?}");
    assert!(store.signature_batch(9, 1).await.unwrap().is_empty());

    // Verification: the second Müller is struck, journaled with its count and rows.
    assert_eq!(
        store.likely_duplicates(1).await.unwrap(),
        vec![(1, 2, iso("DEU"))]
    );
    let e = inst
        .invalidate_likely_duplicates(&sys, None, t(), 1, "same person")
        .await
        .unwrap();
    assert_eq!(e[0].kind, "signatures_invalidated");
    assert!(store.likely_duplicates(1).await.unwrap().is_empty());
    assert_eq!(store.struck_signatures(1, 1).await.unwrap(), vec![(1, 2)]);
    assert_eq!(
        store.valid_signatures(1, &iso("DEU")).await.unwrap(),
        vec![(1, 1)]
    );
    assert_eq!(
        inst.state().await.initiatives.initiatives[&1].tallies()[&iso("DEU")].valid,
        1
    );
    // Nothing more to strike: no entry.
    assert!(
        inst.invalidate_likely_duplicates(&sys, None, t(), 1, "again")
            .await
            .unwrap()
            .is_empty()
    );
    // Reversed: valid again, in the journal and the table.
    inst.reverse_invalidation(&sys, None, t(), 1, 1, "two people")
        .await
        .unwrap();
    assert_eq!(
        store.valid_signatures(1, &iso("DEU")).await.unwrap(),
        vec![(1, 1), (1, 2)]
    );
    assert_eq!(
        inst.state().await.initiatives.initiatives[&1].tallies()[&iso("DEU")].valid,
        2
    );
    // The side table checks against the journal; a row changed behind its back is caught.
    let st = inst.state().await.initiatives.clone();
    assert_eq!(store.check_signatures(&st).await.unwrap().len(), 1);
    db.raw_execute("UPDATE initiative_signatures SET state = 'FRA' WHERE batch = 1 AND n = 1")
        .await;
    let e = store.check_signatures(&st).await.unwrap_err();
    assert!(e.contains("initiative 1 batch 1"), "{e}");
    db.raw_execute("UPDATE initiative_signatures SET state = 'DEU' WHERE batch = 1 AND n = 1")
        .await;
    // Replayed from the journal alone, the counts are the same.
    let replayed = store.load_state().await.unwrap();
    assert_eq!(
        replayed.initiatives.initiatives[&1].tallies(),
        inst.state().await.initiatives.initiatives[&1].tallies()
    );

    // The backup keeps the rows, their strikes and the secret (bytes as hex), and puts them
    // back as they were.
    inst.invalidate_likely_duplicates(&sys, None, t(), 1, "same person again")
        .await
        .unwrap();
    let dump = store.dump_side().await.unwrap();
    let rows = &dump["tables"]["initiative_signatures"]["rows"];
    assert_eq!(rows.as_array().unwrap().len(), 4, "{rows}");
    for table in dump["tables"].as_object().unwrap().keys() {
        db.raw_execute(&format!("DELETE FROM {table}")).await;
    }
    assert!(store.signature_batch(1, 1).await.unwrap().is_empty());
    store.load_side(&dump).await.unwrap();
    assert_eq!(store.signature_batch(1, 1).await.unwrap(), kept);
    assert_eq!(store.signing_secret().await.unwrap(), secret);
    assert_eq!(store.struck_signatures(1, 2).await.unwrap(), vec![(1, 2)]);
    assert_eq!(store.check_signatures(&st).await.unwrap().len(), 1);
    let mut bad = dump.clone();
    bad["tables"]["initiative_signatures"]["rows"][0][5] = serde_json::json!("zz");
    let e = store.load_side(&bad).await.unwrap_err();
    assert!(
        e.contains("table initiative_signatures, row 1, column person_key: not hex"),
        "{e}"
    );
}

#[tokio::test]
async fn sqlite_signatures() {
    let db = TestDb::sqlite();
    signatures(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_signatures() {
    if let Some(db) = TestDb::postgres("postgres_signatures").await {
        signatures(&db).await;
        db.finish().await;
    }
}
