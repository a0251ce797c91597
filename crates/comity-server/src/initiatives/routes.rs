//! The initiatives' addresses.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new().route("/initiatives/check", get(pages::check))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new().routes(routes!(api::check))
}
