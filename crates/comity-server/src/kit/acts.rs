//! "In the journal", told: the entries a page's subject (a member, a motion, an election, a
//! treaty) was part of, each with its number, its time and what it recorded in the reader's
//! language ("Denmark voted yes"), not a column of bare numbers. One list, one template
//! (`templates/kit/acts.html`), read from the store in batches.

use comity_core::State;
use comity_core::journal::Entry;
use comity_store::{Store, StoreError};

use crate::i18n::Tr;

pub struct ActLine {
    pub seq: u64,
    pub time: String,
    pub actor: String,
    pub summary: String,
}

impl ActLine {
    pub fn of(tr: &Tr<'_>, state: &State, e: &Entry) -> Self {
        Self {
            seq: e.seq,
            time: e.time.to_string(),
            actor: e.actor.to_string(),
            summary: crate::labels::entry_summary(tr, state, e),
        }
    }
}

/// The entries of these numbers, oldest first, told.
pub async fn lines(
    store: &Store,
    state: &State,
    tr: &Tr<'_>,
    seqs: &[u64],
) -> Result<Vec<ActLine>, StoreError> {
    Ok(store
        .entries_at(seqs)
        .await?
        .iter()
        .map(|e| ActLine::of(tr, state, e))
        .collect())
}
