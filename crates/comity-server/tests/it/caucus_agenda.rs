//! The caucus at work over HTTP on the fixture alliance: the secretariat puts resolutions on
//! the agenda (API), a delegate proposes a common position (API) that the caucus adopts by
//! the charter's rule, the plenary votes are recorded by hand and from the Assembly's record,
//! compared with the position on the pages and the API; France explains its departure
//! through the form; the refusals the issue names (after the plenary, before it, a position
//! taken, a member that followed) come back with their reason; and a later session is
//! imported through the upload form (with its progress page) and the API, bad rows named,
//! after which the figures count it.
//!
//! Long because it is one story on one founded alliance, each step reading the last.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::auth::Role;
use comity_core::ids::Day;
use comity_core::{Actor, Command, Timestamp, motion};
use comity_store::Institution;
use comity_voting::rules::Vote;
use tower::ServiceExt;

use crate::fixture::TestApp;
use crate::writes::{Res, hidden_csrf, send, sign_in};

const PASSWORD: &str = "a long password 1";
const PASSWORD_FORM: &str = "a+long+password+1";

/// The server stamps its acts with the clock; the test's own acts follow it.
fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Timestamp::from_unix(i64::try_from(secs).unwrap())
}

/// Today shifted by `days`, as the API reads a date.
fn day(days: i64) -> String {
    let t = Timestamp::from_unix(now().unix() + days * 86_400);
    Day::of(t).unwrap().to_string()
}

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

async fn place(app: &Router, sec: &str, symbol: &str, plenary: &str, rcid: Option<u64>) -> u64 {
    let body = serde_json::json!({
        "session": 81, "symbol": symbol, "title": format!("Resolution {symbol}"),
        "issue": "hr", "plenary": plenary, "rcid": rcid,
    });
    let res = post_json(app, "/api/v1/caucus/agenda", sec, &body.to_string()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    json(&res)["item"].as_u64().unwrap()
}

/// The position's motion through debate and a vote where every seated state votes yes.
async fn adopt(inst: &Institution, m: u64) {
    let sec = Actor::parse("secretariat").unwrap();
    let run = |cmd: Command| {
        let sec = sec.clone();
        async move {
            inst.execute(&sec, now(), &cmd)
                .await
                .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
        }
    };
    run(Command::Motion(motion::Command::OpenDebate { motion: m })).await;
    run(Command::Motion(motion::Command::OpenVote {
        motion: m,
        closes_at: Timestamp::from_unix(now().unix() + 86_400),
        order: None,
    }))
    .await;
    let electorate = inst.state().await.motions[&m]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone();
    for state in electorate {
        run(Command::Motion(motion::Command::CastVote {
            motion: m,
            state,
            vote: Vote::Yes,
        }))
        .await;
    }
    run(Command::Motion(motion::Command::CloseVote {
        motion: m,
        casting_vote: None,
    }))
    .await;
}

async fn setup() -> (Router, Arc<Institution>) {
    TestApp::alliance()
        .with_account("sec", Role::Secretariat, PASSWORD)
        .with_account(
            "dnk",
            Role::StateDelegate(comity_core::Iso3::parse("DNK").unwrap()),
            PASSWORD,
        )
        .with_account(
            "fra",
            Role::StateDelegate(comity_core::Iso3::parse("FRA").unwrap()),
            PASSWORD,
        )
        .build()
        .await
}

#[tokio::test]
async fn positions_are_agreed_compared_with_the_plenary_and_explained() {
    let (app, inst) = setup().await;
    let sec = token(&inst, "sec").await;
    let dnk = token(&inst, "dnk").await;
    // The plenary votes today: a position is still open until the day ends.
    let item = place(&app, &sec, "A/81/L.5", &day(0), None).await;
    // Only the secretariat places resolutions.
    let body =
        serde_json::json!({"session": 81, "symbol": "A/81/L.6", "title": "T", "plenary": day(3)});
    let res = post_json(&app, "/api/v1/caucus/agenda", &dnk, &body.to_string()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);

    let res = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{item}/positions"),
        &dnk,
        r#"{"stance": "yes", "sponsor": "DNK"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let m = inst.state().await.caucus.agenda[&item].proposals[0].motion;
    assert_eq!(inst.state().await.motions[&m].organ, "un_caucus");
    // A second proposal while the first is being decided is refused with the motion named.
    let again = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{item}/positions"),
        &dnk,
        r#"{"stance": "no", "sponsor": "DNK"}"#,
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        again.body
    );
    assert!(
        again.body.contains("caucus-proposal-pending"),
        "{}",
        again.body
    );
    adopt(&inst, m).await;
    let doc = json(&get(&app, &format!("/api/v1/caucus/agenda/{item}")).await);
    assert_eq!(doc["position"], "yes");
    assert_eq!(doc["position_motion"], m);
    assert_eq!(doc["proposals"][0]["outcome"], "adopted");

    // After the plenary a position is refused; before it, votes cannot be recorded.
    let past = place(&app, &sec, "A/81/L.7", &day(-1), None).await;
    let res = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{past}/positions"),
        &dnk,
        r#"{"stance": "yes", "sponsor": "DNK"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("caucus-after-plenary") && res.body.contains("A/81/L.7"),
        "{}",
        res.body
    );
    let future = place(&app, &sec, "A/81/L.8", &day(5), None).await;
    let res = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{future}/votes"),
        &sec,
        r#"{"source": "hand", "votes": {"DNK": "yes"}}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("caucus-before-plenary"), "{}", res.body);

    // The plenary votes, by hand: Denmark followed, France departed, the rest were absent.
    let res = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{item}/votes"),
        &sec,
        r#"{"source": "hand", "votes": {"DNK": "yes", "FRA": "no"}}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let doc = json(&get(&app, &format!("/api/v1/caucus/agenda/{item}")).await);
    let vote_of = |code: &str| {
        doc["votes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["state"] == code)
            .cloned()
            .unwrap()
    };
    assert_eq!(vote_of("DNK")["compliance"], "followed");
    assert_eq!(vote_of("FRA")["compliance"], "departed");
    assert_eq!(vote_of("NOR")["compliance"], "absent");
    assert_eq!(doc["followed"], 1);
    assert_eq!(doc["departed"], 1);

    // France explains through the form; Denmark, which followed, has nothing to explain.
    let fra = sign_in(&app, "fra", PASSWORD_FORM).await;
    let page = send(
        &app,
        "GET",
        &format!("/caucus/agenda/{item}"),
        &fra,
        None,
        None,
        None,
    )
    .await;
    assert!(
        page.body
            .contains(&format!("action=\"/caucus/agenda/{item}/explanation\"")),
        "{}",
        page.body
    );
    let csrf = hidden_csrf(&page.body);
    let form = format!("csrf={csrf}&state=FRA&text=France+voted+against+because+of+paragraph+4.");
    let res = send(
        &app,
        "POST",
        &format!("/caucus/agenda/{item}/explanation"),
        &fra,
        Some(&form),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = get(&app, &format!("/caucus/agenda/{item}")).await;
    assert!(
        page.body
            .contains("France voted against because of paragraph 4.")
    );
    let res = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{item}/explanations"),
        &dnk,
        r#"{"state": "DNK", "text": "Why?"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("caucus-followed"), "{}", res.body);

    // The item's votes and the agenda as CSV.
    let csv = get(&app, &format!("/api/v1/caucus/agenda/{item}?format=csv")).await;
    assert!(
        csv.body.starts_with("state,vote,compliance,explanation\n"),
        "{}",
        csv.body
    );
    assert!(
        csv.body
            .contains("\nFRA,no,departed,France voted against because of paragraph 4.\n"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("\nDNK,yes,followed,\n"), "{}", csv.body);
    let csv = get(&app, "/api/v1/caucus/agenda?format=csv").await;
    assert!(
        csv.body
            .contains(&format!("\n{item},81,A/81/L.5,Resolution A/81/L.5,hr,")),
        "{}",
        csv.body
    );

    // Follow rates: JSON and CSV.
    let csv = get(&app, "/api/v1/caucus/follow?format=csv").await;
    assert!(
        csv.body
            .starts_with("state,followed,departed,absent,rate\n"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("\nDNK,1,0,0,1.000000\n"), "{}", csv.body);
    assert!(csv.body.contains("\nFRA,0,1,0,0.000000\n"), "{}", csv.body);
    assert!(csv.body.contains("\nNOR,0,0,1,\n"), "{}", csv.body);

    // The members' weight in the Assembly.
    let w = json(&get(&app, "/api/v1/caucus/weight").await);
    assert_eq!(w["seats"], 193);
    assert_eq!(w["two_thirds"], 129);
    let held = comity_core::caucus::un_members(&*inst.state().await).len() as u64;
    assert_eq!(w["held"], held);
    assert_eq!(w["short"], 129u64.saturating_sub(held));

    // Votes from the Assembly's record: roll call 9131 (A/RES/74/167), Denmark voted yes,
    // and every member is listed as the record has it.
    let real = place(&app, &sec, "A/RES/74/167", &day(0), Some(9131)).await;
    let res = post_json(
        &app,
        &format!("/api/v1/caucus/agenda/{real}/votes"),
        &sec,
        r#"{"source": "record"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let votes = inst.state().await.caucus.agenda[&real].votes.clone();
    assert_eq!(
        votes[&comity_core::Iso3::parse("DNK").unwrap()],
        comity_core::caucus::UnVote::Yes
    );
    assert_eq!(
        votes.len(),
        comity_core::caucus::un_members(&*inst.state().await).len()
    );

    // Every page in every language, with the caucus's words, and the organ's page.
    for lang in ["en", "fr", "ar"] {
        for path in [
            "/caucus/agenda",
            &format!("/caucus/agenda/{item}"),
            "/organs/un_caucus",
        ] {
            let res = send(
                &app,
                "GET",
                &format!("{path}?lang={lang}"),
                "",
                None,
                None,
                None,
            )
            .await;
            assert_eq!(res.status, StatusCode::OK, "{path} {lang}");
            assert!(
                !res.body.contains(">caucus-") && !res.body.contains(">ev-"),
                "{path} {lang}"
            );
        }
    }
    let organ = get(&app, "/organs/un_caucus").await;
    assert!(
        organ
            .body
            .contains(&format!("href=\"/caucus/agenda/{item}\""))
    );
    let journal = get(&app, "/journal").await;
    assert!(
        journal
            .body
            .contains("France explained its vote on A/81/L.5"),
        "the journal says it"
    );
}

/// A later session as the shipped files have it: two new roll calls, their issues, votes.
const ROLL_CALLS: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr\n\
    100001,81,0,2026-10-07,R/81/1,0,0,\"TEST, ONE\",\"A \"\"quoted\"\" text\"\n\
    100002,81,,2026-11-07,R/81/2,0,0,T2,D2\n";
const ISSUES: &str = "rcid,short_name,issue\n100001,hr,Human rights\n";
const VOTES: &str = "rcid,iso3,iso2,country,vote\n100001,USA,US,United States,yes\n\
    100001,FRA,FR,France,yes\n100002,USA,US,United States,no\n100002,FRA,FR,France,abstain\n";

pub(crate) fn multipart(csrf: &str, files: &[(&str, &str, &str)]) -> (String, String) {
    let b = "----comity-test-boundary";
    let mut body =
        format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n");
    for (field, name, text) in files {
        body.push_str(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: text/csv\r\n\r\n{text}\r\n"
        ));
    }
    body.push_str(&format!("--{b}--\r\n"));
    (format!("multipart/form-data; boundary={b}"), body)
}

#[tokio::test]
async fn a_later_session_is_imported_checked_and_counted() {
    let (app, inst) = setup().await;
    let sec = token(&inst, "sec").await;
    let agreement = |app: Router| async move {
        json(&get(&app, "/api/v1/caucus/agreement?states=USA,FRA&from=2026").await)["matrix"]["USA"]
            ["FRA"]["roll_calls"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(agreement(app.clone()).await, 0);

    // A bad row is named by file, line and field, and nothing is recorded.
    let bad = serde_json::json!({"file": "s81.csv", "votes": "rcid,iso3,vote\n100001,USA,maybe\n", "roll_calls": ROLL_CALLS});
    let res = post_json(&app, "/api/v1/caucus/imports", &sec, &bad.to_string()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("s81.csv:2: vote"), "{}", res.body);
    assert!(inst.state().await.caucus.imports.is_empty());

    // Through the upload form: a job whose page shows the progress, then the outcome.
    let cookie = sign_in(&app, "sec", PASSWORD_FORM).await;
    let form = send(&app, "GET", "/caucus/import", &cookie, None, None, None).await;
    assert!(
        form.body.contains("enctype=\"multipart/form-data\""),
        "{}",
        form.body
    );
    let (kind, body) = multipart(
        &hidden_csrf(&form.body),
        &[
            ("votes", "s81.csv", VOTES),
            ("roll_calls", "rc81.csv", ROLL_CALLS),
            ("issues", "i81.csv", ISSUES),
        ],
    );
    let req = Request::builder()
        .method("POST")
        .uri("/caucus/import")
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let job = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    let _ = to_bytes(res.into_body(), 1_000_000).await;
    let mut done = String::new();
    for _ in 0..400 {
        let page = send(&app, "GET", &job, &cookie, None, None, None).await;
        assert_eq!(page.status, StatusCode::OK);
        if !page.body.contains("<progress") {
            done = page.body;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(done.contains("Import 1 is recorded: 4 votes."), "{done}");
    let imports = json(&get(&app, "/api/v1/caucus/imports").await);
    assert_eq!(imports[0]["roll_calls"], 2);
    assert_eq!(imports[0]["sessions"], serde_json::json!([81, 81]));
    // The figures count the new session.
    assert_eq!(agreement(app.clone()).await, 2);
    let cohesion = json(&get(&app, "/api/v1/caucus/cohesion?states=USA,FRA&from=2026").await);
    // 100001: both yes (1); 100002: no and abstain ((1 − ½·1) / 2 = 0.25); mean 0.625.
    assert_eq!(cohesion["by_session"]["81"], 0.625);

    // The same votes again are refused by line (the record holds them now); more votes in
    // the new roll calls through the API are added.
    let again = serde_json::json!({"file": "again.csv", "votes": "rcid,iso3,vote\n100002,GBR,yes\n100001,USA,no\n"});
    let res = post_json(&app, "/api/v1/caucus/imports", &sec, &again.to_string()).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("again.csv:3: iso3: USA has a vote in roll call 100001 already"),
        "{}",
        res.body
    );
    let more = serde_json::json!({"file": "more.csv", "votes": "rcid,iso3,vote\n100002,GBR,yes\n"});
    let res = post_json(&app, "/api/v1/caucus/imports", &sec, &more.to_string()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(json(&res)["import"], 2);
    assert_eq!(
        inst.store()
            .check_unga_imports(&inst.state().await.caucus.imports)
            .await
            .unwrap()
            .len(),
        2
    );
    let page = send(&app, "GET", "/caucus/import", &cookie, None, None, None).await;
    assert!(page.body.contains("more.csv") && page.body.contains("s81.csv"));
}
