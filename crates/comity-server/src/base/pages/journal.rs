use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::labels;
use crate::web::{Chrome, Req, Shared, internal, not_found, render};

pub const PAGE: u64 = 50;

pub struct EntryLine {
    pub seq: u64,
    pub time: String,
    pub actor: String,
    pub summary: String,
    pub hash_short: String,
}

#[derive(Template)]
#[template(path = "base/journal.html")]
struct JournalPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    entries: Vec<EntryLine>,
    newer: u64,
    older: u64,
    log: Option<LogLines>,
}

/// The transparency log as the journal page shows it.
pub struct LogLines {
    pub key: String,
    pub size: u64,
    pub root: String,
    pub note: String,
    pub witnesses: Vec<String>,
    pub cosigned: Option<CosignedLines>,
}

/// The latest cosigned checkpoint: its size, the note with every cosignature, and each
/// cosigner with the UTC time it cosigned.
pub type CosignedLines = (u64, String, Vec<(String, String)>);

fn utc(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| secs.to_string())
}

async fn log_lines(app: &Shared) -> Option<LogLines> {
    match crate::base::tlog::log_view(app.inst.store()).await {
        Ok(Some(v)) => Some(LogLines {
            key: v.key,
            size: v.size,
            root: v.root,
            note: v.note,
            witnesses: v.witnesses,
            cosigned: v.cosigned.map(|c| {
                let who = c
                    .cosigners
                    .into_iter()
                    .map(|w| (w.witness, utc(w.time)))
                    .collect();
                (c.size, c.note, who)
            }),
        }),
        Ok(None) => None,
        Err(e) => {
            eprintln!("warning: reading the transparency log: {e}");
            None
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct Paging {
    /// Show entries before this sequence number (newest first).
    before: Option<u64>,
}

pub async fn list(State(app): State<Shared>, req: Req, Query(p): Query<Paging>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let head = state.head().seq;
    let before = p.before.unwrap_or(head + 1).clamp(1, head + 1);
    let from = before.saturating_sub(PAGE + 1);
    let entries = match app
        .inst
        .store()
        .entries(from, u32::try_from(before - 1 - from).unwrap_or(0))
        .await
    {
        Ok(es) => es,
        Err(e) => return internal("reading the journal", e),
    };
    let lines = entries
        .iter()
        .rev()
        .map(|e| EntryLine {
            seq: e.seq,
            time: e.time.to_string(),
            actor: e.actor.to_string(),
            summary: labels::entry_summary(&tr, &state, e),
            hash_short: e.hash.to_string()[..16].to_owned(),
        })
        .collect();
    let newer = if before <= head {
        (before + PAGE).min(head + 1)
    } else {
        0
    };
    let older = if from > 0 { from + 1 } else { 0 };
    let log = log_lines(&app).await;
    let mut res = render(&JournalPage {
        c: req.chrome(&state, "journal"),
        entries: lines,
        newer,
        older,
        log,
        tr,
    });
    // Witnesses cosign between appends: the page is not kept with the head.
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-cache"),
    );
    res
}

#[derive(Template)]
#[template(path = "base/entry.html")]
struct EntryPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    seq: u64,
    summary: String,
    time: String,
    actor: String,
    kind: String,
    prev_hash: String,
    hash: String,
    payload: String,
    payload_truncated: bool,
    proof: Option<EntryProof>,
}

/// An entry's inclusion proof in the latest checkpoint's tree, and how to check it.
pub struct EntryProof {
    pub leaf: u64,
    pub size: u64,
    pub hashes: Vec<String>,
    pub key: String,
}

async fn entry_proof(app: &Shared, seq: u64) -> Option<EntryProof> {
    let store = app.inst.store();
    let key = store.log_key().await.ok().flatten()?;
    let (size, _) = store.latest_checkpoint().await.ok().flatten()?;
    if seq == 0 || seq > size {
        return None;
    }
    let hashes = store.log_inclusion(seq - 1, size).await.ok()?;
    Some(EntryProof {
        leaf: seq - 1,
        size,
        hashes: comity_store::tlog::b64_all(&hashes),
        key: key.encode(),
    })
}

/// Payloads above this many characters are cut on the page (the API has them whole).
const PAYLOAD_SHOWN: usize = 20_000;

pub async fn entry(State(app): State<Shared>, req: Req, Path(seq): Path<String>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let found = match seq.parse::<u64>() {
        Ok(n) => match app.inst.store().entry(n).await {
            Ok(e) => e,
            Err(e) => return internal("reading an entry", e),
        },
        Err(_) => None,
    };
    let Some(e) = found else {
        return not_found(&app, &req, &state, tr.t1("not-found-entry", "seq", seq));
    };
    let mut payload = serde_json::to_string_pretty(&e.payload).unwrap_or_default();
    let payload_truncated = payload.len() > PAYLOAD_SHOWN;
    if payload_truncated {
        let cut = (0..=PAYLOAD_SHOWN)
            .rev()
            .find(|i| payload.is_char_boundary(*i))
            .unwrap_or(0);
        payload.truncate(cut);
        payload.push_str("\n…");
    }
    let proof = entry_proof(&app, e.seq).await;
    render(&EntryPage {
        proof,
        c: req.chrome(&state, "journal"),
        seq: e.seq,
        summary: labels::entry_summary(&tr, &state, &e),
        time: e.time.to_string(),
        actor: e.actor.to_string(),
        kind: e.kind.clone(),
        prev_hash: e.prev_hash.to_string(),
        hash: e.hash.to_string(),
        payload,
        payload_truncated,
        tr,
    })
}

#[derive(Template)]
#[template(path = "base/verify.html")]
struct VerifyPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
}

pub async fn verify(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    render(&VerifyPage {
        tr: req.tr(&app.catalog),
        c: req.chrome(&state, "journal"),
    })
}

/// The whole journal as JSON Lines, the file `comity journal verify --file` checks.
/// The whole journal as JSON lines, streamed a page of entries at a time (never built in
/// memory: fifty parallel downloads of a large journal cost fifty pages, not fifty
/// journals), up to the head when the download began.
pub async fn jsonl(State(app): State<Shared>) -> Response {
    let head = app.inst.state().await.head().seq;
    let store = app.inst.store().clone();
    let pages = futures_util::stream::unfold(Some(0u64), move |after| {
        let store = store.clone();
        async move {
            let after = after?;
            if after >= head {
                return None;
            }
            let limit = u32::try_from((head - after).min(2_000)).unwrap_or(2_000);
            match store.entries(after, limit).await {
                Ok(page) => {
                    let last = page.last()?.seq;
                    let mut out = String::with_capacity(page.len() * 512);
                    for e in page.iter().take_while(|e| e.seq <= head) {
                        out.push_str(&e.to_json_line());
                        out.push('\n');
                    }
                    Some((Ok::<_, std::io::Error>(out), Some(last)))
                }
                Err(e) => {
                    // The status is sent already: the download ends short, and the log says why.
                    eprintln!("error: exporting the journal after entry {after}: {e}");
                    Some((Err(std::io::Error::other(e.to_string())), None))
                }
            }
        }
    });
    (
        [
            (header::CONTENT_TYPE, "application/jsonl; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"journal.jsonl\"",
            ),
        ],
        axum::body::Body::from_stream(pages),
    )
        .into_response()
}

pub struct FeedItem {
    pub seq: u64,
    pub time: String,
    pub actor: String,
    pub title: String,
    pub hash: String,
}

#[derive(Template)]
#[template(path = "base/feed.xml")]
struct Feed {
    title: String,
    updated: String,
    head_hash: String,
    items: Vec<FeedItem>,
}

/// Atom feed of the latest acts (English titles; the feed has one language).
pub async fn atom(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    let tr = Tr {
        catalog: &app.catalog,
        lang: crate::i18n::Lang::En,
    };
    let head = state.head().seq;
    let entries = match app
        .inst
        .store()
        .entries(head.saturating_sub(PAGE), u32::try_from(PAGE).unwrap_or(50))
        .await
    {
        Ok(es) => es,
        Err(e) => return internal("reading the journal for the feed", e),
    };
    let items: Vec<FeedItem> = entries
        .iter()
        .rev()
        .map(|e| FeedItem {
            seq: e.seq,
            time: e.time.to_string(),
            actor: e.actor.to_string(),
            title: labels::entry_summary(&tr, &state, e),
            hash: e.hash.to_string(),
        })
        .collect();
    let feed = Feed {
        title: state
            .charter
            .as_ref()
            .map(|a| a.charter.alliance.name.clone())
            .unwrap_or_else(|| "Comity".into()),
        updated: items
            .first()
            .map(|i| i.time.clone())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
        head_hash: state.head().hash.to_string(),
        items,
    };
    crate::kit::text::atom(feed.render(), "rendering the feed")
}
