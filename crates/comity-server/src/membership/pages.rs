//! Membership after founding: the applications (with their eligibility report, the form to
//! apply and the secretariat's referral to the vote) and the reviews of members that fell
//! below the criterion (with the secretariat's form to propose a measure). Forms that fail
//! come back with the field named and the input kept.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::Role;
use comity_core::membership;
use comity_core::membership::{Application, Measure, Review};
use comity_core::{Command, Iso3};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{execute, form_page, gate, within};
use crate::kit::names::{organ_name, state_name};
use crate::membership::view::measure;
use crate::web::{Chrome, Req, Shared};

pub struct ApplicationRow {
    pub id: u64,
    pub iso3: String,
    pub name: String,
    pub date: String,
    pub eligible: bool,
    pub report: String,
    pub status: String,
    pub motion: Option<u64>,
    /// The viewer may refer it to the vote.
    pub referable: bool,
}

pub fn application_rows(tr: &Tr<'_>, state: &comity_core::State) -> Vec<ApplicationRow> {
    state
        .applications
        .values()
        .map(|a: &Application| ApplicationRow {
            id: a.id,
            iso3: a.state.to_string(),
            name: state_name(state, a.state.as_str()),
            date: a.time.to_string(),
            eligible: a.eligible,
            report: a.report.clone(),
            status: tr.t(&format!("application-status-{}", a.status.code())),
            motion: a.motion,
            referable: false,
        })
        .collect()
}

pub struct ReviewRow {
    pub id: u64,
    pub iso3: String,
    pub name: String,
    pub organ_id: String,
    pub organ: String,
    pub edition: String,
    pub evidence: String,
    pub opened_at: String,
    /// (measure, motion)
    pub proposed: Option<(String, u64)>,
    pub taken: String,
    /// (measure, motion)
    pub rejected: Vec<(String, u64)>,
}

pub fn review_rows(tr: &Tr<'_>, state: &comity_core::State) -> Vec<ReviewRow> {
    state
        .reviews
        .values()
        .map(|r: &Review| ReviewRow {
            id: r.id,
            iso3: r.state.to_string(),
            name: state_name(state, r.state.as_str()),
            organ_id: r.organ.clone(),
            organ: organ_name(state, &r.organ),
            edition: r.edition.clone(),
            evidence: r.evidence.clone(),
            opened_at: r.opened_at.to_string(),
            proposed: r
                .proposed
                .zip(r.motion)
                .filter(|_| r.taken.is_none())
                .map(|(m, id)| (measure(tr, m.code()), id)),
            taken: r.taken.map(|m| measure(tr, m.code())).unwrap_or_default(),
            rejected: r
                .rejected
                .iter()
                .map(|(id, m)| (measure(tr, m.code()), *id))
                .collect(),
        })
        .collect()
}

/// The fields of both pages' forms, kept when a form comes back.
#[derive(Deserialize, Default, Clone)]
pub struct MembershipForm {
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub application: String,
    #[serde(default)]
    pub review: String,
    #[serde(default)]
    pub measure: String,
}

#[derive(Template)]
#[template(path = "membership/applications.html")]
struct ApplicationsPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    rows: Vec<ApplicationRow>,
    pager: crate::kit::paging::Pager,
    criterion: String,
    /// (code, name) of the states the viewer may apply for.
    apply_for: Vec<(String, String)>,
    f: MembershipForm,
    error: (String, String),
}

#[derive(Template)]
#[template(path = "membership/reviews.html")]
struct ReviewsPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    rows: Vec<ReviewRow>,
    pager: crate::kit::paging::Pager,
    /// (review id, label) of the reviews a measure may be proposed in, if the viewer may.
    proposable: Vec<(String, String)>,
    measures: Vec<(String, String)>,
    /// The viewer may import new ratings (the secretariat).
    import_ratings: bool,
    f: MembershipForm,
    error: (String, String),
}

async fn applications_page(
    app: &Shared,
    req: &Req,
    f: MembershipForm,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let mut rows = application_rows(&tr, &state);
    let acts = req
        .principal()
        .map(|w| membership::available(&state, &w, crate::now()))
        .unwrap_or_default();
    for r in &mut rows {
        r.referable = acts.refer.contains(&r.id);
    }
    let mut apply_for: Vec<(String, String)> = acts
        .apply_for
        .iter()
        .map(|iso| (iso.to_string(), state_name(&state, iso.as_str())))
        .collect();
    apply_for.sort_by(|a, b| a.1.cmp(&b.1));
    let criterion = state
        .charter
        .as_ref()
        .map(|a| {
            a.charter
                .admission_criterion(state.stage.as_deref())
                .to_owned()
        })
        .unwrap_or_default();
    let pager = crate::kit::paging::Pager::on(rows.len(), req);
    let page = ApplicationsPage {
        c: req.chrome(&state, "applications"),
        rows: pager.slice(rows),
        pager,
        criterion,
        apply_for,
        f,
        error,
        tr,
    };
    form_page(req, &page.error, &page)
}

pub async fn applications(State(app): State<Shared>, req: Req) -> Response {
    applications_page(
        &app,
        &req,
        MembershipForm::default(),
        (String::new(), String::new()),
    )
    .await
}

pub async fn applications_post(
    State(app): State<Shared>,
    req: Req,
    Form(f): Form<MembershipForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    if let Err(why) = gate(&app, &req, &f.csrf) {
        return why
            .answer(&[], "act", |e| applications_page(&app, &req, f, e))
            .await;
    }
    let cmd = match f.act.as_str() {
        "apply" => match Iso3::parse(f.state.trim()) {
            Ok(state) => Command::Membership(membership::Command::ApplyForMembership { state }),
            Err(_) => {
                let e = ("state".to_owned(), tr.t("form-choose-applicant"));
                return applications_page(&app, &req, f, e).await;
            }
        },
        "refer" => match f.application.trim().parse() {
            Ok(application) => {
                Command::Membership(membership::Command::ReferApplication { application })
            }
            Err(_) => {
                let e = ("application".to_owned(), tr.t("form-unknown-act"));
                return applications_page(&app, &req, f, e).await;
            }
        },
        _ => {
            let e = ("act".to_owned(), tr.t("form-unknown-act"));
            return applications_page(&app, &req, f, e).await;
        }
    };
    match execute(&app, &req, &cmd).await {
        Ok(_) => Redirect::to("/applications").into_response(),
        Err((field, msg)) => {
            // An application's errors concern the state chosen; a referral is one button.
            let field = if f.act == "apply" {
                "state".to_owned()
            } else if field == "sponsor" {
                "act".to_owned()
            } else {
                field
            };
            applications_page(&app, &req, f, (field, msg)).await
        }
    }
}

async fn reviews_page(
    app: &Shared,
    req: &Req,
    f: MembershipForm,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let rows = review_rows(&tr, &state);
    let acts = req
        .principal()
        .map(|w| membership::available(&state, &w, crate::now()))
        .unwrap_or_default();
    let proposable = acts
        .propose_in
        .iter()
        .filter_map(|id| state.reviews.get(id))
        .map(|r| {
            (
                r.id.to_string(),
                format!("{} — {}", r.id, state_name(&state, r.state.as_str())),
            )
        })
        .collect();
    let measures = [Measure::Warning, Measure::Suspension, Measure::Termination]
        .iter()
        .map(|m| (m.code().to_owned(), measure(&tr, m.code())))
        .collect();
    let pager = crate::kit::paging::Pager::on(rows.len(), req);
    let page = ReviewsPage {
        c: req.chrome(&state, "reviews"),
        rows: pager.slice(rows),
        pager,
        proposable,
        measures,
        import_ratings: req.principal().is_some_and(|w| w.has(&Role::Secretariat)),
        f,
        error,
        tr,
    };
    form_page(req, &page.error, &page)
}

pub async fn reviews(State(app): State<Shared>, req: Req) -> Response {
    reviews_page(
        &app,
        &req,
        MembershipForm::default(),
        (String::new(), String::new()),
    )
    .await
}

pub async fn reviews_post(
    State(app): State<Shared>,
    req: Req,
    Form(f): Form<MembershipForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    if let Err(why) = gate(&app, &req, &f.csrf) {
        return why
            .answer(&[], "act", |e| reviews_page(&app, &req, f, e))
            .await;
    }
    let Ok(review) = f.review.trim().parse::<u64>() else {
        let e = ("review".to_owned(), tr.t("form-choose-review"));
        return reviews_page(&app, &req, f, e).await;
    };
    let Some(measure) = crate::membership::api::parse_measure(&f.measure) else {
        let e = ("measure".to_owned(), tr.t("form-choose-measure"));
        return reviews_page(&app, &req, f, e).await;
    };
    match execute(
        &app,
        &req,
        &Command::Membership(membership::Command::ProposeMeasure { review, measure }),
    )
    .await
    {
        Ok(_) => Redirect::to("/reviews").into_response(),
        Err(e) => {
            let e = within(e, &["measure"], "review");
            reviews_page(&app, &req, f, e).await
        }
    }
}
