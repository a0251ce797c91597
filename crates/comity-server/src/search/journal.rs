//! Journal entries found by the words of what they recorded: the store files each entry's
//! words (`comity_store::search`) and finds them on SQLite (FTS5) or PostgreSQL (GIN over a
//! tsvector); each entry found is told in the reader's language, as the journal page tells it.

use comity_core::State;
use comity_matching::words::query_terms;
use comity_store::{Store, StoreError};

use super::{Kind, Query};
use crate::i18n::Tr;

/// Entries filed at most per search before it answers (the rest on the next, or by the
/// server's background filing from its start).
pub const CATCH_UP: u64 = 200_000;

/// An entry found.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct EntryHit {
    pub seq: u64,
    /// RFC 3339, UTC.
    pub time: String,
    pub actor: String,
    pub kind: String,
    /// What the entry recorded, in the reader's language.
    pub summary: String,
    /// Its page.
    pub url: String,
}

/// The entries a search found.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct JournalFound {
    /// Newest first.
    pub entries: Vec<EntryHit>,
    /// More entries hold the words (ask again with `before` = the last one's `seq`).
    pub more: bool,
    /// The entry up to which the journal's words are filed.
    pub indexed: u64,
}

/// Does the query ask for journal entries? Words, no organ (entries have none), and no
/// kind or the kind `entry`.
pub fn wanted(q: &Query) -> bool {
    !query_terms(&q.text).is_empty()
        && q.organ.is_none()
        && (q.kinds.is_empty() || q.kinds.contains(&Kind::Entry))
}

/// The entries holding every word of the query, newest first, before entry `before`.
pub async fn find(
    store: &Store,
    state: &State,
    tr: &Tr<'_>,
    q: &Query,
    before: Option<u64>,
    limit: u32,
) -> Result<JournalFound, StoreError> {
    let from = q.from.map(|d| d.to_string());
    let to = q.to.map(|d| d.to_string());
    let hits = store
        .search_journal(
            &query_terms(&q.text),
            before,
            from.as_deref(),
            to.as_deref(),
            limit,
        )
        .await?;
    let mut entries = Vec::with_capacity(hits.seqs.len());
    for seq in hits.seqs {
        if let Some(e) = store.entry(seq).await? {
            entries.push(EntryHit {
                seq,
                time: e.time.to_string(),
                actor: e.actor.to_string(),
                kind: e.kind.clone(),
                summary: crate::labels::entry_summary(tr, state, &e),
                url: format!("/journal/{seq}"),
            });
        }
    }
    Ok(JournalFound {
        entries,
        more: hits.more,
        indexed: hits.indexed,
    })
}
