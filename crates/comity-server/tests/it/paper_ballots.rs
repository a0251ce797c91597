//! Ballots cast on paper in the hall, counted by the tellers, recorded from their file (BLT
//! through the page's upload, JSON through the API): the register names who voted, the
//! ballots join the box unlinked from the states, and the count covers them.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::Timestamp;
use comity_core::auth::Role;
use tower::ServiceExt;

use crate::app_and_institution;
use crate::writes::{hidden_csrf, send, sign_in};

fn t() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

/// The paper-ballot form as a browser sends it.
async fn upload(
    app: &Router,
    cookie: &str,
    csrf: &str,
    states: &str,
    blt: &str,
) -> (StatusCode, String) {
    let b = "----comity-test-boundary";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"states\"\r\n\r\n{states}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tellers.blt\"\r\nContent-Type: text/plain\r\n\r\n{blt}\r\n--{b}--\r\n"
    );
    let req = Request::builder()
        .method("POST")
        .uri("/elections/1/paper")
        .header(header::COOKIE, cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={b}"),
        )
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let body = to_bytes(res.into_body(), 10_000_000).await.unwrap();
    (status, String::from_utf8(body.to_vec()).unwrap())
}

#[tokio::test]
async fn paper_ballots_by_upload_and_api_join_the_count() {
    let (app, inst) = app_and_institution().await;
    let store = inst.store();
    store
        .add_account(
            "sec",
            "Amina",
            "a long password 4",
            &[Role::Secretariat],
            t(),
        )
        .await
        .unwrap();
    let token = store.create_api_token("sec", "t", t()).await.unwrap();
    let open = r#"{"organ":"summit","title":"Chair","method":"irv","seats":1,"candidates":["Ana","Ben","Chloé"],"closes_at":"2099-01-01T00:00:00Z","seed":3}"#;
    let res = send(
        &app,
        "POST",
        "/api/v1/elections",
        "",
        None,
        Some(&token),
        Some(open),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let electorate = inst.state().await.elections[&1].electorate.clone();
    let codes = |r: std::ops::Range<usize>| {
        electorate[r]
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    // The page offers the form, with the states that have not voted as the register.
    let cookie = sign_in(&app, "sec", "a+long+password+4").await;
    let page = send(&app, "GET", "/elections/1", &cookie, None, None, None).await;
    assert!(page.body.contains("action=\"/elections/1/paper\""));
    assert!(page.body.contains(electorate[0].as_str()));
    let csrf = hidden_csrf(&page.body);
    let blt = "3 1\n4 1 2 0\n3 2 1 0\n2 3 2 0\n0\n\"Ana\"\n\"Ben\"\n\"Chloé\"\n\"Chair\"\n";
    // A stranger in the file, a register one short: refused, nothing recorded.
    let head = inst.state().await.head();
    let (status, body) = upload(
        &app,
        &cookie,
        &csrf,
        &codes(0..9).join(" "),
        &blt.replace("Chloé", "Zoë"),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("Zoë") && body.contains("tellers.blt"),
        "{body}"
    );
    let (status, body) = upload(&app, &cookie, &csrf, &codes(0..8).join(", "), blt).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("9 ballots"), "{body}");
    let (status, body) = upload(&app, &cookie, &csrf, "DNK XX", blt).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("&#34;XX&#34;"), "{body}");
    assert_eq!(inst.state().await.head(), head);
    assert!(
        store.ballot_box(1).await.unwrap().is_empty(),
        "the box is untouched"
    );
    // The tellers' file and the register of nine states.
    let (status, body) = upload(&app, &cookie, &csrf, &codes(0..9).join("\n"), blt).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert_eq!(inst.state().await.elections[&1].voted.len(), 9);
    let head = inst.state().await.head().seq;
    let last = store.entry(head).await.unwrap().unwrap();
    assert_eq!(last.kind, "paper_ballots_recorded");
    let payload = last.payload.to_string();
    assert!(
        payload.contains("tellers.blt (SHA-256 ") && !payload.contains("Ana"),
        "{payload}"
    );
    // Two more by the API, from the JSON ballot format; a bad code names the field.
    let json = r#"{"candidates":["Ana","Ben","Chloé"],"ballots":[[2,["Ben","Ana"]]]}"#;
    let body = |states: &[String]| {
        serde_json::json!({ "states": states, "file": json, "name": "room-b.json" }).to_string()
    };
    let res = send(
        &app,
        "POST",
        "/api/v1/elections/1/paper-ballots",
        "",
        None,
        Some(&token),
        Some(&body(&["XX1".into()])),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(res.body.contains("\"field\":\"states\""), "{}", res.body);
    let res = send(
        &app,
        "POST",
        "/api/v1/elections/1/paper-ballots",
        "",
        None,
        Some(&token),
        Some(&body(&codes(8..10))),
    )
    .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "voted already: {}",
        res.body
    );
    let res = send(
        &app,
        "POST",
        "/api/v1/elections/1/paper-ballots",
        "",
        None,
        Some(&token),
        Some(&body(&codes(9..11))),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    // The count: Ana 4, Ben 3 + 2, Chloé 2 → Chloé out, her ballots to Ben: Ben 7 of 11.
    let who = comity_core::Principal::new(
        comity_core::Actor::parse("sec").unwrap(),
        vec![Role::Secretariat],
    );
    inst.close_election(
        &who.actor,
        Some(&who),
        Timestamp::parse("2099-01-01T00:00:01Z").unwrap(),
        1,
    )
    .await
    .unwrap();
    let result = inst.state().await.elections[&1].result.clone().unwrap();
    assert_eq!(result.ballots.iter().map(|(_, c)| c).sum::<u64>(), 11);
    assert_eq!(result.elected, vec!["Ben".to_string()]);
    for lang in ["en", "fr", "ar"] {
        let journal = send(
            &app,
            "GET",
            &format!("/journal?lang={lang}"),
            "",
            None,
            None,
            None,
        )
        .await;
        assert!(journal.body.contains("room-b.json"), "{lang}");
        assert!(!journal.body.contains(">ev-"), "{lang}");
    }
}
