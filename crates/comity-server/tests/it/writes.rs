//! Signing in, CSRF, forms that come back with the field named, and the write API with tokens.
//!
//! Long because it goes through every form and write endpoint once, each with its refusal.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::Timestamp;
use comity_core::auth::Role;
use comity_core::{Command, election};
use tower::ServiceExt;

use crate::app_and_institution;

pub(crate) struct Res {
    pub status: StatusCode,
    pub cookies: Vec<String>,
    pub location: String,
    pub ctype: String,
    /// The `Refresh` header: set while a background job's page waits for it.
    pub refresh: String,
    pub body: String,
}

pub(crate) async fn send(
    app: &Router,
    method: &str,
    uri: &str,
    cookie: &str,
    form: Option<&str>,
    bearer: Option<&str>,
    json: Option<&str>,
) -> Res {
    let mut req = Request::builder().method(method).uri(uri);
    if !cookie.is_empty() {
        req = req.header(header::COOKIE, cookie);
    }
    if let Some(t) = bearer {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let body = if let Some(f) = form {
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        Body::from(f.to_owned())
    } else if let Some(j) = json {
        req = req.header(header::CONTENT_TYPE, "application/json");
        Body::from(j.to_owned())
    } else {
        Body::empty()
    };
    let res = app.clone().oneshot(req.body(body).unwrap()).await.unwrap();
    let status = res.status();
    let h = |n: header::HeaderName| {
        res.headers()
            .get(n)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let location = h(header::LOCATION);
    let ctype = h(header::CONTENT_TYPE);
    let refresh = h(header::REFRESH);
    let cookies = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect();
    let body = to_bytes(res.into_body(), 50_000_000).await.unwrap();
    Res {
        status,
        cookies,
        location,
        ctype,
        refresh,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

/// Follow a background job's page (a ratings or volunteers' import, a draw) until it is done:
/// while it runs, the page has a progress bar and asks to be reloaded.
pub(crate) async fn follow_job(app: &Router, cookie: &str, location: &str) -> Res {
    for _ in 0..600 {
        let res = send(app, "GET", location, cookie, None, None, None).await;
        if res.refresh.is_empty() {
            return res;
        }
        assert!(res.body.contains("<progress"), "{}", res.body);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the job at {location} did not finish in 30 s");
}

pub(crate) fn hidden_csrf(html: &str) -> String {
    let i = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    html[i..i + 64].to_owned()
}

fn t() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

/// Sign in through the form; returns the cookie header for later requests.
pub(crate) async fn sign_in(app: &Router, user: &str, password: &str) -> String {
    let page = send(app, "GET", "/login", "", None, None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    let pre = page
        .cookies
        .iter()
        .find(|c| c.starts_with("comity_csrf="))
        .unwrap()
        .clone();
    let csrf = hidden_csrf(&page.body);
    let res = send(
        app,
        "POST",
        "/login",
        &pre,
        Some(&format!("username={user}&password={password}&csrf={csrf}")),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let session = res
        .cookies
        .iter()
        .find(|c| c.starts_with("comity_session="))
        .unwrap()
        .clone();
    format!("{pre}; {session}")
}

#[tokio::test]
async fn sign_in_csrf_and_sign_out() {
    let (app, inst) = app_and_institution().await;
    inst.store()
        .add_account(
            "ida",
            "Ida Jensen",
            "a long password 1",
            &[Role::StateDelegate(
                comity_core::Iso3::parse("DNK").unwrap(),
            )],
            t(),
        )
        .await
        .unwrap();

    let page = send(&app, "GET", "/login", "", None, None, None).await;
    let pre = page
        .cookies
        .iter()
        .find(|c| c.starts_with("comity_csrf="))
        .unwrap()
        .clone();
    let csrf = hidden_csrf(&page.body);
    // A form without the matching token is refused, and the username is kept.
    let forged = send(
        &app,
        "POST",
        "/login",
        "",
        Some("username=ida&password=a+long+password+1&csrf=0000"),
        None,
        None,
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(forged.body.contains("value=\"ida\""), "input kept");
    assert!(
        forged
            .cookies
            .iter()
            .all(|c| !c.starts_with("comity_session="))
    );
    // A wrong password: 401, the same form, no session.
    let wrong = send(
        &app,
        "POST",
        "/login",
        &pre,
        Some(&format!("username=ida&password=nope-nope-nope&csrf={csrf}")),
        None,
        None,
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.body.contains("role=\"alert\"") && wrong.body.contains("value=\"ida\""));

    let cookie = sign_in(&app, "ida", "a+long+password+1").await;
    let account = send(&app, "GET", "/account", &cookie, None, None, None).await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("Delegate of Denmark"), "roles shown");
    assert!(
        account
            .body
            .contains("Vote for DNK in the Summit for Democracy"),
        "abilities from authorize"
    );
    // Personal pages are never cached for others.
    let anon = send(&app, "GET", "/account", "", None, None, None).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);
    assert_eq!(anon.location, "/login");

    // Sign out needs the session's CSRF token too.
    let csrf = hidden_csrf(&account.body);
    let bad = send(
        &app,
        "POST",
        "/logout",
        &cookie,
        Some("csrf=nope"),
        None,
        None,
    )
    .await;
    assert_eq!(bad.status, StatusCode::FORBIDDEN);
    let out = send(
        &app,
        "POST",
        "/logout",
        &cookie,
        Some(&format!("csrf={csrf}")),
        None,
        None,
    )
    .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let after = send(&app, "GET", "/account", &cookie, None, None, None).await;
    assert_eq!(after.status, StatusCode::SEE_OTHER, "the session is gone");
}

#[tokio::test]
async fn forms_come_back_with_the_field_named_and_the_input_kept() {
    let (app, inst) = app_and_institution().await;
    inst.store()
        .add_account(
            "ngo",
            "Priya",
            "a long password 2",
            &[Role::CivilSociety],
            t(),
        )
        .await
        .unwrap();
    inst.store()
        .add_account(
            "watcher",
            "Lea",
            "a long password 3",
            &[Role::Observer],
            t(),
        )
        .await
        .unwrap();
    let cookie = sign_in(&app, "ngo", "a+long+password+2").await;
    let form = send(&app, "GET", "/motions/new", &cookie, None, None, None).await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = hidden_csrf(&form.body);
    let head = inst.state().await.head();

    // No title: 422, the title field marked, the text kept.
    let res = send(&app, "POST", "/motions", &cookie, Some(&format!("csrf={csrf}&decision=smart_sanctions&sponsor=civil_society_network&title=&text=Annex+I+persons")), None, None).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("title: must not be empty"),
        "{}",
        res.body
    );
    assert!(res.body.contains(
        "id=\"title\" name=\"title\" maxlength=\"200\" size=\"60\" value=\"\" aria-invalid=\"true\""
    ));
    assert!(res.body.contains(">Annex I persons</textarea>"));
    // The network may not table a charter amendment: the sponsor field is named.
    let res = send(
        &app,
        "POST",
        "/motions",
        &cookie,
        Some(&format!(
            "csrf={csrf}&decision=charter_amendment&sponsor=civil_society_network&title=T&text=X"
        )),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("id=\"sponsor\" name=\"sponsor\" required aria-invalid=\"true\""),
        "{}",
        res.body
    );
    assert_eq!(inst.state().await.head(), head, "refusals record nothing");

    let ok = send(&app, "POST", "/motions", &cookie, Some(&format!("csrf={csrf}&decision=smart_sanctions&sponsor=civil_society_network&title=Listing&text=Annex+I")), None, None).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    assert_eq!(ok.location, "/motions/1");
    let page = send(&app, "GET", "/motions/1", "", None, None, None).await;
    assert!(page.body.contains("Listing") && page.body.contains("Civil Society Network"));
    let entry = inst
        .store()
        .entry(inst.state().await.head().seq)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.kind, "motion_tabled");
    assert_eq!(entry.actor.as_str(), "ngo");

    // An observer speaks for no seat.
    let cookie = sign_in(&app, "watcher", "a+long+password+3").await;
    let form = send(&app, "GET", "/motions/new", &cookie, None, None, None).await;
    let csrf = hidden_csrf(&form.body);
    let res = send(
        &app,
        "POST",
        "/motions",
        &cookie,
        Some(&format!(
            "csrf={csrf}&decision=resolution&sponsor=DNK&title=T&text=X"
        )),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("You do not speak for DNK"),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn the_write_api_needs_a_token_and_names_bad_fields() {
    let (app, inst) = app_and_institution().await;
    let store = inst.store();
    store
        .add_account(
            "ngo",
            "Priya",
            "a long password 2",
            &[Role::CivilSociety],
            t(),
        )
        .await
        .unwrap();
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
    store
        .add_account(
            "se",
            "Sven",
            "a long password 5",
            &[Role::StateDelegate(
                comity_core::Iso3::parse("SWE").unwrap(),
            )],
            t(),
        )
        .await
        .unwrap();
    let ngo = store.create_api_token("ngo", "test", t()).await.unwrap();
    let sec = store.create_api_token("sec", "test", t()).await.unwrap();
    let swe = store.create_api_token("se", "test", t()).await.unwrap();
    let body = r#"{"decision":"resolution","title":"On the assembly","text":"Convene it.","sponsor":"civil_society_network"}"#;

    let none = send(&app, "POST", "/api/v1/motions", "", None, None, Some(body)).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.ctype, "application/problem+json");

    let missing = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&ngo),
        Some(r#"{"decision":"resolution","text":"x","sponsor":"civil_society_network"}"#),
    )
    .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    let p: serde_json::Value = serde_json::from_str(&missing.body).unwrap();
    assert_eq!(p["field"], "title", "{p}");
    let wrong_type = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&ngo),
        Some(r#"{"decision":"resolution","title":5,"text":"x","sponsor":"civil_society_network"}"#),
    )
    .await;
    let p: serde_json::Value = serde_json::from_str(&wrong_type.body).unwrap();
    assert_eq!(
        (wrong_type.status, p["field"].as_str()),
        (StatusCode::BAD_REQUEST, Some("title")),
        "{p}"
    );
    let broken = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&ngo),
        Some("{\"decision\":"),
    )
    .await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST);

    let created = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&ngo),
        Some(body),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = serde_json::from_str::<serde_json::Value>(&created.body).unwrap()["motion"]
        .as_u64()
        .unwrap();

    // Only the secretariat opens the debate.
    let act = |token: &str, json: &str| {
        let app = app.clone();
        let token = token.to_owned();
        let json = json.to_owned();
        async move {
            send(
                &app,
                "POST",
                &format!("/api/v1/motions/{id}/acts"),
                "",
                None,
                Some(&token),
                Some(&json),
            )
            .await
        }
    };
    assert_eq!(
        act(&ngo, r#"{"act":"debate"}"#).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        act(&sec, r#"{"act":"debate"}"#).await.status,
        StatusCode::OK
    );
    // The governing council has no recorded seats yet: nobody to vote.
    let res = act(
        &sec,
        r#"{"act":"open_vote","closes_at":"2099-01-01T00:00:00Z"}"#,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("vote-no-electorate"));
    let unknown_act = act(&sec, r#"{"act":"dance"}"#).await;
    assert_eq!(unknown_act.status, StatusCode::BAD_REQUEST);
    // A delegate cannot vote for another state.
    let res = act(&swe, r#"{"act":"vote","state":"DNK","vote":"yes"}"#).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let bad_vote = act(&swe, r#"{"act":"vote","state":"SWE","vote":"maybe"}"#).await;
    let p: serde_json::Value = serde_json::from_str(&bad_vote.body).unwrap();
    assert_eq!(p["field"], "vote");

    let one = send(
        &app,
        "GET",
        &format!("/api/v1/motions/{id}"),
        "",
        None,
        None,
        None,
    )
    .await;
    let m: serde_json::Value = serde_json::from_str(&one.body).unwrap();
    assert_eq!(m["status"], "under_debate");
    let me = send(&app, "GET", "/api/v1/account", "", None, Some(&swe), None).await;
    let me: serde_json::Value = serde_json::from_str(&me.body).unwrap();
    assert_eq!(me["roles"][0], "delegate:SWE");
}

#[tokio::test]
async fn a_secret_election_through_the_api_and_its_page() {
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
    let sec = store.create_api_token("sec", "t", t()).await.unwrap();
    let open = r#"{"organ":"summit","title":"Co-chairs","method":"stv-scottish","seats":2,"candidates":["Ana","Ben","Chloé"],"closes_at":"2099-01-01T00:00:00Z","seed":3}"#;
    let res = send(
        &app,
        "POST",
        "/api/v1/elections",
        "",
        None,
        Some(&sec),
        Some(open),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let electorate = inst.state().await.elections[&1].electorate.clone();
    assert_eq!(electorate.len(), 136);
    // Ten delegates vote; each has a token for their own state only.
    let rankings = [
        r#"["Ana","Ben"]"#,
        r#"["Ben"]"#,
        r#"["Chloé","Ana"]"#,
        r#"["Ana"]"#,
        r#"["Ana","Chloé"]"#,
    ];
    for (i, iso) in electorate.iter().take(10).enumerate() {
        let user = format!("d{}", iso.as_str().to_lowercase());
        store
            .add_account(
                &user,
                "Delegate",
                "a long password 6",
                &[Role::StateDelegate(iso.clone())],
                t(),
            )
            .await
            .unwrap();
        let tok = store.create_api_token(&user, "t", t()).await.unwrap();
        let body = format!(r#"{{"state":"{iso}","ranking":{}}}"#, rankings[i % 5]);
        let res = send(
            &app,
            "POST",
            "/api/v1/elections/1/ballots",
            "",
            None,
            Some(&tok),
            Some(&body),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        if i == 0 {
            // Twice is refused, and a ballot naming an unknown candidate too.
            let again = send(
                &app,
                "POST",
                "/api/v1/elections/1/ballots",
                "",
                None,
                Some(&tok),
                Some(&body),
            )
            .await;
            assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        if i == 1 {
            let bad = send(
                &app,
                "POST",
                "/api/v1/elections/1/ballots",
                "",
                None,
                Some(&tok),
                Some(&format!(r#"{{"state":"{iso}","ranking":["Zed"]}}"#)),
            )
            .await;
            assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
    }
    // The journal names the voters, never their ballots.
    let head = inst.state().await.head().seq;
    let last = inst.store().entry(head).await.unwrap().unwrap();
    assert_eq!(last.kind, "ballot_cast");
    assert!(
        !last.payload.to_string().contains("Ana") && !last.payload.to_string().contains("ranking")
    );
    // Only the secretariat closes; before the deadline it cannot while states have not voted.
    let res = send(
        &app,
        "POST",
        "/api/v1/elections/1/close",
        "",
        None,
        Some(&sec),
        None,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("126"), "{}", res.body);
    // Counted once the deadline has passed (simulated by a secretariat close at a later time).
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
    let e = inst.state().await.elections[&1].clone();
    let result = e.result.unwrap();
    assert_eq!(result.ballots.iter().map(|(_, c)| c).sum::<u64>(), 10);
    assert!(result.elected.contains(&"Ana".to_string()));
    let page = send(&app, "GET", "/elections/1", "", None, None, None).await;
    assert!(
        page.body.contains("elected") && page.body.contains("<caption>"),
        "the count stage by stage"
    );
}

#[tokio::test]
async fn organ_pages_compare_voting_power_under_two_rules() {
    let (app, _) = app_and_institution().await;
    let page = send(
        &app,
        "GET",
        "/organs/summit?a=one_state_one_vote&b=charter_amendment",
        "",
        None,
        None,
        None,
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<svg role=\"img\" aria-labelledby=\"power-h\"")
    );
    assert!(
        page.body.contains("0.74 %"),
        "1/136 for every member under a symmetric rule"
    );
    // The EU's double majority over 136 members: exact on populations in whole millions.
    let page = send(
        &app,
        "GET",
        "/organs/summit?a=one_state_one_vote&b=eu_qmv",
        "",
        None,
        None,
        None,
    )
    .await;
    assert!(!page.body.contains("too large to compute"));
    assert!(
        page.body.contains("millions"),
        "the page says how it counts"
    );
}

#[tokio::test]
async fn a_condorcet_count_shows_its_pairwise_margins() {
    let (app, inst) = app_and_institution().await;
    let sys = comity_core::Actor::system();
    inst.execute(
        &sys,
        t(),
        &Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: "Chair".into(),
            method: "schulze".into(),
            seats: 1,
            candidates: vec!["A".into(), "B".into(), "C".into()],
            closes_at: Timestamp::parse("2026-02-01T00:00:00Z").unwrap(),
            seed: 1,
        }),
    )
    .await
    .unwrap();
    let electorate = inst.state().await.elections[&1].electorate.clone();
    for (i, iso) in electorate.iter().take(3).enumerate() {
        let who = comity_core::Principal::new(
            comity_core::Actor::parse(&format!("d{i}")).unwrap(),
            vec![Role::StateDelegate(iso.clone())],
        );
        let ranking = [["A", "B", "C"], ["B", "A", "C"], ["A", "C", "B"]][i]
            .iter()
            .map(|s| s.to_string())
            .collect();
        inst.cast_ballot(&who, t(), 1, iso.clone(), ranking)
            .await
            .unwrap();
    }
    inst.close_election(
        &sys,
        None,
        Timestamp::parse("2026-02-01T00:00:01Z").unwrap(),
        1,
    )
    .await
    .unwrap();
    assert_eq!(
        inst.state().await.elections[&1]
            .result
            .as_ref()
            .unwrap()
            .elected,
        vec!["A".to_string()]
    );
    let page = send(&app, "GET", "/elections/1", "", None, None, None).await;
    assert!(
        page.body.contains("Pairwise margins"),
        "the pairwise matrix of a Condorcet count"
    );
    // A over B: 2 to 1; A over C: 3 to 0.
    assert!(page.body.contains("<th scope=\"row\">A</th><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">3</td>"), "{}", page.body.len());
}
