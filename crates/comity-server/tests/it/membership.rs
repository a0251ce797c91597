//! Membership after founding and the networks' powers over HTTP, on the real ratings: an
//! alliance founded on FIW 2024 receives FIW 2025, so reviews open (Niger among them) and
//! Jordan becomes eligible. Jordan's delegate applies through the form, the secretariat
//! refers it, the Civil Society Network gives its opinion through the form; an organ the
//! charter does not ask is refused with the clause; the network objects to a resolution
//! through the API and forces a second reading; the organ page counts it all; Niger's
//! suspension shows on its page. Wrong roles are refused and record nothing.
//!
//! Long because it is one story on one founded alliance, each step reading what the last
//! recorded; the fixture is shared, so splitting it would repeat the founding.

use comity_core::{base, membership, motion, network, reporting};
use std::sync::Arc;

use axum::Router;
use comity_core::auth::Role;
use comity_core::motion::Seat;
use comity_core::network::Position;
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_store::Institution;
use comity_voting::rules::Vote;

use crate::fixture::TestApp;
use crate::writes::{Res, hidden_csrf, send, sign_in};

const PASSWORD: &str = "a long password 1";
const PASSWORD_FORM: &str = "a+long+password+1";

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

/// The server stamps its acts with the clock; the test's own acts follow it.
fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Timestamp::from_unix(i64::try_from(secs).unwrap())
}

/// As the pages escape text.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

async fn run(inst: &Institution, cmd: &Command) {
    inst.execute(&Actor::parse("secretariat").unwrap(), now(), cmd)
        .await
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
}

/// Founded on FIW 2024, then FIW 2025 received; accounts for each role that acts here.
async fn setup() -> (Router, Arc<Institution>) {
    TestApp::founded_on_fiw_2024()
        .with_account("sec", Role::Secretariat, PASSWORD)
        .with_account("jor", Role::StateDelegate(iso("JOR")), PASSWORD)
        .with_account("ngo", Role::CivilSociety, PASSWORD)
        .with_account("mp", Role::Parliamentarian, PASSWORD)
        .build()
        .await
}

async fn token(inst: &Institution, user: &str) -> String {
    inst.store()
        .create_api_token(user, "t", Timestamp::parse("2026-01-01T00:00:00Z").unwrap())
        .await
        .unwrap()
}

async fn get(app: &Router, uri: &str, cookie: &str) -> Res {
    send(app, "GET", uri, cookie, None, None, None).await
}

async fn post_form(app: &Router, uri: &str, cookie: &str, form: &str) -> Res {
    send(app, "POST", uri, cookie, Some(form), None, None).await
}

async fn post_json(app: &Router, uri: &str, bearer: &str, json: &str) -> Res {
    send(app, "POST", uri, "", None, Some(bearer), Some(json)).await
}

fn json(res: &Res) -> serde_json::Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

/// A message id shown instead of its text.
fn untranslated(html: &str) -> Option<&str> {
    [
        "ev-",
        "applications-",
        "reviews-",
        "networks-",
        "powers-",
        "use-",
        "measure-",
        "standing-",
        "position-",
    ]
    .iter()
    .copied()
    .find(|id| html.contains(&format!(">{id}")) || html.contains(&format!("> {id}")))
}

/// Debate, every seated state votes yes, close (opinions given before).
async fn vote_through(inst: &Institution, motion: u64) {
    run(
        inst,
        &Command::Motion(motion::Command::OpenDebate { motion }),
    )
    .await;
    let closes_at = Timestamp::from_unix(now().unix() + 30 * 86_400);
    run(
        inst,
        &Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at,
            order: None,
        }),
    )
    .await;
    let electorate = inst.state().await.motions[&motion]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone();
    for s in electorate {
        let vote = Command::Motion(motion::Command::CastVote {
            motion,
            state: s,
            vote: Vote::Yes,
        });
        run(inst, &vote).await;
    }
    run(
        inst,
        &Command::Motion(motion::Command::CloseVote {
            motion,
            casting_vote: None,
        }),
    )
    .await;
}

/// The 25 most populous members sit in the Governing Council.
async fn seat_council(inst: &Institution) {
    let seats = {
        let state = inst.state().await;
        let mut by_pop: Vec<(u64, Iso3)> = state
            .members
            .keys()
            .map(|k| {
                let pop = state.registry.country(k).unwrap().population.unwrap_or(0);
                (pop, k.clone())
            })
            .collect();
        by_pop.sort_by(|a, b| b.cmp(a));
        by_pop.into_iter().take(25).map(|(_, k)| k).collect()
    };
    run(
        inst,
        &Command::Base(base::Command::AssignSeats {
            organ: "governing_council".into(),
            states: seats,
        }),
    )
    .await;
}

#[tokio::test]
async fn reviews_and_applications_read_in_every_language() {
    let (app, inst) = setup().await;
    let evidence = {
        let state = inst.state().await;
        let ner = state.reviews.values().find(|r| r.state == iso("NER"));
        ner.unwrap().evidence.clone()
    };
    for lang in ["en", "fr", "ar"] {
        for page in ["/reviews", "/applications", "/organs/civil_society_network"] {
            let res = get(&app, &format!("{page}?lang={lang}"), "").await;
            assert_eq!(res.status, 200, "{page} in {lang}");
            assert!(res.body.contains(&format!("<html lang=\"{lang}\"")));
            assert_eq!(untranslated(&res.body), None, "{page} in {lang}");
        }
        let reviews = get(&app, &format!("/reviews?lang={lang}"), "").await;
        assert!(reviews.body.contains(&esc(&evidence)), "{lang}");
        for state in [
            "/members/KWT",
            "/members/NER",
            "/members/THA",
            "/members/TZA",
        ] {
            assert!(reviews.body.contains(state), "{lang}: {state}");
        }
    }
    let fr = get(&app, "/reviews?lang=fr", "").await;
    assert!(fr.body.contains("Examens des membres"));
    let ar = get(&app, "/journal?lang=ar", "").await;
    assert!(ar.body.contains("فُتحت المراجعة"), "review_opened in Arabic");
    let api = json(&get(&app, "/api/v1/reviews", "").await);
    let ner = api
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["state"] == "NER")
        .unwrap();
    assert_eq!(ner["organ"], "governing_council");
    assert_eq!(ner["edition"], "FIW 2025");
    assert_eq!(ner["evidence"], evidence.as_str());
}

#[tokio::test]
async fn an_application_by_form_referral_opinions_and_a_refused_opinion() {
    let (app, inst) = setup().await;
    // Jordan's delegate sees the form for Jordan only, and applies.
    let jor = sign_in(&app, "jor", PASSWORD_FORM).await;
    let page = get(&app, "/applications", &jor).await;
    assert!(page.body.contains("<option value=\"JOR\""), "{}", page.body);
    assert!(!page.body.contains("<option value=\"RUS\""));
    let csrf = hidden_csrf(&page.body);
    // For another state: the denial, the field marked, nothing recorded.
    let head = inst.state().await.head();
    let res = post_form(
        &app,
        "/applications",
        &jor,
        &format!("csrf={csrf}&act=apply&state=RUS"),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body.contains("You do not speak for RUS"),
        "{}",
        res.body
    );
    assert!(res.body.contains("aria-invalid=\"true\""));
    assert_eq!(inst.state().await.head(), head);
    let res = post_form(
        &app,
        "/applications",
        &jor,
        &format!("csrf={csrf}&act=apply&state=JOR"),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let (application, eligible) = {
        let state = inst.state().await;
        let a = state.applications.values().next().unwrap();
        (a.id, a.eligible)
    };
    assert!(eligible, "Partly Free in FIW 2025");
    // The delegate may not refer it.
    let head = inst.state().await.head();
    let res = post_form(
        &app,
        "/applications",
        &jor,
        &format!("csrf={csrf}&act=refer&application={application}"),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("Only an officer of the secretariat"));
    assert_eq!(inst.state().await.head(), head);
    let list = get(&app, "/applications", "").await;
    assert!(list.body.contains("Jordan") && list.body.contains("received"));
    assert!(!list.body.contains("name=\"act\" value=\"refer\""));

    // The secretariat refers it: the accession motion is tabled.
    let sec = sign_in(&app, "sec", PASSWORD_FORM).await;
    let page = get(&app, "/applications", &sec).await;
    assert!(page.body.contains("name=\"act\" value=\"refer\""));
    let csrf = hidden_csrf(&page.body);
    let res = post_form(
        &app,
        "/applications",
        &sec,
        &format!("csrf={csrf}&act=refer&application={application}"),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let motion = inst.state().await.applications[&application]
        .motion
        .unwrap();
    let list = get(&app, "/applications", "").await;
    assert!(list.body.contains(&format!("href=\"/motions/{motion}\"")));
    let page = get(&app, &format!("/motions/{motion}"), "").await;
    assert!(page.body.contains("Admission of Jordan"));
    assert!(
        page.body
            .contains("the opinion of the Civil Society Network, until"),
        "the vote waits for the opinions"
    );
    let doc = json(&get(&app, &format!("/api/v1/motions/{motion}"), "").await);
    assert_eq!(doc["pending_opinions"].as_array().unwrap().len(), 2);

    // The Civil Society Network's opinion through the form.
    let ngo = sign_in(&app, "ngo", PASSWORD_FORM).await;
    let page = get(&app, &format!("/motions/{motion}"), &ngo).await;
    assert!(
        page.body
            .contains("<option value=\"civil_society_network\"")
    );
    assert!(
        !page
            .body
            .contains("<option value=\"parliamentary_network\""),
        "only the network the role fills"
    );
    let csrf = hidden_csrf(&page.body);
    // An empty text comes back with the field marked.
    let head = inst.state().await.head();
    let res = post_form(
        &app,
        &format!("/motions/{motion}"),
        &ngo,
        &format!("csrf={csrf}&act=opinion&organ=civil_society_network&position=conditional&text=+"),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body
            .contains("id=\"op-text\" name=\"text\" rows=\"5\" cols=\"70\" aria-invalid=\"true\"")
    );
    assert_eq!(inst.state().await.head(), head);
    let res = post_form(
        &app,
        &format!("/motions/{motion}"),
        &ngo,
        &format!("csrf={csrf}&act=opinion&organ=civil_society_network&position=conditional&text=Admit+Jordan%2C+and+report+on+assembly+within+a+year."),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = get(&app, &format!("/motions/{motion}?lang=fr"), "").await;
    assert!(
        page.body
            .contains("Admit Jordan, and report on assembly within a year.")
    );
    assert!(page.body.contains("favorable sous conditions"));
    // The network cannot give a second opinion: the form is gone.
    let page = get(&app, &format!("/motions/{motion}"), &ngo).await;
    assert!(!page.body.contains("id=\"op-organ\""));
    let journal = get(&app, "/journal", "").await;
    assert!(
        journal
            .body
            .contains("Application 1: Jordan applied for membership (eligible)")
    );
    assert!(journal.body.contains(&format!(
        "Application 1 referred to the vote as motion {motion}"
    )));
    assert!(journal.body.contains(&format!(
        "The Civil Society Network gave its opinion on motion {motion}: favourable with conditions"
    )));

    // An organ the charter does not ask: a review motion asks only the Civil Society Network.
    let review = {
        let state = inst.state().await;
        state
            .reviews
            .values()
            .find(|r| r.state == iso("THA"))
            .unwrap()
            .id
    };
    let sec_token = token(&inst, "sec").await;
    let res = post_json(
        &app,
        &format!("/api/v1/reviews/{review}/measures"),
        &sec_token,
        r#"{"measure":"warning"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let review_motion = json(&res)["motion"].as_u64().unwrap();
    let mp = sign_in(&app, "mp", PASSWORD_FORM).await;
    let page = get(&app, &format!("/motions/{review_motion}"), &mp).await;
    assert!(!page.body.contains("id=\"op-organ\""), "no form offered");
    let csrf = hidden_csrf(&page.body);
    let head = inst.state().await.head();
    let res = post_form(
        &app,
        &format!("/motions/{review_motion}"),
        &mp,
        &format!(
            "csrf={csrf}&act=opinion&organ=parliamentary_network&position=unfavourable&text=No."
        ),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body.contains(
            "the charter asks for opinions on membership_review only from civil_society_network"
        ),
        "{}",
        res.body
    );
    assert!(res.body.contains("].opinion_from)"));
    assert_eq!(inst.state().await.head(), head);
    let mp_token = token(&inst, "mp").await;
    let res = post_json(
        &app,
        &format!("/api/v1/motions/{review_motion}/opinions"),
        &mp_token,
        r#"{"organ":"parliamentary_network","position":"unfavourable","text":"No."}"#,
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        json(&res)["detail"]
            .as_str()
            .unwrap()
            .contains("opinion_from")
    );
    // A role that does not fill the organ's seat: 403.
    let res = post_json(
        &app,
        &format!("/api/v1/motions/{review_motion}/opinions"),
        &mp_token,
        r#"{"organ":"civil_society_network","position":"favourable","text":"Yes."}"#,
    )
    .await;
    assert_eq!(res.status, 403, "{}", res.body);
    let res = post_json(
        &app,
        &format!("/api/v1/motions/{review_motion}/opinions"),
        &mp_token,
        r#"{"organ":"civil_society_network","position":"maybe","text":"Yes."}"#,
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (400, Some("position"))
    );
    assert_eq!(inst.state().await.head(), head);
    // The API: the application as data, a delegate's referral refused.
    let apps = json(&get(&app, "/api/v1/applications", "").await);
    assert_eq!(apps[0]["state"], "JOR");
    assert_eq!(apps[0]["status"], "referred");
    assert_eq!(apps[0]["motion"], motion);
    let jor_token = token(&inst, "jor").await;
    let res = post_json(
        &app,
        "/api/v1/applications",
        &jor_token,
        r#"{"state":"RUS"}"#,
    )
    .await;
    assert_eq!(res.status, 403);
    let res = post_json(
        &app,
        "/api/v1/applications",
        &sec_token,
        r#"{"state":"RUS"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    assert_eq!(json(&res)["id"], 2);
    let apps = json(&get(&app, "/api/v1/applications", "").await);
    assert_eq!(
        apps[1]["eligible"], false,
        "Not Free: recorded, with the report"
    );
    let res = post_json(&app, "/api/v1/applications/2/referral", &sec_token, "").await;
    assert_eq!(
        res.status, 422,
        "an ineligible application never goes to a vote"
    );
}

#[tokio::test]
async fn an_objection_through_the_api_the_organ_counts_and_a_suspension() {
    let (app, inst) = setup().await;
    seat_council(&inst).await;
    // A resolution the Parliamentary Network tables by right; the Council adopts it.
    run(
        &inst,
        &Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "Observers for members' elections".into(),
            text: "The Council invites every member to receive an observation mission.".into(),
            sponsor: Seat::Organ("parliamentary_network".into()),
        }),
    )
    .await;
    let resolution = *inst.state().await.motions.keys().last().unwrap();
    vote_through(&inst, resolution).await;
    let ngo = token(&inst, "ngo").await;
    let mp = token(&inst, "mp").await;
    let uri = format!("/api/v1/motions/{resolution}/network-votes");
    let body =
        r#"{"organ":"civil_society_network","act":"objection","yes":212,"no":61,"abstain":9}"#;
    // The Parliamentary Network's members do not vote for the Civil Society Network.
    let head = inst.state().await.head();
    let res = post_json(&app, &uri, &mp, body).await;
    assert_eq!(res.status, 403, "{}", res.body);
    assert_eq!(inst.state().await.head(), head);
    let res = post_json(
        &app,
        &uri,
        &ngo,
        r#"{"organ":"civil_society_network","act":"veto","yes":1,"no":0}"#,
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (400, Some("act"))
    );
    let res = post_json(&app, &uri, &ngo, body).await;
    assert_eq!(res.status, 201, "{}", res.body);
    assert!(inst.state().await.motions[&resolution].second_reading);
    // Once only.
    let head = inst.state().await.head();
    let res = post_json(&app, &uri, &ngo, body).await;
    assert_eq!(res.status, 422);
    assert_eq!(inst.state().await.head(), head);
    let page = get(&app, &format!("/motions/{resolution}"), "").await;
    assert!(page.body.contains("Second reading"));
    assert!(
        page.body
            .contains("carried: sent back for a second reading")
    );
    assert!(page.body.contains("<td class=\"num\">212</td>"));
    let doc = json(&get(&app, &format!("/api/v1/motions/{resolution}"), "").await);
    assert_eq!(doc["second_reading"], true);
    assert_eq!(doc["network_votes"][0]["yes"], 212);

    // The organ page and the API count it.
    let organ = get(&app, "/organs/civil_society_network", "").await;
    assert!(organ.body.contains("Powers and their use"));
    assert!(
        organ.body.contains("by 2/3 of its votes cast"),
        "the objection clause"
    );
    assert!(
        organ
            .body
            .contains("decisions[kind = &#34;resolution&#34;].objection")
    );
    assert!(
        organ
            .body
            .contains("<td>Objections voted</td><td class=\"num\">1</td>")
    );
    assert!(
        organ
            .body
            .contains("<td>Second readings forced</td><td class=\"num\">1</td>")
    );
    assert!(
        organ
            .body
            .contains("<svg role=\"img\" aria-labelledby=\"powers-use-h\"")
    );
    let powers = json(&get(&app, "/api/v1/organs/civil_society_network/powers", "").await);
    assert_eq!(powers["use_of_powers"]["objections_carried"], 1);
    assert_eq!(powers["use_of_powers"]["second_readings"], 1);
    assert!(
        powers["powers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["clause"] == "decisions[kind = \"resolution\"].objection")
    );
    let parl = json(&get(&app, "/api/v1/organs/parliamentary_network/powers", "").await);
    assert_eq!(parl["use_of_powers"]["tabled"], 1);
    let res = get(&app, "/api/v1/organs/nowhere/powers", "").await;
    assert_eq!(res.status, 404);

    // Niger's suspension: proposed through the API, voted, shown on its page.
    let review = {
        let state = inst.state().await;
        let r = state.reviews.values().find(|r| r.state == iso("NER"));
        r.unwrap().id
    };
    let sec = token(&inst, "sec").await;
    let res = post_json(
        &app,
        &format!("/api/v1/reviews/{review}/measures"),
        &ngo,
        r#"{"measure":"suspension"}"#,
    )
    .await;
    assert_eq!(res.status, 403, "secretariat only");
    let res = post_json(
        &app,
        &format!("/api/v1/reviews/{review}/measures"),
        &sec,
        r#"{"measure":"suspension"}"#,
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let motion = json(&res)["motion"].as_u64().unwrap();
    let reviews = get(&app, "/reviews", "").await;
    assert!(reviews.body.contains(&format!(
        "<a href=\"/motions/{motion}\">suspension of voting rights</a>"
    )));
    run(
        &inst,
        &Command::Network(network::Command::GiveOpinion {
            motion,
            organ: "civil_society_network".into(),
            position: Position::Favourable,
            text: "Suspend.".into(),
        }),
    )
    .await;
    vote_through(&inst, motion).await;
    let ner = get(&app, "/members/NER", "").await;
    assert!(ner.body.contains("voting rights suspended"), "{}", ner.body);
    assert!(
        ner.body
            .contains(&format!("href=\"/reviews#review-{review}\""))
    );
    let ner_fr = get(&app, "/members/NER?lang=fr", "").await;
    assert!(ner_fr.body.contains("droits de vote suspendus"));
    let members = get(&app, "/members?q=niger", "").await;
    assert!(members.body.contains("voting rights suspended"));
    let reviews = json(&get(&app, "/api/v1/reviews", "").await);
    let r = reviews
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == review)
        .unwrap();
    assert_eq!(r["taken"], "suspension");
    let journal = get(&app, "/journal", "").await;
    assert!(journal.body.contains(&format!(
        "Review {review} of Niger closed: suspension of voting rights"
    )));
    assert!(journal.body.contains(&format!(
        "The Civil Society Network voted on motion {resolution} (objection): 212 yes, 61 no, 9 abstentions"
    )));
}

#[tokio::test]
async fn a_co_decision_through_the_form() {
    let (app, inst) = setup().await;
    run(
        &inst,
        &Command::Motion(motion::Command::TableMotion {
            decision: "charter_amendment".into(),
            title: "Observers' status".into(),
            text: "Accredited observers may speak in the Summit.".into(),
            sponsor: Seat::State(iso("DNK")),
        }),
    )
    .await;
    let motion = *inst.state().await.motions.keys().last().unwrap();
    let page = get(&app, &format!("/motions/{motion}"), "").await;
    assert!(
        page.body
            .contains("the co-decision of the Parliamentary Network")
    );
    // A civil society role is offered no division here; a parliamentarian is.
    let ngo = sign_in(&app, "ngo", PASSWORD_FORM).await;
    let page = get(&app, &format!("/motions/{motion}"), &ngo).await;
    assert!(!page.body.contains("id=\"div-division\""));
    let mp = sign_in(&app, "mp", PASSWORD_FORM).await;
    let page = get(&app, &format!("/motions/{motion}"), &mp).await;
    assert!(
        page.body
            .contains("<option value=\"co_decision:parliamentary_network\"")
    );
    let csrf = hidden_csrf(&page.body);
    let uri = format!("/motions/{motion}");
    let head = inst.state().await.head();
    let res = post_form(
        &app,
        &uri,
        &mp,
        &format!(
            "csrf={csrf}&act=network_vote&division=co_decision:parliamentary_network&yes=many&no=12"
        ),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("Give a whole number of votes"));
    assert!(
        res.body.contains("value=\"many\" aria-invalid=\"true\""),
        "{}",
        res.body
    );
    assert!(res.body.contains("value=\"12\""), "input kept");
    assert_eq!(inst.state().await.head(), head);
    let res = post_form(
        &app,
        &uri,
        &ngo,
        &format!(
            "csrf={}&act=network_vote&division=co_decision:parliamentary_network&yes=1&no=0",
            hidden_csrf(&get(&app, &uri, &ngo).await.body)
        ),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body
            .contains("You do not speak for parliamentary_network"),
        "{}",
        res.body
    );
    assert_eq!(inst.state().await.head(), head);
    let res = post_form(
        &app,
        &uri,
        &mp,
        &format!("csrf={csrf}&act=network_vote&division=co_decision:parliamentary_network&yes=140&no=12&abstain=3"),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    let page = get(&app, &format!("/motions/{motion}?lang=ar"), "").await;
    assert!(page.body.contains("<td class=\"num\">140</td>"));
    assert!(page.body.contains("موافقة"));
    assert!(
        !page.body.contains("القرار المشترك لـ"),
        "no longer pending"
    );
    let doc = json(&get(&app, &format!("/api/v1/motions/{motion}"), "").await);
    assert_eq!(doc["pending_co_decisions"].as_array().unwrap().len(), 0);
}

/// Seed 003's democracy officer on the member page, and seed 000's reports on the organs'
/// pages (received by the Summit, sent by the Governing Council), in every language.
#[tokio::test]
async fn the_democracy_officer_and_the_reports_show() {
    let (app, inst) = setup().await;
    run(
        &inst,
        &Command::Membership(membership::Command::DesignateDemocracyOfficer {
            state: iso("DNK"),
            name: "Mette Holm".into(),
            office: "Department for Democracy".into(),
            contact: "officer@example.dk".into(),
        }),
    )
    .await;
    run(
        &inst,
        &Command::Reporting(reporting::Command::SubmitReport {
            organ: "governing_council".into(),
            title: "Annual report 2026".into(),
            period: "2026".into(),
            text: "Reviews opened on four members.".into(),
        }),
    )
    .await;
    for lang in ["en", "fr", "ar"] {
        let page = get(&app, &format!("/members/DNK?lang={lang}"), "").await;
        assert!(page.body.contains("Mette Holm"), "{lang}");
        assert!(page.body.contains("mailto:officer@example.dk"), "{lang}");
        let summit = get(&app, &format!("/organs/summit?lang={lang}"), "").await;
        assert!(summit.body.contains("Annual report 2026"), "{lang}");
        assert!(untranslated(&summit.body).is_none(), "{lang}");
        let journal = get(&app, &format!("/journal?lang={lang}"), "").await;
        assert!(!journal.body.contains(">ev-"), "{lang}");
    }
    let council = get(&app, "/organs/governing_council", "").await;
    assert!(council.body.contains("Annual report 2026"));
    // The directory of every member's officer, as a page and as JSON.
    let members = inst.state().await.members.len();
    for lang in ["en", "fr", "ar"] {
        let page = get(&app, &format!("/democracy-officers?lang={lang}"), "").await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("mailto:officer@example.dk"), "{lang}");
        assert!(!page.body.contains(">officers-"), "{lang}");
    }
    let doc = json(&get(&app, "/api/v1/democracy-officers", "").await);
    let rows = doc.as_array().unwrap();
    assert_eq!(rows.len(), members);
    let dnk = rows.iter().find(|r| r["state"] == "DNK").unwrap();
    assert_eq!(dnk["name"], "Mette Holm");
    assert_eq!(
        rows.iter().filter(|r| r["name"].is_null()).count(),
        members - 1
    );
}

/// Accreditation, reports and the democracy officer through the API, each by the role the
/// charter gives it; the wrong role is refused and nothing is recorded.
#[tokio::test]
async fn accreditation_reports_and_officers_over_the_api() {
    let (app, inst) = setup().await;
    let sec = token(&inst, "sec").await;
    let ngo = token(&inst, "ngo").await;
    let body = r#"{"organ":"civil_society_network","name":"Viasna Human Rights Centre","country":"blr","kind":"civil_society_organisation","description":"Belarusian human rights organisation."}"#;
    let res = post_json(&app, "/api/v1/accreditations", &sec, body).await;
    assert_eq!(res.status, axum::http::StatusCode::CREATED, "{}", res.body);
    let bad = post_json(
        &app,
        "/api/v1/accreditations",
        &sec,
        &body.replace("civil_society_organisation", "club"),
    )
    .await;
    assert_eq!(
        bad.status,
        axum::http::StatusCode::BAD_REQUEST,
        "{}",
        bad.body
    );
    assert!(bad.body.contains("\"field\":\"kind\""), "{}", bad.body);
    // Only the Civil Society Network (the charter's accreditation organ) decides.
    let head = inst.store().head().await.unwrap();
    let denied = post_json(
        &app,
        "/api/v1/accreditations/1/decision",
        &sec,
        r#"{"yes":10,"no":1,"abstain":0}"#,
    )
    .await;
    assert_eq!(
        denied.status,
        axum::http::StatusCode::FORBIDDEN,
        "{}",
        denied.body
    );
    assert_eq!(inst.store().head().await.unwrap(), head);
    let ok = post_json(
        &app,
        "/api/v1/accreditations/1/decision",
        &ngo,
        r#"{"yes":10,"no":1,"abstain":0}"#,
    )
    .await;
    assert_eq!(ok.status, axum::http::StatusCode::CREATED, "{}", ok.body);
    let list = json(&get(&app, "/api/v1/accreditations", "").await);
    assert_eq!(list[0]["status"], "accredited");
    assert_eq!(list[0]["country"], "BLR");
    let rep = post_json(&app, "/api/v1/reports", &ngo, r#"{"organ":"civil_society_network","title":"Annual report","period":"2026","text":"We accredited one organisation."}"#).await;
    assert_eq!(rep.status, axum::http::StatusCode::CREATED, "{}", rep.body);
    let reports = json(&get(&app, "/api/v1/reports", "").await);
    assert_eq!(reports[0]["to"], "summit");
    let off = post_json(
        &app,
        "/api/v1/members/DNK/democracy-officer",
        &ngo,
        r#"{"name":"M","office":"O","contact":"c@example.dk"}"#,
    )
    .await;
    assert_eq!(
        off.status,
        axum::http::StatusCode::FORBIDDEN,
        "{}",
        off.body
    );
    let off = post_json(
        &app,
        "/api/v1/members/DNK/democracy-officer",
        &sec,
        r#"{"name":"Mette Holm","office":"O","contact":"c@example.dk"}"#,
    )
    .await;
    assert_eq!(off.status, axum::http::StatusCode::CREATED, "{}", off.body);
}

/// The accreditations page: read in every language; a civil society member files a request
/// by form and the Civil Society Network's vote is recorded; a bad count comes back marked.
#[tokio::test]
async fn accreditation_by_form() {
    let (app, inst) = setup().await;
    for lang in ["en", "fr", "ar"] {
        let page = get(&app, &format!("/accreditations?lang={lang}"), "").await;
        assert_eq!(page.status, axum::http::StatusCode::OK, "{lang}");
        assert!(untranslated(&page.body).is_none(), "{lang}");
        assert!(!page.body.contains(">accreditation"), "{lang}");
    }
    let ngo = sign_in(&app, "ngo", PASSWORD_FORM).await;
    let page = get(&app, "/accreditations", &ngo).await;
    assert!(
        page.body.contains("name=\"act\" value=\"request\""),
        "{}",
        page.body
    );
    let csrf = hidden_csrf(&page.body);
    let res = post_form(
        &app,
        "/accreditations",
        &ngo,
        &format!("csrf={csrf}&act=request&organ=civil_society_network&name=Viasna&country=BLR&kind=civil_society_organisation&description=Human+rights"),
    )
    .await;
    assert_eq!(
        res.status,
        axum::http::StatusCode::SEE_OTHER,
        "{}",
        res.body
    );
    let page = get(&app, "/accreditations", &ngo).await;
    assert!(page.body.contains("Viasna") && page.body.contains("Belarus"));
    let head = inst.state().await.head();
    let bad = post_form(
        &app,
        "/accreditations",
        &ngo,
        &format!("csrf={csrf}&act=decide&accreditation=1&yes=many&no=1&abstain=0"),
    )
    .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"yes-1\"") && bad.body.contains("aria-invalid=\"true\""));
    assert_eq!(inst.state().await.head(), head);
    let ok = post_form(
        &app,
        "/accreditations",
        &ngo,
        &format!("csrf={csrf}&act=decide&accreditation=1&yes=40&no=3&abstain=1"),
    )
    .await;
    assert_eq!(ok.status, axum::http::StatusCode::SEE_OTHER, "{}", ok.body);
    let page = get(&app, "/accreditations?lang=fr", "").await;
    assert!(
        page.body.contains("40–3 (1)") && page.body.contains("accréditation accordée"),
        "{}",
        page.body
    );
    // A parliamentarian does not hold the deciding organ's seat: no vote form for them.
    let mp = sign_in(&app, "mp", PASSWORD_FORM).await;
    let page = get(&app, "/accreditations", &mp).await;
    assert!(!page.body.contains("name=\"act\" value=\"decide\""));
}

/// The forms for a member's democracy officer and an organ's report: shown to those who may
/// act, refused with the field named otherwise, and visible on the member and organ pages.
#[tokio::test]
async fn officer_and_report_forms() {
    use axum::http::StatusCode as S;
    let (app, inst) = setup().await;
    for lang in ["en", "fr", "ar"] {
        for uri in [
            "/members/DNK/democracy-officer",
            "/organs/civil_society_network/report",
        ] {
            let page = get(&app, &format!("{uri}?lang={lang}"), "").await;
            assert_eq!(page.status, S::OK, "{uri} {lang}");
            assert!(
                !page.body.contains(">officer-") && !page.body.contains(">report-"),
                "{uri} {lang}"
            );
        }
    }
    let jor = sign_in(&app, "jor", PASSWORD_FORM).await;
    let page = get(&app, "/members/DNK/democracy-officer", &jor).await;
    assert!(
        !page.body.contains("name=\"office\""),
        "Jordan's delegate may not name Denmark's officer"
    );
    let sec = sign_in(&app, "sec", PASSWORD_FORM).await;
    let page = get(&app, "/members/DNK/democracy-officer", &sec).await;
    let csrf = hidden_csrf(&page.body);
    let head = inst.state().await.head();
    let bad = post_form(
        &app,
        "/members/DNK/democracy-officer",
        &sec,
        &format!("csrf={csrf}&name=Mette+Holm&office=&contact=x%40example.dk"),
    )
    .await;
    assert_eq!(bad.status, S::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"o-office\"") && bad.body.contains("aria-invalid=\"true\""));
    assert!(bad.body.contains("value=\"Mette Holm\""));
    assert_eq!(inst.state().await.head(), head);
    let ok = post_form(
        &app,
        "/members/DNK/democracy-officer",
        &sec,
        &format!(
            "csrf={csrf}&name=Mette+Holm&office=Department+for+Democracy&contact=x%40example.dk"
        ),
    )
    .await;
    assert_eq!(ok.status, S::SEE_OTHER, "{}", ok.body);
    assert!(
        get(&app, "/members/DNK", "")
            .await
            .body
            .contains("Mette Holm")
    );
    let ngo = sign_in(&app, "ngo", PASSWORD_FORM).await;
    let page = get(&app, "/organs/civil_society_network/report", &ngo).await;
    let csrf = hidden_csrf(&page.body);
    let ok = post_form(
        &app,
        "/organs/civil_society_network/report",
        &ngo,
        &format!("csrf={csrf}&title=Annual+report+2026&period=2026&text=Two+accreditations."),
    )
    .await;
    assert_eq!(ok.status, S::SEE_OTHER, "{}", ok.body);
    assert!(
        get(&app, "/organs/summit", "")
            .await
            .body
            .contains("Annual report 2026")
    );
    // The parliamentarian does not hold the Civil Society Network's seats.
    let mp = sign_in(&app, "mp", PASSWORD_FORM).await;
    let page = get(&app, "/organs/civil_society_network/report", &mp).await;
    assert!(!page.body.contains("name=\"period\""));
}

/// The Parliamentary Network's co-decision held as a roll call of its accredited members on
/// the platform: a network officer opens it by form, each member votes for its own
/// accreditation only (form or API), the close waits for the last member, and the roll is
/// public with each member's vote.
#[tokio::test]
async fn a_roll_call_of_accredited_members_by_form_and_api() {
    use comity_core::network::AccreditationKind;
    let (app, inst) = setup().await;
    for (name, country) in [
        ("Folketing delegation", "DNK"),
        ("Parliament of Ghana delegation", "GHA"),
        ("Chamber of Deputies of Chile delegation", "CHL"),
    ] {
        run(
            &inst,
            &Command::Network(network::Command::RequestAccreditation {
                organ: "parliamentary_network".into(),
                name: name.into(),
                country: iso(country),
                kind: AccreditationKind::Parliamentarian,
                description: "A national parliament's delegation.".into(),
            }),
        )
        .await;
        let id = inst.state().await.accreditations.len() as u64;
        run(
            &inst,
            &Command::Network(network::Command::DecideAccreditation {
                accreditation: id,
                yes: 100,
                no: 3,
                abstain: 0,
            }),
        )
        .await;
        inst.store()
            .add_account(
                &format!("pn{id}"),
                name,
                PASSWORD,
                &[Role::Accredited(id)],
                Timestamp::parse("2026-01-01T00:00:00Z").unwrap(),
            )
            .await
            .unwrap();
    }
    run(
        &inst,
        &Command::Motion(motion::Command::TableMotion {
            decision: "charter_amendment".into(),
            title: "Observers' status".into(),
            text: "Accredited observers may speak in the Summit.".into(),
            sponsor: Seat::State(iso("DNK")),
        }),
    )
    .await;
    let motion = *inst.state().await.motions.keys().last().unwrap();
    let uri = format!("/motions/{motion}");
    // A network officer is offered the roll call; a bad closing time names the field.
    let mp = sign_in(&app, "mp", PASSWORD_FORM).await;
    let page = get(&app, &uri, &mp).await;
    assert!(page.body.contains("id=\"rc-division\""), "{}", page.body);
    let csrf = hidden_csrf(&page.body);
    let head = inst.state().await.head();
    let res = post_form(
        &app,
        &uri,
        &mp,
        &format!("csrf={csrf}&act=open_division&division=co_decision:parliamentary_network&closes_at=soon"),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(res.body.contains("value=\"soon\" aria-invalid=\"true\""));
    assert_eq!(inst.state().await.head(), head);
    let res = post_form(
        &app,
        &uri,
        &mp,
        &format!("csrf={csrf}&act=open_division&division=co_decision:parliamentary_network&closes_at=2099-01-01T00:00:00Z"),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    // The first member votes by form; the page offers it its own accreditation only.
    let pn1 = sign_in(&app, "pn1", PASSWORD_FORM).await;
    let page = get(&app, &uri, &pn1).await;
    assert!(page.body.contains("Your vote for Folketing delegation"));
    assert!(!page.body.contains("Your vote for Parliament of Ghana"));
    assert!(page.body.contains("<progress"));
    let res = post_form(
        &app,
        &uri,
        &pn1,
        &format!(
            "csrf={}&act=network_member_vote&organ=parliamentary_network&member=1&vote=yes",
            hidden_csrf(&page.body)
        ),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    // The second by the API; it cannot vote for the first, nor vote "maybe".
    let pn2 = token(&inst, "pn2").await;
    let votes = format!("/api/v1/motions/{motion}/network-divisions/parliamentary_network/votes");
    let head = inst.state().await.head();
    let res = post_json(&app, &votes, &pn2, r#"{"member":1,"vote":"no"}"#).await;
    assert_eq!(res.status, 403, "{}", res.body);
    let res = post_json(&app, &votes, &pn2, r#"{"member":2,"vote":"maybe"}"#).await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (400, Some("vote"))
    );
    assert_eq!(inst.state().await.head(), head);
    let res = post_json(&app, &votes, &pn2, r#"{"member":2,"vote":"no"}"#).await;
    assert_eq!(res.status, 201, "{}", res.body);
    // The close waits for the third member until the time is over.
    let mp_token = token(&inst, "mp").await;
    let close = format!("/api/v1/motions/{motion}/network-divisions/parliamentary_network/close");
    let res = post_json(&app, &close, &mp_token, "").await;
    assert_eq!(res.status, 422, "{}", res.body);
    assert!(json(&res)["detail"].as_str().unwrap().contains('1'));
    let pn3 = token(&inst, "pn3").await;
    let res = post_json(&app, &votes, &pn3, r#"{"member":3,"vote":"yes"}"#).await;
    assert_eq!(res.status, 201, "{}", res.body);
    let doc = json(&get(&app, &format!("/api/v1/motions/{motion}"), "").await);
    assert_eq!(
        doc["network_divisions"]["parliamentary_network"]["votes"]["2"],
        "no"
    );
    let res = post_json(&app, &close, &mp_token, "").await;
    assert_eq!(res.status, 201, "{}", res.body);
    let doc = json(&get(&app, &format!("/api/v1/motions/{motion}"), "").await);
    let v = &doc["network_votes"][0];
    assert_eq!((v["yes"].as_u64(), v["no"].as_u64()), (Some(2), Some(1)));
    assert_eq!(v["carried"], true);
    assert_eq!(v["roll"].as_array().unwrap().len(), 3);
    assert_eq!(doc["pending_co_decisions"].as_array().unwrap().len(), 0);
    // The roll, by name, on the page; the journal tells each vote, in every language.
    let page = get(&app, &uri, "").await;
    assert!(page.body.contains("Roll call of the Parliamentary Network"));
    assert!(
        page.body
            .contains("<td>Parliament of Ghana delegation</td><td>Ghana</td><td>No</td>"),
        "{}",
        page.body
    );
    for lang in ["en", "fr", "ar"] {
        let journal = get(&app, &format!("/journal?lang={lang}"), "").await;
        assert!(journal.body.contains("Folketing delegation"), "{lang}");
        assert_eq!(untranslated(&journal.body), None, "{lang}");
    }
}
