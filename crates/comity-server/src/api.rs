//! The JSON API under `/api/v1/`, described by OpenAPI 3.1 generated from the handlers: each
//! capability's `routes::api` builds its router and its description from the same `routes!`
//! lists, so they cannot drift; this file holds the document's head and the capabilities' list.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::web::Shared;

#[derive(OpenApi)]
#[openapi(
    info(title = "Comity API", description = "A community of democracies: its charter, members, organs and public, hash-chained journal. Reading is public. Errors are RFC 9457 problem details (application/problem+json).", license(name = "AGPL-3.0-or-later")),
    tags((name = "members", description = "States, ratings and eligibility"), (name = "charter", description = "The charter and its organs"), (name = "journal", description = "The public record"), (name = "account", description = "The token's own account: roles, API tokens listed and revoked"), (name = "motions", description = "Motions, amendments and roll-call votes; writing needs an API token"), (name = "elections", description = "Elections of persons by secret ballot; the journal records who voted, never what"), (name = "assemblies", description = "Assemblies drawn by lot: quotas, the pool's counts, seed commitments and draws; the journal holds salted hashes of volunteers, never names"), (name = "membership", description = "Membership after founding: applications with their eligibility report, and reviews of members that fell below the criterion with the measures proposed and taken; writing needs an API token"), (name = "treaties", description = "Treaties from bracketed draft to entry into force: rounds, wordings, settled brackets, redlines, Akoma Ntoso, signatures, deposits, reservations and the entry into force the clause gives; writing needs an API token"), (name = "caucus", description = "The UN caucus: agreement between states and the group's cohesion over the General Assembly's roll calls (sessions 1-74, Voeten et al.); only yes, no and abstain count as votes"), (name = "pledges", description = "Members' pledges tracked to the milestone: indicators with baseline and target, reports in three independent lanes (self, shadow, independent), disagreement flagged and never averaged, the IRM's star; writing needs an API token"), (name = "consultations", description = "Consultations of an organ: structured questions for a fixed period, open to accredited organisations, member states and, where the organ allows, anyone; submissions published unless confidential; the synthesis the organ adopted and the decisions it informed"), (name = "search", description = "Search across members, organs, motions, elections, treaties, reports, pledges, listings, consultations and initiatives in any language, filtered by kind, organ and day")),
    modifiers(&TokenAuth)
)]
struct ApiDoc;

/// The API routes with their OpenAPI description: one line per capability.
pub fn router() -> OpenApiRouter<Shared> {
    capabilities().into_iter().fold(
        OpenApiRouter::with_openapi(ApiDoc::openapi()),
        |api, cap| api.merge(cap),
    )
}

/// Each capability's API, in the order they are merged.
fn capabilities() -> [OpenApiRouter<Shared>; 13] {
    [
        crate::base::routes::api(),
        crate::motion::routes::api(),
        crate::membership::routes::api(),
        crate::network::routes::api(),
        crate::election::routes::api(),
        crate::assembly::routes::api(),
        crate::treaty::routes::api(),
        crate::caucus::routes::api(),
        crate::pledges::routes::api(),
        crate::sanctions::routes::api(),
        crate::initiatives::routes::api(),
        crate::consultations::routes::api(),
        crate::search::routes::api(),
    ]
}

/// The description as every response can be: the handlers' annotations name the answers
/// each gives; the layers in front of them add some to every operation of a kind, written
/// here once. Problems are `application/problem+json`; an operation with query or path
/// parameters may answer 400 (a value that does not parse) and, with path parameters, 404;
/// one that needs a token 401 and 403; a write 400 (its body), 409 (the journal kept moving),
/// 413 (a body too large), 422 (the act refused), 429 (the account's allowance spent) and
/// 503 (the journal cannot be followed). An operation with a `format` parameter answers CSV
/// too.
pub fn complete(doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    match completed(&doc) {
        Ok(done) => done,
        // The document reads back what it wrote; were it ever not to, the handlers'
        // own description still stands.
        Err(e) => {
            eprintln!("warning: the API description could not be completed: {e}");
            doc
        }
    }
}

fn completed(
    doc: &utoipa::openapi::OpenApi,
) -> Result<utoipa::openapi::OpenApi, serde_json::Error> {
    use serde_json::{Value, json};
    let mut v = serde_json::to_value(doc)?;
    let problem = json!({"schema": {"$ref": "#/components/schemas/Problem"}});
    let answer = |why: &str| json!({"description": why, "content": {"application/problem+json": problem.clone()}});
    let Some(paths) = v.get_mut("paths").and_then(Value::as_object_mut) else {
        return serde_json::from_value(v);
    };
    for item in paths.values_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, op) in item.iter_mut() {
            let params: Vec<String> = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p["in"].as_str().map(str::to_owned))
                .collect();
            // `format=csv` answers the same rows as CSV.
            let csv = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["in"] == "query" && p["name"] == "format");
            let secured = op.get("security").is_some();
            let write = matches!(method.as_str(), "post" | "put" | "patch" | "delete");
            let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
                continue;
            };
            // Problems are problem details, not plain JSON.
            for r in responses.values_mut() {
                if let Some(content) = r.get_mut("content").and_then(Value::as_object_mut)
                    && content
                        .get("application/json")
                        .is_some_and(|b| b["schema"]["$ref"] == "#/components/schemas/Problem")
                    && let Some(body) = content.remove("application/json")
                {
                    content.insert("application/problem+json".into(), body);
                }
            }
            if csv
                && let Some(content) = responses
                    .get_mut("200")
                    .and_then(|r| r.get_mut("content"))
                    .and_then(Value::as_object_mut)
            {
                content
                    .entry("text/csv")
                    .or_insert_with(|| json!({"schema": {"type": "string"}}));
            }
            let mut add = |code: &str, why: &str| {
                responses.entry(code).or_insert_with(|| answer(why));
            };
            if !params.is_empty() || write {
                add("400", "A parameter or the body does not read");
            }
            if params.iter().any(|p| p == "path") {
                add("404", "No such resource");
            }
            if secured {
                add("401", "No valid API token");
                add("403", "Not the token's account's to do");
            }
            if write {
                add("409", "The journal kept moving; try again");
                add("413", "The body is too large");
                add("422", "The act is refused");
                add(
                    "429",
                    "The account's allowance of acts is spent; see Retry-After",
                );
                add("503", "The journal cannot be followed; nothing is recorded");
            }
        }
    }
    serde_json::from_value(v)
}

/// `/api/openapi.json`
pub async fn openapi_json(State(doc): State<std::sync::Arc<utoipa::openapi::OpenApi>>) -> Response {
    Json(doc.as_ref().clone()).into_response()
}

/// The bearer-token scheme the write endpoints name.
struct TokenAuth;

impl utoipa::Modify for TokenAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Merging keeps one schema per name: two capabilities naming different bodies alike
    /// would leave one of them described with the other's fields.
    #[test]
    fn no_two_capabilities_name_different_schemas_alike() {
        let mut seen: BTreeMap<String, (usize, serde_json::Value)> = BTreeMap::new();
        for (i, cap) in capabilities().into_iter().enumerate() {
            let doc = cap.into_openapi();
            let Some(components) = doc.components else {
                continue;
            };
            for (name, schema) in components.schemas {
                let json = serde_json::to_value(&schema).unwrap();
                if let Some((j, other)) = seen.get(&name) {
                    assert_eq!(
                        other, &json,
                        "schema {name} differs between capabilities {j} and {i}"
                    );
                } else {
                    seen.insert(name, (i, json));
                }
            }
        }
        let merged = router().into_openapi();
        let schemas = merged.components.map(|c| c.schemas).unwrap_or_default();
        assert!(
            schemas.len() >= seen.len() && seen.len() > 30,
            "{}",
            seen.len()
        );
    }

    /// The description says what the layers answer too (schemathesis checks every answer
    /// against it): problems as problem details, 401 wherever a token is needed, the
    /// write answers on every write, CSV where `format` asks for it.
    #[test]
    fn every_answer_is_described() {
        let doc = serde_json::to_value(complete(router().into_openapi())).unwrap();
        let mut ops = 0;
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                ops += 1;
                let responses = op["responses"].as_object().unwrap();
                for q in op["parameters"].as_array().into_iter().flatten() {
                    if q["in"] == "path" {
                        let name = q["name"].as_str().unwrap();
                        assert!(
                            path.contains(&format!("{{{name}}}")),
                            "{method} {path} {name}"
                        );
                    }
                }
                for (code, r) in responses {
                    let content = r["content"].as_object();
                    let plain_problem = content
                        .and_then(|c| c.get("application/json"))
                        .is_some_and(|b| b["schema"]["$ref"] == "#/components/schemas/Problem");
                    assert!(!plain_problem, "{method} {path} {code}");
                }
                if op.get("security").is_some() {
                    assert!(responses.contains_key("401"), "{method} {path}");
                }
                if method == "post" {
                    for code in ["400", "409", "413", "422", "429", "503"] {
                        assert!(responses.contains_key(code), "{method} {path} {code}");
                    }
                }
                let format = op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|p| p["name"] == "format");
                if format {
                    assert!(
                        responses["200"]["content"].get("text/csv").is_some(),
                        "{method} {path}"
                    );
                }
            }
        }
        assert!(ops > 80, "{ops}");
    }
}
