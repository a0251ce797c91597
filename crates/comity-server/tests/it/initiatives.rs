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
