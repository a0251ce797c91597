//! The UN caucus over HTTP on the fixture alliance: the page (heat-map, tables, chart) in
//! every language, its filters, a bad filter named; the API's figures (the USA–Israel
//! agreement pandas gives) and refusals.

use axum::http::StatusCode;

use crate::fixture::TestApp;
use crate::get;

#[tokio::test]
async fn the_caucus_page_draws_the_members_record() {
    let (app, inst) = TestApp::alliance().build().await;
    let members = inst.state().await.members.len();
    for lang in ["en", "fr", "ar"] {
        let (status, _, body) = get(&app, "/caucus", Some(lang)).await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        assert!(body.contains("<svg role=\"img\" aria-labelledby=\"heat-title heat-desc\""));
        assert!(body.contains("aria-labelledby=\"coh-title coh-desc\""));
        assert!(
            body.contains("href=\"/members/DNK\""),
            "Denmark is a member"
        );
    }
    let (_, _, body) = get(&app, "/caucus", Some("en")).await;
    // A square per ordered pair of the members with votes, and a row in the table for each.
    let rows = body.matches("<tr><td><a href=\"/members/").count();
    assert!(
        rows > members / 2 && rows <= members,
        "{rows} of {members} members"
    );
    let squares: usize = body
        .split("<path d=\"")
        .skip(1)
        .map(|p| p.split('"').next().unwrap_or("").matches('M').count())
        .sum();
    assert_eq!(squares, rows * rows);
    assert!(body.len() < 1_000_000, "{} bytes", body.len());
    assert!(body.contains("Agreement between the members"));
    // 193 seats; two thirds of 193 voting is 129.
    assert!(
        body.contains("of the 193 seats") && body.contains("needs 129 votes"),
        "weight"
    );
    let (status, _, body) = get(&app, "/caucus?from=2010&to=2019&issue=hr", Some("en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<option value=\"hr\" selected>"));
    assert!(body.contains("href=\"/api/v1/caucus/cohesion?format=csv&"));
    let link = body
        .split("href=\"/api/v1/caucus/agreement?")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    assert!(
        link.starts_with("from=2010&") && link.ends_with("issue=hr"),
        "{link}"
    );
    assert!(body.contains("<td>74</td>") && !body.contains("<td>60</td>"));
    let (_, _, body) = get(&app, "/members/DNK", Some("en")).await;
    assert!(
        body.contains("In the UN General Assembly"),
        "the member page sums its record"
    );
    assert!(body.contains("It voted as the other members of the alliance in 0."));
    let (status, _, body) = get(&app, "/caucus?issue=zz", Some("en")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("role=\"alert\">issue:"), "{body}");
}

#[tokio::test]
async fn the_api_gives_the_cli_figures() {
    let (app, _) = TestApp::alliance().build().await;
    let (status, _, body) = get(&app, "/api/v1/caucus/agreement?states=USA,ISR", None).await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["matrix"]["USA"]["ISR"]["roll_calls"], 5657);
    assert_eq!(
        v["matrix"]["USA"]["ISR"]["agreement"].as_f64(),
        Some(0.67527)
    );
    let (status, _, body) = get(
        &app,
        "/api/v1/caucus/cohesion?states=USA,FRA,GBR&from=2019",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let sessions: Vec<&String> = v["by_session"].as_object().unwrap().keys().collect();
    assert_eq!(sessions, vec!["74"]);
    let (_, _, body) = get(&app, "/api/v1/caucus/agreement?states=USA,usa,ISR", None).await;
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        v["matrix"].as_object().unwrap().len(),
        2,
        "a state named twice counts once"
    );
    let (status, _, body) = get(&app, "/api/v1/caucus/agreement?states=USA,XYZ", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"field\":\"states\""), "{body}");
    let (status, _, body) = get(
        &app,
        "/api/v1/caucus/agreement?states=USA,ISR&format=csv",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.starts_with("state,other,agreement,roll_calls\n"));
    assert!(body.contains("\nUSA,ISR,0.675270,5657\n"), "{body}");
    let (_, _, body) = get(
        &app,
        "/api/v1/caucus/cohesion?states=USA,FRA,GBR&from=2019&format=csv",
        None,
    )
    .await;
    assert!(body.starts_with("session,cohesion\n74,0."), "{body}");
    let (status, _, _) = get(&app, "/api/v1/caucus/agreement?format=xml", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&app, "/api/v1/caucus/cohesion?from=2000&to=1990", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
