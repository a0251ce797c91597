//! Pledges over HTTP on the fixture alliance: a delegate makes a pledge through the API and
//! reports on it in its own lane, civil society files a shadow report through the form, the
//! secretariat reviews; the government filing a shadow report is refused with its reason;
//! the disagreement shows as disputed on the pages and the API; the pages (list with its
//! matrix and coverage, the pledge with its burn-up chart, the member's page and the
//! council's alerts) and the feed show it; a file is imported through the upload form, with
//! a bad file named by file, place and field and nothing recorded.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::Timestamp;
use comity_core::auth::Role;
use comity_store::Institution;
use tower::ServiceExt;

use crate::caucus_agenda::multipart;
use crate::fixture::TestApp;
use crate::writes::{Res, hidden_csrf, send, sign_in};

const PASSWORD: &str = "a long password 1";
const PASSWORD_FORM: &str = "a+long+password+1";

async fn token(inst: &Institution, user: &str) -> String {
    inst.store()
        .create_api_token(user, "t", Timestamp::parse("2026-01-01T00:00:00Z").unwrap())
        .await
        .unwrap()
}

async fn get(app: &Router, uri: &str) -> Res {
    send(app, "GET", uri, "", None, None, None).await
}

async fn post_json(app: &Router, uri: &str, bearer: &str, json: &str) -> Res {
    send(app, "POST", uri, "", None, Some(bearer), Some(json)).await
}

fn json(res: &Res) -> serde_json::Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

async fn setup() -> (Router, Arc<Institution>) {
    TestApp::alliance()
        .with_account("sec", Role::Secretariat, PASSWORD)
        .with_account(
            "dnk",
            Role::StateDelegate(comity_core::Iso3::parse("DNK").unwrap()),
            PASSWORD,
        )
        .with_account("ngo", Role::CivilSociety, PASSWORD)
        .build()
        .await
}

const PLEDGE: &str = r#"{"id": "DNK-1", "by": "DNK", "title": "Halve the backlog of access-to-information appeals",
  "due": "2026-12-31", "theme": "anti_corruption",
  "assessment": {"specificity": "high", "relevance": ["access_to_information"], "potential_impact": "moderate"},
  "milestones": [{"id": "chamber", "title": "Appeals chamber staffed", "due": "2025-06-30"}],
  "indicators": [{"id": "backlog", "unit": "appeals", "direction": "down", "kind": "level",
    "baseline": {"value": 40, "date": "2024-01-01"}, "target": {"value": 10, "date": "2026-01-01"}}]}"#;

#[tokio::test]
async fn a_pledge_is_made_reported_in_three_lanes_and_disputed() {
    let (app, inst) = setup().await;
    let dnk = token(&inst, "dnk").await;
    let sec = token(&inst, "sec").await;
    let ngo = token(&inst, "ngo").await;

    // The delegate makes Denmark's pledge; the same id twice is refused.
    let res = post_json(&app, "/api/v1/pledges", &dnk, PLEDGE).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = post_json(&app, "/api/v1/pledges", &dnk, PLEDGE).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    // A delegate of Denmark cannot pledge for France.
    let fra = PLEDGE.replace("\"DNK-1\", \"by\": \"DNK\"", "\"FRA-1\", \"by\": \"FRA\"");
    let res = post_json(&app, "/api/v1/pledges", &dnk, &fra).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);

    // Its own lane: half way from 40 to 10 at 25.
    let report = |source: &str, date: &str, value: u32| {
        serde_json::json!({"indicator": "backlog", "source": source, "date": date, "value": value})
            .to_string()
    };
    let res = post_json(
        &app,
        "/api/v1/pledges/DNK-1/reports",
        &dnk,
        &report("self", "2025-01-01", 25),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    // A government filing a shadow report is refused, with the reason.
    let res = post_json(
        &app,
        "/api/v1/pledges/DNK-1/reports",
        &dnk,
        &report("shadow", "2025-01-01", 25),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("pledge-wrong-lane"), "{}", res.body);
    // A date before the baseline, and an unknown indicator, are refused by field.
    let res = post_json(
        &app,
        "/api/v1/pledges/DNK-1/reports",
        &dnk,
        &report("self", "2023-12-31", 25),
    )
    .await;
    assert!(res.body.contains("pledge-before-baseline"), "{}", res.body);
    let bad = r#"{"indicator": "nope", "source": "self", "date": "2025-01-01", "value": 3}"#;
    let res = post_json(&app, "/api/v1/pledges/DNK-1/reports", &dnk, bad).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(res.body.contains("has no indicator"), "{}", res.body);
    let res = post_json(&app, "/api/v1/pledges/NOPE/reports", &dnk, bad).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
    let before = inst.state().await.pledges.pledges["DNK-1"].reports.len();
    assert_eq!(before, 1);

    // The ratings: complete by the government, limited by civil society.
    let rate = |source: &str, level: &str| {
        serde_json::json!({"source": source, "date": "2025-06-01", "level": level}).to_string()
    };
    let res = post_json(
        &app,
        "/api/v1/pledges/DNK-1/ratings",
        &dnk,
        &rate("self", "complete"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = post_json(
        &app,
        "/api/v1/pledges/DNK-1/ratings",
        &ngo,
        &rate("shadow", "limited"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let doc = json(&get(&app, "/api/v1/pledges?at=2025-08-01").await);
    let p = &doc["pledges"]["DNK-1"];
    assert_eq!(p["status"], "disputed", "{p}");
    assert_eq!(p["progress"], 0.5);
    assert_eq!(p["sources"]["self"]["level"], "complete");
    assert_eq!(p["sources"]["shadow"]["level"], "limited");
    assert_eq!(p["sources"]["independent"], serde_json::Value::Null);
    assert_eq!(p["starred"], false);
    // The milestone was due on 2025-06-30 and nobody rated it complete.
    assert_eq!(p["alerts"][0]["kind"], "overdue_milestone", "{p}");

    // The review agrees with the government: still disputed (civil society disagrees), and
    // starred by the review's rating.
    let res = post_json(
        &app,
        "/api/v1/pledges/DNK-1/ratings",
        &sec,
        &rate("independent", "complete"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let p = json(&get(&app, "/api/v1/pledges/DNK-1").await);
    assert_eq!(p["status"], "disputed");
    assert_eq!(p["starred"], true);
    assert_eq!(p["ratings"].as_array().unwrap().len(), 3);

    // The pages: the list, the pledge with its chart and every source, the member's page,
    // the council's alerts, in English and French; the feed.
    let list = get(&app, "/pledges").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body.contains("href=\"/pledges/DNK-1\"") && list.body.contains("disputed"),
        "{}",
        list.body
    );
    assert!(
        list.body.contains("<svg") && list.body.contains("no pledge"),
        "matrix and coverage"
    );
    let page = get(&app, "/pledges/DNK-1").await;
    for want in [
        "self-assessment",
        "shadow report",
        "independent review",
        "Burn-up",
        "<polyline",
        "overdue",
    ] {
        assert!(page.body.contains(want), "{want}: {}", page.body);
    }
    let member = get(&app, "/members/DNK").await;
    assert!(
        member.body.contains("href=\"/pledges/DNK-1\""),
        "{}",
        member.body
    );
    assert!(
        member.body.contains("milestone chamber"),
        "the alert on the member page"
    );
    let council = get(&app, "/organs/governing_council").await;
    assert!(
        council.body.contains("milestone chamber"),
        "the alert on the council's agenda"
    );
    let fr = send(&app, "GET", "/pledges/DNK-1?lang=fr", "", None, None, None).await;
    assert_eq!(fr.status, StatusCode::OK);
    let feed = get(&app, "/pledges/feed.atom").await;
    assert!(
        feed.ctype.starts_with("application/atom+xml"),
        "{}",
        feed.ctype
    );
    assert_eq!(feed.body.matches("<entry>").count(), 4, "{}", feed.body);
    let csv = get(&app, "/api/v1/pledges?format=csv").await;
    assert!(csv.body.starts_with("id,by,title"), "{}", csv.body);
    assert!(csv.body.contains("DNK-1,DNK,"), "{}", csv.body);

    // Civil society reports through the form, in its lane.
    let cookie = sign_in(&app, "ngo", PASSWORD_FORM).await;
    let page = send(&app, "GET", "/pledges/DNK-1", &cookie, None, None, None).await;
    assert!(
        page.body.contains("action=\"/pledges/DNK-1/reports\""),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("<option value=\"self\""),
        "civil society files no self-assessment"
    );
    let post_form = |form: &str| {
        let (app, cookie, form) = (app.clone(), cookie.clone(), form.to_owned());
        async move {
            send(
                &app,
                "POST",
                "/pledges/DNK-1/reports",
                &cookie,
                Some(&form),
                None,
                None,
            )
            .await
        }
    };
    let form = format!(
        "csrf={}&source=shadow&indicator=backlog&date=2025-02-01&value=34&note=counted",
        hidden_csrf(&page.body)
    );
    let res = post_form(&form).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = &inst.state().await.pledges.pledges["DNK-1"];
    let last = p.reports.last().unwrap();
    assert_eq!(
        (last.source.code(), last.role.to_string()),
        ("shadow", "civil_society".to_owned())
    );
    // A bad number comes back on its field.
    let form = format!(
        "csrf={}&source=shadow&indicator=backlog&date=2025-02-01&value=many",
        hidden_csrf(&page.body)
    );
    let res = post_form(&form).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"r-value\"") && res.body.contains("aria-invalid=\"true\""));
}

#[tokio::test]
async fn files_are_imported_whole_or_not_at_all() {
    let (app, inst) = setup().await;
    let sec = token(&inst, "sec").await;
    let file = format!(r#"{{"pledges": [{PLEDGE}]}}"#);
    // A report with a missing field is named by place and field; nothing is recorded.
    let bad = file.replace(
        r#""target": {"value": 10, "date": "2026-01-01"}}"#,
        r#""target": {"value": 10, "date": "2026-01-01"}, "reports": [{"source": "self", "value": 20}]}"#,
    );
    let res = send(
        &app,
        "POST",
        "/api/v1/pledges/import?file=p.json",
        "",
        None,
        Some(&sec),
        Some(&bad),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(
        res.body.contains("indicators[0].reports[0]") && res.body.contains("date"),
        "{}",
        res.body
    );
    assert!(inst.state().await.pledges.pledges.is_empty());

    // Through the upload form: the pledges file, then a CSV of reports with a bad row.
    let cookie = sign_in(&app, "sec", PASSWORD_FORM).await;
    let form = send(&app, "GET", "/pledges/import", &cookie, None, None, None).await;
    let upload = |name: &'static str, text: String| {
        let (kind, body) = multipart(&hidden_csrf(&form.body), &[("file", name, text.leak())]);
        Request::builder()
            .method("POST")
            .uri("/pledges/import")
            .header(header::COOKIE, &cookie)
            .header(header::CONTENT_TYPE, kind)
            .body(Body::from(body))
            .unwrap()
    };
    let res = app
        .clone()
        .oneshot(upload("p.json", file.clone()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body =
        String::from_utf8(to_bytes(res.into_body(), 1_000_000).await.unwrap().to_vec()).unwrap();
    assert!(body.contains("1 new pledges"), "{body}");
    let csv = "pledge,source,date,indicator,value\nDNK-1,self,2025-01-01,backlog,25\nDNK-1,self,,backlog,20\n";
    let res = app
        .clone()
        .oneshot(upload("r.csv", csv.to_owned()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body =
        String::from_utf8(to_bytes(res.into_body(), 1_000_000).await.unwrap().to_vec()).unwrap();
    assert!(body.contains("r.csv: line 3: date: missing"), "{body}");
    assert!(
        inst.state().await.pledges.pledges["DNK-1"]
            .reports
            .is_empty()
    );
    let good = "pledge,source,date,indicator,value\nDNK-1,self,2025-01-01,backlog,25\n";
    let res = app
        .clone()
        .oneshot(upload("r.csv", good.to_owned()))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let doc = json(&get(&app, "/api/v1/pledges").await);
    assert_eq!(doc["pledges"]["DNK-1"]["progress"], 0.5);
    assert_eq!(doc["pledges"]["DNK-1"]["status"], "on_track");
}
