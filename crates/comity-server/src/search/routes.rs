//! Search's addresses.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new().route("/search", get(pages::page))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new().routes(routes!(api::search))
}
