//! RFC 9457 problem details: the one error shape of the JSON API.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use comity_store::ExecError;
use serde::Serialize;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the problem type; its last segment is the stable error id.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The request field the problem concerns, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Problem {
    pub fn new(status: StatusCode, id: &str, title: &str, detail: impl Into<String>) -> Self {
        Self {
            kind: format!("https://comity.example/problems/{id}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            field: None,
        }
    }
    pub fn not_found(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not-found", "Not found", detail)
    }
    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Internal error",
            "the server failed; its log has the details",
        )
    }
    pub fn bad_request(id: &str, field: &str, detail: impl Into<String>) -> Self {
        Self {
            field: Some(field.to_owned()),
            ..Self::new(StatusCode::BAD_REQUEST, id, "Bad request", detail)
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(&self).unwrap_or_default();
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
            .into_response()
    }
}

/// Log an internal failure and answer with a problem that shows no internals.
pub fn internal(what: &str, e: impl std::fmt::Display) -> Problem {
    eprintln!("error: {what}: {e}");
    Problem::internal()
}

impl Problem {
    /// The same problem, concerning a request field.
    pub fn at(self, field: impl Into<String>) -> Self {
        Self {
            field: Some(field.into()),
            ..self
        }
    }
}

/// Why an act was not done, as a problem: 403 when the actor may not, 422 when the act is
/// refused, 409 when the journal kept moving; anything else is logged as `what` failing and
/// answered 500 without internals.
pub fn refusal(e: ExecError, what: &str) -> Problem {
    match e {
        ExecError::Denied(d) => {
            Problem::new(StatusCode::FORBIDDEN, d.id(), "Forbidden", d.to_string())
        }
        ExecError::Refused(e) => {
            // A text refused for its length or emptiness names its field.
            let field = match &e {
                comity_core::DomainError::Base(
                    comity_core::base::Refusal::EmptyField { field }
                    | comity_core::base::Refusal::TooLong { field, .. },
                ) => Some(*field),
                _ => None,
            };
            let p = Problem::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                e.id(),
                "Refused",
                e.to_string(),
            );
            match field {
                Some(f) => p.at(f),
                None => p,
            }
        }
        ExecError::EmailRegistered { .. } => Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "assembly-email-registered",
            "Refused",
            "this email address has volunteered already",
        )
        .at("email"),
        ExecError::TooFast { .. } => Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too-many-acts",
            "Too Many Requests",
            format!("{e}"),
        ),
        ExecError::Faulty(_) | ExecError::Load(_) => Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "journal-faulty",
            "Service Unavailable",
            format!("{e}"),
        ),
        ExecError::Contention(n) => Problem::new(
            StatusCode::CONFLICT,
            "contention",
            "Conflict",
            format!("the journal kept moving ({n} attempts); try again"),
        ),
        other => internal(what, other),
    }
}

/// The most of a plain error's text a problem repeats (a rejection can quote the input).
const DETAIL_MAX: usize = 300;

/// Every error the API answers is a problem: the rejections the framework writes as plain
/// text (a body over the size limit, a path id that is not a number, a method the address
/// does not take, a body of the wrong type) are rewritten as RFC 9457 problem details, their
/// text cut short so an error never echoes a whole input back.
pub async fn api_errors(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/problem+json"));
    if !api || is_problem || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let allow = res.headers().get(header::ALLOW).cloned();
    let text = axum::body::to_bytes(res.into_body(), 64 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let mut detail: String = text.chars().take(DETAIL_MAX).collect();
    if text.chars().count() > DETAIL_MAX {
        detail.push('…');
    }
    let reason = status.canonical_reason().unwrap_or("Error");
    if detail.is_empty() {
        detail = match status {
            StatusCode::METHOD_NOT_ALLOWED => match &allow {
                Some(a) => format!(
                    "this address takes {}",
                    a.to_str().unwrap_or("other methods")
                ),
                None => "this address does not take that method".into(),
            },
            _ => reason.to_string(),
        };
    }
    let id = reason.to_ascii_lowercase().replace(' ', "-");
    let mut out = Problem::new(status, &id, reason, detail).into_response();
    if let Some(a) = allow {
        out.headers_mut().insert(header::ALLOW, a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use comity_core::DomainError;
    use comity_core::auth::Denied;

    fn parts(p: &Problem) -> (u16, &str, Option<&str>) {
        let id = p.kind.rsplit('/').next().unwrap_or("");
        (p.status, id, p.field.as_deref())
    }

    #[test]
    fn each_refusal_has_its_status() {
        let refused = refusal(
            ExecError::Refused(DomainError::Assembly(
                comity_core::assembly::Refusal::SeedMismatch,
            )),
            "x",
        );
        assert_eq!(
            parts(&refused),
            (
                422,
                DomainError::Assembly(comity_core::assembly::Refusal::SeedMismatch).id(),
                None
            )
        );
        let denied = Denied::SecretariatOnly { act: "open" };
        let id = denied.id();
        assert_eq!(
            parts(&refusal(ExecError::Denied(denied), "x")),
            (403, id, None)
        );
        let busy = refusal(ExecError::Contention(3), "x");
        assert_eq!(parts(&busy), (409, "contention", None));
        assert!(busy.detail.contains("3 attempts"));
        let email = refusal(ExecError::EmailRegistered { volunteer: 0 }, "x");
        assert_eq!(
            parts(&email),
            (422, "assembly-email-registered", Some("email"))
        );
        let other = refusal(ExecError::ContactsRequired, "x");
        assert_eq!(parts(&other), (500, "internal", None));
        assert!(!other.detail.contains("register_volunteers"));
    }

    #[test]
    fn a_problem_can_name_its_field() {
        let p = Problem::not_found("gone").at("id");
        assert_eq!(parts(&p), (404, "not-found", Some("id")));
    }
}
