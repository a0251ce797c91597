//! Free text at the edge (issue 22, item 8). Nobody types a NUL, a bell or an escape, and
//! direction overrides (U+202A–U+202E) and isolates (U+2066–U+2069) serve only to make a
//! name read as another: a form or a JSON body holding one is refused with the field and
//! the character named, before any handler reads it. Marks that only hint a direction
//! (U+200E, U+200F, U+061C) are real writing in Arabic and stay allowed.
//!
//! Output is escaped per format by the templates; XML has characters no escape can carry,
//! so feeds pass through [`xml_safe`] as well (a journal written before this check may hold
//! them).

use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::kit::problem::Problem;
use crate::web::{Req, Shared};

/// Bodies scanned are read up to axum's default limit, which the form and JSON handlers
/// enforce as well.
const SCANNED_MAX: usize = 2 * 1024 * 1024;

/// A character refused in free text: control characters other than tab and line breaks,
/// and the bidirectional embeddings, overrides and isolates.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The first hidden character of `s`: its position (from 1, in characters) and itself.
pub fn first_hidden(s: &str) -> Option<(usize, char)> {
    s.chars()
        .enumerate()
        .find(|(_, c)| is_hidden(*c))
        .map(|(i, c)| (i + 1, c))
}

/// `s` with every character XML 1.0 cannot hold (C0 controls other than tab and line
/// breaks, U+FFFE, U+FFFF) replaced by U+FFFD.
pub fn xml_safe(s: String) -> String {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !s.contains(bad) {
        return s;
    }
    s.chars()
        .map(|c| if bad(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// An Atom feed as rendered, made safe for XML, or the failure logged.
pub fn atom(rendered: Result<String, askama::Error>, what: &str) -> Response {
    match rendered {
        Ok(xml) => (
            [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
            xml_safe(xml),
        )
            .into_response(),
        Err(e) => crate::web::internal(what, e),
    }
}

/// A hidden character found: in which field, where, which.
#[derive(Debug, PartialEq, Eq)]
pub struct Found {
    pub field: String,
    pub at: usize,
    pub c: char,
}

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = if self.c.is_control() {
            "a control character"
        } else {
            "a direction override"
        };
        write!(
            f,
            "{}: {what} (U+{:04X}) at character {}; remove it",
            self.field, self.c as u32, self.at
        )
    }
}

/// The first hidden character of a form body, in a value or a name.
pub fn scan_form(body: &[u8]) -> Option<Found> {
    form_urlencoded::parse(body).find_map(|(k, v)| {
        first_hidden(&v)
            .or_else(|| first_hidden(&k))
            .map(|(at, c)| Found {
                field: k.chars().filter(|c| !is_hidden(*c)).collect(),
                at,
                c,
            })
    })
}

/// The first hidden character of a JSON body's strings (keys too), with its path
/// (`items[2].name`). A body that is not JSON is left to its handler's parser.
pub fn scan_json(body: &[u8]) -> Option<Found> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    // Walked with a stack: the parser bounds the depth, the walk does not recurse anyway.
    let mut stack = vec![(String::new(), &value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            serde_json::Value::String(s) => {
                if let Some((at, c)) = first_hidden(s) {
                    let field = if path.is_empty() { "body".into() } else { path };
                    return Some(Found { field, at, c });
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((format!("{path}[{i}]"), item));
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map.iter().rev() {
                    let field = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    if let Some((at, c)) = first_hidden(k) {
                        let field = field.chars().filter(|c| !is_hidden(*c)).collect();
                        return Some(Found { field, at, c });
                    }
                    stack.push((field, item));
                }
            }
            _ => {}
        }
    }
    None
}

enum Kind {
    Form,
    Json,
}

/// Refuse a form or JSON body that holds a hidden character: a problem (422) on the API, a
/// page in the reader's language elsewhere. Anything else passes untouched.
pub async fn refuse_hidden(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let kind = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|t| {
            let t = t.split(';').next().unwrap_or("").trim();
            if t.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
                Some(Kind::Form)
            } else if t.eq_ignore_ascii_case("application/json")
                || t.to_ascii_lowercase().ends_with("+json")
            {
                Some(Kind::Json)
            } else {
                None
            }
        });
    let reads = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let Some(kind) = kind.filter(|_| !reads) else {
        return next.run(req).await;
    };
    let api = req.uri().path().starts_with("/api/");
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, SCANNED_MAX).await else {
        return Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "Payload Too Large",
            format!("the body is over {SCANNED_MAX} bytes"),
        )
        .into_response();
    };
    let found = match kind {
        Kind::Form => scan_form(&bytes),
        Kind::Json => scan_json(&bytes),
    };
    let Some(found) = found else {
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    };
    if api {
        return Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "hidden-character",
            "Unprocessable Entity",
            found.to_string(),
        )
        .at(found.field)
        .into_response();
    }
    let Ok(r) = Req::from_request_parts(&mut parts, &app).await;
    let tr = r.tr(&app.catalog);
    let message = tr.t1("form-hidden-character", "detail", found.to_string());
    let state = app.inst.state().await;
    crate::web::error_page(
        &app,
        &r,
        &state,
        StatusCode::UNPROCESSABLE_ENTITY,
        tr.t("form-hidden-character-title"),
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_found_where_they_are() {
        assert_eq!(
            first_hidden("plain, Arabic \u{200F}mark\tand\r\nlines"),
            None
        );
        assert_eq!(first_hidden("a\u{0}b"), Some((2, '\u{0}')));
        assert_eq!(first_hidden("bell\u{7}"), Some((5, '\u{7}')));
        assert_eq!(first_hidden("x\u{85}"), Some((2, '\u{85}')));
        assert_eq!(first_hidden("txt.\u{202E}exe"), Some((5, '\u{202E}')));
        assert_eq!(first_hidden("\u{2066}iso"), Some((1, '\u{2066}')));
        let f = scan_form(b"csrf=x&title=Budget%E2%80%AEtegduB&text=ok").unwrap();
        assert_eq!((f.field.as_str(), f.at, f.c), ("title", 7, '\u{202E}'));
        assert!(
            f.to_string()
                .starts_with("title: a direction override (U+202E)")
        );
        assert_eq!(scan_form(b"title=fine+text&n=1"), None);
        let f = scan_json(br#"{"a":"ok","items":[{"name":"ok"},{"name":"x\u0000"}]}"#).unwrap();
        assert_eq!((f.field.as_str(), f.at, f.c), ("items[1].name", 2, '\u{0}'));
        assert!(f.to_string().contains("a control character (U+0000)"));
        assert_eq!(scan_json(br#"{"a":[1,2,{"b":"\u200f ok"}]}"#), None);
        assert_eq!(scan_json(b"not json \x07"), None);
    }

    #[test]
    fn xml_cannot_carry_controls() {
        assert_eq!(
            xml_safe("a\u{0}b\u{7}\tc\u{FFFF}".into()),
            "a\u{FFFD}b\u{FFFD}\tc\u{FFFD}"
        );
        assert_eq!(xml_safe("plain".into()), "plain");
    }
}
