//! The pledges' addresses.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

/// The largest file of pledges or reports a form or the API takes.
pub const MAX_UPLOAD: usize = 8 * 1024 * 1024;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/pledges", get(pages::list).post(pages::make))
        .route("/pledges/feed.atom", get(pages::feed))
        .route(
            "/pledges/import",
            get(pages::import_form)
                .post(pages::import)
                .layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .route("/pledges/{id}", get(pages::pledge))
        .route("/pledges/{id}/reports", post(pages::report))
        .route("/pledges/{id}/ratings", post(pages::rate))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::make))
        .routes(routes!(api::alerts))
        .routes(routes!(api::import))
        .routes(routes!(api::pledge))
        .routes(routes!(api::report))
        .routes(routes!(api::rate))
}
