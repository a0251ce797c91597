//! The HTTP surface in process: every page kind in every language, errors, and the API
//! against its OpenAPI description.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use comity_core::{base, election, motion, treaty};
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::{Actor, Command, Timestamp, data};
use comity_store::Institution;
use tower::ServiceExt;

use fixture::TestApp;

mod assemblies;
mod assembly_import;
mod caucus;
mod caucus_agenda;
mod consultations;
mod fixture;
mod initiatives;
mod languages;
mod membership;
mod paper_ballots;
mod pledges;
mod ratings_import;
mod sanctions;
mod search;
mod security;
mod snapshots;
mod tlog;
mod treaties;
mod writes;

async fn app() -> Router {
    app_and_institution().await.0
}

pub(crate) async fn app_and_institution() -> (Router, Arc<Institution>) {
    TestApp::alliance().build().await
}

async fn get(
    app: &Router,
    uri: &str,
    accept_language: Option<&str>,
) -> (StatusCode, String, String) {
    let mut req = Request::builder().uri(uri);
    if let Some(l) = accept_language {
        req = req.header(header::ACCEPT_LANGUAGE, l);
    }
    let res = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let ctype = res
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = to_bytes(res.into_body(), 50_000_000).await.unwrap();
    (status, ctype, String::from_utf8_lossy(&body).into_owned())
}

const PAGES: [&str; 14] = [
    "/",
    "/members",
    "/members?status=member&eligible=yes&group=WEOG&sort=-population",
    "/members/DNK",
    "/members/HUN",
    "/charter",
    "/organs",
    "/organs/governing_council",
    "/journal",
    "/journal/1",
    "/journal/verify",
    "/api/docs",
    "/assemblies/citizens_assembly",
    "/treaties",
];

#[tokio::test]
async fn every_page_kind_in_every_language() {
    let app = app().await;
    for (lang, dir, word) in [
        ("en", "ltr", "Members"),
        ("fr", "ltr", "Membres"),
        ("ar", "rtl", "الأعضاء"),
    ] {
        for page in PAGES {
            let sep = if page.contains('?') { '&' } else { '?' };
            let (status, ctype, body) = get(&app, &format!("{page}{sep}lang={lang}"), None).await;
            assert_eq!(status, StatusCode::OK, "{page} in {lang}");
            assert!(ctype.starts_with("text/html"), "{page}: {ctype}");
            assert!(
                body.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{page} in {lang}"
            );
            assert!(body.contains(word), "{page} in {lang} lacks {word}");
        }
    }
}

#[tokio::test]
async fn language_comes_from_accept_language_and_the_switcher_remembers_it() {
    let app = app().await;
    let (_, _, body) = get(&app, "/charter", Some("fr-CA, fr;q=0.9, en;q=0.5")).await;
    assert!(body.contains("<html lang=\"fr\""));
    let res = app
        .clone()
        .oneshot(
            Request::builder()
                .uri("/?lang=ar")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let cookie = res
        .headers()
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.starts_with("lang=ar;"), "{cookie}");
}

#[tokio::test]
async fn pages_show_the_real_record() {
    let app = app().await;
    let (_, _, home) = get(&app, "/", None).await;
    assert!(home.contains("<strong>136</strong>"));
    let (_, _, hun) = get(&app, "/members/HUN", None).await;
    assert!(hun.contains("rated Partly Free, 65/100, FIW 2025"));
    assert!(
        hun.contains("<svg role=\"img\""),
        "member page draws the rating chart"
    );
    assert!(hun.contains("<polyline"));
    let (_, _, members) = get(&app, "/members?q=denm", None).await;
    assert!(members.contains("/members/DNK") && !members.contains("/members/HUN"));
    let (_, _, organ) = get(&app, "/organs/governing_council", None).await;
    assert!(
        organ.contains("Double majority") || organ.contains("65%"),
        "the council decides smart sanctions by double majority"
    );
    let (_, ctype, feed) = get(&app, "/journal.atom", None).await;
    assert!(ctype.starts_with("application/atom+xml") && feed.contains("<entry>"));
    let (_, _, jsonl) = get(&app, "/journal.jsonl", None).await;
    let mut v = comity_core::journal::ChainVerifier::new();
    for (i, line) in jsonl.lines().enumerate() {
        v.push(&comity_core::journal::parse_json_line(i + 1, line).unwrap())
            .unwrap();
    }
    assert_eq!(v.head().seq as usize, jsonl.lines().count());
}

#[tokio::test]
async fn unknown_addresses_are_translated_404s_and_api_errors_are_problem_details() {
    let app = app().await;
    let (status, _, body) = get(&app, "/nowhere?lang=fr", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Introuvable"));
    let (status, _, body) = get(&app, "/members/ZZZ?lang=ar", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("ZZZ") && body.contains("dir=\"rtl\""));
    let (status, ctype, body) = get(&app, "/api/v1/members?per_page=9999", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(ctype, "application/problem+json");
    let p: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (p["status"].as_u64(), p["field"].as_str()),
        (Some(400), Some("per_page"))
    );
    let (status, ctype, _) = get(&app, "/api/v1/organs/nowhere", None).await;
    assert_eq!(
        (status, ctype.as_str()),
        (StatusCode::NOT_FOUND, "application/problem+json")
    );
}

#[tokio::test]
async fn members_as_json_and_csv() {
    let app = app().await;
    let (_, _, body) = get(&app, "/api/v1/members?status=member&per_page=500", None).await;
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["total"], 136);
    let dnk = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["iso3"] == "DNK")
        .unwrap();
    for field in ["iso3", "name", "status", "eligible", "reason"] {
        assert!(dnk.get(field).is_some(), "{field}");
    }
    let req = Request::builder()
        .uri("/api/v1/members")
        .header(header::ACCEPT, "text/csv")
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let csv = String::from_utf8(
        to_bytes(res.into_body(), 10_000_000)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(csv.starts_with("iso3,name,status,eligible,reason"));
    assert_eq!(csv.lines().count(), 196);
}

/// Every path the OpenAPI description names answers, and the description lists them all:
/// each GET with 200 JSON, each POST with a problem about its (empty) body rather than a 404.
#[tokio::test]
async fn the_openapi_description_and_the_routes_agree() {
    let (app, inst) = app_and_institution().await;
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-01-02T00:00:00Z").unwrap(),
        &Command::Caucus(comity_core::caucus::Command::PlaceOnAgenda {
            session: 81,
            symbol: "A/81/L.1".into(),
            title: "A resolution".into(),
            issue: None,
            plenary: comity_core::ids::Day::parse("2026-12-01").unwrap(),
            rcid: None,
        }),
    )
    .await
    .unwrap();
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-01-02T00:00:00Z").unwrap(),
        &Command::Motion(motion::Command::TableMotion {
            decision: "treaty_adoption".into(),
            title: "A treaty".into(),
            text: "Adopt it.".into(),
            sponsor: comity_core::motion::Seat::State(comity_core::Iso3::parse("DNK").unwrap()),
        }),
    )
    .await
    .unwrap();
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-01-02T00:00:00Z").unwrap(),
        &Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: "Co-chairs".into(),
            method: "stv-scottish".into(),
            seats: 2,
            candidates: vec!["A".into(), "B".into(), "C".into()],
            closes_at: Timestamp::parse("2099-01-01T00:00:00Z").unwrap(),
            seed: 1,
        }),
    )
    .await
    .unwrap();
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-01-02T00:00:00Z").unwrap(),
        &Command::Treaty(treaty::Command::OpenTreaty {
            organ: "treaty_commission".into(),
            file_name: "aod-founding-treaty.toml".into(),
            file: include_str!("../../../../treaties/aod-founding-treaty.toml").into(),
            text: include_str!("../../../../treaties/aod-founding-treaty.md").into(),
        }),
    )
    .await
    .unwrap();
    // The demo's pledges, so that a pledge's address answers.
    let list = {
        let state = inst.state().await;
        // Without the demo's accredited organisation, which this alliance has not accredited.
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../../../data/demo/pledges.json")).unwrap();
        doc["pledges"]
            .as_array_mut()
            .unwrap()
            .retain(|p| !p["by"].as_str().unwrap().starts_with("accredited:"));
        comity_core::pledges::file::read_json(&state, "pledges.json", doc.to_string().as_bytes())
            .unwrap()
    };
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-11-01T00:00:00Z").unwrap(),
        &Command::Pledges(comity_core::pledges::Command::Import {
            file: "pledges.json".into(),
            sha256: comity_core::journal::Hash::of(b"demo pledges"),
            pledges: list,
        }),
    )
    .await
    .unwrap();
    // A sanctions case, so that a case's address answers.
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-11-02T00:00:00Z").unwrap(),
        &Command::Sanctions(comity_core::sanctions::Command::ProposeListing {
            target: comity_core::sanctions::Target {
                schema: comity_core::sanctions::TargetSchema::Person,
                name: "Alexander Bastrykin".into(),
                aliases: vec![],
                weak_aliases: vec![],
                birth_dates: vec!["1953-08-27".into()],
                nationalities: vec!["ru".into()],
                identifiers: vec![],
                addresses: vec![],
            },
            grounds: vec!["C1".into()],
            evidence: comity_core::sanctions::Evidence {
                grade: comity_core::sanctions::Grade::A,
                sources: vec![comity_core::sanctions::Source {
                    title: "Council Implementing Regulation (EU) 2021/371".into(),
                    url: None,
                    date: None,
                }],
            },
            reasons: "Arbitrary prosecution of an opposition leader.".into(),
            sponsor: comity_core::motion::Seat::Organ("governing_council".into()),
        }),
    )
    .await
    .unwrap();
    // An initiative, so that its address answers.
    let committee = {
        let state = inst.state().await;
        state
            .members
            .keys()
            .take(7)
            .map(|s| comity_core::initiatives::CommitteeMember {
                name: format!("Member from {s}"),
                state: s.clone(),
            })
            .collect()
    };
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-11-03T00:00:00Z").unwrap(),
        &Command::Initiatives(comity_core::initiatives::Command::Register {
            title: "A UN Parliamentary Assembly".into(),
            objective: "Propose one.".into(),
            committee,
        }),
    )
    .await
    .unwrap();
    // A consultation, likewise.
    let gdc = include_str!("../../../../consultations/global-digital-compact.toml");
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-11-03T00:00:00Z").unwrap(),
        &Command::Consultations(comity_core::consultations::file::parse("gdc.toml", gdc).unwrap()),
    )
    .await
    .unwrap();
    let t = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    inst.store()
        .add_account(
            "reader",
            "Reader",
            "a long password 9",
            &[comity_core::auth::Role::Observer],
            t,
        )
        .await
        .unwrap();
    let token = inst
        .store()
        .create_api_token("reader", "t", t)
        .await
        .unwrap();
    let (status, _, body) = get(&app, "/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    let spec: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths: Vec<&String> = spec["paths"].as_object().unwrap().keys().collect();
    let expected = [
        "/api/v1/account",
        "/api/v1/account/tokens/{id}",
        "/api/v1/accounts",
        "/api/v1/accounts/{username}/roles",
        "/api/v1/accounts/{username}/roles/{role}",
        "/api/v1/accreditations",
        "/api/v1/accreditations/{id}/decision",
        "/api/v1/applications",
        "/api/v1/applications/{id}/referral",
        "/api/v1/assemblies/{organ}",
        "/api/v1/assemblies/{organ}/commitments",
        "/api/v1/assemblies/{organ}/draws",
        "/api/v1/assemblies/{organ}/volunteers",
        "/api/v1/caucus/agenda",
        "/api/v1/caucus/agenda/{item}",
        "/api/v1/caucus/agenda/{item}/explanations",
        "/api/v1/caucus/agenda/{item}/positions",
        "/api/v1/caucus/agenda/{item}/votes",
        "/api/v1/caucus/agreement",
        "/api/v1/caucus/cohesion",
        "/api/v1/caucus/drift",
        "/api/v1/caucus/follow",
        "/api/v1/caucus/imports",
        "/api/v1/caucus/weight",
        "/api/v1/charter",
        "/api/v1/consultations",
        "/api/v1/consultations/{id}",
        "/api/v1/consultations/{id}/submissions",
        "/api/v1/democracy-officers",
        "/api/v1/elections",
        "/api/v1/elections/{id}",
        "/api/v1/elections/{id}/ballots",
        "/api/v1/elections/{id}/close",
        "/api/v1/elections/{id}/paper-ballots",
        "/api/v1/initiatives",
        "/api/v1/initiatives/check",
        "/api/v1/initiatives/{id}",
        "/api/v1/initiatives/{id}/signatures",
        "/api/v1/journal",
        "/api/v1/journal/checkpoint",
        "/api/v1/journal/cosignatures",
        "/api/v1/journal/proof/consistency",
        "/api/v1/journal/proof/inclusion",
        "/api/v1/journal/{seq}",
        "/api/v1/members",
        "/api/v1/members/{iso3}",
        "/api/v1/members/{iso3}/democracy-officer",
        "/api/v1/motions",
        "/api/v1/motions/{id}",
        "/api/v1/motions/{id}/acts",
        "/api/v1/motions/{id}/network-divisions",
        "/api/v1/motions/{id}/network-divisions/{organ}/close",
        "/api/v1/motions/{id}/network-divisions/{organ}/votes",
        "/api/v1/motions/{id}/network-votes",
        "/api/v1/motions/{id}/opinions",
        "/api/v1/organs",
        "/api/v1/organs/{id}",
        "/api/v1/organs/{id}/powers",
        "/api/v1/pledges",
        "/api/v1/pledges/alerts",
        "/api/v1/pledges/import",
        "/api/v1/pledges/{id}",
        "/api/v1/pledges/{id}/ratings",
        "/api/v1/pledges/{id}/reports",
        "/api/v1/reports",
        "/api/v1/reviews",
        "/api/v1/reviews/{id}/measures",
        "/api/v1/sanctions",
        "/api/v1/sanctions/consistency",
        "/api/v1/sanctions/export",
        "/api/v1/sanctions/releases",
        "/api/v1/sanctions/screen",
        "/api/v1/sanctions/{case}",
        "/api/v1/sanctions/{case}/implementations",
        "/api/v1/sanctions/{case}/reviews",
        "/api/v1/search",
        "/api/v1/summary",
        "/api/v1/treaties",
        "/api/v1/treaties/{id}",
        "/api/v1/treaties/{id}/adoption",
        "/api/v1/treaties/{id}/akn",
        "/api/v1/treaties/{id}/deposits",
        "/api/v1/treaties/{id}/objections",
        "/api/v1/treaties/{id}/redline",
        "/api/v1/treaties/{id}/resolutions",
        "/api/v1/treaties/{id}/rounds",
        "/api/v1/treaties/{id}/rounds/{round}",
        "/api/v1/treaties/{id}/signature-opening",
        "/api/v1/treaties/{id}/signatures",
        "/api/v1/treaties/{id}/status",
        "/api/v1/treaties/{id}/withdrawals",
        "/api/v1/treaties/{id}/wordings",
    ];
    assert_eq!(paths, expected);
    for (p, item) in spec["paths"].as_object().unwrap() {
        let id = if p.starts_with("/api/v1/motions")
            || p.starts_with("/api/v1/elections")
            || p.starts_with("/api/v1/applications")
            || p.starts_with("/api/v1/reviews")
            || p.starts_with("/api/v1/accreditations")
            || p.starts_with("/api/v1/initiatives")
            || p.starts_with("/api/v1/consultations")
        {
            "1"
        } else if p.starts_with("/api/v1/treaties") {
            "aod-founding-treaty"
        } else if p.starts_with("/api/v1/pledges") {
            "DNK-2024-01"
        } else {
            "summit"
        };
        let uri = p
            .replace("{seq}", "1")
            .replace("{iso3}", "DNK")
            .replace("{organ}", "citizens_assembly")
            .replace("{round}", "1")
            .replace("{item}", "1")
            .replace("{username}", "reader")
            .replace("{role}", "observer")
            .replace("{case}", "1")
            .replace("{id}", id);
        // The proofs' one required parameter.
        let uri = match p.as_str() {
            "/api/v1/journal/proof/inclusion" => format!("{uri}?seq=0"),
            "/api/v1/journal/proof/consistency" => format!("{uri}?from=1"),
            _ => uri,
        };
        for method in item.as_object().unwrap().keys() {
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(&uri)
                .header(header::AUTHORIZATION, format!("Bearer {token}"))
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::empty())
                .unwrap();
            let res = app.clone().oneshot(req).await.unwrap();
            let status = res.status();
            let ctype = res
                .headers()
                .get(header::CONTENT_TYPE)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            if p.starts_with("/api/v1/accounts") {
                // The secretariat's: a reader's token is refused, whatever the method.
                assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}");
                assert_eq!(ctype, "application/problem+json", "{uri}");
                continue;
            }
            match method.as_str() {
                "get" => {
                    assert_eq!(status, StatusCode::OK, "GET {uri}");
                    // Akoma Ntoso is XML, the FollowTheMoney export JSON lines; everything
                    // else is JSON.
                    let expected = if p.ends_with("/akn") {
                        "application/akn+xml"
                    } else if p.ends_with("/sanctions/export") {
                        "application/x-ndjson"
                    } else {
                        "application/json"
                    };
                    assert!(ctype.starts_with(expected), "{uri}: {ctype}");
                }
                "post" => {
                    // An empty body is a 400; a body-less act by a reader is a 403.
                    assert!(
                        status == StatusCode::BAD_REQUEST || status == StatusCode::FORBIDDEN,
                        "POST {uri}: {status}"
                    );
                    assert_eq!(ctype, "application/problem+json", "{uri}");
                }
                "delete" => {
                    // No token has that id.
                    assert_eq!(status, StatusCode::NOT_FOUND, "DELETE {uri}");
                    assert_eq!(ctype, "application/problem+json", "{uri}");
                }
                other => panic!("unexpected method {other} on {p}"),
            }
        }
    }
}

/// Pages are cached per journal head: a new act is visible on the next request.
#[tokio::test]
async fn cached_pages_follow_the_journal() {
    let (app, inst) = app_and_institution().await;
    let head = inst.state().await.head().seq;
    let (_, _, first) = get(&app, "/journal", None).await;
    let (_, _, again) = get(&app, "/journal", None).await;
    assert_eq!(first, again);
    assert!(first.contains(&format!("href=\"/journal/{head}\"")));
    let mut ed = comity_core::registry::parse_freedom_house("fh.csv", data::FREEDOM_HOUSE_CSV)
        .unwrap()
        .pop()
        .unwrap();
    ed.ratings[0].pr = if ed.ratings[0].pr == 7 {
        6
    } else {
        ed.ratings[0].pr + 1
    };
    let t = Timestamp::parse("2026-02-01T00:00:00Z").unwrap();
    inst.execute(
        &Actor::parse("secretariat").unwrap(),
        t,
        &Command::Base(base::Command::ImportFreedomHouse { editions: vec![ed] }),
    )
    .await
    .unwrap();
    let (_, _, after) = get(&app, "/journal", None).await;
    assert!(
        after.contains(&format!("href=\"/journal/{}\"", head + 1)),
        "the new act must show at once"
    );
    let (_, _, fr) = get(&app, "/journal?lang=fr", None).await;
    assert!(
        fr.contains("<html lang=\"fr\""),
        "the language is part of the key"
    );
}
