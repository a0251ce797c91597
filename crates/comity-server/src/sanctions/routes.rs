//! The sanctions' addresses.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/sanctions", get(pages::list).post(pages::propose))
        .route("/sanctions/releases", post(pages::publish))
        .route(
            "/sanctions/consistency",
            get(pages::consistency).post(pages::justify),
        )
        .route("/sanctions/implementation", get(pages::implementation))
        .route(
            "/sanctions/screen",
            get(pages::screen)
                .post(pages::batch)
                .layer(DefaultBodyLimit::max(pages::MAX_UPLOAD)),
        )
        .route("/sanctions/screen/{job}", get(pages::batch_job))
        .route("/sanctions/files/{name}", get(pages::file))
        .route("/sanctions/{id}", get(pages::case))
        .route("/sanctions/{id}/implementations", post(pages::implement))
        .route("/sanctions/{id}/reviews", post(pages::review))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::propose))
        .routes(routes!(api::case))
        .routes(routes!(api::implement))
        .routes(routes!(api::review))
        .routes(routes!(api::consistency, api::justify))
        .routes(routes!(api::screen))
        .routes(routes!(api::export))
        .routes(routes!(api::releases, api::publish))
}
