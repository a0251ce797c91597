//! `/initiatives/check`: would this distribution of signatures pass, for an initiative
//! registered on this day? The counts are pasted as `country,signatures` lines; the verdict
//! shows each member against its minimum, with a chart. No sign-in: committees, journalists
//! and researchers check distributions too.
//!
//! `/initiatives` lists the initiatives, `/initiatives/{id}` shows one with its gauge and
//! its members on a map-like grid, `/initiatives/{id}/sign` is the one-form signing flow
//! without an account (a receipt names the journal entry that holds the signature), and
//! `/initiatives/{id}/counts.csv` exports the counts per member.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::ids::Day;
use comity_core::initiatives::{Command as InitiativeCommand, SignatureForm};
use comity_core::{Iso3, Role};
use serde::Deserialize;

use super::view::{self, CheckDoc, InitiativeDoc};
use crate::i18n::Tr;
use crate::kit::form::{
    FieldError, double_submit, double_submit_ok, form_status, with_double_submit,
};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render, render_with};

#[derive(Deserialize, Default)]
pub struct CheckQuery {
    #[serde(default)]
    pub registered: String,
    /// `country,signatures` lines (a header line is skipped).
    #[serde(default)]
    pub counts: String,
}

#[derive(Template)]
#[template(path = "initiatives/check.html")]
struct CheckPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    q: CheckQuery,
    rule: String,
    doc: Option<CheckDoc>,
    chart: String,
    error: FieldError,
}

/// `country,signatures` lines read: the counts, or the line and field that do not read.
pub fn parse_counts(text: &str) -> Result<BTreeMap<String, u64>, (String, String)> {
    let mut out: BTreeMap<String, u64> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.to_ascii_lowercase().starts_with("country") {
            continue;
        }
        let (c, n) = line.split_once([',', ';', '\t', ' ']).ok_or_else(|| {
            (
                "counts".to_owned(),
                format!("line {}: write country,signatures", i + 1),
            )
        })?;
        let n: u64 = n.trim().parse().map_err(|_| {
            (
                "counts".to_owned(),
                format!(
                    "line {}, field signatures: {:?} is not a whole number",
                    i + 1,
                    n.trim()
                ),
            )
        })?;
        *out.entry(c.trim().to_uppercase()).or_default() += n;
    }
    Ok(out)
}

pub async fn check(State(app): State<Shared>, req: Req, Query(q): Query<CheckQuery>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let rule = view::shipped();
    let asked = !q.registered.trim().is_empty() || !q.counts.trim().is_empty();
    let mut error = FieldError::default();
    let mut doc = None;
    if asked {
        let result = (|| {
            let rule = rule.as_ref().map_err(|e| ("act".to_owned(), e.clone()))?;
            let day = Day::parse(q.registered.trim())
                .map_err(|_| ("registered".to_owned(), tr.t("initiatives-bad-date")))?;
            let counts = parse_counts(&q.counts)?;
            view::check(rule, day, &counts).map_err(|e| ("registered".to_owned(), e))
        })();
        match result {
            Ok(d) => doc = Some(d),
            Err(e) => error = e,
        }
    }
    let chart = doc.as_ref().map_or_else(String::new, |d| {
        view::chart(
            d,
            &tr.t("initiatives-chart-title"),
            &tr.t("initiatives-chart-desc"),
        )
    });
    let page = CheckPage {
        c: req.chrome(&state, "initiatives"),
        rule: rule.map(|r| r.name).unwrap_or_default(),
        q,
        doc,
        chart,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

/// The initiatives: each with its status, its count against the threshold and time left.
#[derive(Template)]
#[template(path = "initiatives/list.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    items: Vec<InitiativeDoc>,
    organ: String,
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let today = crate::today();
    let items = state
        .initiatives
        .initiatives
        .values()
        .rev()
        .map(|i| view::detail(&state, i, today))
        .collect();
    let page = ListPage {
        c: req.chrome(&state, "initiatives"),
        organ: comity_core::initiatives::spec(&state)
            .map(|s| crate::kit::names::organ_name(&state, &s.organ))
            .unwrap_or_default(),
        items,
        tr,
    };
    render(&page)
}

#[derive(Template)]
#[template(path = "initiatives/initiative.html")]
struct InitiativePage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    d: InitiativeDoc,
    map: String,
    organ: String,
    /// The share of the total reached, and of the members, in per cent (the gauges).
    total_pct: u64,
    members_pct: u64,
    /// The acts the viewer may take now, by the initiative's status.
    acts: Acts,
    /// The members whose sample the viewer may certify: (code, name).
    certifiable: Vec<(String, String)>,
    error: FieldError,
}

/// Which officer forms the initiative's page shows.
#[derive(Default)]
pub struct Acts {
    pub admissibility: bool,
    pub paper: bool,
    pub close: bool,
    pub seed: bool,
    pub verdict: bool,
    pub answer: bool,
}

fn pct(n: u64, of: u64) -> u64 {
    n.saturating_mul(100)
        .checked_div(of)
        .map_or(100, |p| p.min(100))
}

async fn initiative_page(app: &Shared, req: &Req, id: u64, error: FieldError) -> Response {
    use comity_core::initiatives::Status;
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(i) = state.initiatives.initiatives.get(&id) else {
        let msg = tr.t1("initiatives-unknown", "initiative", id);
        return not_found(app, req, &state, msg);
    };
    let d = view::detail(&state, i, crate::today());
    let map = view::tile_map(
        &state,
        &d,
        &tr.t("initiatives-map-title"),
        &tr.t("initiatives-map-desc"),
    );
    let who = req.principal();
    let secretariat = who.as_ref().is_some_and(|p| p.has(&Role::Secretariat));
    let status = i.status();
    let acts = if secretariat {
        Acts {
            admissibility: status == Status::Registered,
            paper: status == Status::Collecting,
            close: status == Status::Collecting,
            seed: status == Status::Verifying && i.seed.is_none(),
            verdict: status == Status::Verifying,
            answer: status == Status::Passed,
        }
    } else {
        Acts::default()
    };
    // A member's sample is certified by the secretariat or that member's delegate, once the
    // seed is published.
    let certifiable = if status == Status::Verifying && i.seed.is_some() {
        d.members
            .iter()
            .filter(|m| m.online + m.paper > 0 && !m.certified)
            .filter(|m| {
                secretariat
                    || who.as_ref().is_some_and(|p| {
                        Iso3::parse(&m.state).is_ok_and(|s| p.has(&Role::StateDelegate(s)))
                    })
            })
            .map(|m| (m.state.clone(), m.name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let page = InitiativePage {
        c: req.chrome(&state, "initiatives"),
        organ: crate::kit::names::organ_name(&state, &d.organ),
        total_pct: pct(d.total, d.total_required),
        members_pct: pct(
            d.members_meeting_minimum as u64,
            u64::from(d.required_members),
        ),
        map,
        d,
        acts,
        certifiable,
        error: error.clone(),
        tr,
    };
    crate::kit::form::form_page(req, &error, &page)
}

pub async fn initiative(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    initiative_page(&app, &req, id, FieldError::default()).await
}

#[derive(Deserialize, Default)]
pub struct ActForm {
    #[serde(default)]
    csrf: String,
    /// admissibility, paper, close, seed, certify, verdict or answer.
    #[serde(default)]
    act: String,
    #[serde(default)]
    admissible: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    opens: String,
    #[serde(default)]
    counts: String,
    #[serde(default)]
    sheets: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    seed: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    sample: String,
    #[serde(default)]
    valid: String,
    #[serde(default)]
    text: String,
}

/// The command a filled officer form asks for, or the field that is wrong.
fn act_command(tr: &Tr<'_>, id: u64, f: &ActForm) -> Result<InitiativeCommand, FieldError> {
    let whole = |field: &str, v: &str| {
        v.trim()
            .parse::<u64>()
            .map_err(|_| (field.to_owned(), tr.t("initiatives-whole-number")))
    };
    Ok(match f.act.as_str() {
        "admissibility" => InitiativeCommand::DecideAdmissibility {
            initiative: id,
            admissible: f.admissible == "yes",
            reasons: f.reasons.clone(),
            opens: if f.opens.trim().is_empty() {
                crate::today()
            } else {
                Day::parse(f.opens.trim())
                    .map_err(|_| ("opens".to_owned(), tr.t("initiatives-bad-date")))?
            },
        },
        "paper" => {
            let counts = parse_counts(&f.counts)?;
            let mut by_state = BTreeMap::new();
            for (code, n) in counts {
                let s = Iso3::parse(&code).map_err(|_| {
                    (
                        "counts".to_owned(),
                        tr.t1("initiatives-sign-not-a-member", "code", code.as_str()),
                    )
                })?;
                by_state.insert(s, n);
            }
            InitiativeCommand::RecordSignatures {
                initiative: id,
                channel: comity_core::initiatives::Channel::Paper,
                counts: by_state,
                rows_sha256: comity_core::journal::Hash::of(f.counts.trim().as_bytes()),
                sheets: whole("sheets", &f.sheets)?,
                source: f.source.clone(),
            }
        }
        "close" => InitiativeCommand::CloseCollection { initiative: id },
        "seed" => InitiativeCommand::PublishSeed {
            initiative: id,
            seed: f.seed.trim().to_owned(),
        },
        "certify" => InitiativeCommand::Certify {
            initiative: id,
            state: Iso3::parse(f.state.trim())
                .map_err(|_| ("state".to_owned(), tr.t("initiatives-pick-member")))?,
            sample: whole("sample", &f.sample)?,
            valid: whole("valid", &f.valid)?,
        },
        "verdict" => InitiativeCommand::DeclareVerdict { initiative: id },
        "answer" => InitiativeCommand::Answer {
            initiative: id,
            text: f.text.clone(),
        },
        _ => return Err(("act".to_owned(), tr.t("form-failed"))),
    })
}

/// The officers' acts on an initiative, through the forms of its page.
pub async fn act_post(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<ActForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let cmd = match act_command(&tr, id, &f) {
        Ok(c) => comity_core::Command::Initiatives(c),
        Err(e) => return initiative_page(&app, &req, id, e).await,
    };
    match crate::kit::form::submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => Redirect::to(&format!("/initiatives/{id}")).into_response(),
        Err(why) => {
            let fields = [
                "reasons", "opens", "counts", "sheets", "source", "seed", "state", "sample",
                "valid", "text",
            ];
            why.answer(&fields, "act", |e| initiative_page(&app, &req, id, e))
                .await
        }
    }
}

/// `/initiatives/{id}/counts.csv`: the counts per member.
pub async fn counts_csv(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    let state = app.inst.state().await;
    let Some(i) = state.initiatives.initiatives.get(&id) else {
        let msg = req
            .tr(&app.catalog)
            .t1("initiatives-unknown", "initiative", id);
        return not_found(&app, &req, &state, msg);
    };
    let body = view::counts_csv(&view::detail(&state, i, crate::today()));
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"counts.csv\"",
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize, Default, Clone)]
pub struct SignForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub nationality: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub id_number: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
}

/// A member's line on the signing form: what it asks of its signatories.
pub struct MemberAsks {
    pub code: String,
    pub name: String,
    pub min_age: u32,
    pub id_number: bool,
    pub address: bool,
}

#[derive(Template)]
#[template(path = "initiatives/sign.html")]
struct SignPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    d: InitiativeDoc,
    f: SignForm,
    csrf: String,
    members: Vec<MemberAsks>,
    error: FieldError,
    open: bool,
}

async fn sign_page(app: &Shared, req: &Req, id: u64, f: SignForm, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(i) = state.initiatives.initiatives.get(&id) else {
        let msg = tr.t1("initiatives-unknown", "initiative", id);
        return not_found(app, req, &state, msg);
    };
    let (csrf, fresh) = match double_submit(req) {
        Ok(t) => t,
        Err(e) => return crate::web::internal("making a CSRF token", e),
    };
    let d = view::detail(&state, i, crate::today());
    let mut members: Vec<MemberAsks> = state
        .members
        .keys()
        .map(|s| {
            let r = comity_core::initiatives::requirements(&state, s);
            MemberAsks {
                code: s.to_string(),
                name: crate::kit::names::state_name(&state, s),
                min_age: r.min_age,
                id_number: r.id_number,
                address: r.address,
            }
        })
        .collect();
    members.sort_by(|a, b| a.name.cmp(&b.name));
    let page = SignPage {
        c: req.chrome(&state, "initiatives"),
        open: d.days_left.is_some(),
        d,
        f,
        csrf: csrf.clone(),
        members,
        error: error.clone(),
        tr,
    };
    with_double_submit(
        no_store(render_with(form_status(&error), &page)),
        &csrf,
        fresh,
    )
}

pub async fn sign(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    sign_page(&app, &req, id, SignForm::default(), FieldError::default()).await
}

#[derive(Template)]
#[template(path = "initiatives/receipt.html")]
struct ReceiptPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    title: String,
    r: super::sign::Receipt,
    state_name: String,
}

pub async fn sign_post(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<SignForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    if !double_submit_ok(&req, &f.csrf) {
        let e = ("act".to_owned(), tr.t("form-csrf-failed"));
        return sign_page(&app, &req, id, f, e).await;
    }
    let form = SignatureForm {
        name: f.name.clone(),
        nationality: f.nationality.trim().to_uppercase(),
        birth_date: f.birth_date.clone(),
        id_number: f.id_number.clone(),
        address: f.address.clone(),
        postcode: f.postcode.clone(),
    };
    match super::sign::sign_one(&app, id, &form).await {
        Ok(r) => {
            let state = app.inst.state().await;
            let page = ReceiptPage {
                c: req.chrome(&state, "initiatives"),
                title: state
                    .initiatives
                    .initiatives
                    .get(&id)
                    .map(|i| i.title.clone())
                    .unwrap_or_default(),
                state_name: crate::kit::names::state_name(&state, &r.state),
                r,
                tr,
            };
            no_store(render(&page))
        }
        Err(e) => {
            let error = sign_error(&tr, &e);
            sign_page(&app, &req, id, f, error).await
        }
    }
}

/// A refused signature as (field, message) in the reader's language.
pub fn sign_error(tr: &Tr<'_>, e: &super::sign::SignError) -> FieldError {
    use super::sign::SignError;
    use comity_core::initiatives::sign::FormError;
    match e {
        SignError::Form(f) => {
            let msg = match f {
                FormError::Missing { field } => tr.t1(
                    "initiatives-sign-missing",
                    "field",
                    tr.t(&format!("initiatives-field-{field}")),
                ),
                FormError::TooLong { field, max } => tr.t2(
                    "initiatives-sign-too-long",
                    "field",
                    tr.t(&format!("initiatives-field-{field}")),
                    "max",
                    max,
                ),
                FormError::BadDate(_) => tr.t("initiatives-sign-bad-date"),
                FormError::Underage { state, min_age } => tr.t2(
                    "initiatives-sign-underage",
                    "state",
                    state.to_string(),
                    "age",
                    min_age,
                ),
                FormError::NotAMember(code) => {
                    tr.t1("initiatives-sign-not-a-member", "code", code.as_str())
                }
            };
            (f.field().to_owned(), msg)
        }
        SignError::Duplicate => ("id_number".to_owned(), tr.t("initiatives-sign-duplicate")),
        SignError::Exec(e) => crate::kit::form::form_error(tr, e),
    }
}
