//! Joint smart sanctions over HTTP on the fixture alliance: the secretariat proposes listings
//! through the API (grounds outside the charter's criteria refused with the reason), the
//! Council decides them by its rule, Denmark's delegate records its national act (and may not
//! record France's); the pages (cases, a case, the consistency check, the implementation
//! matrix with its chart, screening one name and a CSV batch with its progress page) and the
//! API (screening against the consolidated list or a FollowTheMoney list in the body, the
//! export, a release) show it.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use comity_core::auth::Role;
use comity_core::motion;
use comity_core::{Actor, Command, Iso3, Timestamp, base, network};
use comity_store::Institution;
use comity_voting::rules::Vote;
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
            Role::StateDelegate(Iso3::parse("DNK").unwrap()),
            PASSWORD,
        )
        .build()
        .await
}

fn proposal(name: &str, grounds: &str, grade: &str) -> String {
    format!(
        r#"{{"schema": "Person", "name": "{name}", "aliases": ["Александр Бастрыкин"],
        "birth_dates": ["1953-08-27"], "nationalities": ["ru"],
        "identifiers": [{{"kind": "passport", "value": "100000001"}}],
        "grounds": {grounds}, "grade": "{grade}",
        "sources": [{{"title": "Council Implementing Regulation (EU) 2021/371", "url": "https://eur-lex.europa.eu/eli/reg_impl/2021/371/oj", "date": "2021-03-02"}}],
        "reasons": "Responsible for the arbitrary prosecution of an opposition leader.",
        "sponsor": "governing_council"}}"#
    )
}

/// The Council's seats, the Civil Society Network's opinion, and every seat voting `vote` on
/// motion `m`.
async fn decide(inst: &Institution, m: u64, vote: Vote) {
    let now = Timestamp::parse("2026-12-01T09:00:00Z").unwrap();
    let sec = Actor::parse("secretariat").unwrap();
    let exec = async |who: &Actor, cmd: Command| {
        inst.execute(who, now, &cmd).await.unwrap();
    };
    let members: Vec<Iso3> = {
        let state = inst.state().await;
        let mut m: Vec<Iso3> = state.members.keys().cloned().collect();
        m.retain(|k| k.as_str() != "DNK");
        m.truncate(24);
        m.push(Iso3::parse("DNK").unwrap());
        m
    };
    exec(
        &sec,
        Command::Base(base::Command::AssignSeats {
            organ: "governing_council".into(),
            states: members.clone(),
        }),
    )
    .await;
    exec(
        &Actor::parse("ngo").unwrap(),
        Command::Network(network::Command::GiveOpinion {
            motion: m,
            organ: "civil_society_network".into(),
            position: network::Position::Favourable,
            text: "Value-based grounds, official evidence.".into(),
        }),
    )
    .await;
    exec(
        &sec,
        Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .await;
    exec(
        &sec,
        Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: Timestamp::parse("2026-12-02T09:00:00Z").unwrap(),
            order: None,
        }),
    )
    .await;
    for s in members {
        exec(
            &Actor::parse(&format!("delegate:{s}")).unwrap(),
            Command::Motion(motion::Command::CastVote {
                motion: m,
                state: s,
                vote,
            }),
        )
        .await;
    }
    exec(
        &sec,
        Command::Motion(motion::Command::CloseVote {
            motion: m,
            casting_vote: None,
        }),
    )
    .await;
}

#[tokio::test]
async fn listings_are_proposed_decided_implemented_screened_and_exported() {
    let (app, inst) = setup().await;
    let sec = token(&inst, "sec").await;
    let dnk = token(&inst, "dnk").await;

    // Grounds outside the charter's criteria, or none, are refused with the reason.
    let res = post_json(
        &app,
        "/api/v1/sanctions",
        &sec,
        &proposal("A", r#"["NATIONAL_INTEREST"]"#, "A"),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("sanctions-unknown-ground"),
        "{}",
        res.body
    );
    assert!(res.body.contains("value-based"), "{}", res.body);
    let res = post_json(&app, "/api/v1/sanctions", &sec, &proposal("A", "[]", "A")).await;
    assert!(res.body.contains("sanctions-no-grounds"), "{}", res.body);
    let res = post_json(
        &app,
        "/api/v1/sanctions",
        &sec,
        &proposal("A", r#"["C1"]"#, "Z"),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(res.body.contains("grade"), "{}", res.body);
    // A delegate cannot table in the Council's name.
    let res = post_json(
        &app,
        "/api/v1/sanctions",
        &dnk,
        &proposal("A", r#"["C1"]"#, "A"),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    assert!(inst.state().await.sanctions.cases.is_empty());

    // Two proposals on the same grounds and grade: one listed, one rejected.
    let res = post_json(
        &app,
        "/api/v1/sanctions",
        &sec,
        &proposal("Alexander Bastrykin", r#"["C1"]"#, "A"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(json(&res)["case"], 1);
    let m1 = inst.state().await.sanctions.cases[&1].motion;
    decide(&inst, m1, Vote::Yes).await;
    let res = post_json(
        &app,
        "/api/v1/sanctions",
        &sec,
        &proposal("Igor Krasnov", r#"["C1"]"#, "A"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let m2 = inst.state().await.sanctions.cases[&2].motion;
    decide(&inst, m2, Vote::No).await;
    let doc = json(&get(&app, "/api/v1/sanctions/1").await);
    assert_eq!(doc["status"], "listed");
    assert_eq!(doc["identifiers"][0]["kind"], "passport");
    let pairs = json(&get(&app, "/api/v1/sanctions/consistency").await);
    assert_eq!(pairs.as_array().unwrap().len(), 1);
    assert_eq!(pairs[0]["rejected"]["case"], 2);
    assert!(pairs[0]["justification"].is_null());

    // Denmark records its own national act, not France's.
    let act = |state: &str| {
        format!(
            r#"{{"state": "{state}", "status": "adopted", "day": "2026-12-10", "text": "Order 2026/7"}}"#
        )
    };
    let res = post_json(
        &app,
        "/api/v1/sanctions/1/implementations",
        &dnk,
        &act("FRA"),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    let res = post_json(
        &app,
        "/api/v1/sanctions/1/implementations",
        &dnk,
        &act("DNK"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let res = post_json(
        &app,
        "/api/v1/sanctions/2/implementations",
        &dnk,
        &act("DNK"),
    )
    .await;
    assert!(res.body.contains("sanctions-not-in-force"), "{}", res.body);
    let doc = json(&get(&app, "/api/v1/sanctions/1").await);
    let dk = doc["national"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["state"] == "DNK")
        .unwrap()
        .clone();
    assert_eq!(dk["status"], "adopted");
    assert!(dk["lag_days"].as_i64().unwrap() >= 0, "{dk}");

    // The pages.
    for (uri, needle) in [
        ("/sanctions", "Alexander Bastrykin"),
        ("/sanctions/1", "Order 2026/7"),
        ("/sanctions/consistency", "Igor Krasnov"),
        ("/sanctions/implementation", "<svg"),
        (
            "/sanctions/screen?name=%D0%91%D0%B0%D1%81%D1%82%D1%80%D1%8B%D0%BA%D0%B8%D0%BD",
            "Alexander Bastrykin",
        ),
        ("/sanctions?lang=fr", "Bastrykin"),
        ("/sanctions/consistency?lang=ar", "Krasnov"),
    ] {
        let res = get(&app, uri).await;
        assert_eq!(res.status, StatusCode::OK, "{uri}");
        assert!(res.body.contains(needle), "{uri}: {needle}");
    }
    // In French and Arabic, no message id and none of the English titles.
    for lang in ["fr", "ar"] {
        for page in [
            "/sanctions",
            "/sanctions/1",
            "/sanctions/2",
            "/sanctions/consistency",
            "/sanctions/implementation",
            "/sanctions/screen?name=Bastrykin",
        ] {
            let sep = if page.contains('?') { '&' } else { '?' };
            let res = get(&app, &format!("{page}{sep}lang={lang}")).await;
            assert_eq!(res.status, StatusCode::OK, "{page} in {lang}");
            for english in [
                "sanctions-",
                "Joint smart sanctions",
                "The consistency check",
                "Implementation by the members",
                "Screening",
                "Statement of reasons",
                "Evidence grade",
                "Review due",
                "possible match",
            ] {
                assert!(!res.body.contains(english), "{page} in {lang}: {english}");
            }
        }
    }
    let res = get(
        &app,
        "/sanctions/screen?name=Somebody&birth_date=27.08.1953",
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("birth_date"), "{}", res.body);

    // Screening over the API: the consolidated list, then a FollowTheMoney list in the body
    // with a bad line named.
    let res = post_json(
        &app,
        "/api/v1/sanctions/screen",
        "",
        r#"{"queries": [{"id": "a", "name": "Бастрыкин Александр", "birth_date": "1960"}, {"id": "b"}]}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let doc = json(&res);
    let hit = &doc["results"][0]["hits"][0];
    assert_eq!(hit["entity"], "aod-case-1");
    assert_eq!(hit["explanation"]["qualifiers"][0]["feature"], "birth_date");
    assert!(
        doc["results"][1]["error"]
            .as_str()
            .unwrap()
            .contains("name")
    );
    let list = r#"{"id":"x","schema":"Vessel","properties":{"name":["Mi Rim 2"],"imoNumber":["IMO9321483"]}}
{"id":"y","schema":"Person","properties":{"name":["N"],"imoNumber":["1"]}}"#;
    let body =
        serde_json::json!({"queries": [{"name": "Mi Rim 2", "schema": "Vessel"}], "list": list});
    let res = post_json(&app, "/api/v1/sanctions/screen", "", &body.to_string()).await;
    let doc = json(&res);
    assert_eq!(doc["listed"], 1);
    assert_eq!(doc["results"][0]["hits"][0]["entity"], "x");
    assert!(
        doc["list_errors"][0]
            .as_str()
            .unwrap()
            .contains("line 2, field properties.imoNumber"),
        "{doc}"
    );

    // The export reads as FollowTheMoney; a release records its hashes.
    let res = get(&app, "/api/v1/sanctions/export").await;
    let lines: Vec<_> = res
        .body
        .lines()
        .map(|l| comity_matching::ftm::read_line(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1].values("authority").len(), 1);
    let res = get(&app, "/api/v1/sanctions/export?format=csv").await;
    assert!(res.body.starts_with("id,schema,name"), "{}", res.body);
    let res = post_json(&app, "/api/v1/sanctions/releases", &dnk, "").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    let res = post_json(&app, "/api/v1/sanctions/releases", &sec, "").await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let rel = json(&get(&app, "/api/v1/sanctions/releases").await);
    assert_eq!(rel[0]["cases"], serde_json::json!([1]));
    assert_eq!(rel[0]["added"], serde_json::json!([1]));
    assert_eq!(rel[0]["removed"], serde_json::json!([]));
    let (ftm, _) = comity_server_files(&inst).await;
    assert_eq!(
        rel[0]["ftm_sha256"],
        comity_core::sanctions::export::sha256(ftm.as_bytes()).to_string()
    );

    // The forms: the secretariat justifies the difference; a batch is screened with its
    // progress page.
    let cookie = sign_in(&app, "sec", PASSWORD_FORM).await;
    let page = send(
        &app,
        "GET",
        "/sanctions/consistency",
        &cookie,
        None,
        None,
        None,
    )
    .await;
    let csrf = hidden_csrf(&page.body);
    let res = send(
        &app,
        "POST",
        "/sanctions/consistency",
        &cookie,
        Some(&format!(
            "csrf={csrf}&a=1&b=2&text=The+evidence+against+the+second+was+older."
        )),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(inst.state().await.sanctions.inconsistencies()[0].justified);
    // Screening needs no sign-in: a bank or a border officer uploads a batch.
    let (ctype, body) = multipart(
        "",
        &[("file", "q.csv", "id,name\n1,Alexander Bastrykin\n2,\n")],
    );
    let req = Request::builder()
        .method("POST")
        .uri("/sanctions/screen")
        .header(header::CONTENT_TYPE, ctype)
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let job = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let mut page = get(&app, &job).await;
    for _ in 0..100 {
        if !page.body.contains("<progress") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        page = get(&app, &job).await;
    }
    assert!(
        page.body.contains("2 names screened; 1 with hits"),
        "{}",
        page.body
    );
    assert!(page.body.contains("name: missing"), "{}", page.body);
}

async fn comity_server_files(inst: &Institution) -> (String, String) {
    comity_server::sanctions::view::files(&*inst.state().await)
}
