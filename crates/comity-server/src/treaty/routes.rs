//! The treaties' addresses: pages, documents (redline, Akoma Ntoso, status) and the API.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::{acts as act_api, treaties as treaty_api};
use super::pages::{acts, docs, treaties};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/treaties", get(treaties::list).post(treaties::create))
        .route("/treaties/{id}", get(treaties::page).post(acts::act))
        .route("/treaties/{id}/redline", get(docs::redline_page))
        .route("/treaties/{id}/redline.html", get(docs::redline_html))
        .route("/treaties/{id}/redline.txt", get(docs::redline_txt))
        .route("/treaties/{id}/akn.xml", get(docs::akn_xml))
        .route("/treaties/{id}/status.csv", get(docs::status_csv))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(treaty_api::list, act_api::open))
        .routes(routes!(treaty_api::one))
        .routes(routes!(treaty_api::round))
        .routes(routes!(treaty_api::redline))
        .routes(routes!(treaty_api::status))
        .routes(routes!(treaty_api::akn_xml))
        .routes(routes!(act_api::rounds))
        .routes(routes!(act_api::wordings))
        .routes(routes!(act_api::resolutions))
        .routes(routes!(act_api::adoption))
        .routes(routes!(act_api::signature_opening))
        .routes(routes!(act_api::signatures))
        .routes(routes!(act_api::deposits))
        .routes(routes!(act_api::objections))
        .routes(routes!(act_api::withdrawals))
}
