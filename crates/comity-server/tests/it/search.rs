//! Search on the web, over the API: a motion found by a word of its French text with or
//! without its accents, by Chinese characters inside a run and by an Arabic word without its
//! article; filters by kind, organ and day; the index following the journal; every problem
//! with a parameter named; the field in every page's header.

use axum::http::StatusCode;
use comity_core::motion::{self, Seat};
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_server::i18n::Lang;

use crate::fixture::TestApp;
use crate::writes::{Res, send};

async fn get(app: &axum::Router, uri: &str) -> Res {
    send(app, "GET", uri, "", None, None, None).await
}

fn json(res: &Res) -> serde_json::Value {
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

/// The (kind, id) of each result.
fn found(v: &serde_json::Value) -> Vec<(String, String)> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().to_owned(),
                r["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn table(inst: &comity_store::Institution, title: &str, text: &str) -> String {
    inst.execute(
        &Actor::system(),
        Timestamp::parse("2026-03-02T09:00:00Z").unwrap(),
        &Command::Motion(motion::Command::TableMotion {
            decision: "treaty_adoption".into(),
            title: title.into(),
            text: text.into(),
            sponsor: Seat::State(Iso3::parse("DNK").unwrap()),
        }),
    )
    .await
    .unwrap();
    let state = inst.state().await;
    state.motions.keys().last().unwrap().to_string()
}

#[tokio::test]
async fn motions_are_found_by_a_word_of_their_text_in_any_language() {
    let (app, inst) = TestApp::alliance().build().await;
    // Asked before the motions exist: the index is built, then must follow the journal.
    let before = json(&get(&app, "/api/v1/search?q=independance").await);
    assert_eq!(before["total"], 0);

    let fr = table(
        &inst,
        "Liberté de la presse",
        "Le Sommet appelle les membres à garantir l'indépendance des médias et à protéger les journalistes.",
    )
    .await;
    let zh = table(&inst, "保护新闻自由", "各成员国承诺保护记者。").await;
    let ar = table(&inst, "حرية الصحافة", "تحمي الدول الأعضاء الصحفيين.").await;

    let v = json(&get(&app, "/api/v1/search?q=independance").await);
    assert_eq!(found(&v), [("motion".to_owned(), fr.clone())]);
    let snippet = v["results"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("«indépendance»"), "{snippet}");
    assert_eq!(v["results"][0]["url"], format!("/motions/{fr}"));
    assert_eq!(v["results"][0]["organ"], "summit");
    assert_eq!(v["results"][0]["date"], "2026-03-02");
    assert!(v["as_of"].as_u64().unwrap() > before["as_of"].as_u64().unwrap());

    // Accents, case and the beginning of a word.
    for q in ["M%C3%89DIAS", "journalist", "libert%C3%A9%20presse"] {
        let v = json(&get(&app, &format!("/api/v1/search?q={q}&kind=motion")).await);
        assert_eq!(found(&v), [("motion".to_owned(), fr.clone())], "{q}");
    }
    // Every word must be there.
    let v = json(&get(&app, "/api/v1/search?q=presse%20budget").await);
    assert_eq!(v["total"], 0);
    // Two Chinese characters inside a longer run; an Arabic word without its article.
    let v = json(&get(&app, "/api/v1/search?q=%E6%96%B0%E9%97%BB").await);
    assert_eq!(found(&v), [("motion".to_owned(), zh)]);
    let v = json(&get(&app, "/api/v1/search?q=%D8%B5%D8%AD%D8%A7%D9%81%D8%A9").await);
    assert_eq!(found(&v), [("motion".to_owned(), ar)]);

    // The journal's entries: the one that tabled it, told in the reader's language.
    let v = json(&get(&app, "/api/v1/search?q=independance").await);
    let entries = v["journal"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{v}");
    assert_eq!(entries[0]["kind"], "motion_tabled");
    assert_eq!(entries[0]["url"], format!("/journal/{}", entries[0]["seq"]));
    assert!(
        entries[0]["summary"]
            .as_str()
            .unwrap()
            .contains("Liberté de la presse"),
        "{v}"
    );
    assert_eq!(v["journal"]["indexed"], v["as_of"]);
    // Only entries; none for an organ (entries have none) or another kind.
    let v = json(&get(&app, "/api/v1/search?q=independance&kind=entry").await);
    assert_eq!(v["total"], 0);
    assert_eq!(v["journal"]["entries"].as_array().unwrap().len(), 1);
    let v = json(&get(&app, "/api/v1/search?q=independance&kind=motion").await);
    assert!(v["journal"].is_null(), "{v}");
    let v = json(&get(&app, "/api/v1/search?q=independance&organ=summit").await);
    assert!(v["journal"].is_null(), "{v}");
    // Every entry holding both words (the three that tabled motions, and the charter's,
    // whose text says how motions are tabled), newest first.
    let res = get(&app, "/search?q=motion_tabled&kind=entry").await;
    assert_eq!(res.status, StatusCode::OK);
    let listed: Vec<u64> = res
        .body
        .split("<li><a href=\"/journal/")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    let state = inst.state().await;
    let tabled: Vec<u64> = state.motions.values().rev().map(|m| m.tabled_seq).collect();
    drop(state);
    assert_eq!(listed.get(..3), Some(tabled.as_slice()), "{}", res.body);

    // The page, in French, marks the word.
    let res = get(&app, "/search?q=independance&lang=fr").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body.contains(&format!("href=\"/motions/{fr}\"")),
        "{}",
        res.body
    );
    assert!(res.body.contains("<mark>indépendance</mark>"));
    assert!(res.body.contains("Un résultat"));
    assert!(res.body.contains("Dans le journal"));
}

#[tokio::test]
async fn filters_narrow_by_kind_organ_and_day() {
    let (app, inst) = TestApp::alliance().build().await;
    let fr = table(&inst, "Démocratie numérique", "Un texte sur la démocratie.").await;

    let all = json(&get(&app, "/api/v1/search?q=democra").await);
    let kinds: Vec<String> = found(&all).into_iter().map(|(k, _)| k).collect();
    assert!(kinds.contains(&"motion".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"organ".to_owned()), "{kinds:?}");
    assert_eq!(all["total"].as_u64().unwrap() as usize, kinds.len());

    let v = json(&get(&app, "/api/v1/search?q=democra&kind=motion").await);
    assert_eq!(found(&v), [("motion".to_owned(), fr.clone())]);
    let v = json(
        &get(
            &app,
            "/api/v1/search?q=democra&kind=motion&organ=governing_council",
        )
        .await,
    );
    assert_eq!(v["total"], 0);
    let v = json(&get(&app, "/api/v1/search?q=democra&kind=motion&from=2026-03-03").await);
    assert_eq!(v["total"], 0);
    let v = json(&get(&app, "/api/v1/search?q=democra&kind=motion&to=2026-03-02").await);
    assert_eq!(v["total"], 1);
    // No words: everything the filters pass.
    let v = json(&get(&app, "/api/v1/search?kind=member").await);
    let state = inst.state().await;
    assert_eq!(v["total"].as_u64().unwrap() as usize, state.members.len());
    drop(state);
    // A page at a time, with the total in the header.
    let res = get(&app, "/api/v1/search?kind=member&per_page=5&page=2").await;
    assert_eq!(json(&res)["results"].as_array().unwrap().len(), 5);
    assert!(res.body.contains("\"total\""));
}

#[tokio::test]
async fn a_bad_parameter_is_named() {
    let (app, _) = TestApp::alliance().build().await;
    let res = get(&app, "/api/v1/search?q=x&kind=motion,speech").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let p: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(p["field"], "kind", "{p}");
    assert!(p["detail"].as_str().unwrap().contains("\"speech\""), "{p}");
    let res = get(&app, "/api/v1/search?q=x&from=2026-02-30").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("\"from\""), "{}", res.body);
    let res = get(&app, "/search?q=x&to=tomorrow").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("role=\"alert\""), "{}", res.body);
    assert!(
        res.body.contains("To: “tomorrow” is not a day"),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn every_page_has_the_search_field_in_every_language() {
    let (app, _) = TestApp::alliance().build().await;
    for lang in Lang::ALL {
        for path in ["/", "/members", "/search"] {
            let res = get(&app, &format!("{path}?lang={lang}")).await;
            assert_eq!(res.status, StatusCode::OK, "{path} {lang}");
            assert!(
                res.body.contains("action=\"/search\" role=\"search\""),
                "{path} {lang}"
            );
        }
    }
    // The search in the API's description.
    let doc = json(&get(&app, "/api/openapi.json").await);
    assert!(doc["paths"]["/api/v1/search"]["get"].is_object());
}

#[tokio::test]
async fn a_motions_journal_list_says_what_each_entry_was() {
    let (app, inst) = TestApp::alliance().build().await;
    let id = table(&inst, "Liberté de la presse", "Un texte.").await;
    let seq = inst.store().head().await.unwrap().seq;
    let state = inst.state().await;
    let e = inst.store().entry(seq).await.unwrap().unwrap();
    drop(state);
    for lang in [Lang::En, Lang::Fr, Lang::Zh] {
        let res = get(&app, &format!("/motions/{id}?lang={lang}")).await;
        assert_eq!(res.status, StatusCode::OK);
        let section = res.body.split("id=\"acts-j\"").nth(1).unwrap();
        assert!(
            section.contains(&format!("<a href=\"/journal/{seq}\">{seq}</a>")),
            "{section}"
        );
        assert!(
            section.contains(&format!("datetime=\"{}\"", e.time)),
            "{section}"
        );
        // What the entry recorded, in words: the motion's title, not only a number.
        assert!(
            section.contains("Liberté de la presse"),
            "{lang}: {section}"
        );
    }
}
