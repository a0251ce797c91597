//! The journal as a transparency log over HTTP: the signed checkpoint and the log's key as
//! text (`/journal/checkpoint`, `/journal/log-key`), the tree as C2SP `tlog-tiles`
//! (`/journal/tile/…`), a proof bundle per entry (`/journal/{seq}/proof.json`), and the API's
//! proofs, checkpoint and cosignatures.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use comity_store::LogError;
use comity_tlog::merkle::ProofError;
use comity_tlog::note::{self, Checkpoint, Note};
use serde::{Deserialize, Serialize};

use crate::kit::problem::{Problem, internal};
use crate::web::Shared;

const TEXT: &str = "text/plain; charset=utf-8";

/// The latest signed checkpoint, exactly as signed (C2SP tlog-checkpoint).
pub async fn checkpoint_text(State(app): State<Shared>) -> Response {
    match app.inst.store().latest_checkpoint().await {
        Ok(Some((_, note))) => ([(header::CONTENT_TYPE, TEXT)], note).into_response(),
        Ok(None) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, TEXT)],
            format!("{}\n", LogError::NoKey),
        )
            .into_response(),
        Err(e) => internal("reading the checkpoint", e).into_response(),
    }
}

/// The log's public key as a C2SP verifier key.
pub async fn log_key_text(State(app): State<Shared>) -> Response {
    match app.inst.store().log_key().await {
        Ok(Some(k)) => {
            ([(header::CONTENT_TYPE, TEXT)], format!("{}\n", k.encode())).into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, TEXT)],
            format!("{}\n", LogError::NoKey),
        )
            .into_response(),
        Err(e) => internal("reading the log key", e).into_response(),
    }
}

/// A tile or an entry bundle (C2SP tlog-tiles). Full tiles never change: cached forever.
pub async fn tile(State(app): State<Shared>, Path(rest): Path<String>) -> Response {
    let path = format!("tile/{rest}");
    let Some((level, index, width)) = comity_tlog::tiles::parse_tile_path(&path) else {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, TEXT)],
            format!("{path}: not a tile path (tile/<L>/<N>[.p/<W>])\n"),
        )
            .into_response();
    };
    match app.inst.store().log_tile(level, index, width).await {
        Ok(Some(bytes)) => {
            let cache = if width == comity_tlog::tiles::WIDTH {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            (
                [
                    (header::CONTENT_TYPE, "application/octet-stream"),
                    (header::CACHE_CONTROL, cache),
                ],
                bytes,
            )
                .into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, TEXT)],
            format!("{path}: the log does not hold this tile yet\n"),
        )
            .into_response(),
        Err(e) => internal("reading a tile", e).into_response(),
    }
}

/// An inclusion proof: the RFC 6962 audit path, leaf to root, base64.
#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct InclusionProof {
    /// The leaf: entries are numbered from 0 in the tree (the journal's entry `leaf_index + 1`).
    pub leaf_index: u64,
    pub tree_size: u64,
    pub hashes: Vec<String>,
}

/// A consistency proof between two tree sizes, base64.
#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct ConsistencyProof {
    pub from: u64,
    pub to: u64,
    pub hashes: Vec<String>,
}

/// All an outsider needs to check one entry with the log's key: the entry as exported, its
/// inclusion proof, and the signed checkpoint of the proof's tree.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ProofBundle {
    pub entry: String,
    pub proof: InclusionProof,
    pub checkpoint: String,
}

fn log_problem(e: LogError, size_field: &str) -> Response {
    match e {
        LogError::Proof(p @ ProofError::MissingNode { .. }) => {
            internal("reading the tree", p).into_response()
        }
        LogError::Proof(p) => {
            let field = match &p {
                ProofError::LeafOutOfRange { .. } => "seq",
                ProofError::SizesOutOfOrder { .. } => "from",
                _ => size_field,
            };
            Problem::bad_request("invalid-parameter", field, p.to_string()).into_response()
        }
        LogError::NoKey | LogError::NoCheckpoint(_) => {
            Problem::not_found(e.to_string()).into_response()
        }
        other => internal("answering a log request", other).into_response(),
    }
}

fn number(v: Option<&str>, field: &str) -> Result<Option<u64>, Problem> {
    match v.map(str::parse::<u64>) {
        None => Ok(None),
        Some(Ok(n)) => Ok(Some(n)),
        Some(Err(_)) => Err(Problem::bad_request(
            "invalid-parameter",
            field,
            format!("{field} must be a whole number"),
        )),
    }
}

/// A proof's two numbers: the first required, the second the journal's size when absent.
async fn sizes(
    app: &Shared,
    (first, name, what): (Option<String>, &str, &str),
    (second, second_name): (Option<String>, &str),
) -> Result<(u64, u64), Problem> {
    let first = number(first.as_deref(), name)?.ok_or_else(|| {
        Problem::bad_request(
            "missing-parameter",
            name,
            format!("{name} ({what}) is required"),
        )
    })?;
    let second = match number(second.as_deref(), second_name)? {
        Some(n) => n,
        None => app.inst.state().await.head().seq,
    };
    Ok((first, second))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InclusionQuery {
    /// The leaf, from 0 (the journal's entry `seq + 1`).
    seq: Option<String>,
    /// The tree's size (default: the whole journal).
    size: Option<String>,
}

/// The inclusion proof of a leaf in the tree of a size.
#[utoipa::path(get, path = "/api/v1/journal/proof/inclusion", tag = "journal", params(InclusionQuery),
    responses((status = 200, body = InclusionProof), (status = 400, body = Problem)))]
pub async fn inclusion(State(app): State<Shared>, Query(q): Query<InclusionQuery>) -> Response {
    let (seq, size) = match sizes(&app, (q.seq, "seq", "the leaf, from 0"), (q.size, "size")).await
    {
        Ok(v) => v,
        Err(p) => return p.into_response(),
    };
    match app.inst.store().log_inclusion(seq, size).await {
        Ok(h) => Json(InclusionProof {
            leaf_index: seq,
            tree_size: size,
            hashes: comity_store::tlog::b64_all(&h),
        })
        .into_response(),
        Err(e) => log_problem(e, "size"),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConsistencyQuery {
    /// The smaller tree's size.
    from: Option<String>,
    /// The larger tree's size (default: the whole journal).
    to: Option<String>,
}

/// The consistency proof between the trees of two sizes.
#[utoipa::path(get, path = "/api/v1/journal/proof/consistency", tag = "journal", params(ConsistencyQuery),
    responses((status = 200, body = ConsistencyProof), (status = 400, body = Problem)))]
pub async fn consistency(State(app): State<Shared>, Query(q): Query<ConsistencyQuery>) -> Response {
    let (from, to) = match sizes(&app, (q.from, "from", "the smaller size"), (q.to, "to")).await {
        Ok(v) => v,
        Err(p) => return p.into_response(),
    };
    match app.inst.store().log_consistency(from, to).await {
        Ok(h) => Json(ConsistencyProof {
            from,
            to,
            hashes: comity_store::tlog::b64_all(&h),
        })
        .into_response(),
        Err(e) => log_problem(e, "to"),
    }
}

/// The log as it stands: key, latest checkpoint, witnesses, latest cosigned checkpoint.
#[derive(Serialize, utoipa::ToSchema)]
pub struct LogDoc {
    /// The log's verifier key (`<name>+<key id>+<key>`).
    pub log_key: String,
    pub origin: String,
    pub tree_size: u64,
    /// The root of the latest checkpoint, base64.
    pub root: String,
    /// The latest checkpoint, exactly as signed.
    pub checkpoint: String,
    /// The verifier keys of the witnesses whose cosignatures the log accepts.
    pub witnesses: Vec<String>,
    pub cosigned: Option<CosignedDoc>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CosignedDoc {
    pub tree_size: u64,
    /// The checkpoint with the log's signature and every cosignature.
    pub note: String,
    pub cosigners: Vec<CosignerDoc>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CosignerDoc {
    pub witness: String,
    /// When the witness cosigned, POSIX seconds.
    pub time: u64,
}

impl From<comity_store::Cosigned> for CosignerDoc {
    fn from(c: comity_store::Cosigned) -> Self {
        Self {
            witness: c.witness,
            time: c.time,
        }
    }
}

/// What the log page shows, read once.
pub struct LogView {
    pub key: String,
    pub origin: String,
    pub size: u64,
    pub root: String,
    pub note: String,
    pub witnesses: Vec<String>,
    pub cosigned: Option<comity_store::CosignedCheckpoint>,
}

pub async fn log_view(store: &comity_store::Store) -> Result<Option<LogView>, LogError> {
    let Some(key) = store.log_key().await? else {
        return Ok(None);
    };
    let Some((size, note_text)) = store.latest_checkpoint().await? else {
        return Ok(None);
    };
    let parsed = Note::parse(&note_text)?;
    let cp = Checkpoint::parse(&parsed.body)?;
    Ok(Some(LogView {
        key: key.encode(),
        origin: key.name,
        size,
        root: note::b64(&cp.root),
        note: note_text,
        witnesses: store
            .witnesses()
            .await?
            .iter()
            .map(|w| w.encode())
            .collect(),
        cosigned: store.latest_cosigned().await?,
    }))
}

/// The log: its key, latest checkpoint, witnesses and latest cosigned checkpoint.
#[utoipa::path(get, path = "/api/v1/journal/checkpoint", tag = "journal",
    responses((status = 200, body = LogDoc), (status = 404, body = Problem)))]
pub async fn log_doc(State(app): State<Shared>) -> Response {
    match log_view(app.inst.store()).await {
        Ok(Some(v)) => Json(LogDoc {
            log_key: v.key,
            origin: v.origin,
            tree_size: v.size,
            root: v.root,
            checkpoint: v.note,
            witnesses: v.witnesses,
            cosigned: v.cosigned.map(|c| CosignedDoc {
                tree_size: c.size,
                note: c.note,
                cosigners: c.cosigners.into_iter().map(CosignerDoc::from).collect(),
            }),
        })
        .into_response(),
        Ok(None) => Problem::not_found(LogError::NoKey.to_string()).into_response(),
        Err(e) => internal("reading the log", e).into_response(),
    }
}

/// The cosignatures kept from a witness's note.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CosignaturesKept {
    pub tree_size: u64,
    pub cosigners: Vec<CosignerDoc>,
}

/// Hand in a checkpoint cosigned by witnesses (C2SP tlog-cosignature), as text: the log's
/// own note of that size with the witnesses' signature lines after its own. Only witnesses
/// the log accepts are kept; any other signature is refused.
#[utoipa::path(post, path = "/api/v1/journal/cosignatures", tag = "journal",
    request_body(content = String, content_type = "text/plain", description = "The cosigned checkpoint"),
    responses((status = 201, body = CosignaturesKept), (status = 400, body = Problem), (status = 409, body = Problem)))]
pub async fn cosignatures(State(app): State<Shared>, body: String) -> Response {
    let size = Note::parse(&body)
        .ok()
        .and_then(|n| Checkpoint::parse(&n.body).ok().map(|c| c.size))
        .unwrap_or(0);
    match app.inst.store().add_cosignatures(&body).await {
        Ok(kept) => (
            StatusCode::CREATED,
            Json(CosignaturesKept {
                tree_size: size,
                cosigners: kept.into_iter().map(CosignerDoc::from).collect(),
            }),
        )
            .into_response(),
        Err(e @ LogError::NotOurCheckpoint { .. }) => Problem::new(
            StatusCode::CONFLICT,
            "another-history",
            "Another history",
            e.to_string(),
        )
        .at("body")
        .into_response(),
        Err(LogError::Store(e)) => internal("keeping cosignatures", e).into_response(),
        Err(e @ LogError::NoKey) => Problem::not_found(e.to_string()).into_response(),
        Err(e) => Problem::bad_request("bad-cosignature", "body", e.to_string()).into_response(),
    }
}

/// `/journal/{seq}/proof.json`: the entry, its proof in the latest checkpoint's tree, and
/// that checkpoint.
pub async fn bundle(State(app): State<Shared>, Path(seq): Path<String>) -> Response {
    let Ok(n) = seq.parse::<u64>() else {
        return Problem::not_found(format!("{seq:?} is not a sequence number")).into_response();
    };
    let store = app.inst.store();
    let (size, note) = match store.latest_checkpoint().await {
        Ok(Some(c)) => c,
        Ok(None) => return Problem::not_found(LogError::NoKey.to_string()).into_response(),
        Err(e) => return internal("reading the checkpoint", e).into_response(),
    };
    let entry = match store.entry(n).await {
        Ok(Some(e)) if e.seq <= size => e,
        Ok(_) => {
            return Problem::not_found(format!(
                "the signed journal has no entry {n} (it has {size})"
            ))
            .into_response();
        }
        Err(e) => return internal("reading an entry", e).into_response(),
    };
    match store.log_inclusion(n - 1, size).await {
        Ok(h) => (
            [(
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"entry-{n}-proof.json\""),
            )],
            Json(ProofBundle {
                entry: entry.to_json_line(),
                proof: InclusionProof {
                    leaf_index: n - 1,
                    tree_size: size,
                    hashes: comity_store::tlog::b64_all(&h),
                },
                checkpoint: note,
            }),
        )
            .into_response(),
        Err(e) => log_problem(e, "size"),
    }
}
