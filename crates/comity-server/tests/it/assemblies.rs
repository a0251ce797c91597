//! The citizens' assembly over HTTP: the page with its chart and panel, a citizen
//! volunteering through the form (the journal keeps the hash, never the name), the
//! secretariat committing and drawing through the forms and the API, and refusals that
//! record nothing. A small charter (4 seats, 10 volunteers) keeps draws fast.
//!
//! Long because every act is tried through both the forms and the API, on one small charter.

use comity_core::{assembly, base};
use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::assembly::{Volunteer, commitment};
use comity_core::auth::Role;
use comity_core::journal::Hash;
use comity_core::{Actor, Command, Timestamp, data};
use comity_store::{Institution, OpenMode, Store};
use tower::ServiceExt;

use crate::writes::{hidden_csrf, send, sign_in};

pub(crate) const ORGAN: &str = "citizens_assembly";
pub(crate) const PAGE: &str = "/assemblies/citizens_assembly";
const SEED: &str = "the lottery of the first assembly, 2026";

fn t() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

/// The shipped charter with a 4-seat assembly under two small quotas.
fn small_charter() -> String {
    let source = data::charter("alliance-of-democracies").unwrap().source;
    let start = source.find("[organs.sortition]").unwrap();
    let end = start + source[start..].find("\n]\n").unwrap() + 3;
    let quotas = r#"[organs.sortition]
algorithm = "leximin"
quotas = [
  { feature = "gender", value = "female", min = 2, max = 2 },
  { feature = "gender", value = "male", min = 2, max = 2 },
  { feature = "age", value = "16-29", min = 1, max = 3 },
  { feature = "age", value = "60+", min = 1, max = 3 },
]
"#;
    format!("{}{quotas}{}", &source[..start], &source[end..])
        .replace("seats = { fixed = 100 }", "seats = { fixed = 4 }")
}

pub(crate) async fn small_app() -> (Router, Arc<Institution>) {
    let store = Store::open("sqlite::memory:", OpenMode::Create)
        .await
        .unwrap();
    let inst = Institution::open(store).await.unwrap();
    inst.execute(
        &Actor::system(),
        t(),
        &Command::Base(base::Command::AdoptCharter {
            file: "small.toml".into(),
            source: small_charter(),
        }),
    )
    .await
    .unwrap();
    let store = inst.store();
    for (user, role) in [("sec", Role::Secretariat), ("ida", Role::Citizen)] {
        store
            .add_account(user, user, "a long password 1", &[role], t())
            .await
            .unwrap();
    }
    let inst = Arc::new(inst);
    (comity_server::router(inst.clone()).unwrap(), inst)
}

fn features(gender: &str, age: &str) -> BTreeMap<String, String> {
    [("gender", gender), ("age", age)]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// Ten synthetic volunteers (3 women, 7 men): women's chance is 2/3, men's 2/7.
async fn pool_of_ten(inst: &Institution) {
    let volunteers = (0..10u8)
        .map(|i| Volunteer {
            hash: Hash([i; 32]),
            features: features(
                if i < 3 { "female" } else { "male" },
                if i % 2 == 0 { "16-29" } else { "60+" },
            ),
            household: None,
        })
        .collect();
    let cmd = Command::Assembly(assembly::Command::RegisterVolunteers {
        organ: ORGAN.into(),
        volunteers,
        already: Vec::new(),
    });
    inst.execute(&Actor::parse("secretariat").unwrap(), t(), &cmd)
        .await
        .unwrap();
}

async fn token(inst: &Institution, user: &str) -> String {
    inst.store().create_api_token(user, "t", t()).await.unwrap()
}

pub(crate) async fn journal(app: &Router) -> String {
    send(app, "GET", "/journal.jsonl", "", None, None, None)
        .await
        .body
}

#[tokio::test]
async fn a_drawn_assembly_shows_its_chart_and_panel() {
    let (app, inst) = small_app().await;
    pool_of_ten(&inst).await;
    let sec = Actor::parse("secretariat").unwrap();
    let commit = Command::Assembly(assembly::Command::CommitDraw {
        organ: ORGAN.into(),
        commitment: commitment(SEED),
        pool: Vec::new(),
    });
    inst.execute(&sec, t(), &commit).await.unwrap();
    let pending = send(&app, "GET", PAGE, "", None, None, None).await;
    assert!(pending.body.contains("Draw 1: the pool is closed"));
    assert!(pending.body.contains(&commitment(SEED).to_string()));
    assert!(
        !pending.body.contains(SEED),
        "the seed is secret until the draw"
    );
    let draw = Command::Assembly(assembly::Command::DrawAssembly {
        organ: ORGAN.into(),
        seed: SEED.into(),
        pool: Vec::new(),
    });
    inst.execute(&sec, t(), &draw).await.unwrap();
    let panel = inst.state().await.assemblies[ORGAN]
        .latest()
        .unwrap()
        .1
        .panel
        .clone();
    assert_eq!(panel.len(), 4);

    let page = send(&app, "GET", PAGE, "", None, None, None).await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.body;
    assert!(
        html.contains("<svg role=\"img\" aria-labelledby=\"prob-t\" aria-describedby=\"prob-d\"")
    );
    assert_eq!(html.matches("<polyline").count(), 1);
    assert!(html.contains("<title id=\"prob-t\">"));
    assert!(html.contains("k/n = 40.0%"), "4 seats for 10 volunteers");
    assert!(
        html.contains("The 10 volunteers sorted"),
        "the chart's description"
    );
    assert!(
        html.contains("28.6%") && html.contains("66.7%"),
        "2/7 and 2/3"
    );
    assert!(
        html.contains(&format!("<code>{SEED}</code>")),
        "the seed, revealed"
    );
    for n in &panel {
        assert!(
            html.contains(&format!("<th scope=\"row\" class=\"num\">{n}</th>")),
            "volunteer {n} on the panel"
        );
    }
    // The quotas with the pool's count beside them.
    assert!(html.contains("<th scope=\"row\">female</th><td class=\"num\">2</td><td class=\"num\">2</td><td class=\"num\">3</td>"));
    // Anonymous readers get no form.
    assert!(!html.contains("name=\"act\""));
    for (lang, dir) in [("fr", "ltr"), ("ar", "rtl")] {
        let page = send(
            &app,
            "GET",
            &format!("{PAGE}?lang={lang}"),
            "",
            None,
            None,
            None,
        )
        .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body
                .contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">"))
        );
        assert!(
            !page.body.contains("assembly-"),
            "{lang}: an untranslated id"
        );
    }
    let organ = send(
        &app,
        "GET",
        "/organs/citizens_assembly",
        "",
        None,
        None,
        None,
    )
    .await;
    assert!(
        organ
            .body
            .contains("href=\"/assemblies/citizens_assembly\"")
    );
    let home = send(&app, "GET", "/", "", None, None, None).await;
    assert!(
        home.body
            .contains("<strong>10</strong> <a href=\"/assemblies/citizens_assembly\">")
    );
    let missing = send(&app, "GET", "/assemblies/summit", "", None, None, None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    // The API gives the same draw, with each volunteer's chance as a number.
    let api = send(
        &app,
        "GET",
        "/api/v1/assemblies/citizens_assembly",
        "",
        None,
        None,
        None,
    )
    .await;
    let doc: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(doc["volunteers"], 10);
    let female = doc["quotas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["value"] == "female")
        .unwrap();
    assert_eq!(
        (female["min"].as_u64(), female["pool"].as_u64()),
        (Some(2), Some(3))
    );
    let d = &doc["draws"][0];
    assert_eq!(d["seed"], SEED);
    assert_eq!(d["panel"].as_array().unwrap().len(), 4);
    assert_eq!(d["fair_probability"], 0.4);
    let chances = d["probabilities"].as_array().unwrap();
    assert_eq!(chances.len(), 10);
    assert_eq!(chances[0]["volunteer"], 1);
    assert!((chances[0]["probability"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    assert!((d["min_probability"].as_f64().unwrap() - 2.0 / 7.0).abs() < 1e-9);
    let missing = send(
        &app,
        "GET",
        "/api/v1/assemblies/summit",
        "",
        None,
        None,
        None,
    )
    .await;
    assert_eq!(
        (missing.status, missing.ctype.as_str()),
        (StatusCode::NOT_FOUND, "application/problem+json")
    );
}

#[tokio::test]
async fn a_citizen_volunteers_through_the_form_and_the_journal_keeps_only_a_hash() {
    let (app, inst) = small_app().await;
    let cookie = sign_in(&app, "ida", "a+long+password+1").await;
    let page = send(&app, "GET", PAGE, &cookie, None, None, None).await;
    assert!(page.body.contains("id=\"v-name\""), "the citizen's form");
    assert!(
        !page.body.contains("id=\"commit-seed\""),
        "not the secretariat's"
    );
    assert!(!page.body.contains("id=\"import-file\""));
    let csrf = hidden_csrf(&page.body);
    let head = inst.state().await.head();
    let post = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move { send(&app, "POST", PAGE, &cookie, Some(&form), None, None).await }
    };
    let base = format!("csrf={csrf}&act=volunteer&name=Ida+Jensen");

    // No age chosen: the age select is marked, the name kept.
    let res = post(format!(
        "{base}&email=ida%40example.dk&f_gender=female&f_age="
    ))
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("id=\"f_age\" name=\"f_age\" required aria-invalid=\"true\""),
        "{}",
        res.body
    );
    assert!(res.body.contains("value=\"Ida Jensen\""));
    assert!(
        res.body.contains("<option selected>female</option>"),
        "the choice kept"
    );
    // A bad address: the email field is marked.
    let res = post(format!("{base}&email=ida&f_gender=female&f_age=60%2B")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("autocomplete=\"email\" required value=\"ida\" aria-invalid=\"true\""),
        "{}",
        res.body
    );
    assert_eq!(inst.state().await.head(), head, "refusals record nothing");

    // Registered: the receipt is shown once, and the page is never cached.
    let req = Request::builder()
        .method("POST")
        .uri(PAGE)
        .header(header::COOKIE, &cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "{base}&email=Ida%40Example.dk&f_gender=female&f_age=60%2B"
        )))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let body = String::from_utf8(
        to_bytes(res.into_body(), 10_000_000)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(body.contains("You are volunteer 1"), "{body}");
    let contact = inst
        .store()
        .volunteer_contact(ORGAN, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(contact.email, "ida@example.dk");
    assert!(
        body.contains(&format!("<code>{}</code>", contact.salt)),
        "the receipt"
    );
    let volunteer = inst.store().pool(ORGAN, 1).await.unwrap().remove(0);
    assert_eq!(
        comity_core::assembly::volunteer_hash(&contact.salt, "Ida Jensen", "ida@example.dk"),
        volunteer.hash
    );
    assert_eq!(volunteer.features, features("female", "60+"));

    // The public record has the hash and the answers, never the name, address or receipt.
    let jsonl = journal(&app).await;
    assert!(jsonl.contains(&volunteer.hash.to_string()));
    for secret in ["Ida Jensen", "Jensen", "example.dk", contact.salt.as_str()] {
        assert!(!jsonl.contains(secret), "{secret} is in the journal");
    }
    let again = send(&app, "GET", PAGE, "", None, None, None).await;
    assert!(!again.body.contains("Jensen") && !again.body.contains(&contact.salt));
    assert!(
        again.body.contains("<dd>1</dd>"),
        "one volunteer in the pool"
    );

    // One address volunteers once.
    let res = post(format!(
        "{base}&email=ida%40example.dk&f_gender=female&f_age=60%2B"
    ))
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("has volunteered already"));

    // A citizen may not commit the lottery: refused, nothing recorded.
    let head = inst.state().await.head();
    let res = post(format!("csrf={csrf}&act=commit&seed=a+seed+long+enough")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Only an officer of the secretariat may do this."),
        "{}",
        res.body
    );
    let ida = token(&inst, "ida").await;
    let json = format!("{{\"seed_sha256\":\"{}\"}}", commitment(SEED));
    let api = send(
        &app,
        "POST",
        "/api/v1/assemblies/citizens_assembly/commitments",
        "",
        None,
        Some(&ida),
        Some(&json),
    )
    .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert_eq!(api.ctype, "application/problem+json");
    assert_eq!(inst.state().await.head(), head);
    assert!(inst.state().await.assemblies[ORGAN].draws.is_empty());
}

#[tokio::test]
async fn the_secretariat_commits_and_draws_through_the_api() {
    let (app, inst) = small_app().await;
    let sec = token(&inst, "sec").await;
    let ida = token(&inst, "ida").await;
    let post = |path: &'static str, tok: String, json: String| {
        let app = app.clone();
        async move {
            let uri = format!("/api/v1/assemblies/citizens_assembly/{path}");
            send(&app, "POST", &uri, "", None, Some(&tok), Some(&json)).await
        }
    };
    // A citizen volunteers with a token: number, hash and receipt, once.
    let body = r#"{"name":"Ida Jensen","email":"ida@example.dk","features":{"gender":"female","age":"60+"}}"#;
    let res = post("volunteers", ida.clone(), body.into()).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(v["number"], 1);
    let receipt = v["receipt"].as_str().unwrap();
    assert_eq!(
        v["hash"],
        comity_core::assembly::volunteer_hash(receipt, "Ida Jensen", "ida@example.dk").to_string()
    );
    // Bad input names its field.
    let res = post(
        "volunteers",
        ida.clone(),
        r#"{"name":"Ida","email":"ida@example.dk","features":{"gender":3}}"#.into(),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.body.contains("\"field\":\"features.gender\""),
        "{}",
        res.body
    );
    let res = post(
        "volunteers",
        ida.clone(),
        r#"{"name":"Ida","email":"nope","features":{}}"#.into(),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("\"field\":\"email\""), "{}", res.body);
    let res = post(
        "volunteers",
        ida.clone(),
        r#"{"name":"Ida","email":"i2@example.dk","features":{"gender":"robot","age":"60+"}}"#
            .into(),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("\"field\":\"features.gender\"")
            && res.body.contains("assembly-volunteer-invalid"),
        "{}",
        res.body
    );
    pool_of_ten(&inst).await;

    let res = post(
        "commitments",
        sec.clone(),
        r#"{"seed_sha256":"not hex"}"#.into(),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("\"field\":\"seed_sha256\""));
    let res = post(
        "commitments",
        sec.clone(),
        format!("{{\"seed_sha256\":\"{}\"}}", commitment(SEED)),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let done: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(done["draw"]["commitment"], commitment(SEED).to_string());
    assert_eq!(done["draw"]["pool"], 11);
    assert!(
        !journal(&app).await.contains(SEED),
        "only the hash is published"
    );
    // The pool is closed.
    let res = post(
        "volunteers",
        ida.clone(),
        r#"{"name":"Late","email":"late@example.dk","features":{"gender":"male","age":"60+"}}"#
            .into(),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("assembly-pool-closed"));

    // A wrong seed is refused with the field named, and nothing is recorded.
    let head = inst.state().await.head();
    let res = post(
        "draws",
        sec.clone(),
        r#"{"seed":"another seed entirely"}"#.into(),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let p: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(
        p["type"],
        "https://comity.example/problems/assembly-seed-mismatch"
    );
    assert_eq!(p["field"], "seed");
    assert_eq!(inst.state().await.head(), head);
    let res = post("draws", sec.clone(), r#"{"seed":5}"#.into()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("\"field\":\"seed\""));
    // A citizen may not draw.
    let res = post("draws", ida.clone(), format!("{{\"seed\":\"{SEED}\"}}")).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let res = post("draws", sec.clone(), format!("{{\"seed\":\"{SEED}\"}}")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let done: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(done["draw"]["panel"].as_array().unwrap().len(), 4);
    assert_eq!(done["draw"]["probabilities"].as_array().unwrap().len(), 11);
    assert_eq!(done["entries"].as_array().unwrap().len(), 1);
    let state = inst.state().await;
    assert!(state.assemblies[ORGAN].pending().is_none());
    assert_eq!(state.assemblies[ORGAN].latest().unwrap().1.seed, SEED);
}

#[tokio::test]
async fn the_secretariat_commits_and_draws_through_the_forms() {
    let (app, inst) = small_app().await;
    pool_of_ten(&inst).await;
    let cookie = sign_in(&app, "sec", "a+long+password+1").await;
    let page = send(&app, "GET", PAGE, &cookie, None, None, None).await;
    assert!(page.body.contains("id=\"commit-seed\"") && page.body.contains("id=\"import-file\""));
    assert!(
        !page.body.contains("id=\"v-name\""),
        "the officer imports; citizens volunteer"
    );
    let csrf = hidden_csrf(&page.body);
    let post = |form: String| {
        let (app, cookie) = (app.clone(), cookie.clone());
        async move { send(&app, "POST", PAGE, &cookie, Some(&form), None, None).await }
    };
    let head = inst.state().await.head();
    let res = post(format!("csrf={csrf}&act=commit&seed=short")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("id=\"commit-seed\" name=\"seed\" size=\"50\" autocomplete=\"off\" spellcheck=\"false\" required aria-invalid=\"true\""), "{}", res.body);
    assert!(
        !res.body.contains("value=\"short\""),
        "a seed is never echoed"
    );
    assert_eq!(inst.state().await.head(), head);

    let seed = SEED.replace(' ', "+").replace(',', "%2C");
    let res = post(format!("csrf={csrf}&act=commit&seed={seed}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location,
        "/assemblies/citizens_assembly?committed=1#draw"
    );
    let page = send(
        &app,
        "GET",
        "/assemblies/citizens_assembly?committed=1",
        &cookie,
        None,
        None,
        None,
    )
    .await;
    assert!(
        page.body.contains("The seed was not stored anywhere"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&commitment(SEED).to_string()));
    assert!(page.body.contains("id=\"draw-seed\""), "the draw form");
    assert!(
        !page.body.contains("id=\"commit-seed\""),
        "one draw pending at a time"
    );
    assert!(
        !journal(&app).await.contains("first assembly"),
        "the seed stays with the officer"
    );

    let head = inst.state().await.head();
    let res = post(format!("csrf={csrf}&act=draw&seed=a+different+seed")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("The seed does not match the commitment published before the draw.")
    );
    assert!(res.body.contains("id=\"draw-seed\" name=\"seed\" size=\"50\" autocomplete=\"off\" spellcheck=\"false\" required aria-invalid=\"true\""));
    assert_eq!(
        inst.state().await.head(),
        head,
        "a wrong seed records nothing"
    );

    let res = post(format!("csrf={csrf}&act=draw&seed={seed}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.location.contains("/draws/"), "the draw runs as a job");
    let done = crate::writes::follow_job(&app, &cookie, &res.location).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location, "/assemblies/citizens_assembly#draw");
    let page = send(&app, "GET", PAGE, "", None, None, None).await;
    assert!(page.body.contains("<polyline"));
    assert!(page.body.contains("The panel drawn"));
}

/// A drawn volunteer links their citizen account to their seat with their receipt; the
/// account then speaks for the assembly and tables its recommendation in the Council. A
/// wrong receipt, a number off the panel, a seat already linked, or a non-citizen are refused.
#[tokio::test]
async fn a_drawn_volunteer_takes_their_seat_and_tables_a_recommendation() {
    use comity_store::{Contact, NewVolunteer};
    let (app, inst) = small_app().await;
    let store = inst.store();
    let people: Vec<NewVolunteer> = [
        ("Ada", "female", "16-29"),
        ("Bea", "female", "60+"),
        ("Carl", "male", "16-29"),
        ("Dan", "male", "60+"),
    ]
    .iter()
    .map(|(name, g, a)| NewVolunteer {
        contact: Contact::new(name, &format!("{}@example.org", name.to_lowercase())).unwrap(),
        features: features(g, a),
    })
    .collect();
    let sec = Actor::parse("secretariat").unwrap();
    inst.register_volunteers(&sec, None, t(), ORGAN, &people)
        .await
        .unwrap();
    for cmd in [
        Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment: commitment(SEED),
            pool: Vec::new(),
        }),
        Command::Assembly(assembly::Command::DrawAssembly {
            organ: ORGAN.into(),
            seed: SEED.into(),
            pool: Vec::new(),
        }),
    ] {
        inst.execute(&sec, t(), &cmd).await.unwrap();
    }
    let receipt = store
        .volunteer_contact(ORGAN, 1)
        .await
        .unwrap()
        .unwrap()
        .salt;
    store
        .add_account("bob", "Bob", "a long password 1", &[Role::Citizen], t())
        .await
        .unwrap();
    let ida = sign_in(&app, "ida", "a+long+password+1").await;
    let page = send(&app, "GET", PAGE, &ida, None, None, None).await;
    assert!(page.body.contains("id=\"seat-number\""), "{}", page.body);
    let csrf = hidden_csrf(&page.body);
    let claim = |cookie: String, number: &str, receipt: &str| {
        let (app, form) = (
            app.clone(),
            format!("csrf={csrf}&act=claim_seat&number={number}&receipt={receipt}"),
        );
        async move { send(&app, "POST", PAGE, &cookie, Some(&form), None, None).await }
    };
    let res = claim(ida.clone(), "1", "not-the-receipt").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("The receipt does not match"),
        "{}",
        res.body
    );
    let res = claim(ida.clone(), "9", &receipt).await;
    assert!(res.body.contains("not on the panel drawn"), "{}", res.body);
    let res = claim(ida.clone(), "1", &receipt).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = send(&app, "GET", PAGE, &ida, None, None, None).await;
    assert!(page.body.contains("You sit on the panel as volunteer 1"));
    // The link is not in the public journal.
    assert!(!journal(&app).await.contains("panelist"));
    // The seat is one person's.
    let bob = sign_in(&app, "bob", "a+long+password+1").await;
    let csrf_bob = hidden_csrf(&send(&app, "GET", PAGE, &bob, None, None, None).await.body);
    let res = send(
        &app,
        "POST",
        PAGE,
        &bob,
        Some(&format!(
            "csrf={csrf_bob}&act=claim_seat&number=1&receipt={receipt}"
        )),
        None,
        None,
    )
    .await;
    assert!(
        res.body.contains("linked to another account"),
        "{}",
        res.body
    );
    // The panelist tables the assembly's recommendation in the Governing Council.
    let token = store.create_api_token("ida", "t", t()).await.unwrap();
    let body = r#"{"decision":"resolution","title":"Recommendation 1","text":"The assembly recommends citizens' hearings before each summit.","sponsor":"citizens_assembly"}"#;
    let res = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&token),
        Some(body),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let state = inst.state().await;
    let m = state.motions.values().last().unwrap();
    assert_eq!(m.sponsor, comity_core::motion::Seat::Organ(ORGAN.into()));
    assert_eq!(m.organ, "governing_council");
    // Bob, a citizen without a seat, cannot.
    drop(state);
    let token = store.create_api_token("bob", "t", t()).await.unwrap();
    let res = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&token),
        Some(body),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
}
