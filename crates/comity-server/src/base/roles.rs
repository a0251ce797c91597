//! Granting and removing roles (issue 22, item 4): the secretariat gives an account a role or
//! takes it away, on `/accounts` or over the API, as the operator does with `comity user
//! grant`/`revoke`. Each change is recorded, with who made it, outside the public journal
//! (accounts are not public); the account's owner sees the history on `/account`.

use axum::http::StatusCode;
use comity_core::Role;
use comity_store::accounts::AccountError;

use crate::kit::problem::{Problem, internal};
use crate::web::Shared;

/// Grant, or remove.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Grant,
    Remove,
}

/// Only the secretariat manages roles.
pub fn officer(roles: &[Role]) -> Result<(), Problem> {
    if roles.contains(&Role::Secretariat) {
        Ok(())
    } else {
        Err(Problem::new(
            StatusCode::FORBIDDEN,
            "secretariat-only",
            "Forbidden",
            "only an officer of the secretariat may grant or remove roles",
        ))
    }
}

/// Grant `role` to `username`, or remove it, as the officer `by`. `Ok(false)`: nothing to
/// change (the account already held it, or did not). An officer cannot remove their own
/// secretariat role (another officer, or the operator, can): the last officer would lock
/// everyone out of this page.
pub async fn change(
    app: &Shared,
    by: &str,
    username: &str,
    role: &str,
    change: Change,
) -> Result<bool, Problem> {
    let role = Role::parse(role).map_err(|e| Problem::bad_request("role-invalid", "role", e))?;
    let username = username.trim();
    if change == Change::Remove && role == Role::Secretariat && username == by {
        return Err(Problem::new(
            StatusCode::CONFLICT,
            "own-secretariat-role",
            "Conflict",
            "an officer cannot remove their own secretariat role; another officer or the operator (comity user revoke) can",
        )
        .at("role"));
    }
    let store = app.inst.store();
    let now = crate::now();
    let done = match change {
        Change::Grant => store.grant_role(username, &role, by, now).await,
        Change::Remove => store.revoke_role(username, &role, by, now).await,
    };
    match done {
        Ok(done) => Ok(done),
        Err(AccountError::Unknown(u)) => {
            Err(Problem::not_found(format!("there is no account {u:?}")))
        }
        Err(e @ AccountError::RoleHeld { .. }) => {
            Err(
                Problem::new(StatusCode::CONFLICT, "role-held", "Conflict", e.to_string())
                    .at("role"),
            )
        }
        Err(e) => Err(internal("changing a role", e)),
    }
}
