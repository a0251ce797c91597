//! The journal's words, on each backend: entries filed after they are written, up to the
//! head, once each even when two filers run at once; found by a word of their payload in
//! French without its accent, by two Chinese characters inside a run, by an Arabic word
//! without its article, by the beginning of a word; all words required; newest first, a
//! page at a time; filtered by day.

use comity_core::motion::{self, Seat};
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_matching::words::query_terms;

use crate::story::found;
use crate::support::TestDb;

async fn table(inst: &comity_store::Institution, at: &str, title: &str, text: &str) -> u64 {
    inst.execute(
        &Actor::system(),
        Timestamp::parse(at).unwrap(),
        &Command::Motion(motion::Command::TableMotion {
            decision: "treaty_adoption".into(),
            title: title.into(),
            text: text.into(),
            sponsor: Seat::State(Iso3::parse("DNK").unwrap()),
        }),
    )
    .await
    .unwrap();
    inst.store().head().await.unwrap().seq
}

async fn words(db: &TestDb) {
    let inst = found(&db.url).await;
    let store = inst.store();
    assert_eq!(store.journal_indexed().await.unwrap(), 0);
    let fr = table(
        &inst,
        "2026-03-02T09:00:00Z",
        "Liberté de la presse (quokka)",
        "Garantir l'indépendance des médias.",
    )
    .await;
    let zh = table(
        &inst,
        "2026-04-02T09:00:00Z",
        "保护新闻自由 quokka",
        "各成员国承诺保护记者。",
    )
    .await;
    let ar = table(
        &inst,
        "2026-05-02T09:00:00Z",
        "حرية الصحافة quokka",
        "تحمي الدول الأعضاء الصحفيين.",
    )
    .await;
    let head = store.head().await.unwrap().seq;

    // Not filed yet: not found.
    let find = |q: &str| {
        let terms = query_terms(q);
        async move {
            store
                .search_journal(&terms, None, None, None, 10)
                .await
                .unwrap()
        }
    };
    assert!(find("independance").await.seqs.is_empty());
    // Two filers at once file each entry once.
    let (a, b) = tokio::join!(store.index_journal(u64::MAX), store.index_journal(u64::MAX));
    assert_eq!((a.unwrap(), b.unwrap()), (head, head));
    assert_eq!(store.journal_indexed().await.unwrap(), head);

    let hits = find("independance").await;
    assert_eq!(hits.seqs, [fr]);
    assert_eq!(hits.indexed, head);
    assert!(!hits.more);
    assert_eq!(find("LIBERTÉ presse").await.seqs, [fr]);
    assert_eq!(find("presse 新闻").await.seqs, Vec::<u64>::new());
    assert_eq!(find("新闻").await.seqs, [zh]);
    assert_eq!(find("صحافة").await.seqs, [ar]);
    // A beginning; newest first.
    let all = find("quok").await;
    assert_eq!(all.seqs, [ar, zh, fr]);
    let first = store
        .search_journal(&query_terms("quokka motion_tabled"), None, None, None, 2)
        .await
        .unwrap();
    assert_eq!(first.seqs, [ar, zh]);
    assert!(first.more);
    let next = store
        .search_journal(
            &query_terms("quokka motion_tabled"),
            Some(zh),
            None,
            None,
            2,
        )
        .await
        .unwrap();
    assert_eq!(next.seqs, [fr]);
    assert!(!next.more);
    // By day.
    let april = store
        .search_journal(
            &query_terms("quokka motion_tabled"),
            None,
            Some("2026-04-01"),
            Some("2026-04-30"),
            10,
        )
        .await
        .unwrap();
    assert_eq!(april.seqs, [zh]);
    // Filing again changes nothing; a new entry is filed on the next call.
    assert_eq!(store.index_journal(u64::MAX).await.unwrap(), head);
    let more = table(&inst, "2026-06-02T09:00:00Z", "Indépendance", "Un texte.").await;
    assert_eq!(store.index_journal(1).await.unwrap(), more);
    assert_eq!(find("independance").await.seqs, [more, fr]);
}

#[tokio::test]
async fn sqlite_journal_words() {
    let db = TestDb::sqlite();
    words(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_journal_words() {
    if let Some(db) = TestDb::postgres("postgres_journal_words").await {
        words(&db).await;
        db.finish().await;
    }
}
