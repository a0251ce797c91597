//! Search (issue 25): members, organs, motions, elections, treaties, reports, pledges,
//! listings, consultations and initiatives, by any word of what they say in any language,
//! filtered by kind, organ and day — the page `/search?q=…` (a field in every page's
//! header), `GET /api/v1/search` and `comity search`.
//!
//! The index is built in memory from the projection, the same on SQLite and PostgreSQL,
//! and rebuilt when the journal moves for what readers see (not for a batch of signatures
//! or a consultation's submission, which change none of its documents).

pub mod api;
pub mod docs;
pub mod index;
pub mod journal;
pub mod pages;
pub mod routes;
pub mod terms;

use std::sync::{Arc, Mutex};

use comity_core::State;
use comity_core::ids::Day;

pub use index::{Doc, Hit, Index, Kind, Query};

/// The index of the projection at its last version, built once for every reader.
#[derive(Default)]
pub struct Cache {
    built: Mutex<Option<(u64, Arc<Index>)>>,
}

impl Cache {
    /// The index of `state`, built if the journal has moved since the last.
    pub fn get(&self, state: &State) -> Arc<Index> {
        // A snapshot written before the versions were kept has them at 0: then the head.
        let version = match state.versions.rest {
            0 => state.head().seq,
            v => v,
        };
        let mut built = match self.built.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some((v, ix)) = built.as_ref()
            && *v == version
        {
            return ix.clone();
        }
        let ix = Arc::new(Index::build(docs::documents(state)));
        *built = Some((version, ix.clone()));
        ix
    }
}

/// A query's parameters as they come in a page's or the API's address, checked: each
/// problem names its field.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Params {
    /// Words, every one of which a result holds (a word of three letters or more also finds
    /// the words it begins).
    pub q: Option<String>,
    /// Kinds, separated by commas: member, organ, motion, election, treaty, report, pledge,
    /// listing, consultation, initiative, entry (a journal entry).
    pub kind: Option<String>,
    /// An organ's id.
    pub organ: Option<String>,
    /// The first day (YYYY-MM-DD).
    pub from: Option<String>,
    /// The last day (YYYY-MM-DD).
    pub to: Option<String>,
    /// Journal entries before this one (the next page of them).
    pub before: Option<u64>,
}

/// A parameter that is not what it should be: the field and the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadParam {
    Kind(String),
    Day(&'static str, String),
}

impl BadParam {
    pub fn field(&self) -> &'static str {
        match self {
            BadParam::Kind(_) => "kind",
            BadParam::Day(f, _) => f,
        }
    }
}

impl std::fmt::Display for BadParam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadParam::Kind(k) => write!(
                f,
                "kind: {k:?} is not a kind (one of {})",
                Kind::ALL.map(Kind::code).join(", ")
            ),
            BadParam::Day(field, v) => write!(f, "{field}: {v:?} is not a day (YYYY-MM-DD)"),
        }
    }
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Params {
    pub fn query(&self) -> Result<Query, BadParam> {
        let mut kinds = Vec::new();
        if let Some(list) = nonempty(&self.kind) {
            for k in list.split(',').map(str::trim).filter(|k| !k.is_empty()) {
                let kind = Kind::parse(k).ok_or_else(|| BadParam::Kind(k.to_owned()))?;
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        let day = |field: &'static str, v: &Option<String>| match nonempty(v) {
            None => Ok(None),
            Some(s) => Day::parse(s)
                .map(Some)
                .map_err(|_| BadParam::Day(field, s.to_owned())),
        };
        Ok(Query {
            text: self.q.clone().unwrap_or_default(),
            kinds,
            organ: nonempty(&self.organ).map(str::to_owned),
            from: day("from", &self.from)?,
            to: day("to", &self.to)?,
        })
    }
}

/// One result as the API and the CLI give it.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct ResultDoc {
    /// member, organ, motion, election, treaty, report, pledge, listing, consultation or
    /// initiative.
    pub kind: &'static str,
    /// Its number or code within its kind.
    pub id: String,
    pub title: String,
    /// Its page.
    pub url: String,
    /// Its organ's id, if it belongs to one.
    pub organ: Option<String>,
    /// The day it was made (YYYY-MM-DD).
    pub date: Option<String>,
    pub score: f64,
    /// A passage of its text around the first word asked for; the words asked for are
    /// between `«` and `»`.
    pub snippet: Option<String>,
}

/// A search's answer.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct Found {
    pub query: String,
    /// Results in all (the page holds at most `per_page`).
    pub total: usize,
    /// The journal entry the index was built at.
    pub as_of: u64,
    pub results: Vec<ResultDoc>,
    /// Journal entries holding the words, when the query asks for them (words, no organ,
    /// no kind or the kind `entry`).
    pub journal: Option<journal::JournalFound>,
}

/// The characters a snippet holds around the first word found.
pub const SNIPPET: usize = 240;

impl ResultDoc {
    pub fn of(h: &Hit<'_>, query: &str) -> ResultDoc {
        let d = h.doc;
        ResultDoc {
            kind: d.kind.code(),
            id: d.id.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
            organ: d.organ.clone(),
            date: d.day.map(|x| x.to_string()),
            score: (h.score * 1000.0).round() / 1000.0,
            snippet: index::snippet(&d.body, query, SNIPPET).map(|parts| {
                parts
                    .into_iter()
                    .map(|(t, marked)| if marked { format!("«{t}»") } else { t })
                    .collect()
            }),
        }
    }
}

/// The answer to a query from its results, best first: those from `skip`, at most `take`,
/// and the total.
pub fn found(hits: &[Hit<'_>], q: &Query, as_of: u64, skip: usize, take: usize) -> Found {
    Found {
        query: q.text.clone(),
        total: hits.len(),
        as_of,
        results: hits
            .iter()
            .skip(skip)
            .take(take)
            .map(|h| ResultDoc::of(h, &q.text))
            .collect(),
        journal: None,
    }
}
