//! Whether a distribution of signatures passes the European Citizens' Initiative's threshold,
//! on the page (with its chart, in every language) and over the API (with the shipped rule or
//! one given in the body).

use axum::http::StatusCode;

use crate::fixture::TestApp;
use crate::writes::send;

#[tokio::test]
async fn a_distribution_is_checked_on_the_page_and_over_the_api() {
    let (app, _) = TestApp::alliance().build().await;
    let get = |uri: String| {
        let app = app.clone();
        async move { send(&app, "GET", &uri, "", None, None, None).await }
    };
    let counts =
        "DE,67680%0AFR,55695%0AIT,53580%0AES,41595%0APL,36660%0ARO,23265%0ANL,20445%0AAT,701080";
    for (lang, word) in [
        ("en", "It passes."),
        ("fr", "Elle aboutit."),
        ("ar", "تبلغ المبادرة عتبتها."),
    ] {
        let res = get(format!(
            "/initiatives/check?registered=2021-05-01&counts={counts}&lang={lang}"
        ))
        .await;
        assert_eq!(res.status, StatusCode::OK, "{lang}");
        assert!(res.body.contains(word), "{lang}: {}", res.body);
        assert!(res.body.contains("<svg"), "{lang}");
        assert!(!res.body.contains("initiatives-"), "{lang}");
    }
    // The table of 2024-07-16 asks Germany for 69,120.
    let res = get(format!(
        "/initiatives/check?registered=2024-08-01&counts={counts}"
    ))
    .await;
    assert!(
        res.body
            .contains("<td>DE</td><td>69120</td><td>67680</td><td>no</td>"),
        "{}",
        res.body
    );
    let res = get("/initiatives/check?registered=1.5.2021&counts=DE,1".into()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = get("/initiatives/check?registered=2021-05-01&counts=DE,many".into()).await;
    assert!(
        res.body.contains("line 1, field signatures"),
        "{}",
        res.body
    );

    let body = serde_json::json!({"registered": "2021-05-01", "counts": {"DE": 67680, "FR": 10}});
    let res = send(
        &app,
        "POST",
        "/api/v1/initiatives/check",
        "",
        None,
        Some(""),
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["passes"], false);
    assert_eq!(doc["members_meeting_minimum"], serde_json::json!(["DE"]));
    assert_eq!(doc["required_members"], 7);
    assert_eq!(doc["total"], 67690);
    // A rule of one's own, and a bad one named by its line.
    let rule = "name = \"Test\"\ntotal = 10\nmembers_required = 1\n[[tables]]\nvalid_from = \"2020-01-01\"\nminimums = { A = 5 }\n";
    let body = serde_json::json!({"registered": "2021-05-01", "counts": {"A": 10}, "rule": rule});
    let res = send(
        &app,
        "POST",
        "/api/v1/initiatives/check",
        "",
        None,
        Some(""),
        Some(&body.to_string()),
    )
    .await;
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["passes"], true, "{doc}");
    let body = serde_json::json!({"registered": "2021-05-01", "counts": {}, "rule": rule.replace("members_required = 1\n", "")});
    let res = send(
        &app,
        "POST",
        "/api/v1/initiatives/check",
        "",
        None,
        Some(""),
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(
        res.body.contains("rule:1:") || res.body.contains("rule:"),
        "{}",
        res.body
    );
}

/// An initiative collecting today, registered and found admissible by the operator.
async fn collecting(inst: &comity_store::Institution) -> u64 {
    use comity_core::initiatives::{Command as I, CommitteeMember};
    use comity_core::{Actor, Command, Timestamp};
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let now = Timestamp::from_unix(secs as i64 - 3_600);
    let committee: Vec<CommitteeMember> = inst
        .state()
        .await
        .members
        .keys()
        .take(7)
        .map(|s| CommitteeMember {
            name: format!("Organiser from {s}"),
            state: s.clone(),
        })
        .collect();
    let run = |cmd: I| async move {
        inst.execute(&Actor::system(), now, &Command::Initiatives(cmd))
            .await
            .unwrap()
    };
    run(I::Register {
        title: "Protecting election infrastructure".into(),
        objective: "Common minimum standards.".into(),
        committee,
    })
    .await;
    run(I::DecideAdmissibility {
        initiative: 1,
        admissible: true,
        reasons: "Within the alliance's powers.".into(),
        opens: comity_core::ids::Day::of(now).unwrap(),
    })
    .await;
    1
}

/// Signing without an account, on the page (double-submit token, a receipt naming the journal
/// entry) and over the API; every refusal names its field and counts nowhere; the journal
/// holds counts and hashes, never the signatory.
#[tokio::test]
async fn a_citizen_signs_once_and_the_journal_keeps_no_personal_data() {
    let (app, inst) = TestApp::alliance().build().await;
    let id = collecting(&inst).await;
    // The form, with its double-submit token.
    let page = send(&app, "GET", "/initiatives/1/sign", "", None, None, None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let cookie = page
        .cookies
        .iter()
        .find(|c| c.starts_with("comity_csrf="))
        .unwrap()
        .clone();
    let token = cookie.trim_start_matches("comity_csrf=").to_owned();
    let sign = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move {
            send(
                &app,
                "POST",
                "/initiatives/1/sign",
                &cookie,
                Some(&form),
                None,
                None,
            )
            .await
        }
    };
    let form = |nat: &str, born: &str, id_number: &str| {
        format!(
            "csrf={token}&name=Ana+M%C3%BCller&nationality={nat}&birth_date={born}&id_number={id_number}&address=&postcode=10115"
        )
    };
    // Italy asks for an ID number.
    let res = sign(form("ITA", "1980-01-01", "")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("aria-invalid=\"true\" aria-describedby=\"form-error\"")
    );
    assert!(
        res.body.contains("Personal ID number: required"),
        "{}",
        res.body
    );
    // Sixteen may sign for Austria, not for Denmark.
    let sixteen = {
        let d = comity_core::ids::Day::of(comity_core::Timestamp::from_unix(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs() as i64,
        ))
        .unwrap()
        .date();
        format!("{}-01-01", d.year() - 17)
    };
    let res = sign(form("DNK", &sixteen, "")).await;
    assert!(res.body.contains("must be at least 18"), "{}", res.body);
    let res = sign(form("RUS", "1980-01-01", "")).await;
    assert!(res.body.contains("is not a member state"), "{}", res.body);
    // A token that is not the cookie's.
    let res = sign(form("ITA", "1980-01-01", "AB123").replace(&token, "x")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        inst.state().await.initiatives.initiatives[&id]
            .batches
            .len(),
        0
    );
    // Signed: a receipt with its entry.
    let res = sign(form("ITA", "1980-01-01", "ca 123 45")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(
        res.body.contains("your signature is recorded"),
        "{}",
        res.body
    );
    let seq = inst.state().await.head().seq;
    assert!(res.body.contains(&format!("href=\"/journal/{seq}\"")));
    // The same ID number, written otherwise: refused, counted nowhere.
    let res = sign(form("ITA", "1980-01-01", "CA12345")).await;
    assert!(
        res.body.contains("has signed this initiative already"),
        "{}",
        res.body
    );
    let res = send(
        &app,
        "POST",
        "/api/v1/initiatives/1/signatures",
        "",
        None,
        None,
        Some(r#"{"name": "Zoë Durand", "nationality": "aut", "birth_date": "2000-02-29"}"#),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("\"field\":\"id_number\""), "{}", res.body);
    let res = send(
        &app,
        "POST",
        "/api/v1/initiatives/1/signatures",
        "",
        None,
        None,
        Some(r#"{"name": "Zoë Durand", "nationality": "DEU", "birth_date": "2000-02-29", "address": "Unter den Linden 1", "postcode": "10117"}"#),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let state = inst.state().await;
    let i = &state.initiatives.initiatives[&id];
    let tallies = i.tallies();
    assert_eq!(i.batches.len(), 2);
    assert_eq!(tallies[&comity_core::Iso3::parse("ITA").unwrap()].online, 1);
    assert_eq!(tallies[&comity_core::Iso3::parse("DEU").unwrap()].online, 1);
    // The journal: counts and the rows' hash; the side table: keys; neither holds the name.
    let journal: String = inst
        .store()
        .entries(0, 100_000)
        .await
        .unwrap()
        .iter()
        .map(|e| e.to_json_line())
        .collect();
    assert!(!journal.contains("Durand") && !journal.contains("Müller"));
    assert!(!journal.contains("12345") && !journal.contains("10117"));
    let rows = inst.store().signature_batch(id, 2).await.unwrap();
    assert_eq!(
        comity_store::side::rows_sha256(&rows),
        i.batches[1].rows_sha256
    );
    drop(state);
    // The page: the gauge, the map, the counts.
    let res = send(&app, "GET", "/initiatives/1", "", None, None, None).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body.contains("<meter id=\"gauge-total\""),
        "{}",
        res.body
    );
    assert!(res.body.contains("aria-labelledby=\"map-t map-d\""));
    let res = send(
        &app,
        "GET",
        "/initiatives/1/counts.csv",
        "",
        None,
        None,
        None,
    )
    .await;
    assert!(
        res.body
            .starts_with("state,name,minimum,online,paper,invalid,valid,counted,certified,meets\n")
    );
    assert!(res.body.contains("\nITA,Italy,"), "{}", res.body);
    let res = send(&app, "GET", "/api/v1/initiatives/1", "", None, None, None).await;
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["status"], "collecting");
    assert_eq!(doc["total"], 2);
    assert_eq!(doc["required_members"], 34, "{doc}");
}

/// Issue 17, signing under load: signatures arriving together are committed together (one
/// batch entry for the rows that wait while the previous batch is written), each request
/// still gets its own receipt naming the entry that holds its row, every entry's counts are
/// the receipts that name it, and two signatures with one ID number in flight at once give
/// one receipt and one refusal.
#[tokio::test]
async fn signatures_in_flight_together_are_committed_together() {
    let (app, inst) = TestApp::alliance().build().await;
    let id = collecting(&inst).await;
    let before = inst.state().await.head().seq;
    let uri = format!("/api/v1/initiatives/{id}/signatures");
    let sign = |body: String| {
        let (app, uri) = (app.clone(), uri.clone());
        async move { send(&app, "POST", &uri, "", None, None, Some(&body)).await }
    };
    let mut handles = Vec::new();
    for n in 0..60 {
        handles.push(sign(format!(
            r#"{{"name": "Signatory {n}", "nationality": "FRA", "birth_date": "1980-01-01"}}"#
        )));
    }
    for _ in 0..2 {
        handles.push(sign(
            r#"{"name": "Ana Rossi", "nationality": "ITA", "birth_date": "1980-01-01", "id_number": "AB999"}"#
                .to_owned(),
        ));
    }
    let mut by_entry: std::collections::BTreeMap<u64, u64> = Default::default();
    let (mut created, mut refused) = (0, 0);
    for res in futures_util::future::join_all(handles).await {
        match res.status {
            StatusCode::CREATED => {
                created += 1;
                let r: serde_json::Value = serde_json::from_str(&res.body).unwrap();
                *by_entry.entry(r["entry"].as_u64().unwrap()).or_default() += 1;
            }
            StatusCode::UNPROCESSABLE_ENTITY => {
                refused += 1;
                assert!(res.body.contains("id_number"), "{}", res.body);
            }
            other => panic!("{other}: {}", res.body),
        }
    }
    assert_eq!((created, refused), (61, 1));
    let state = inst.state().await;
    let i = &state.initiatives.initiatives[&id];
    let tallied: u64 = i.tallies().values().map(|t| t.online).sum();
    assert_eq!(tallied, 61);
    // Every entry written holds exactly the rows whose receipts name it.
    assert_eq!(state.head().seq - before, by_entry.len() as u64);
    for b in &i.batches {
        assert_eq!(
            b.counts.values().sum::<u64>(),
            by_entry[&b.seq],
            "entry {}",
            b.seq
        );
    }
    assert!(
        by_entry.len() < 61,
        "no two signatures shared a batch: {by_entry:?}"
    );
}

/// The officers' forms on an initiative's page: a paper batch (a bad line named, a good one
/// counted), the close (the collection may end early), then the seed's form; none of them
/// for a reader.
#[tokio::test]
async fn the_secretariat_records_paper_batches_through_the_page() {
    let (app, inst) = TestApp::alliance()
        .with_account(
            "sec",
            comity_core::auth::Role::Secretariat,
            "pw-sec-1234567",
        )
        .build()
        .await;
    let id = collecting(&inst).await;
    let page = send(
        &app,
        "GET",
        &format!("/initiatives/{id}"),
        "",
        None,
        None,
        None,
    )
    .await;
    assert!(
        !page.body.contains("name=\"act\""),
        "a reader is offered an act"
    );
    let cookie = crate::writes::sign_in(&app, "sec", "pw-sec-1234567").await;
    let page = send(
        &app,
        "GET",
        &format!("/initiatives/{id}"),
        &cookie,
        None,
        None,
        None,
    )
    .await;
    assert!(page.body.contains("value=\"paper\""), "{}", page.body);
    let csrf = crate::writes::hidden_csrf(&page.body);
    let post = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move {
            send(
                &app,
                "POST",
                &format!("/initiatives/{id}"),
                &cookie,
                Some(&form),
                None,
                None,
            )
            .await
        }
    };
    let res = post(format!(
        "csrf={csrf}&act=paper&counts=DEU%2C1200%0AFRA%2Cmany&sheets=130&source=Organisers"
    ))
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("line 2, field signatures"),
        "{}",
        res.body
    );
    let res = post(format!(
        "csrf={csrf}&act=paper&counts=DEU%2C1200%0AFRA%2C800&sheets=200&source=Organisers"
    ))
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let total: u64 = inst.state().await.initiatives.initiatives[&id]
        .tallies()
        .values()
        .map(|t| t.paper)
        .sum();
    assert_eq!(total, 2_000);
    let res = post(format!("csrf={csrf}&act=close")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = send(
        &app,
        "GET",
        &format!("/initiatives/{id}"),
        &cookie,
        None,
        None,
        None,
    )
    .await;
    assert!(page.body.contains("value=\"seed\""), "{}", page.body);
    let res = post(format!("csrf={csrf}&act=seed&seed=short")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("16 to 128"), "{}", res.body);
}
