//! `/accounts`, for the secretariat: every account and its roles, a form to grant a role and
//! a button to remove each one. The same rules as the API (`base::roles`).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::base::roles::{Change, change, officer};
use crate::i18n::Tr;
use crate::kit::form::csrf_ok;
use crate::kit::paging::Pager;
use crate::web::{Chrome, Req, Shared, internal, no_store, render_with};

#[derive(Template)]
#[template(path = "base/accounts.html")]
struct AccountsPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    accounts: Vec<comity_store::accounts::Account>,
    pager: Pager,
    /// What the last form did, or why it was refused.
    said: String,
    error: String,
    /// The grant form as it was sent, when it is shown again with an error.
    username: String,
    role: String,
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    role: String,
}

#[derive(Deserialize, Default)]
pub struct Shown {
    /// `granted` or `removed`, after a form.
    done: Option<String>,
    user: Option<String>,
    role: Option<String>,
}

async fn show(
    app: &Shared,
    req: &Req,
    q: &Shown,
    status: StatusCode,
    form: (&RoleForm, String),
) -> Response {
    let Some(v) = &req.viewer else {
        return Redirect::to("/login").into_response();
    };
    let tr = req.tr(&app.catalog);
    if officer(&v.account.roles).is_err() {
        return (StatusCode::FORBIDDEN, tr.t("accounts-secretariat-only")).into_response();
    }
    let accounts = match app.inst.store().accounts().await {
        Ok(a) => a,
        Err(e) => return internal("listing accounts", e),
    };
    // What the last form did, said only where the accounts bear it out (the address can be
    // written by anyone).
    let holds = |u: &str, r: &str| {
        let role = comity_core::Role::parse(r).ok();
        accounts
            .iter()
            .find(|a| a.username == u)
            .map(|a| role.is_some_and(|role| a.roles.contains(&role)))
    };
    let said = match (q.done.as_deref(), &q.user, &q.role) {
        (Some("granted"), Some(u), Some(r)) if holds(u, r) == Some(true) => {
            tr.t2("accounts-granted", "role", r.clone(), "user", u.clone())
        }
        (Some("removed"), Some(u), Some(r)) if holds(u, r) == Some(false) => {
            tr.t2("accounts-removed", "role", r.clone(), "user", u.clone())
        }
        _ => String::new(),
    };
    let pager = Pager::on(accounts.len(), req);
    let state = app.inst.state().await;
    let page = AccountsPage {
        c: req.chrome(&state, "accounts"),
        accounts: pager.slice(accounts),
        pager,
        said,
        error: form.1,
        username: form.0.username.clone(),
        role: form.0.role.clone(),
        tr,
    };
    no_store(render_with(status, &page))
}

pub async fn page(State(app): State<Shared>, req: Req, Query(q): Query<Shown>) -> Response {
    let blank = RoleForm {
        csrf: String::new(),
        username: String::new(),
        role: String::new(),
    };
    show(&app, &req, &q, StatusCode::OK, (&blank, String::new())).await
}

async fn post(app: &Shared, req: &Req, f: &RoleForm, what: Change) -> Response {
    let Some(v) = &req.viewer else {
        return Redirect::to("/login").into_response();
    };
    if !csrf_ok(req, &f.csrf) {
        return (
            StatusCode::FORBIDDEN,
            req.tr(&app.catalog).t("form-csrf-failed"),
        )
            .into_response();
    }
    if let Err(p) = officer(&v.account.roles) {
        return show(
            app,
            req,
            &Shown::default(),
            StatusCode::FORBIDDEN,
            (f, p.detail),
        )
        .await;
    }
    match change(app, &v.account.username, &f.username, &f.role, what).await {
        Ok(_) => {
            let done = if what == Change::Grant {
                "granted"
            } else {
                "removed"
            };
            let mut to = String::from("/accounts?done=");
            to.push_str(done);
            for (k, val) in [("user", f.username.trim()), ("role", f.role.trim())] {
                to.push('&');
                to.push_str(k);
                to.push('=');
                to.extend(form_urlencoded::byte_serialize(val.as_bytes()));
            }
            Redirect::to(&to).into_response()
        }
        Err(p) => {
            let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
            show(app, req, &Shown::default(), status, (f, p.detail)).await
        }
    }
}

/// Grant a role.
pub async fn grant(State(app): State<Shared>, req: Req, Form(f): Form<RoleForm>) -> Response {
    post(&app, &req, &f, Change::Grant).await
}

/// Remove a role.
pub async fn remove(State(app): State<Shared>, req: Req, Form(f): Form<RoleForm>) -> Response {
    post(&app, &req, &f, Change::Remove).await
}
