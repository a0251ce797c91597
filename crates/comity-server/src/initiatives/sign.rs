//! Signing one initiative: the form checked against the signatory's member's requirements
//! (core), keyed under the institution's secret, and recorded as a batch of one — the journal
//! holds the count and the row's SHA-256, the side table the keys — in one transaction. The
//! page and the API share it.

use comity_core::initiatives::sign::{self, FormError};
use comity_core::initiatives::{SignatureForm, requirements};
use comity_core::{Actor, Iso3};
use comity_store::ExecError;
use comity_store::side::SignatureRow;

use crate::web::Shared;

/// Why a signature was not recorded.
pub enum SignError {
    /// The form: its field and what is wrong.
    Form(FormError),
    /// This member and ID number signed this initiative already.
    Duplicate,
    Exec(ExecError),
}

/// A recorded signature: the batch and the journal entry that holds it.
pub struct Receipt {
    pub initiative: u64,
    pub batch: u64,
    pub entry: u64,
    pub entry_hash: String,
    pub state: Iso3,
}

pub async fn sign_one(
    app: &Shared,
    initiative: u64,
    form: &SignatureForm,
) -> Result<Receipt, SignError> {
    let now = crate::now();
    let secret = app
        .inst
        .store()
        .signing_secret()
        .await
        .map_err(|e| SignError::Exec(e.into()))?;
    let today = comity_core::ids::Day::of(now)
        .ok_or(SignError::Form(FormError::BadDate(String::from("today"))))?;
    let checked = {
        let st = app.inst.state().await;
        sign::check(
            form,
            today,
            &secret,
            |s| st.members.contains_key(s),
            |s| requirements(&st, s),
        )
        .map_err(SignError::Form)?
    };
    let row = SignatureRow {
        state: checked.state.clone(),
        id_key: checked.id_key,
        person_key: checked.person_key,
    };
    let (entries, duplicates) = app
        .inst
        .record_signatures(
            &Actor::system(),
            None,
            now,
            initiative,
            std::slice::from_ref(&row),
            "online form",
        )
        .await
        .map_err(SignError::Exec)?;
    if !duplicates.is_empty() {
        return Err(SignError::Duplicate);
    }
    let Some(entry) = entries.first() else {
        return Err(SignError::Duplicate);
    };
    Ok(Receipt {
        initiative,
        batch: entry
            .payload
            .get("batch")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0),
        entry: entry.seq,
        entry_hash: entry.hash.to_string(),
        state: checked.state,
    })
}
