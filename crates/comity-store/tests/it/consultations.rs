//! Confidential submissions to consultations, on each backend: the content lands beside the
//! journal in the transaction of the `submission_received` entry, which records only the
//! respondent's kind and country and the content's SHA-256; the content reads back to that
//! hash; a published submission writes nothing beside the journal; a refused one writes
//! neither entry nor row.

use comity_core::consultations::{self, Answer, Audience, Question, QuestionKind, Respondent};
use comity_core::ids::Day;
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_store::ExecError;

use crate::story::found;
use crate::support::TestDb;

fn t() -> Timestamp {
    Timestamp::parse("2026-11-24T09:00:00Z").unwrap()
}

fn person(name: &str) -> Respondent {
    Respondent::Person {
        name: name.into(),
        country: Iso3::parse("TUN").unwrap(),
        organisation: None,
    }
}

async fn confidential(db: &TestDb) {
    let inst = found(&db.url).await;
    let run = |cmd: consultations::Command| {
        let inst = &inst;
        async move {
            inst.execute(&Actor::public(), t(), &Command::Consultations(cmd))
                .await
        }
    };
    run(consultations::Command::Open {
        organ: "governing_council".into(),
        title: "T".into(),
        question: "Q?".into(),
        questions: vec![Question {
            number: 1,
            text: "Why?".into(),
            kind: QuestionKind::Text,
        }],
        opens: Day::parse("2026-11-20").unwrap(),
        closes: Day::parse("2026-12-20").unwrap(),
        audience: Audience {
            public: true,
            ..Audience::default()
        },
    })
    .await
    .unwrap();
    let answers = |s: &str| [(1, Answer::Text(s.into()))].into_iter().collect();
    let submit = |name: &str, text: &str, confidential: bool| consultations::Command::Submit {
        consultation: 1,
        respondent: person(name),
        answers: answers(text),
        confidential,
    };
    run(submit("Ada", "Published.", false)).await.unwrap();
    let entries = run(submit("Leila Nasser", "No shutdowns, ever.", true))
        .await
        .unwrap();
    let payload = entries[0].payload.to_string();
    assert!(!payload.contains("Leila") && !payload.contains("shutdowns"));
    let kept = inst.store().confidential_submissions(1).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].submission, 2);
    assert_eq!(kept[0].respondent, person("Leila Nasser"));
    let recorded = inst.state().await.consultations.consultations[&1].submissions[1].sha256;
    assert_eq!(kept[0].sha256(), recorded);
    // A refused submission (no answer) writes neither entry nor row.
    let head = inst.state().await.head();
    let refused = run(submit("Bo", "   ", true)).await;
    assert!(matches!(refused, Err(ExecError::Refused(_))), "{refused:?}");
    assert_eq!(inst.state().await.head(), head);
    assert_eq!(
        inst.store()
            .confidential_submissions(1)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        db.raw_count("SELECT COUNT(*) FROM consultation_confidential")
            .await,
        1
    );
    // `comity journal verify` reads the content back against the journal: an altered row
    // is found.
    let st = inst.state().await.consultations.clone();
    assert_eq!(inst.store().check_confidential(&st).await.unwrap().len(), 1);
    db.raw_execute(
        "UPDATE consultation_confidential SET content = replace(content, 'ever', 'never')",
    )
    .await;
    let e = inst.store().check_confidential(&st).await.unwrap_err();
    assert!(e.contains("submission 2"), "{e}");
}

#[tokio::test]
async fn sqlite_confidential_submissions() {
    let db = TestDb::sqlite();
    confidential(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_confidential_submissions() {
    if let Some(db) = TestDb::postgres("postgres_confidential_submissions").await {
        confidential(&db).await;
        db.finish().await;
    }
}
