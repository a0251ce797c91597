//! Accreditation to the networks (seed 001 point 5, seed 003): requests from parliamentarians,
//! opposition leaders and civil society organisations of any country, and the decision of the
//! organ the charter gives `accreditation`, as its reported division. Forms that fail come
//! back with the field named and the input kept.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::network;
use comity_core::network::{AccreditationKind, AccreditationStatus};
use comity_core::{Command, Iso3};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{form_error, form_page, gate};
use crate::kit::names::{organ_name, state_name};
use crate::web::{Chrome, Req, Shared};

pub struct AccreditationRow {
    pub id: u64,
    pub name: String,
    pub country: String,
    pub country_name: String,
    pub kind: String,
    pub organ: String,
    pub description: String,
    pub status: String,
    /// "yes–no (abstain)" by the deciding organ, once decided.
    pub division: String,
    /// The viewer may record the deciding organ's division.
    pub decidable: bool,
}

#[derive(Deserialize, Default)]
pub struct AccreditationForm {
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub organ: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub accreditation: String,
    #[serde(default)]
    pub yes: String,
    #[serde(default)]
    pub no: String,
    #[serde(default)]
    pub abstain: String,
}

#[derive(Template)]
#[template(path = "membership/accreditations.html")]
struct AccreditationsPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    rows: Vec<AccreditationRow>,
    pager: crate::kit::paging::Pager,
    /// The organ that decides, in words.
    decider: String,
    /// (id, name) of the networks the viewer may file a request for.
    networks: Vec<(String, String)>,
    countries: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    f: AccreditationForm,
    error: (String, String),
}

const KINDS: [AccreditationKind; 3] = [
    AccreditationKind::Parliamentarian,
    AccreditationKind::OppositionLeader,
    AccreditationKind::CivilSocietyOrganisation,
];

fn kind_label(tr: &Tr<'_>, k: AccreditationKind) -> String {
    tr.t(&format!(
        "accreditation-kind-{}",
        k.code().replace('_', "-")
    ))
}

async fn page(app: &Shared, req: &Req, f: AccreditationForm, error: (String, String)) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let acts = req
        .principal()
        .map(|w| network::accreditation_acts(&state, &w, crate::now()))
        .unwrap_or_default();
    let rows: Vec<AccreditationRow> = state
        .accreditations
        .values()
        .map(|a| AccreditationRow {
            id: a.id,
            name: a.name.clone(),
            country: a.country.to_string(),
            country_name: state_name(&state, a.country.as_str()),
            kind: kind_label(&tr, a.kind),
            organ: organ_name(&state, &a.organ),
            description: a.description.clone(),
            status: tr.t(match a.status {
                AccreditationStatus::Requested => "accreditation-requested",
                AccreditationStatus::Accredited => "accreditation-granted",
                AccreditationStatus::Refused => "accreditation-refused",
            }),
            division: a
                .decided
                .as_ref()
                .map(|(_, y, n, ab)| format!("{y}–{n} ({ab})"))
                .unwrap_or_default(),
            decidable: acts.decide.contains(&a.id),
        })
        .collect();
    let charter = state.charter.as_ref().map(|a| &a.charter);
    let decider = charter
        .and_then(|c| c.decision("accreditation"))
        .map(|d| organ_name(&state, &d.organ))
        .unwrap_or_default();
    let networks = acts
        .request_to
        .iter()
        .map(|id| (id.clone(), organ_name(&state, id)))
        .collect();
    let mut countries: Vec<(String, String)> = state
        .registry
        .countries()
        .map(|c| (c.iso3.to_string(), c.name.clone()))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let kinds = KINDS
        .iter()
        .map(|k| (k.code().to_owned(), kind_label(&tr, *k)))
        .collect();
    let pager = crate::kit::paging::Pager::on(rows.len(), req);
    let page = AccreditationsPage {
        c: req.chrome(&state, "accreditations"),
        rows: pager.slice(rows),
        pager,
        decider,
        networks,
        countries,
        kinds,
        f,
        error,
        tr,
    };
    form_page(req, &page.error, &page)
}

pub async fn accreditations(State(app): State<Shared>, req: Req) -> Response {
    page(
        &app,
        &req,
        AccreditationForm::default(),
        (String::new(), String::new()),
    )
    .await
}

pub async fn accreditations_post(
    State(app): State<Shared>,
    req: Req,
    Form(f): Form<AccreditationForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let who = match gate(&app, &req, &f.csrf) {
        Ok(who) => who,
        Err(why) => return why.answer(&[], "act", |e| page(&app, &req, f, e)).await,
    };
    let count = |field: &str, v: &str| -> Result<u32, (String, String)> {
        v.trim()
            .parse()
            .map_err(|_| (field.to_owned(), tr.t("form-count")))
    };
    let cmd = match f.act.as_str() {
        "request" => {
            let Ok(country) = Iso3::parse(f.country.trim()) else {
                let e = ("country".to_owned(), tr.t("accreditation-choose-country"));
                return page(&app, &req, f, e).await;
            };
            let Some(kind) = KINDS.iter().copied().find(|k| k.code() == f.kind.trim()) else {
                let e = ("kind".to_owned(), tr.t("accreditation-choose-kind"));
                return page(&app, &req, f, e).await;
            };
            Command::Network(network::Command::RequestAccreditation {
                organ: f.organ.trim().to_owned(),
                name: f.name.clone(),
                country,
                kind,
                description: f.description.clone(),
            })
        }
        "decide" => {
            let parsed = (|| {
                Ok::<_, (String, String)>(Command::Network(network::Command::DecideAccreditation {
                    accreditation: f
                        .accreditation
                        .trim()
                        .parse()
                        .map_err(|_| ("act".to_owned(), tr.t("form-unknown-act")))?,
                    yes: count("yes", &f.yes)?,
                    no: count("no", &f.no)?,
                    abstain: count("abstain", &f.abstain)?,
                }))
            })();
            match parsed {
                Ok(c) => c,
                Err(e) => return page(&app, &req, f, e).await,
            }
        }
        _ => {
            let e = ("act".to_owned(), tr.t("form-unknown-act"));
            return page(&app, &req, f, e).await;
        }
    };
    match app.inst.execute_as(&who, crate::now(), &cmd).await {
        Ok(_) => Redirect::to("/accreditations").into_response(),
        Err(e) => {
            let (field, msg) = form_error(&tr, &e);
            let field = match (f.act.as_str(), field.as_str()) {
                ("request", "sponsor") => "organ".to_owned(),
                ("decide", "sponsor") => "act".to_owned(),
                _ => field,
            };
            page(&app, &req, f, (field, msg)).await
        }
    }
}
