//! An assembly drawn by lot: its quotas beside the pool, the pending commitment, the latest
//! draw (every volunteer's chance in a chart, the panel by number), and the forms the
//! viewer's roles allow: a citizen volunteers, the secretariat commits to a seed, draws,
//! and imports a CSV of respondents (`assembly_import.rs`).
//!
//! Names and addresses never appear here except on the one response that registers a
//! person, which shows them their receipt (and is never stored by a cache).

use comity_core::assembly;
use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::assembly::{Assembly, commitment};
use comity_core::auth::{Role, authorize};
use comity_core::charter::{Organ, Sortition};
use comity_core::{Command, DomainError, Principal};
use comity_store::{Contact, ContactError, ExecError, NewVolunteer};
use serde::Deserialize;

use crate::assembly::view::{DrawView, QuotaRow, ResultView, draw_view, quota_rows, result_view};
use crate::i18n::Tr;
use crate::kit::form::{Submit, form_error, gate};
use crate::labels;
use crate::web::{Chrome, Req, Shared, internal, no_store, not_found, render_with};

/// The shortest seed the commitment form accepts: a short seed could be found from its
/// published hash by trying every candidate, and the panel foreseen before the draw.
const SEED_MIN: usize = 12;

/// A quota feature's select on the volunteer form.
pub struct FeatureField {
    /// The form field: `f_` and the feature.
    pub field: String,
    pub label: String,
    /// (value, selected)
    pub options: Vec<(String, bool)>,
}

/// What a person who just volunteered is shown, once.
pub struct Receipt {
    pub number: u64,
    pub name: String,
    pub email: String,
    pub salt: String,
    pub hash: String,
}

/// The outcome of a CSV import.
#[derive(Default, Clone)]
pub struct ImportReport {
    pub rows: usize,
    pub registered: usize,
    pub first: u64,
    pub last: u64,
    /// (line, reason)
    pub rejected: Vec<(u64, String)>,
}

#[derive(Template)]
#[template(path = "assembly/assembly.html")]
struct AssemblyPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    organ: String,
    name: String,
    seats: usize,
    algorithm: String,
    one_per_household: bool,
    pool: usize,
    feature_names: Vec<String>,
    quotas: Vec<(String, Vec<QuotaRow>)>,
    pending: Option<DrawView>,
    latest: Option<(DrawView, ResultView)>,
    draws: Vec<DrawView>,
    forms: assembly::AssemblyActs,
    fields: Vec<FeatureField>,
    f: ActForm,
    /// (field, message)
    error: (String, String),
    receipt: Option<Receipt>,
    /// (draw, commitment) just published by this officer.
    committed: Option<(u64, String)>,
    import: Option<ImportReport>,
    import_summary: String,
}

/// The volunteer, commitment and draw forms: `act` names which; quota features come as
/// `f_<feature>`. Seeds are never echoed back into a page.
#[derive(Deserialize, Default, Clone)]
pub struct ActForm {
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub seed: String,
    /// Claiming a seat on the panel: the volunteer number and the receipt.
    #[serde(default)]
    pub number: String,
    #[serde(default)]
    pub receipt: String,
    #[serde(flatten)]
    pub features: BTreeMap<String, String>,
}

/// What a response adds to the page: a kept form with its error, or a result to show once.
#[derive(Default)]
pub struct Extra {
    pub f: ActForm,
    pub error: (String, String),
    pub receipt: Option<Receipt>,
    pub committed: Option<u64>,
    pub import: Option<ImportReport>,
}

/// The organ drawn by lot named `id`, with its rules and panel size.
pub fn by_lot<'s>(state: &'s comity_core::State, id: &str) -> Option<(&'s Organ, &'s Sortition)> {
    state.charter.as_ref()?.charter.by_lot(id)
}

/// Lists of volunteers come from those `authorize` lets register many (the secretariat).
pub fn may_import(
    who: &Principal,
    state: &comity_core::State,
    organ: &str,
) -> Result<(), comity_core::auth::Denied> {
    authorize(who, &assembly::acts::registration(organ, 2), state)
}

/// A volunteer on the latest panel links their account to their seat with the receipt they
/// were given when they volunteered: the account then speaks for the assembly (it tables its
/// recommendations where the charter lets it). The link stays out of the public journal.
async fn claim(app: &Shared, tr: &Tr<'_>, who: &Principal, organ: &str, f: ActForm) -> Next {
    let bad = |f: ActForm, field: &str, id: &str| failed(f, (field.into(), tr.t(id)));
    if !who.has(&Role::Citizen) {
        return bad(f, "seat-number", "assembly-seat-citizens-only");
    }
    let Ok(number) = f.number.trim().parse::<u64>() else {
        return bad(f, "seat-number", "form-number");
    };
    let on_panel = {
        let state = app.inst.state().await;
        state
            .assemblies
            .get(organ)
            .and_then(|a| a.latest())
            .is_some_and(|(_, r)| r.panel.contains(&number))
    };
    if !on_panel {
        return bad(f, "seat-number", "assembly-seat-not-on-panel");
    }
    let contact = match app.inst.store().volunteer_contact(organ, number).await {
        Ok(c) => c,
        Err(e) => return Next::Done(store_failed(e)),
    };
    // The receipt is a secret: compare without stopping at the first difference.
    let given = f.receipt.trim().as_bytes();
    let matches = contact.is_some_and(|c| {
        let salt = c.salt.as_bytes();
        salt.len() == given.len() && salt.iter().zip(given).fold(0u8, |d, (a, b)| d | (a ^ b)) == 0
    });
    if !matches {
        return bad(f, "seat-receipt", "assembly-seat-receipt-wrong");
    }
    let role = Role::Panelist {
        organ: organ.to_owned(),
        volunteer: number,
    };
    let by = who.actor.as_str();
    match app
        .inst
        .store()
        .grant_role(by, &role, by, crate::now())
        .await
    {
        Ok(_) => Next::Redirect(format!("/assemblies/{organ}#seat-h")),
        Err(comity_store::AccountError::RoleHeld { .. }) => {
            bad(f, "seat-number", "assembly-seat-taken")
        }
        Err(e) => Next::Done(internal("linking an account to a seat", e)),
    }
}

/// The page, with whatever this response adds; 422 when it carries an error.
pub async fn render_page(app: &Shared, req: &Req, organ: &str, extra: Extra) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some((o, rules)) = by_lot(&state, organ) else {
        return not_found(app, req, &state, tr.t1("not-found-assembly", "id", organ));
    };
    let empty = Assembly::default();
    let assembly = state.assemblies.get(organ).unwrap_or(&empty);
    let who = req.principal();
    let pending = assembly.pending();
    let features = rules.features();
    let fields = features
        .iter()
        .map(|(f, rows)| {
            let field = format!("f_{f}");
            let chosen = extra.f.features.get(&field);
            FeatureField {
                label: (*f).to_owned(),
                options: rows
                    .iter()
                    .map(|q| (q.value.clone(), chosen == Some(&q.value)))
                    .collect(),
                field,
            }
        })
        .collect();
    let forms = who
        .as_ref()
        .map(|w| assembly::available(&state, w, organ))
        .unwrap_or_default();
    // The latest panel's volunteers, from the pool's read table.
    let panel = assembly
        .latest()
        .map(|(_, r)| r.panel.as_slice())
        .unwrap_or(&[]);
    let members = match app.inst.store().pool_members(organ, panel).await {
        Ok(m) => m,
        Err(e) => return store_failed(e),
    };
    // The notice is for an officer who may now draw; others see the page as it is.
    let committed = extra
        .committed
        .filter(|_| forms.draw)
        .and_then(|n| pending.filter(|d| d.number == n))
        .map(|d| (d.number, d.commitment.to_string()));
    let page = AssemblyPage {
        c: req.chrome(&state, "organs"),
        organ: o.id.clone(),
        name: o.name.clone(),
        seats: o.fixed_seats(),
        algorithm: rules.algorithm.clone(),
        one_per_household: rules.one_per_household,
        pool: usize::try_from(assembly.registered).unwrap_or(usize::MAX),
        feature_names: features.iter().map(|(f, _)| (*f).to_owned()).collect(),
        quotas: quota_rows(rules, assembly),
        pending: pending.map(draw_view),
        latest: assembly
            .latest()
            .map(|(d, r)| (draw_view(d), result_view(&tr, rules, &members, d, r))),
        draws: assembly.draws.values().rev().map(draw_view).collect(),
        forms,
        fields,
        f: extra.f,
        error: extra.error,
        receipt: extra.receipt,
        committed,
        import_summary: extra
            .import
            .as_ref()
            .map(|r| import_summary(&tr, r))
            .unwrap_or_default(),
        import: extra.import,
        tr,
    };
    let status = if page.error.0.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let personal = page.receipt.is_some() || page.committed.is_some() || page.import.is_some();
    let res = render_with(status, &page);
    if personal { no_store(res) } else { res }
}

fn import_summary(tr: &Tr<'_>, r: &ImportReport) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("rows", r.rows as f64);
    args.set("registered", r.registered as f64);
    args.set("first", r.first as f64);
    args.set("last", r.last as f64);
    args.set("rejected", r.rejected.len() as f64);
    let id = if r.registered == 0 {
        "assembly-import-none"
    } else {
        "assembly-import-done"
    };
    tr.catalog.format(tr.lang, id, Some(&args))
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    committed: String,
}

pub async fn page(
    State(app): State<Shared>,
    req: Req,
    Path(organ): Path<String>,
    Query(q): Query<PageQuery>,
) -> Response {
    // The commitment notice is for the officer who committed; others see the page as it is.
    let committed = req
        .viewer
        .as_ref()
        .and_then(|_| q.committed.parse::<u64>().ok());
    let extra = Extra {
        committed,
        ..Extra::default()
    };
    render_page(&app, &req, &organ, extra).await
}

/// A failed act as (field, message): the field the page marks, in the reader's language.
pub fn act_error(tr: &Tr<'_>, e: &ExecError, seed_field: &str) -> (String, String) {
    match e {
        ExecError::EmailRegistered { .. } => ("email".into(), tr.t("assembly-email-registered")),
        ExecError::Refused(
            d @ DomainError::Assembly(comity_core::assembly::Refusal::VolunteerInvalid {
                field,
                ..
            }),
        ) if field != "hash" => (format!("f_{field}"), labels::refusal(tr, d)),
        ExecError::Refused(
            d @ DomainError::Assembly(comity_core::assembly::Refusal::SeedMismatch),
        ) => (seed_field.to_owned(), labels::refusal(tr, d)),
        other => form_error(tr, other),
    }
}

/// A name or address the store did not accept, as (field, message).
pub fn contact_error(tr: &Tr<'_>, e: &ContactError) -> (String, String) {
    match e {
        ContactError::BadName => ("name".into(), tr.t("assembly-bad-name")),
        ContactError::BadEmail(_) => ("email".into(), tr.t("assembly-bad-email")),
        ContactError::Random(_) => {
            eprintln!("error: drawing a volunteer's salt: {e}");
            ("act".into(), tr.t("form-failed"))
        }
    }
}

/// What an act leads to: another address, or this page with something to show.
enum Next {
    Redirect(String),
    Page(Box<Extra>),
    Done(Response),
}

fn failed(f: ActForm, error: (String, String)) -> Next {
    Next::Page(Box::new(Extra {
        f,
        error,
        ..Extra::default()
    }))
}

pub async fn act(
    State(app): State<Shared>,
    req: Req,
    Path(organ): Path<String>,
    Form(f): Form<ActForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let next = match gate(&app, &req, &f.csrf) {
        Err(Submit::SignIn) => return Redirect::to("/login").into_response(),
        Err(Submit::Refused(e)) => failed(f, e),
        Ok(who) => match f.act.as_str() {
            "volunteer" => volunteer(&app, &tr, &who, &organ, f).await,
            "commit" => commit(&app, &tr, &who, &organ, f.seed.trim()).await,
            "draw" => draw(&app, &tr, &who, &organ, f.seed.trim()).await,
            "claim_seat" => claim(&app, &tr, &who, &organ, f).await,
            _ => failed(f, ("act".into(), tr.t("form-unknown-act"))),
        },
    };
    match next {
        Next::Redirect(to) => Redirect::to(&to).into_response(),
        Next::Page(extra) => render_page(&app, &req, &organ, *extra).await,
        Next::Done(res) => res,
    }
}

/// A person volunteers: the page answers with their number and receipt, once.
async fn volunteer(app: &Shared, tr: &Tr<'_>, who: &Principal, organ: &str, f: ActForm) -> Next {
    let contact = match Contact::new(&f.name, &f.email) {
        Ok(c) => c,
        Err(e) => return failed(f, contact_error(tr, &e)),
    };
    let features = f
        .features
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("f_")?.to_owned(), v.clone())))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let person = NewVolunteer {
        contact: contact.clone(),
        features,
    };
    let now = crate::now();
    match app
        .inst
        .register_volunteers(&who.actor, Some(who), now, organ, &[person])
        .await
    {
        Ok(r) => Next::Page(Box::new(Extra {
            receipt: Some(Receipt {
                number: r.first,
                name: contact.name().to_owned(),
                email: contact.email().to_owned(),
                salt: contact.salt().to_owned(),
                hash: contact.hash().to_string(),
            }),
            ..Extra::default()
        })),
        Err(e) => failed(f, act_error(tr, &e, "act")),
    }
}

/// The secretariat commits to a seed: only its hash is kept, and the seed is never echoed.
async fn commit(app: &Shared, tr: &Tr<'_>, who: &Principal, organ: &str, seed: &str) -> Next {
    if seed.chars().count() < SEED_MIN {
        let msg = tr.t1("assembly-seed-short", "min", SEED_MIN);
        return failed(ActForm::default(), ("commit-seed".into(), msg));
    }
    let cmd = Command::Assembly(assembly::Command::CommitDraw {
        organ: organ.to_owned(),
        commitment: commitment(seed),
        pool: Vec::new(),
    });
    match app.inst.execute_as(who, crate::now(), &cmd).await {
        Ok(entries) => {
            let seq = entries.first().map_or(0, |e| e.seq);
            let state = app.inst.state().await;
            let draw = state
                .assemblies
                .get(organ)
                .and_then(|a| a.draws.values().find(|d| d.committed_seq == seq))
                .map_or(0, |d| d.number);
            Next::Redirect(format!("/assemblies/{organ}?committed={draw}#draw"))
        }
        Err(e) => failed(ActForm::default(), act_error(tr, &e, "commit-seed")),
    }
}

/// The secretariat reveals the seed and the panel is drawn.
async fn draw(app: &Shared, tr: &Tr<'_>, who: &Principal, organ: &str, seed: &str) -> Next {
    if seed.is_empty() {
        let msg = tr.t("assembly-seed-empty");
        return failed(ActForm::default(), ("draw-seed".into(), msg));
    }
    let cmd = Command::Assembly(assembly::Command::DrawAssembly {
        organ: organ.to_owned(),
        seed: seed.to_owned(),
        pool: Vec::new(),
    });
    // What can be refused at once is refused here: the rights, no draw pending, a seed that
    // does not open the commitment. The selection itself runs as a job with a progress bar.
    let quick = {
        let state = app.inst.state().await;
        authorize(who, &cmd, &state)
            .map_err(ExecError::Denied)
            .and_then(|()| {
                let pending = state
                    .assemblies
                    .get(organ)
                    .and_then(|a| a.pending())
                    .ok_or_else(|| {
                        DomainError::Assembly(comity_core::assembly::Refusal::NoDrawPending(
                            organ.to_owned(),
                        ))
                    })?;
                if commitment(seed) == pending.commitment {
                    Ok(())
                } else {
                    Err(ExecError::Refused(DomainError::Assembly(
                        comity_core::assembly::Refusal::SeedMismatch,
                    )))
                }
            })
    };
    match quick {
        Ok(()) => Next::Done(crate::assembly::jobs::start_draw(
            app,
            who.clone(),
            organ,
            seed.to_owned(),
            tr,
        )),
        Err(e) => failed(ActForm::default(), act_error(tr, &e, "draw-seed")),
    }
}

/// Reading the assembly for the API and the import.
pub async fn rules_of(app: &Shared, organ: &str) -> Option<Sortition> {
    let state = app.inst.state().await;
    by_lot(&state, organ).map(|(_, r)| r.clone())
}

/// Log a store failure met while preparing an act and answer without internals.
pub fn store_failed(e: impl std::fmt::Display) -> Response {
    internal("reading the volunteers' contacts", e)
}
