//! The token's own account over the API: who it is, its API tokens (listed, never shown
//! again) and revoking one, e.g. a token that leaked. Tokens are created on `/account` or
//! with `comity user token`, where they can be shown once.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::kit::problem::Problem;
use crate::web::{Req, Shared};

/// An API token as its owner sees it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenDoc {
    /// The id to revoke it by: the first hex digits of the token's hash (not of the token).
    id: String,
    name: String,
    created_at: String,
    /// When it stops working; absent: until revoked.
    expires_at: Option<String>,
    /// Noted at most once an hour.
    last_used_at: Option<String>,
}

/// The account a token (or session) acts for: roles, the seats they give, API tokens.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AccountDoc {
    username: String,
    display_name: String,
    /// secretariat, delegate:ISO3, parliamentarian, civil_society, citizen, observer
    roles: Vec<String>,
    /// The seats the roles let this account act for.
    seats: Vec<String>,
    tokens: Vec<TokenDoc>,
}

fn signed_in(req: &Req) -> Result<&crate::web::Viewer, Problem> {
    match &req.viewer {
        Some(v) => Ok(v),
        None => Err(crate::kit::api::unauthorized(
            "send an API token: Authorization: Bearer TOKEN",
        )),
    }
}

/// The account the request's token (or session) belongs to: roles, seats, API tokens.
#[utoipa::path(get, path = "/api/v1/account", tag = "account", security(("token" = [])), responses((status = 200, body = AccountDoc), (status = 401, body = Problem)))]
pub async fn account(State(app): State<Shared>, req: Req) -> Response {
    let viewer = match signed_in(&req) {
        Ok(v) => v,
        Err(p) => return p.into_response(),
    };
    let account = &viewer.account;
    let seats = match viewer.principal() {
        Some(p) => p
            .seats(&*app.inst.state().await)
            .iter()
            .map(ToString::to_string)
            .collect(),
        None => Vec::new(),
    };
    match app.inst.store().api_tokens(&account.username).await {
        Ok(tokens) => Json(AccountDoc {
            username: account.username.clone(),
            display_name: account.display_name.clone(),
            roles: account.roles.iter().map(ToString::to_string).collect(),
            seats,
            tokens: tokens
                .into_iter()
                .map(|k| TokenDoc {
                    id: k.id,
                    name: k.name,
                    created_at: k.created_at,
                    expires_at: k.expires_at,
                    last_used_at: k.last_used_at,
                })
                .collect(),
        })
        .into_response(),
        Err(e) => crate::kit::problem::internal("listing API tokens", e).into_response(),
    }
}

/// Revoke one of the account's API tokens (the one sending the request included).
#[utoipa::path(delete, path = "/api/v1/account/tokens/{id}", tag = "account", params(("id" = String, Path, description = "The token's id, as GET /api/v1/account lists it")), security(("token" = [])), responses((status = 204), (status = 401, body = Problem), (status = 404, body = Problem)))]
pub async fn revoke(State(app): State<Shared>, Path(id): Path<String>, req: Req) -> Response {
    // Revoking is a write: a token, not a browser session (which has no CSRF check here).
    let account = match crate::kit::api::principal(&req) {
        Ok(_) => match signed_in(&req) {
            Ok(v) => &v.account,
            Err(p) => return p.into_response(),
        },
        Err(p) => return p.into_response(),
    };
    match app
        .inst
        .store()
        .revoke_api_token(&account.username, id.trim())
        .await
    {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => {
            Problem::not_found(format!("this account has no API token {id:?}")).into_response()
        }
        Err(e) => crate::kit::problem::internal("revoking an API token", e).into_response(),
    }
}
