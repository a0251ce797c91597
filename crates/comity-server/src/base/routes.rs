//! The base addresses: home, members, charter and organs, the journal, accounts, ratings.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::{
    account as account_api, accounts as accounts_api, charter as charter_api,
    journal as journal_api, members as members_api,
};
use super::pages::{
    account, accounts, charter, home, journal, member, members, organs, ratings_import,
};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/", get(home::page))
        .route("/members", get(members::page))
        .route("/members/{iso3}", get(member::page))
        .route("/charter", get(charter::page))
        .route("/charter.toml", get(charter::raw))
        .route("/organs", get(organs::list))
        .route("/organs/{id}", get(organs::page))
        .route("/journal", get(journal::list))
        .route("/journal/verify", get(journal::verify))
        .route("/journal/checkpoint", get(super::tlog::checkpoint_text))
        .route("/journal/log-key", get(super::tlog::log_key_text))
        .route("/journal/tile/{*rest}", get(super::tlog::tile))
        .route("/journal/{seq}/proof.json", get(super::tlog::bundle))
        .route("/journal/{seq}", get(journal::entry))
        .route("/journal.jsonl", get(journal::jsonl))
        .route("/journal.atom", get(journal::atom))
        .route("/login", get(account::login).post(account::login_post))
        .route("/logout", post(account::logout))
        .route("/account", get(account::account))
        .route("/account/tokens", post(account::token_post))
        .route("/account/tokens/{id}/revoke", post(account::token_revoke))
        .route("/accounts", get(accounts::page))
        .route("/accounts/roles", post(accounts::grant))
        .route("/accounts/roles/remove", post(accounts::remove))
        .route(
            "/ratings/import",
            get(ratings_import::page)
                .post(ratings_import::import)
                .layer(DefaultBodyLimit::max(ratings_import::MAX_UPLOAD)),
        )
        .route("/ratings/import/{job}", get(ratings_import::job))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(members_api::summary))
        .routes(routes!(members_api::list))
        .routes(routes!(members_api::one))
        .routes(routes!(charter_api::charter))
        .routes(routes!(charter_api::organs))
        .routes(routes!(charter_api::organ))
        .routes(routes!(journal_api::list))
        .routes(routes!(journal_api::one))
        .routes(routes!(super::tlog::inclusion))
        .routes(routes!(super::tlog::consistency))
        .routes(routes!(super::tlog::log_doc))
        .routes(routes!(super::tlog::cosignatures))
        .routes(routes!(account_api::account))
        .routes(routes!(account_api::revoke))
        .routes(routes!(accounts_api::list))
        .routes(routes!(accounts_api::grant))
        .routes(routes!(accounts_api::remove))
}
