//! Reports' addresses: an organ's report form.

use axum::Router;
use axum::routing::get;

use super::pages;
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new().route(
        "/organs/{id}/report",
        get(pages::report).post(pages::report_post),
    )
}
