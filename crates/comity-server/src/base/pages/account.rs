//! Sign in, sign out, and the account page: who you are, your roles, what they let you do,
//! and API tokens for programs.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Command;
use comity_core::auth::{Principal, authorize};
use comity_core::motion::Seat;
use comity_core::organs::is_seated;
use comity_core::{base, motion};
use comity_store::logins::Login;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::csrf_ok;
use crate::web::{Chrome, Req, SESSION_COOKIE, Shared, internal, no_store, render_with};

/// A session lasts a working day.
const SESSION_SECS: i64 = 12 * 3600;

#[derive(Template)]
#[template(path = "base/login.html")]
struct LoginPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    username: String,
    error: String,
    csrf: String,
}

#[derive(Template)]
#[template(path = "base/account.html")]
struct AccountPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    username: String,
    display_name: String,
    roles: Vec<String>,
    abilities: Vec<String>,
    new_token: String,
    tokens: Vec<comity_store::accounts::ApiToken>,
    /// Failed sign-ins between the last two: how many, and the latest (address, time).
    failed: u64,
    failed_latest: Vec<comity_store::logins::Attempt>,
    role_changes: Vec<comity_store::accounts::RoleChange>,
    now: String,
    /// A secretariat officer: the page links to `/accounts`.
    officer: bool,
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    /// Days until the token expires: 30, 90 or 365; "never" or empty: until revoked.
    #[serde(default)]
    expires: String,
}

fn set_cookie(res: &mut Response, value: String) {
    if let Ok(v) = HeaderValue::from_str(&value) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

async fn login_form(
    app: &Shared,
    req: &Req,
    status: StatusCode,
    username: String,
    error: String,
) -> Response {
    let state = app.inst.state().await;
    let (csrf, fresh) = match crate::kit::form::double_submit(req) {
        Ok(t) => t,
        Err(e) => return internal("making a CSRF token", e),
    };
    let page = LoginPage {
        tr: req.tr(&app.catalog),
        c: req.chrome(&state, "login"),
        username,
        error,
        csrf: csrf.clone(),
    };
    crate::kit::form::with_double_submit(no_store(render_with(status, &page)), &csrf, fresh)
}

pub async fn login(State(app): State<Shared>, req: Req) -> Response {
    if req.viewer.is_some() {
        return Redirect::to("/account").into_response();
    }
    login_form(&app, &req, StatusCode::OK, String::new(), String::new()).await
}

pub async fn login_post(State(app): State<Shared>, req: Req, Form(f): Form<LoginForm>) -> Response {
    let tr = req.tr(&app.catalog);
    if !crate::kit::form::double_submit_ok(&req, &f.csrf) {
        return login_form(
            &app,
            &req,
            StatusCode::FORBIDDEN,
            f.username,
            tr.t("form-csrf-failed"),
        )
        .await;
    }
    let username = f.username.trim().to_lowercase();
    if username.is_empty() || f.password.is_empty() {
        return login_form(
            &app,
            &req,
            StatusCode::UNPROCESSABLE_ENTITY,
            f.username,
            tr.t("login-missing"),
        )
        .await;
    }
    let store = app.inst.store();
    let account = match store
        .login(&username, &f.password, &req.address, crate::now())
        .await
    {
        Ok(Login::Ok(a)) => a,
        Ok(Login::Refused) => {
            return login_form(
                &app,
                &req,
                StatusCode::UNAUTHORIZED,
                f.username,
                tr.t("login-failed"),
            )
            .await;
        }
        Ok(Login::Wait { seconds }) => {
            let mut res = login_form(
                &app,
                &req,
                StatusCode::TOO_MANY_REQUESTS,
                f.username,
                tr.t1("login-wait", "seconds", seconds.to_string()),
            )
            .await;
            if let Ok(v) = HeaderValue::from_str(&seconds.to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return res;
        }
        Err(e) => return internal("checking a password", e),
    };
    let expires = comity_core::Timestamp::from_unix(crate::now().unix() + SESSION_SECS);
    let token = match store.create_session(&account.username, expires).await {
        Ok((token, _)) => token,
        Err(e) => return internal("starting a session", e),
    };
    let mut res = Redirect::to("/account").into_response();
    set_cookie(
        &mut res,
        format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={SESSION_SECS}"),
    );
    no_store(res)
}

pub async fn logout(State(app): State<Shared>, req: Req, Form(f): Form<CsrfForm>) -> Response {
    let Some(token) = req.viewer.as_ref().and_then(|v| v.session.clone()) else {
        return Redirect::to("/").into_response();
    };
    if !csrf_ok(&req, &f.csrf) {
        return (
            StatusCode::FORBIDDEN,
            req.tr(&app.catalog).t("form-csrf-failed"),
        )
            .into_response();
    }
    if let Err(e) = app.inst.store().end_session(&token).await {
        return internal("ending a session", e);
    }
    let mut res = Redirect::to("/").into_response();
    set_cookie(
        &mut res,
        format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    res
}

/// What a principal may do, each line from `authorize` on a real command.
pub fn abilities(tr: &Tr<'_>, state: &comity_core::State, who: &Principal) -> Vec<String> {
    let Some(adopted) = &state.charter else {
        return Vec::new();
    };
    let charter = &adopted.charter;
    let mut out = Vec::new();
    if authorize(
        who,
        &Command::Motion(motion::Command::OpenDebate { motion: 0 }),
        state,
    )
    .is_ok()
        || authorize(
            who,
            &Command::Base(base::Command::AdmitFoundingMembers),
            state,
        )
        .is_ok()
    {
        out.push(tr.t("may-run-business"));
    }
    let seats = who.seats(state);
    for d in &charter.decisions {
        let by: Vec<String> = seats
            .iter()
            .filter(|seat| {
                let cmd = Command::Motion(motion::Command::TableMotion {
                    decision: d.kind.clone(),
                    title: String::new(),
                    text: String::new(),
                    sponsor: (*seat).clone(),
                });
                authorize(who, &cmd, state).is_ok()
            })
            .map(ToString::to_string)
            .collect();
        if !by.is_empty() {
            let organ = charter
                .organ(&d.organ)
                .map_or(d.organ.clone(), |o| o.name.clone());
            out.push(
                tr.t2("may-table", "decision", d.kind.clone(), "organ", organ)
                    + &format!(" ({})", by.join(", ")),
            );
        }
    }
    for seat in &seats {
        if let Seat::State(iso) = seat {
            for o in charter.organs.iter().filter(|o| is_seated(state, o, iso)) {
                out.push(tr.t2(
                    "may-vote",
                    "state",
                    iso.to_string(),
                    "organ",
                    o.name.clone(),
                ));
            }
        }
    }
    out.extend(crate::pledges::pages::lanes_of(tr, state, who));
    if out.is_empty() {
        out.push(tr.t("may-read-only"));
    }
    out
}

async fn account_page(app: &Shared, req: &Req, new_token: String) -> Response {
    let Some(v) = &req.viewer else {
        return Redirect::to("/login").into_response();
    };
    let store = app.inst.store();
    let user = &v.account.username;
    let (tokens, failed, role_changes) = match (
        store.api_tokens(user).await,
        store.failed_logins(user).await,
        store.role_changes(user).await,
    ) {
        (Ok(t), Ok(f), Ok(r)) => (t, f, r),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
            return internal("reading the account's tokens and sign-ins", e);
        }
    };
    let (failed, failed_latest) = failed;
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let abilities = v
        .principal()
        .map(|p| abilities(&tr, &state, &p))
        .unwrap_or_default();
    let page = AccountPage {
        c: req.chrome(&state, "account"),
        username: v.account.username.clone(),
        display_name: v.account.display_name.clone(),
        roles: v
            .account
            .roles
            .iter()
            .map(|r| match r {
                comity_core::Role::StateDelegate(iso) => tr.t1(
                    "role-delegate-of",
                    "state",
                    state
                        .registry
                        .country(iso)
                        .map_or(iso.to_string(), |c| c.name.clone()),
                ),
                other => tr.t(&format!("role-{}", other.kind().replace('_', "-"))),
            })
            .collect(),
        abilities,
        new_token,
        tokens,
        failed,
        failed_latest,
        role_changes,
        now: crate::now().to_string(),
        officer: v.account.roles.contains(&comity_core::Role::Secretariat),
        tr,
    };
    no_store(render_with(StatusCode::OK, &page))
}

pub async fn account(State(app): State<Shared>, req: Req) -> Response {
    account_page(&app, &req, String::new()).await
}

/// The signed-in viewer of an account form with its CSRF token, or the answer: the sign-in
/// page, or 403.
fn poster<'r>(
    app: &Shared,
    req: &'r Req,
    csrf: &str,
) -> Result<&'r crate::web::Viewer, Box<Response>> {
    let Some(v) = &req.viewer else {
        return Err(Box::new(Redirect::to("/login").into_response()));
    };
    if !csrf_ok(req, csrf) {
        return Err(Box::new(
            (
                StatusCode::FORBIDDEN,
                req.tr(&app.catalog).t("form-csrf-failed"),
            )
                .into_response(),
        ));
    }
    Ok(v)
}

/// Issue an API token; it is shown once, on the page that answers this form.
pub async fn token_post(State(app): State<Shared>, req: Req, Form(f): Form<CsrfForm>) -> Response {
    let v = match poster(&app, &req, &f.csrf) {
        Ok(v) => v,
        Err(answer) => return *answer,
    };
    let name = if f.name.trim().is_empty() {
        "api".to_owned()
    } else {
        f.name.trim().chars().take(60).collect()
    };
    let now = crate::now();
    let expires = match f.expires.trim() {
        "" | "never" => None,
        days => match days.parse::<i64>() {
            Ok(d @ 1..=3650) => Some(comity_core::Timestamp::from_unix(now.unix() + d * 86_400)),
            _ => {
                return (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "expires: a number of days from 1 to 3650, or never",
                )
                    .into_response();
            }
        },
    };
    match app
        .inst
        .store()
        .create_api_token_until(&v.account.username, &name, now, expires)
        .await
    {
        Ok(token) => account_page(&app, &req, token).await,
        Err(e) => internal("issuing an API token", e),
    }
}

/// Revoke one of the viewer's API tokens.
pub async fn token_revoke(
    State(app): State<Shared>,
    axum::extract::Path(id): axum::extract::Path<String>,
    req: Req,
    Form(f): Form<CsrfForm>,
) -> Response {
    let v = match poster(&app, &req, &f.csrf) {
        Ok(v) => v,
        Err(answer) => return *answer,
    };
    match app
        .inst
        .store()
        .revoke_api_token(&v.account.username, &id)
        .await
    {
        Ok(_) => Redirect::to("/account#tokens").into_response(),
        Err(e) => internal("revoking an API token", e),
    }
}
