//! Treaties over HTTP: the founding treaty negotiated over three rounds, adopted by the
//! Summit, signed and ratified until its clause is met, then read on every page in every
//! language, downloaded (redline, Akoma Ntoso, CSV) and through the API; acts through the
//! forms and the API by the proper role and a wrong one; refusals that record nothing.
//!
//! Long because it is one negotiation end to end: each round, act and page reads what the
//! step before recorded.

use comity_core::{motion, network, treaty};
use std::sync::Arc;

use axum::Router;
use comity_core::auth::Role;
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::treaty::eif::{Deposit, Instrument};
use comity_core::treaty::record::Resolution;
use comity_core::treaty::text::{BracketRef, Choice};
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_store::Institution;
use comity_voting::rules::Vote;

use crate::app_and_institution;
use crate::writes::{Res, hidden_csrf, send, sign_in};

const FILE: &str = include_str!("../../../../treaties/aod-founding-treaty.toml");
const TEXT: &str = include_str!("../../../../treaties/aod-founding-treaty.md");
const ID: &str = "aod-founding-treaty";
const PAGE: &str = "/treaties/aod-founding-treaty";
/// 30 instruments by 2 March 2026: +30 days is 1 April, then the first day of the next month.
const EIF: &str = "2026-05-01";
const PASSWORD: &str = "a long password 1";
const PASSWORD_FORM: &str = "a+long+password+1";

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

async fn run(inst: &Institution, time: &str, cmd: &Command) {
    inst.execute(&Actor::parse("secretariat").unwrap(), at(time), cmd)
        .await
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
}

/// Table, debate, vote (every member yes) and close a motion; its number.
async fn decide_by_vote(inst: &Institution, time: &str, decision: &str, title: &str) -> u64 {
    let members: Vec<Iso3> = inst.state().await.members.keys().cloned().collect();
    run(
        inst,
        time,
        &Command::Motion(motion::Command::TableMotion {
            decision: decision.into(),
            title: title.into(),
            text: title.into(),
            sponsor: Seat::State(members[0].clone()),
        }),
    )
    .await;
    let id = *inst.state().await.motions.keys().last().unwrap();
    // The organs the charter asks give their opinion first.
    let opinions = inst
        .state()
        .await
        .charter
        .as_ref()
        .unwrap()
        .charter
        .decision(decision)
        .unwrap()
        .opinion_from
        .clone();
    for organ in opinions {
        let opinion = Command::Network(network::Command::GiveOpinion {
            motion: id,
            organ,
            position: comity_core::network::Position::Favourable,
            text: "In favour.".into(),
        });
        run(inst, time, &opinion).await;
    }
    run(
        inst,
        time,
        &Command::Motion(motion::Command::OpenDebate { motion: id }),
    )
    .await;
    let open = Command::Motion(motion::Command::OpenVote {
        motion: id,
        closes_at: at("2026-12-31T00:00:00Z"),
        order: None,
    });
    run(inst, time, &open).await;
    for s in members {
        let vote = Command::Motion(motion::Command::CastVote {
            motion: id,
            state: s,
            vote: Vote::Yes,
        });
        run(inst, time, &vote).await;
    }
    let close = Command::Motion(motion::Command::CloseVote {
        motion: id,
        casting_vote: None,
    });
    run(inst, time, &close).await;
    id
}

async fn settle_first(inst: &Institution, time: &str, by: Resolution) {
    let first = inst.state().await.treaties[ID].text().unwrap().brackets()[0]
        .at
        .clone();
    let cmd = Command::Treaty(treaty::Command::ResolveBracket {
        treaty: ID.into(),
        bracket: first,
        choice: Choice::Alternative(0),
        by,
    });
    run(inst, time, &cmd).await;
}

fn open_treaty() -> Command {
    Command::Treaty(treaty::Command::OpenTreaty {
        organ: "treaty_commission".into(),
        file_name: "aod-founding-treaty.toml".into(),
        file: FILE.into(),
        text: TEXT.into(),
    })
}

/// Three rounds: Denmark proposes a seat, brackets settled by agreement and by a vote of
/// the commission, then the Summit adopts the text. Returns the two motions.
async fn adopted(inst: &Institution) -> (u64, u64) {
    run(inst, "2026-01-05T09:00:00Z", &open_treaty()).await;
    let propose = Command::Treaty(treaty::Command::ProposeWording {
        treaty: ID.into(),
        bracket: BracketRef::top("art_1__para_2", 0),
        wording: "The Hague".into(),
        by: Seat::State(iso("DNK")),
    });
    run(inst, "2026-01-06T09:00:00Z", &propose).await;
    settle_first(inst, "2026-01-07T09:00:00Z", Resolution::Agreement).await;
    settle_first(inst, "2026-01-07T10:00:00Z", Resolution::Agreement).await;
    let round = Command::Treaty(treaty::Command::OpenTreatyRound {
        treaty: ID.into(),
        text: None,
    });
    run(inst, "2026-01-12T09:00:00Z", &round).await;
    let m = decide_by_vote(inst, "2026-01-13T09:00:00Z", "treaty_text", "Membership").await;
    settle_first(inst, "2026-01-14T09:00:00Z", Resolution::Motion(m)).await;
    settle_first(inst, "2026-01-14T10:00:00Z", Resolution::Agreement).await;
    run(inst, "2026-01-19T09:00:00Z", &round).await;
    while inst.state().await.treaties[ID]
        .text()
        .unwrap()
        .open_brackets()
        .total
        > 0
    {
        settle_first(inst, "2026-01-20T09:00:00Z", Resolution::Agreement).await;
    }
    let adoption = decide_by_vote(inst, "2026-02-01T09:00:00Z", "treaty_adoption", "Adopt").await;
    let adopt = Command::Treaty(treaty::Command::AdoptTreaty {
        treaty: ID.into(),
        motion: adoption,
    });
    run(inst, "2026-02-01T12:00:00Z", &adopt).await;
    (m, adoption)
}

fn deposit(state: &Iso3, instrument: Instrument, date: &str, reservations: Vec<String>) -> Command {
    Command::Treaty(treaty::Command::DepositInstrument {
        treaty: ID.into(),
        deposit: Deposit {
            state: state.clone(),
            instrument,
            date: day(date),
            share: None,
        },
        reservations,
        declarations: Vec::new(),
    })
}

const RESERVATION: &str = "Article 6 shall not apply to its overseas territories.";

struct InForce {
    /// The 40 most populous members, who signed on the opening day.
    signers: Vec<Iso3>,
    /// A member that did not sign, and acceded.
    acceded: Iso3,
    commission_motion: u64,
    adoption_motion: u64,
}

/// The treaty through its whole life: open for signature on 2 February 2026, 40 signatures,
/// 29 ratifications on 1 March (the first with a reservation), an accession on 2 March
/// (the 30th instrument), and an objection to the reservation.
async fn in_force(inst: &Institution) -> InForce {
    let (commission_motion, adoption_motion) = adopted(inst).await;
    let open = Command::Treaty(treaty::Command::OpenTreatyForSignature {
        treaty: ID.into(),
        date: day("2026-02-02"),
        place: "Copenhagen".into(),
    });
    run(inst, "2026-02-02T09:00:00Z", &open).await;
    let mut members: Vec<(u64, Iso3)> = {
        let state = inst.state().await;
        state
            .members
            .keys()
            .map(|k| {
                let pop = state.registry.country(k).unwrap().population.unwrap_or(0);
                (pop, k.clone())
            })
            .collect()
    };
    members.sort_by(|a, b| b.cmp(a));
    let signers: Vec<Iso3> = members.iter().take(40).map(|(_, k)| k.clone()).collect();
    for s in &signers {
        let sign = Command::Treaty(treaty::Command::SignTreaty {
            treaty: ID.into(),
            state: s.clone(),
            date: day("2026-02-02"),
        });
        run(inst, "2026-02-02T10:00:00Z", &sign).await;
    }
    for (i, s) in signers[..29].iter().enumerate() {
        let reservations = if i == 0 {
            vec![RESERVATION.to_owned()]
        } else {
            Vec::new()
        };
        let cmd = deposit(s, Instrument::Ratification, "2026-03-01", reservations);
        run(inst, "2026-03-01T10:00:00Z", &cmd).await;
    }
    let acceded = members[60].1.clone();
    let cmd = deposit(&acceded, Instrument::Accession, "2026-03-02", Vec::new());
    run(inst, "2026-03-02T10:00:00Z", &cmd).await;
    let object = Command::Treaty(treaty::Command::ObjectToReservation {
        treaty: ID.into(),
        state: signers[2].clone(),
        reserving: signers[0].clone(),
        reservation: 1,
        text: "The reservation is incompatible with the object and purpose of the Treaty.".into(),
        date: day("2026-03-10"),
    });
    run(inst, "2026-03-10T10:00:00Z", &object).await;
    InForce {
        signers,
        acceded,
        commission_motion,
        adoption_motion,
    }
}

async fn get(app: &Router, uri: &str) -> Res {
    send(app, "GET", uri, "", None, None, None).await
}

fn json(res: &Res) -> serde_json::Value {
    serde_json::from_str(&res.body).unwrap_or_else(|e| panic!("{e}: {}", res.body))
}

/// A message id shown instead of its text.
fn untranslated(html: &str) -> Option<&str> {
    ["treaty-", "treaties-", "ev-"]
        .iter()
        .copied()
        .find(|id| html.contains(&format!(">{id}")) || html.contains(&format!("> {id}")))
}

async fn accounts(inst: &Institution, users: &[(&str, Role)]) {
    let t = at("2026-01-01T00:00:00Z");
    for (user, role) in users {
        inst.store()
            .add_account(user, user, PASSWORD, std::slice::from_ref(role), t)
            .await
            .unwrap();
    }
}

async fn token(inst: &Institution, user: &str) -> String {
    inst.store()
        .create_api_token(user, "t", at("2026-01-01T00:00:00Z"))
        .await
        .unwrap()
}

async fn setup() -> (Router, Arc<Institution>, InForce) {
    let (app, inst) = app_and_institution().await;
    let f = in_force(&inst).await;
    (app, inst, f)
}

#[tokio::test]
async fn a_treaty_in_force_reads_the_same_on_every_page_and_in_every_language() {
    let (app, inst, f) = setup().await;
    let state = inst.state().await;
    // Names as the page escapes them.
    let name = |s: &Iso3| {
        let n = &state.registry.country(s).unwrap().name;
        n.replace('&', "&amp;").replace('\'', "&#x27;")
    };
    for (lang, dir, stage) in [
        ("en", "ltr", "in force"),
        ("fr", "ltr", "en vigueur"),
        ("ar", "rtl", "نافذة"),
    ] {
        let page = get(&app, &format!("{PAGE}?lang={lang}")).await;
        assert_eq!(page.status, 200, "{lang}");
        let html = &page.body;
        assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")));
        assert!(
            html.contains(&format!("<strong>{stage}</strong>")),
            "{lang}: stage"
        );
        assert!(html.contains(EIF), "{lang}: the computed date");
        assert_eq!(untranslated(html), None, "{lang}");
        // Both charts, with their figures.
        assert!(html.contains("<svg role=\"img\" direction=\"ltr\" aria-labelledby=\"rounds-t\""));
        assert!(
            html.contains("<svg role=\"img\" direction=\"ltr\" aria-labelledby=\"deposits-t\"")
        );
        assert!(
            html.contains("stroke-dasharray=\"6 4\""),
            "the threshold line"
        );
        assert!(
            html.contains("<td class=\"num\">30</td>"),
            "30 instruments by 2 March"
        );
        // The status table: 41 states signed or deposited.
        for s in [&f.signers[0], &f.signers[35], &f.acceded] {
            assert!(
                html.contains(&format!("<a href=\"/members/{s}\">{}</a>", name(s))),
                "{lang}: {s}"
            );
        }
        assert!(html.contains(RESERVATION));
        // The history: a proposal by Denmark, a settlement by the commission's motion.
        assert!(html.contains(&format!("href=\"/motions/{}\"", f.commission_motion)));
        assert!(html.contains(&format!("href=\"/motions/{}\"", f.adoption_motion)));
        assert!(html.contains("The Hague"));
        // The text is final: no bracket left.
        assert!(!html.contains("class=\"bracket\""));
        assert!(
            !html.contains("name=\"act\""),
            "no form for an anonymous reader"
        );
    }
    let en = get(&app, PAGE).await.body;
    assert!(en.contains(&format!(
        "The treaty enters into force on {EIF}, as the clause gives it for the deposits on record."
    )));
    assert!(en.contains("+30 days") || en.contains("30 days later"));
    assert!(en.contains("the first day of the next month"));
    assert!(en.contains("at least 30 instruments of ratification, acceptance, approval, accession: 30 of 30 deposited"));
    assert!(en.contains("Opened for signature on 2026-02-02 in Copenhagen."));
    assert!(en.contains(&format!("{} to reservation 1", name(&f.signers[2]))));
    assert!(en.contains("alternative 1 kept: “Copenhagen”") || en.contains("alternative 1 kept"));

    for lang in ["en", "fr", "ar"] {
        let list = get(&app, &format!("/treaties?lang={lang}")).await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("href=\"/treaties/aod-founding-treaty\""));
        assert!(list.body.contains(EIF));
        assert!(
            list.body
                .contains("href=\"/treaties\" aria-current=\"page\"")
        );
        assert_eq!(untranslated(&list.body), None, "{lang}");
        let journal = get(&app, &format!("/journal?lang={lang}")).await;
        assert_eq!(untranslated(&journal.body), None, "{lang}");
        assert!(
            !journal.body.contains("Act of kind"),
            "{lang}: every treaty act has a line"
        );
    }
    let journal = get(&app, "/journal").await.body;
    assert!(journal.contains(&format!("Founding Treaty enters into force on {EIF}")));
    assert!(journal.contains("objected to reservation 1 of"));
    assert!(journal.contains("deposited its instrument of accession (Founding Treaty)"));
    let fr = get(&app, "/journal?lang=fr").await.body;
    assert!(fr.contains(&format!("Founding Treaty entre en vigueur le {EIF}")));
    let organ = get(&app, "/organs/treaty_commission").await.body;
    assert!(organ.contains("href=\"/treaties/aod-founding-treaty\""));
    let missing = get(&app, "/treaties/nothing?lang=fr").await;
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("nothing"));
}

#[tokio::test]
async fn redlines_akoma_ntoso_and_the_status_table_download() {
    let (app, inst, f) = setup().await;
    // The redline page: round 2 to round 3 by default, any two rounds on request.
    let page = get(&app, &format!("{PAGE}/redline")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Redline: round 2 to round 3"));
    assert!(page.body.contains("<del>") && page.body.contains("<section id=\"redline-art_"));
    assert!(page.body.contains("<option value=\"1\">Round 1</option>"));
    assert!(
        page.body
            .contains("<option value=\"0\">First draft</option>")
    );
    let whole = get(&app, &format!("{PAGE}/redline?from=1&to=3&lang=ar")).await;
    assert_eq!(whole.status, 200);
    assert!(whole.body.contains("dir=\"rtl\"") && whole.body.contains("<del>"));
    assert!(
        whole
            .body
            .contains("href=\"/treaties/aod-founding-treaty/redline.html?from=1&amp;to=3\"")
    );
    let none = get(&app, &format!("{PAGE}/redline?from=1&to=9")).await;
    assert_eq!(none.status, 404);
    let back = get(&app, &format!("{PAGE}/redline?from=3&to=1")).await;
    assert!(
        back.body.contains("<ins>"),
        "the other way round, deletions are insertions"
    );

    for _ in 0..2 {
        // Twice: the second answer comes from the page cache and keeps its headers.
        let req = axum::http::Request::builder()
            .uri(format!("{PAGE}/redline.html?from=1&to=3"))
            .body(axum::body::Body::empty())
            .unwrap();
        let res = tower::ServiceExt::oneshot(app.clone(), req).await.unwrap();
        assert_eq!(res.status(), 200);
        let disposition = res.headers()[axum::http::header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            disposition,
            "attachment; filename=\"aod-founding-treaty-redline-round-1-to-3.html\""
        );
        let body = axum::body::to_bytes(res.into_body(), 10_000_000)
            .await
            .unwrap();
        let doc = String::from_utf8(body.to_vec()).unwrap();
        assert!(doc.starts_with("<!DOCTYPE html>"));
        assert!(doc.contains("Changes from round 1 to round 3"));
    }
    let txt = get(&app, &format!("{PAGE}/redline.txt?from=1&to=3")).await;
    assert!(txt.ctype.starts_with("text/plain"));
    assert!(txt.body.contains("[-"), "{}", txt.body);

    // Akoma Ntoso: dated from the journal, so the same head gives the same file.
    let akn = get(&app, &format!("{PAGE}/akn.xml?round=1")).await;
    assert_eq!(akn.status, 200);
    assert!(
        akn.ctype.starts_with("application/akn+xml"),
        "{}",
        akn.ctype
    );
    assert!(
        akn.body
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    );
    assert!(akn.body.contains(comity_core::treaty::akn::NAMESPACE));
    assert!(
        akn.body
            .contains("/akn/un/act/treaty/aod/2026-01-05/aod-founding-treaty")
    );
    assert!(
        akn.body.contains("name=\"bracket\""),
        "round 1 kept its brackets"
    );
    let head_day = "2026-03-10";
    assert!(akn.body.contains(head_day), "generated on the head's day");
    let again = get(&app, &format!("{PAGE}/akn.xml?round=1")).await;
    assert_eq!(akn.body, again.body);
    let current = get(&app, &format!("{PAGE}/akn.xml")).await;
    assert!(
        !current.body.contains("name=\"bracket\""),
        "round 3 has none"
    );
    assert_eq!(
        get(&app, &format!("{PAGE}/akn.xml?round=4")).await.status,
        404
    );

    let csv = get(&app, &format!("{PAGE}/status.csv")).await;
    assert!(csv.ctype.starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert!(lines[0].starts_with("state,signature,deposit,instrument,reservations"));
    assert_eq!(lines.len(), 1 + 41);
    let first = lines
        .iter()
        .find(|l| l.starts_with(f.signers[0].as_str()))
        .unwrap();
    assert!(first.contains(RESERVATION) && first.contains(EIF));
    assert!(first.contains(&format!("{} on reservation 1", f.signers[2])));
    drop(inst);
}

#[tokio::test]
async fn the_api_gives_the_treaty_as_data() {
    let (app, _inst, f) = setup().await;
    let list = json(&get(&app, "/api/v1/treaties").await);
    assert_eq!(list[0]["id"], ID);
    assert_eq!(list[0]["stage"], "in_force");
    assert_eq!(list[0]["entry_into_force"], EIF);
    let doc = json(&get(&app, "/api/v1/treaties/aod-founding-treaty").await);
    assert_eq!(doc["stage"], "in_force");
    assert_eq!(doc["round"], 3);
    assert_eq!(doc["open_brackets"], 0);
    assert_eq!(doc["eif"]["entry_into_force"], EIF);
    assert_eq!(doc["eif"]["conditions_met"], "2026-03-02");
    assert_eq!(doc["eif"]["instruments"], 30);
    assert_eq!(doc["eif"]["per_state"].as_object().unwrap().len(), 30);
    assert_eq!(doc["eif"]["per_state"][f.acceded.as_str()], EIF);
    assert_eq!(doc["instrument_threshold"], 30);
    assert_eq!(doc["status"].as_array().unwrap().len(), 41);
    let first = doc["status"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["state"] == f.signers[0].as_str())
        .unwrap();
    assert_eq!(first["reservations"][0], RESERVATION);
    assert_eq!(first["objections"][0]["state"], f.signers[2].as_str());
    assert_eq!(first["instrument"], "ratification");
    assert_eq!(doc["rounds"].as_array().unwrap().len(), 3);
    assert_eq!(doc["proposals"][0]["by"], "DNK");
    assert_eq!(doc["proposals"][0]["bracket"], "art_1__para_2:1");
    let by_motion: Vec<&serde_json::Value> = doc["settlements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["motion"] == f.commission_motion)
        .collect();
    assert_eq!(by_motion.len(), 1);
    assert_eq!(doc["adoption"]["motion"], f.adoption_motion);
    assert_eq!(doc["signature"]["place"], "Copenhagen");
    assert_eq!(doc["deposits_over_time"][1]["instruments"], 30);

    let r1 = json(&get(&app, "/api/v1/treaties/aod-founding-treaty/rounds/1").await);
    assert!(
        r1["source"]
            .as_str()
            .unwrap()
            .starts_with("# Treaty establishing")
    );
    let brackets = r1["brackets"].as_array().unwrap();
    assert_eq!(
        brackets.len(),
        r1["open_brackets"].as_u64().unwrap() as usize
    );
    assert!(brackets.iter().any(|b| b["address"] == "art_2__para_1:1"));
    assert!(
        r1["start_source"]
            .as_str()
            .unwrap()
            .contains("[Copenhagen / Brussels")
    );
    assert!(r1["draft"]["articles"].is_array());
    assert_eq!(
        get(&app, "/api/v1/treaties/aod-founding-treaty/rounds/7")
            .await
            .status,
        404
    );
    let red = json(
        &get(
            &app,
            "/api/v1/treaties/aod-founding-treaty/redline?from=1&to=3",
        )
        .await,
    );
    assert!(red["words_deleted"].as_u64().unwrap() > 0);
    assert!(red["redline"]["parts"].is_array());

    let status = json(&get(&app, "/api/v1/treaties/aod-founding-treaty/status").await);
    assert_eq!(status.as_array().unwrap().len(), 41);
    let csv = get(
        &app,
        "/api/v1/treaties/aod-founding-treaty/status?format=csv",
    )
    .await;
    assert!(csv.ctype.starts_with("text/csv") && csv.body.lines().count() == 42);
    let req = axum::http::Request::builder()
        .uri("/api/v1/treaties/aod-founding-treaty/status")
        .header(axum::http::header::ACCEPT, "text/csv")
        .body(axum::body::Body::empty())
        .unwrap();
    let res = tower::ServiceExt::oneshot(app.clone(), req).await.unwrap();
    assert!(
        res.headers()[axum::http::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let bad = get(
        &app,
        "/api/v1/treaties/aod-founding-treaty/status?format=xls",
    )
    .await;
    assert_eq!(bad.status, 400);
    assert_eq!(json(&bad)["field"], "format");
    let akn = get(&app, "/api/v1/treaties/aod-founding-treaty/akn?round=2").await;
    assert!(akn.body.starts_with("<?xml") && akn.body.contains("@round-2"));
    let missing = get(&app, "/api/v1/treaties/nothing").await;
    assert_eq!(
        (missing.status.as_u16(), missing.ctype.as_str()),
        (404, "application/problem+json")
    );
}

#[tokio::test]
async fn deposits_through_the_forms_and_the_api_by_the_proper_role_only() {
    let (app, inst, f) = setup().await;
    let delegate_of = f.signers[35].clone();
    let other = f.signers[36].clone();
    accounts(
        &inst,
        &[
            ("sec", Role::Secretariat),
            ("del", Role::StateDelegate(delegate_of.clone())),
        ],
    )
    .await;
    // The delegate sees the forms for their own state only.
    let cookie = sign_in(&app, "del", PASSWORD_FORM).await;
    let page = send(&app, "GET", PAGE, &cookie, None, None, None).await;
    assert!(page.body.contains("id=\"deposit_state\""));
    assert!(
        page.body
            .contains(&format!("<option value=\"{delegate_of}\""))
    );
    assert!(!page.body.contains(&format!("<option value=\"{other}\"")));
    assert!(
        !page.body.contains("id=\"round_text\""),
        "not the secretariat's forms"
    );
    let csrf = hidden_csrf(&page.body);
    let post = |cookie: String, form: String| {
        let app = app.clone();
        async move { send(&app, "POST", PAGE, &cookie, Some(&form), None, None).await }
    };
    // For another state: refused, nothing recorded.
    let head = inst.state().await.head();
    let res = post(
        cookie.clone(),
        format!("csrf={csrf}&act=deposit&deposit_state={other}&deposit_date=2026-03-15&deposit_instrument=ratification"),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body.contains(&format!("You do not speak for {other}")),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("id=\"deposit_state\" name=\"deposit_state\" required aria-invalid=\"true\"")
    );
    assert_eq!(inst.state().await.head(), head);
    // For its own state: recorded, with a declaration.
    let res = post(
        cookie.clone(),
        format!("csrf={csrf}&act=deposit&deposit_state={delegate_of}&deposit_date=2026-03-15&deposit_instrument=ratification&deposit_declarations=It+reads+Article+2+as+covering+territories."),
    )
    .await;
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(res.location, format!("{PAGE}#status-h"));
    assert_eq!(inst.state().await.head().seq, head.seq + 1);
    {
        let state = inst.state().await;
        let t = &state.treaties[ID];
        assert_eq!(
            t.eif.per_state[&delegate_of],
            day(EIF),
            "later, but not before the treaty"
        );
        assert_eq!(t.deposit_of(&delegate_of).unwrap().declarations.len(), 1);
    }

    // The secretariat records for any state; a deposit before the opening is refused, with
    // the date marked and the input kept; so is a second deposit.
    let sec = sign_in(&app, "sec", PASSWORD_FORM).await;
    let page = send(&app, "GET", PAGE, &sec, None, None, None).await;
    assert!(page.body.contains(&format!("<option value=\"{other}\"")));
    let csrf = hidden_csrf(&page.body);
    let head = inst.state().await.head();
    let res = post(
        sec.clone(),
        format!("csrf={csrf}&act=deposit&deposit_state={other}&deposit_date=2026-01-20&deposit_instrument=ratification&deposit_reservations=Kept+reservation"),
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body
            .contains("before the treaty opened for signature on 2026-02-02"),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("value=\"2026-01-20\" aria-invalid=\"true\"")
    );
    assert!(res.body.contains(">Kept reservation</textarea>"));
    let twice = post(
        sec.clone(),
        format!("csrf={csrf}&act=deposit&deposit_state={}&deposit_date=2026-03-20&deposit_instrument=ratification", f.signers[0]),
    )
    .await;
    assert_eq!(twice.status, 422);
    assert!(
        twice
            .body
            .contains("has already deposited its instrument (on 2026-03-01)")
    );
    let bad_date = post(
        sec.clone(),
        format!("csrf={csrf}&act=deposit&deposit_state={other}&deposit_date=20.3.2026&deposit_instrument=ratification"),
    )
    .await;
    assert_eq!(bad_date.status, 422);
    assert!(bad_date.body.contains("Give the date as YYYY-MM-DD"));
    let no_csrf = post(
        sec.clone(),
        format!("csrf=x&act=sign&sign_state={other}&sign_date=2026-03-20"),
    )
    .await;
    assert_eq!(no_csrf.status, 422);
    assert_eq!(inst.state().await.head(), head, "refusals record nothing");

    // The API: the secretariat's token deposits for a state; a delegate's cannot act for
    // another state nor open a round; bodies that do not parse name the field.
    let sec_token = token(&inst, "sec").await;
    let del_token = token(&inst, "del").await;
    let deposits = "/api/v1/treaties/aod-founding-treaty/deposits";
    let body = format!(
        r#"{{"state":"{other}","instrument":"ratification","date":"2026-03-20","reservations":["None of Article 8."]}}"#
    );
    let res = send(
        &app,
        "POST",
        deposits,
        "",
        None,
        Some(&sec_token),
        Some(&body),
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let done = json(&res);
    assert_eq!(done["treaty"], ID);
    assert_eq!(done["entries"].as_array().unwrap().len(), 1);
    let head = inst.state().await.head();
    let res = send(
        &app,
        "POST",
        deposits,
        "",
        None,
        Some(&del_token),
        Some(&body),
    )
    .await;
    assert_eq!(res.status, 403);
    let res = send(
        &app,
        "POST",
        "/api/v1/treaties/aod-founding-treaty/rounds",
        "",
        None,
        Some(&del_token),
        Some("{}"),
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), res.ctype.as_str()),
        (403, "application/problem+json")
    );
    let twice = send(
        &app,
        "POST",
        deposits,
        "",
        None,
        Some(&sec_token),
        Some(&body),
    )
    .await;
    assert_eq!(twice.status, 422);
    let p = json(&twice);
    assert!(
        p["type"]
            .as_str()
            .unwrap()
            .ends_with("/treaty-already-deposited")
    );
    assert_eq!(p["field"], "state");
    let bad = body.replace("2026-03-20", "2026-13-01");
    let res = send(
        &app,
        "POST",
        deposits,
        "",
        None,
        Some(&sec_token),
        Some(&bad),
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (400, Some("date"))
    );
    let bad = body.replace("ratification", "treaty");
    let res = send(
        &app,
        "POST",
        deposits,
        "",
        None,
        Some(&sec_token),
        Some(&bad),
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (400, Some("instrument"))
    );
    let res = send(&app, "POST", deposits, "", None, None, Some(&body)).await;
    assert_eq!(res.status, 401);
    let res = send(
        &app,
        "POST",
        "/api/v1/treaties/nothing/deposits",
        "",
        None,
        Some(&sec_token),
        Some(&body),
    )
    .await;
    assert_eq!(res.status, 404);
    assert_eq!(inst.state().await.head(), head, "refusals record nothing");
    // The objection and withdrawal forms are the secretariat's too.
    let page = send(&app, "GET", PAGE, &sec, None, None, None).await;
    assert!(
        page.body.contains("id=\"object_reserving\"")
            && page.body.contains("id=\"withdraw_state\"")
    );
}

#[tokio::test]
async fn drafting_through_the_forms() {
    let (app, inst) = app_and_institution().await;
    accounts(
        &inst,
        &[
            ("sec", Role::Secretariat),
            ("dnk", Role::StateDelegate(iso("DNK"))),
            ("obs", Role::Observer),
        ],
    )
    .await;
    let sec = sign_in(&app, "sec", PASSWORD_FORM).await;
    let list = send(&app, "GET", "/treaties", &sec, None, None, None).await;
    assert!(list.body.contains("No treaty is being drafted yet."));
    assert!(list.body.contains("<option value=\"treaty_commission\""));
    let csrf = hidden_csrf(&list.body);
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    let bad_file = FILE.replace("instruments = 30", "instruments = 0");
    let res = send(
        &app,
        "POST",
        "/treaties",
        &sec,
        Some(&format!(
            "csrf={csrf}&organ=treaty_commission&file={}&text={}",
            enc(&bad_file),
            enc(TEXT)
        )),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body
            .contains("The treaty file is not valid: treaty.toml:"),
        "{}",
        res.body
    );
    assert!(res.body.contains(
        "name=\"file\" rows=\"12\" cols=\"80\" spellcheck=\"false\" required aria-invalid=\"true\""
    ));
    assert!(
        res.body.contains("## Article 1 — Establishment"),
        "the text is kept"
    );
    let res = send(
        &app,
        "POST",
        "/treaties",
        &sec,
        Some(&format!(
            "csrf={csrf}&organ=treaty_commission&file={}&text={}",
            enc(FILE),
            enc(TEXT)
        )),
        None,
        None,
    )
    .await;
    assert_eq!((res.status.as_u16(), res.location.as_str()), (303, PAGE));

    // The page marks every bracket with its address; Denmark's delegate proposes a wording.
    let anon = get(&app, PAGE).await.body;
    assert!(anon.contains("<span class=\"bracket\" id=\"b-art_1__para_2-1\"><span class=\"addr\">art_1__para_2:1</span>[<span class=\"alt\"><span class=\"altn\">1</span>Copenhagen</span> / <span class=\"alt\"><span class=\"altn\">2</span>Brussels</span>"));
    assert!(anon.contains("<strong>being drafted</strong>"));
    let dnk = sign_in(&app, "dnk", PASSWORD_FORM).await;
    let page = send(&app, "GET", PAGE, &dnk, None, None, None).await;
    assert!(page.body.contains("id=\"propose_wording\""));
    assert!(
        !page.body.contains("id=\"settle_bracket\""),
        "settling is the secretariat's"
    );
    let csrf = hidden_csrf(&page.body);
    let res = send(&app, "POST", PAGE, &dnk, Some(&format!("csrf={csrf}&act=propose&propose_bracket=art_1__para_2%3A1&propose_wording=The+Hague&propose_by=DNK")), None, None).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let head = inst.state().await.head();
    let again = send(&app, "POST", PAGE, &dnk, Some(&format!("csrf={csrf}&act=propose&propose_bracket=art_1__para_2%3A1&propose_wording=The+Hague&propose_by=DNK")), None, None).await;
    assert_eq!(again.status, 422);
    assert!(again.body.contains("id=\"propose_wording\" name=\"propose_wording\" size=\"60\" required value=\"The Hague\" aria-invalid=\"true\""), "{}", again.body);
    let settle = send(&app, "POST", PAGE, &dnk, Some(&format!("csrf={csrf}&act=settle&settle_bracket=art_1__para_2%3A1&settle_choice=alternative&settle_alternative=3&settle_by=agreement")), None, None).await;
    assert_eq!(settle.status, 422);
    assert!(
        settle
            .body
            .contains("Only an officer of the secretariat may do this.")
    );
    assert_eq!(inst.state().await.head(), head);

    // The secretariat keeps Denmark's wording, then opens round 2.
    let page = send(&app, "GET", PAGE, &sec, None, None, None).await;
    let csrf = hidden_csrf(&page.body);
    assert!(page.body.contains("<option value=\"art_1__para_2:1\">art_1__para_2:1 [Copenhagen / Brussels / a city decided by the Summit / The Hague]</option>"));
    let res = send(&app, "POST", PAGE, &sec, Some(&format!("csrf={csrf}&act=settle&settle_bracket=art_1__para_2%3A1&settle_choice=alternative&settle_alternative=4&settle_by=agreement")), None, None).await;
    assert_eq!(res.status, 303, "{}", res.body);
    let res = send(&app, "POST", PAGE, &sec, Some(&format!("csrf={csrf}&act=settle&settle_bracket=art_1__para_2%3A1&settle_choice=alternative&settle_alternative=1&settle_by=motion&settle_motion=999")), None, None).await;
    assert_eq!(
        res.status, 422,
        "the bracket is gone, and there is no motion 999"
    );
    let res = send(
        &app,
        "POST",
        PAGE,
        &sec,
        Some(&format!("csrf={csrf}&act=open_round&round_text=")),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, 303);
    let page = get(&app, PAGE).await.body;
    assert!(page.contains("alternative 4 kept: “The Hague”"), "{page}");
    assert!(page.contains("The Alliance shall have its seat in The Hague."));
    assert!(page.contains("Denmark"));
    // Round 2 opened on the text as round 1 left it: nothing changed in it yet; the
    // changes of round 1 show against the first draft.
    let red = get(&app, &format!("{PAGE}/redline")).await.body;
    assert!(red.contains("Redline: round 1 to round 2"));
    assert!(red.contains("The two texts are the same."));
    let red = get(&app, &format!("{PAGE}/redline?from=0&to=2")).await.body;
    assert!(red.contains("Redline: the first draft to round 2"));
    assert!(
        red.contains("<del>[Copenhagen</del>") && red.contains("<ins>Hague</ins>"),
        "{red}"
    );

    // Over the API: Denmark's token proposes; an observer's may not.
    let dnk_token = token(&inst, "dnk").await;
    let obs_token = token(&inst, "obs").await;
    let body =
        r#"{"bracket":"art_2__para_1:1","wording":"Free, as rated by Freedom House","by":"DNK"}"#;
    let uri = "/api/v1/treaties/aod-founding-treaty/wordings";
    let res = send(&app, "POST", uri, "", None, Some(&obs_token), Some(body)).await;
    assert_eq!(res.status, 403);
    let res = send(&app, "POST", uri, "", None, Some(&dnk_token), Some(body)).await;
    assert_eq!(res.status, 201, "{}", res.body);
    let bad = body.replace("art_2__para_1:1", "art_2:0");
    let res = send(&app, "POST", uri, "", None, Some(&dnk_token), Some(&bad)).await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (400, Some("bracket"))
    );
    let gone = body.replace("art_2__para_1:1", "art_2__para_1:9");
    let res = send(&app, "POST", uri, "", None, Some(&dnk_token), Some(&gone)).await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (422, Some("bracket"))
    );
    let sec_token = token(&inst, "sec").await;
    let res = send(
        &app,
        "POST",
        "/api/v1/treaties/aod-founding-treaty/resolutions",
        "",
        None,
        Some(&sec_token),
        Some(r#"{"bracket":"art_2__para_1:1","choice":{"alternative":3}}"#),
    )
    .await;
    assert_eq!(res.status, 201, "{}", res.body);
    let doc = json(&get(&app, "/api/v1/treaties/aod-founding-treaty").await);
    let last = doc["settlements"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["wording"], "Free, as rated by Freedom House");
    assert_eq!(last["alternative"], 3);
}

/// Issue 22, item 1: a text of 30,000 nested brackets aborted the server by overflowing its
/// stack, and was parsed before the caller's right was checked. It is read after
/// authorization, refused past ten levels, and the server answers on.
#[tokio::test]
async fn deeply_nested_brackets_are_refused_after_authorization() {
    let (app, inst) = app_and_institution().await;
    accounts(
        &inst,
        &[("sec", Role::Secretariat), ("obs", Role::Observer)],
    )
    .await;
    let deep = format!(
        "# T\n\n## Article 1\n{}x{}\n",
        "[".repeat(30_000),
        "]".repeat(30_000)
    );
    let body =
        serde_json::json!({"organ": "treaty_commission", "file": FILE, "text": deep}).to_string();
    let obs = token(&inst, "obs").await;
    let res = send(
        &app,
        "POST",
        "/api/v1/treaties",
        "",
        None,
        Some(&obs),
        Some(&body),
    )
    .await;
    assert_eq!(res.status, 403, "{}", res.body);
    let sec = token(&inst, "sec").await;
    let res = send(
        &app,
        "POST",
        "/api/v1/treaties",
        "",
        None,
        Some(&sec),
        Some(&body),
    )
    .await;
    let doc = json(&res);
    assert_eq!(
        (res.status.as_u16(), doc["field"].as_str()),
        (422, Some("text")),
        "{}",
        res.body
    );
    assert!(
        doc["detail"]
            .as_str()
            .unwrap()
            .contains("nested more than 10 deep"),
        "{}",
        res.body
    );
    assert!(res.body.len() < 2_000, "the refusal does not echo the text");
    // A bad file still names the file.
    let bad_file = FILE.replace("instruments = 30", "instruments = 0");
    let body = serde_json::json!({"organ": "treaty_commission", "file": bad_file, "text": TEXT})
        .to_string();
    let res = send(
        &app,
        "POST",
        "/api/v1/treaties",
        "",
        None,
        Some(&sec),
        Some(&body),
    )
    .await;
    assert_eq!(
        (res.status.as_u16(), json(&res)["field"].as_str()),
        (422, Some("file")),
        "{}",
        res.body
    );
    // Nothing was recorded; the server still answers.
    assert!(inst.state().await.treaties.is_empty());
    assert_eq!(get(&app, "/treaties").await.status, 200);
}
