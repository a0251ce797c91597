//! The form-post shape every page shares: the CSRF check, running the act for the signed-in
//! viewer, a refused act as (field, message) in the reader's language, and the page answering
//! with 422 and `no-store` when the form comes back with an error.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Principal;
use comity_core::auth::Denied;
use comity_core::{Command, DomainError};
use comity_store::ExecError;

use crate::i18n::Tr;
use crate::labels;
use crate::web::{Req, Shared, no_store, render_with};

/// A form's error: the field it concerns (empty when none) and the message.
pub type FieldError = (String, String);

/// A multipart form as it was posted: its text fields, and its files (name, bytes) by field.
/// An empty file input (nothing chosen) is left out.
#[derive(Default)]
pub struct Upload {
    pub texts: std::collections::BTreeMap<String, String>,
    pub files: std::collections::BTreeMap<String, (String, Vec<u8>)>,
}

impl Upload {
    /// Read every field of `form`; why not, in words, if the body does not read.
    pub async fn read(mut form: axum::extract::Multipart) -> Result<Self, String> {
        let mut u = Self::default();
        while let Some(field) = form.next_field().await.map_err(|e| e.to_string())? {
            let name = field.name().unwrap_or_default().to_owned();
            let file = field.file_name().map(str::to_owned);
            let bytes = field.bytes().await.map_err(|e| e.to_string())?;
            match file {
                Some(f) if !bytes.is_empty() => {
                    u.files.insert(name, (f, bytes.to_vec()));
                }
                Some(_) => {}
                None => {
                    u.texts
                        .insert(name, String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        Ok(u)
    }

    /// A text field, empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.texts.get(name).cloned().unwrap_or_default()
    }

    /// A file field, taken out of the upload.
    pub fn take_file(&mut self, name: &str) -> Option<(String, Vec<u8>)> {
        self.files.remove(name)
    }
}

/// Whether the form carries the session's CSRF token.
pub fn csrf_ok(req: &Req, given: &str) -> bool {
    req.viewer
        .as_ref()
        .and_then(|v| v.csrf.as_deref())
        .is_some_and(|c| !given.is_empty() && c == given)
}

/// The token a form shown to someone not signed in carries (double-submit: the same random
/// value as the `comity_csrf` cookie, which only this site can set), and whether the cookie
/// must be set with the page; why not, when no random token can be made.
pub fn double_submit(req: &Req) -> Result<(String, bool), String> {
    match &req.pre_csrf {
        Some(c) if c.len() == 64 => Ok((c.clone(), false)),
        _ => comity_store::accounts::new_token()
            .map(|t| (t, true))
            .map_err(|e| e.to_string()),
    }
}

/// Set the double-submit cookie on `res` when [`double_submit`] made a fresh token.
pub fn with_double_submit(mut res: Response, csrf: &str, fresh: bool) -> Response {
    if fresh
        && let Ok(v) = axum::http::HeaderValue::from_str(&format!(
            "{}={csrf}; Path=/; HttpOnly; SameSite=Lax",
            crate::web::CSRF_COOKIE
        ))
    {
        res.headers_mut().append(axum::http::header::SET_COOKIE, v);
    }
    res
}

/// Whether a form posted by someone not signed in carries the double-submit token.
pub fn double_submit_ok(req: &Req, given: &str) -> bool {
    !given.is_empty() && req.pre_csrf.as_deref() == Some(given)
}

/// 422 when the form comes back with an error, else 200.
pub fn form_status(error: &FieldError) -> StatusCode {
    if error.0.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
}

/// A page holding a form: its status from the error; not stored when someone is signed in.
pub fn form_page(req: &Req, error: &FieldError, page: &impl Template) -> Response {
    let res = render_with(form_status(error), page);
    if req.viewer.is_some() {
        no_store(res)
    } else {
        res
    }
}

/// The error kept on its field when the form has that field, else moved to `fallback`.
pub fn within(error: FieldError, fields: &[&str], fallback: &str) -> FieldError {
    if fields.contains(&error.0.as_str()) {
        error
    } else {
        (fallback.to_owned(), error.1)
    }
}

/// The form field a refusal concerns.
fn field_of_domain(e: &DomainError) -> &'static str {
    match e {
        DomainError::Base(comity_core::base::Refusal::EmptyField { field })
        | DomainError::Base(comity_core::base::Refusal::TooLong { field, .. }) => field,
        DomainError::Base(comity_core::base::Refusal::UnknownOrgan(_))
        | DomainError::Base(comity_core::base::Refusal::UnknownDecision(_)) => "decision",
        DomainError::Base(comity_core::base::Refusal::NotAMember(_))
        | DomainError::Motion(comity_core::motion::Refusal::AlreadySponsor { .. }) => "sponsor",
        DomainError::Motion(comity_core::motion::Refusal::DeadlineInPast { .. }) => "closes_at",
        DomainError::Motion(comity_core::motion::Refusal::BadOrder(_)) => "order",
        DomainError::Motion(comity_core::motion::Refusal::NotSeated { .. })
        | DomainError::Motion(comity_core::motion::Refusal::SameVote { .. }) => "vote",
        DomainError::Motion(comity_core::motion::Refusal::UnknownAmendment { .. })
        | DomainError::Motion(comity_core::motion::Refusal::AmendmentSettled { .. }) => "amendment",
        DomainError::Network(comity_core::network::Refusal::OutsidePowers { .. })
        | DomainError::Network(comity_core::network::Refusal::OpinionGiven { .. })
        | DomainError::Network(comity_core::network::Refusal::NetworkVotedAlready { .. }) => {
            "organ"
        }
        DomainError::Base(comity_core::base::Refusal::Rule(_)) => "yes",
        _ => "act",
    }
}

/// The form field a denial concerns.
fn field_of_denied(e: &Denied) -> &'static str {
    match e {
        Denied::NotYourSeat { .. } | Denied::MayNotTable { .. } => "sponsor",
        Denied::UnknownDecision(_) => "decision",
        _ => "act",
    }
}

/// A failed act as (form field, message in the reader's language); server faults are logged.
pub fn form_error(tr: &Tr<'_>, e: &ExecError) -> FieldError {
    match e {
        ExecError::Denied(d) => (field_of_denied(d).into(), labels::denial(tr, d)),
        ExecError::Refused(e) => (field_of_domain(e).into(), labels::refusal(tr, e)),
        ExecError::TooFast { seconds } => {
            ("act".into(), tr.t1("form-too-fast", "seconds", *seconds))
        }
        ExecError::Faulty(_) | ExecError::Load(_) => {
            eprintln!("error: executing an act: {e}");
            ("act".into(), tr.t("form-journal-faulty"))
        }
        other => {
            eprintln!("error: executing an act: {other}");
            ("act".into(), tr.t("form-failed"))
        }
    }
}

/// Run the act for the signed-in viewer: the journal entries' numbers, or the form's error.
pub async fn execute(app: &Shared, req: &Req, cmd: &Command) -> Result<Vec<u64>, FieldError> {
    let tr = req.tr(&app.catalog);
    let Some(who) = req.principal() else {
        return Err(("act".into(), tr.t("form-sign-in")));
    };
    app.inst
        .execute_as(&who, crate::now(), cmd)
        .await
        .map(|entries| entries.iter().map(|e| e.seq).collect())
        .map_err(|e| form_error(&tr, &e))
}

/// Why a form's act did not run or was refused.
pub enum Submit {
    /// Nobody is signed in: the browser goes to the sign-in page.
    SignIn,
    /// The CSRF token is missing or stale, or the act was refused: the form comes back.
    Refused(FieldError),
}

impl Submit {
    /// The sign-in redirect, or the form back with its error (kept on one of the form's
    /// `fields`, else on `fallback`), through `back`.
    pub async fn answer<F: std::future::Future<Output = Response>>(
        self,
        fields: &[&str],
        fallback: &str,
        back: impl FnOnce(FieldError) -> F,
    ) -> Response {
        match self {
            Submit::SignIn => Redirect::to("/login").into_response(),
            Submit::Refused(e) => back(within(e, fields, fallback)).await,
        }
    }
}

/// A form post's gate: someone signed in, with the session's CSRF token. The principal, or
/// why the post goes no further.
pub fn gate(app: &Shared, req: &Req, csrf: &str) -> Result<Principal, Submit> {
    let Some(who) = req.principal() else {
        return Err(Submit::SignIn);
    };
    if !csrf_ok(req, csrf) {
        let tr = req.tr(&app.catalog);
        return Err(Submit::Refused(("act".into(), tr.t("form-csrf-failed"))));
    }
    Ok(who)
}

/// A form post's act: through the [`gate`], then the act for the viewer. The journal
/// entries' numbers, or why not.
pub async fn submit(
    app: &Shared,
    req: &Req,
    csrf: &str,
    cmd: &Command,
) -> Result<Vec<u64>, Submit> {
    gate(app, req, csrf)?;
    execute(app, req, cmd).await.map_err(Submit::Refused)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    #[test]
    fn a_refusal_lands_on_its_field_in_the_readers_language() {
        let catalog = Catalog::load().unwrap();
        let tr = Tr {
            catalog: &catalog,
            lang: Lang::Fr,
        };
        let empty = ExecError::Refused(DomainError::Base(comity_core::base::Refusal::EmptyField {
            field: "title",
        }));
        let (field, msg) = form_error(&tr, &empty);
        assert_eq!(field, "title");
        assert!(msg.contains("title") && !msg.contains("refused-"), "{msg}");
        let other = form_error(&tr, &ExecError::Contention(2));
        assert_eq!(other, ("act".to_owned(), tr.t("form-failed")));
        let denied = ExecError::Denied(Denied::SecretariatOnly { act: "open" });
        assert_eq!(form_error(&tr, &denied).0, "act");
    }

    #[test]
    fn errors_stay_on_the_forms_fields() {
        let e = ("vote".to_owned(), "no".to_owned());
        assert_eq!(within(e.clone(), &["vote"], "act"), e);
        assert_eq!(within(e, &["name"], "name").0, "name");
        assert_eq!(form_status(&Default::default()), StatusCode::OK);
        let bad = ("x".to_owned(), String::new());
        assert_eq!(form_status(&bad), StatusCode::UNPROCESSABLE_ENTITY);
    }
}
