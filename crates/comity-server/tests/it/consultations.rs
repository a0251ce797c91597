//! Consultations on the web and over the API: the pages in every language, responding with
//! and without an account (double-submit token, a receipt naming the journal entry), answers
//! that do not fit refused with the question named, a state's second response refused, and
//! a confidential response kept out of the journal and beside it, where its content hashes
//! to what the journal recorded.

use axum::http::StatusCode;
use comity_core::auth::Role;
use comity_core::consultations::{self, Audience, Question, QuestionKind};
use comity_core::ids::Day;
use comity_core::{Actor, Command, Iso3, Timestamp};

use crate::fixture::TestApp;
use crate::writes::send;

fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Timestamp::from_unix(secs as i64 - 3_600)
}

/// A consultation of the Council open today for ten days, to states and anyone.
async fn open(inst: &comity_store::Institution) {
    let today = Day::of(now()).unwrap();
    let cmd = consultations::Command::Open {
        organ: "governing_council".into(),
        title: "Priorities for a Global Digital Compact".into(),
        question: "What should the members ask for together?".into(),
        questions: vec![
            Question {
                number: 1,
                text: "Which theme first?".into(),
                kind: QuestionKind::Choice {
                    options: vec!["Connectivity".into(), "Rights online".into()],
                },
            },
            Question {
                number: 2,
                text: "Platforms should publish how they rank content.".into(),
                kind: QuestionKind::Scale,
            },
            Question {
                number: 3,
                text: "Why?".into(),
                kind: QuestionKind::Text,
            },
        ],
        opens: today,
        closes: Day::from_date(today.date() + time::Duration::days(10)),
        audience: Audience {
            organisations: false,
            states: true,
            public: true,
        },
    };
    inst.execute(&Actor::system(), now(), &Command::Consultations(cmd))
        .await
        .unwrap();
}

#[tokio::test]
async fn anyone_responds_a_state_once_and_confidential_answers_stay_out_of_the_journal() {
    let (app, inst) = TestApp::alliance()
        .with_account(
            "dk",
            Role::StateDelegate(Iso3::parse("DNK").unwrap()),
            "pw-dk-1234567",
        )
        .build()
        .await;
    open(&inst).await;
    for lang in ["en", "fr", "ar"] {
        for uri in [
            "/consultations",
            "/consultations/1",
            "/consultations/1/respond",
        ] {
            let res = send(
                &app,
                "GET",
                &format!("{uri}?lang={lang}"),
                "",
                None,
                None,
                None,
            )
            .await;
            assert_eq!(res.status, StatusCode::OK, "{uri} {lang}");
            assert!(!res.body.contains("consultations-"), "{uri} {lang}");
        }
    }
    // Anyone, without an account, with the form's double-submit token.
    let page = send(
        &app,
        "GET",
        "/consultations/1/respond",
        "",
        None,
        None,
        None,
    )
    .await;
    let cookie = page
        .cookies
        .iter()
        .find(|c| c.starts_with("comity_csrf="))
        .unwrap()
        .clone();
    let token = cookie.trim_start_matches("comity_csrf=").to_owned();
    let post = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move {
            send(
                &app,
                "POST",
                "/consultations/1/respond",
                &cookie,
                Some(&form),
                None,
                None,
            )
            .await
        }
    };
    let res = post(format!(
        "csrf={token}&respond_as=person&name=Ada+Lovelace&country=GBR&q1=1&q2=5&q3=Rights+first."
    ))
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("is submission 1"), "{}", res.body);
    // An answer that is not an option: the question is named, nothing recorded.
    let res = post(format!(
        "csrf={token}&respond_as=person&name=Bo&country=SWE&q1=7"
    ))
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("question 1 must be one of the options"),
        "{}",
        res.body
    );
    // Confidential: the journal names neither the person nor the answers.
    let res = post(format!(
        "csrf={token}&respond_as=person&name=Leila+Nasser&country=TUN&q3=No+shutdowns%2C+ever.&confidential=1"
    ))
    .await;
    assert!(res.body.contains("is submission 2"), "{}", res.body);
    let journal = crate::assemblies::journal(&app).await;
    assert!(journal.contains("Ada Lovelace"));
    assert!(!journal.contains("Leila") && !journal.contains("shutdowns, ever"));
    let kept = inst.store().confidential_submissions(1).await.unwrap();
    assert_eq!(kept.len(), 1);
    let state = inst.state().await;
    let recorded = &state.consultations.consultations[&1].submissions[1];
    assert!(recorded.confidential && recorded.respondent.is_none());
    assert_eq!(kept[0].sha256(), recorded.sha256);
    drop(state);

    // A state responds with its delegate's token, once; without a token it may not.
    let body = serde_json::json!({"respondent": {"state": "DNK"}, "answers": {"1": {"choice": 0}, "2": {"scale": 4}}});
    let res = send(
        &app,
        "POST",
        "/api/v1/consultations/1/submissions",
        "",
        None,
        None,
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{}", res.body);
    let dk = inst
        .store()
        .create_api_token("dk", "t", now())
        .await
        .unwrap();
    let res = send(
        &app,
        "POST",
        "/api/v1/consultations/1/submissions",
        "",
        None,
        Some(&dk),
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = send(
        &app,
        "POST",
        "/api/v1/consultations/1/submissions",
        "",
        None,
        Some(&dk),
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("already responded"), "{}", res.body);
    // Another state is not the delegate's.
    let other = body.to_string().replace("DNK", "FRA");
    let res = send(
        &app,
        "POST",
        "/api/v1/consultations/1/submissions",
        "",
        None,
        Some(&dk),
        Some(&other),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);

    // The figures count published answers; the confidential one is counted, not shown.
    let res = send(&app, "GET", "/api/v1/consultations/1", "", None, None, None).await;
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["submissions"], 3);
    assert_eq!(doc["confidential"], 1);
    assert_eq!(doc["questions"][0]["counts"], serde_json::json!([1, 1]));
    assert_eq!(
        doc["questions"][1]["counts"],
        serde_json::json!([0, 0, 0, 1, 1])
    );
    let page = send(&app, "GET", "/consultations/1", "", None, None, None).await;
    assert!(page.body.contains("<svg"), "{}", page.body);
    assert!(page.body.contains("A person (name withheld)"));
    // The confidential content is the secretariat's alone.
    let res = send(
        &app,
        "GET",
        "/consultations/1/confidential",
        "",
        None,
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

/// The secretariat's forms: a consultation opened from its file's text (a bad field named by
/// its line), the close refused before the closing day, the confidential submissions read.
#[tokio::test]
async fn the_secretariat_opens_and_runs_a_consultation_through_the_forms() {
    let (app, inst) = TestApp::alliance()
        .with_account("sec", Role::Secretariat, "pw-sec-1234567")
        .build()
        .await;
    let cookie = crate::writes::sign_in(&app, "sec", "pw-sec-1234567").await;
    let page = send(&app, "GET", "/consultations", &cookie, None, None, None).await;
    assert!(page.body.contains("Open a consultation"), "{}", page.body);
    let csrf = crate::writes::hidden_csrf(&page.body);
    let today = Day::of(now()).unwrap();
    let later = Day::from_date(today.date() + time::Duration::days(20));
    let file = format!(
        "organ = \"governing_council\"\ntitle = \"T\"\nquestion = \"Q?\"\nopens = \"{today}\"\ncloses = \"{later}\"\naudience = [\"public\"]\n[[questions]]\ntext = \"Why?\"\nkind = \"essay\"\n"
    );
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    let post = |uri: &'static str, form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move { send(&app, "POST", uri, &cookie, Some(&form), None, None).await }
    };
    let res = post("/consultations", format!("csrf={csrf}&file={}", enc(&file))).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("consultation.toml:9:8: questions[0].kind"),
        "{}",
        res.body
    );
    let good = file.replace("essay", "text");
    let res = post("/consultations", format!("csrf={csrf}&file={}", enc(&good))).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location, "/consultations/1");
    let res = post("/consultations/1", format!("csrf={csrf}&act=close")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("cannot be recorded before"),
        "{}",
        res.body
    );
    // A confidential response, read by the secretariat alone, matching the journal's hash.
    inst.execute(
        &Actor::public(),
        now(),
        &Command::Consultations(consultations::Command::Submit {
            consultation: 1,
            respondent: consultations::Respondent::Person {
                name: "Leila Nasser".into(),
                country: Iso3::parse("TUN").unwrap(),
                organisation: None,
            },
            answers: [(1, consultations::Answer::Text("No shutdowns.".into()))]
                .into_iter()
                .collect(),
            confidential: true,
        }),
    )
    .await
    .unwrap();
    let res = send(
        &app,
        "GET",
        "/consultations/1/confidential",
        &cookie,
        None,
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("Leila Nasser") && res.body.contains("No shutdowns."));
    assert!(res.body.contains("matches the SHA-256"), "{}", res.body);
}
