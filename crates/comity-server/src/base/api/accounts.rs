//! Accounts and their roles, for the secretariat: list them, grant a role, remove one. Each
//! change is recorded with who made it (outside the public journal).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::base::roles::{Change, change, officer};
use crate::kit::api::{parse_body, principal};
use crate::kit::paging::{PageQuery, json_list};
use crate::kit::problem::{Problem, internal};
use crate::web::{Req, Shared};

/// An account as the secretariat sees it (never its password or tokens).
#[derive(Serialize, utoipa::ToSchema)]
pub struct AccountSummary {
    username: String,
    display_name: String,
    /// secretariat, delegate:ISO3, parliamentarian, civil_society, citizen, observer,
    /// democracy_officer:ISO3, accredited:N, panelist:ORGAN:N
    roles: Vec<String>,
    created_at: String,
}

/// The role to grant.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleBody {
    /// e.g. `delegate:DNK`, `observer`, `accredited:12`
    role: String,
}

/// What a grant did.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RoleGranted {
    username: String,
    role: String,
    /// `false` when the account held the role already.
    granted: bool,
}

/// The officer behind a request that may manage roles: an API token of the secretariat.
fn officer_of(req: &Req) -> Result<String, Problem> {
    let who = principal(req)?;
    officer(&who.roles)?;
    Ok(who.actor.as_str().to_owned())
}

/// Every account, by username, a page at a time (secretariat).
#[utoipa::path(get, path = "/api/v1/accounts", tag = "account", params(PageQuery), security(("token" = [])), responses((status = 200, body = Vec<AccountSummary>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(State(app): State<Shared>, req: Req, Query(q): Query<PageQuery>) -> Response {
    let listed = match &req.viewer {
        Some(v) => officer(&v.account.roles),
        None => Err(crate::kit::api::unauthorized(
            "send an API token: Authorization: Bearer TOKEN",
        )),
    };
    if let Err(p) = listed {
        return p.into_response();
    }
    let accounts = match app.inst.store().accounts().await {
        Ok(a) => a,
        Err(e) => return internal("listing accounts", e).into_response(),
    };
    let rows = accounts.into_iter().map(|a| AccountSummary {
        roles: a.roles.iter().map(ToString::to_string).collect(),
        username: a.username,
        display_name: a.display_name,
        created_at: a.created_at,
    });
    json_list("/api/v1/accounts", &q, rows)
}

/// Grant a role to an account (secretariat). Granting a role the account holds changes
/// nothing (`granted: false`).
#[utoipa::path(post, path = "/api/v1/accounts/{username}/roles", tag = "account", params(("username" = String, Path, description = "The account")), request_body = RoleBody, security(("token" = [])), responses((status = 200, body = RoleGranted), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn grant(
    State(app): State<Shared>,
    Path(username): Path<String>,
    req: Req,
    body: Bytes,
) -> Response {
    let by = match officer_of(&req) {
        Ok(by) => by,
        Err(p) => return p.into_response(),
    };
    let b: RoleBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    match change(&app, &by, &username, &b.role, Change::Grant).await {
        Ok(granted) => Json(RoleGranted {
            username: username.trim().to_owned(),
            role: b.role.trim().to_owned(),
            granted,
        })
        .into_response(),
        Err(p) => p.into_response(),
    }
}

/// Remove a role from an account (secretariat); 404 if it did not hold it.
#[utoipa::path(delete, path = "/api/v1/accounts/{username}/roles/{role}", tag = "account", params(("username" = String, Path, description = "The account"), ("role" = String, Path, description = "The role, e.g. delegate:DNK")), security(("token" = [])), responses((status = 204), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn remove(
    State(app): State<Shared>,
    Path((username, role)): Path<(String, String)>,
    req: Req,
) -> Response {
    let by = match officer_of(&req) {
        Ok(by) => by,
        Err(p) => return p.into_response(),
    };
    match change(&app, &by, &username, &role, Change::Remove).await {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => Problem::not_found(format!(
            "the account {:?} does not hold the role {:?}",
            username.trim(),
            role.trim()
        ))
        .into_response(),
        Err(p) => p.into_response(),
    }
}
