//! The journal as a transparency log: the Merkle tree over the entries' chain hashes kept as
//! tiles beside the journal (written in the append's transaction), the institution's log key,
//! a signed checkpoint after every append, proofs read from a handful of tiles, and the
//! witnesses' cosignatures. The math is `comity-tlog`'s; this module only stores it.

use std::collections::HashMap;
use std::sync::Arc;

use comity_core::journal::Entry;
use comity_tlog::merkle::{self, Hash, ProofError};
use comity_tlog::note::{
    self, COSIGNATURE_V1, Checkpoint, ED25519, NamedKey, Note, NoteError, VerifierKey,
};
use comity_tlog::tiles::{self, Edge, EdgeError, Tile, TileId};
use sqlx::Row;

use crate::side::{self, Arg, Statement};
use crate::store::{Backend, Store, StoreError, on_pool};

/// The log's signing key and the origin its checkpoints name.
pub struct LogSigner {
    key: NamedKey,
}

impl LogSigner {
    pub fn origin(&self) -> &str {
        &self.key.name
    }
    pub fn verifier(&self) -> VerifierKey {
        self.key.verifier(ED25519)
    }
    fn sign(&self, size: u64, root: Hash) -> String {
        Checkpoint {
            origin: &self.key.name,
            size,
            root,
        }
        .sign(&self.key)
    }
}

/// Why a log request cannot be answered.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Proof(#[from] ProofError),
    #[error(transparent)]
    Note(#[from] NoteError),
    #[error(transparent)]
    Edge(#[from] EdgeError),
    #[error(
        "this journal has no log key: it was founded before the journal became a transparency log; `comity serve` or `comity journal log-key --create` makes one"
    )]
    NoKey,
    #[error("the log has no checkpoint of size {0}: it signs one after every append")]
    NoCheckpoint(u64),
    #[error(
        "the cosigned checkpoint is not the one this log signed at size {size}: a witness saw another history"
    )]
    NotOurCheckpoint { size: u64 },
    #[error(
        "the signature by {0:?} is not by a configured witness nor by this log: an unknown key (add the witness with `comity journal witnesses add`)"
    )]
    UnknownKey(String),
    #[error("the note carries no cosignature by a configured witness")]
    NoCosignature,
    #[error("the operating system gave no random bytes for the log key: {0}")]
    Random(String),
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 32 bytes from 64 lower-case hex digits (the journal's own hash reader).
fn unhex32(s: &str) -> Option<[u8; 32]> {
    comity_core::journal::Hash::parse(s).ok().map(|h| h.0)
}

/// The leaf of an entry: its 32-byte chain hash.
pub fn leaf(e: &Entry) -> Hash {
    merkle::leaf_hash(&e.hash.0)
}

/// The log's origin for an alliance: `comity/` and its name in lower-case words.
pub fn origin_for(alliance: &str) -> String {
    let mut slug = String::new();
    for c in alliance.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("comity/{}", if slug.is_empty() { "alliance" } else { slug })
}

/// The SELECT of a set of tiles.
fn select_tiles(ids: &[TileId]) -> Statement {
    let mut sql = "SELECT level, idx, hashes FROM tlog_tile WHERE ".to_string();
    let mut args = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            sql.push_str(" OR ");
        }
        sql.push_str(&format!(
            "(level = ${} AND idx = ${})",
            2 * i + 1,
            2 * i + 2
        ));
        args.push(Arg::Int(i64::from(id.level)));
        args.push(Arg::Int(side::int(id.index)));
    }
    Statement { sql, args }
}

fn split_hashes(level: i64, idx: i64, bytes: &[u8]) -> Result<(TileId, Vec<Hash>), StoreError> {
    let corrupt = |message: String| StoreError::Corrupt { seq: idx, message };
    if !bytes.len().is_multiple_of(32) {
        return Err(corrupt(format!(
            "tile {level}/{idx} is not a whole number of hashes"
        )));
    }
    let id = TileId {
        level: u32::try_from(level).map_err(|_| corrupt(format!("tile level {level}")))?,
        index: u64::try_from(idx).map_err(|_| corrupt(format!("tile index {idx}")))?,
    };
    let hashes = bytes
        .chunks_exact(32)
        .map(|c| {
            let mut h = [0u8; 32];
            h.copy_from_slice(c);
            h
        })
        .collect();
    Ok((id, hashes))
}

/// The upserts of changed tiles.
fn upsert_tiles(changed: &[Tile]) -> Vec<Statement> {
    side::insert_chunks("INSERT INTO tlog_tile (level, idx, hashes)", changed, |t| {
        [
            Arg::Int(i64::from(t.id.level)),
            Arg::Int(side::int(t.id.index)),
            Arg::Bytes(t.bytes()),
        ]
    })
    .into_iter()
    .map(|mut st| {
        st.sql
            .push_str(" ON CONFLICT (level, idx) DO UPDATE SET hashes = excluded.hashes");
        st
    })
    .collect()
}

/// What an append adds to the log: the tiles its entries change and, with a key, the
/// checkpoint of the new size. Run inside the append's transaction, after the entries.
pub(crate) fn append_statements(
    edge_tiles: &HashMap<TileId, Vec<Hash>>,
    size: u64,
    entries: &[Entry],
    signer: Option<&LogSigner>,
) -> Result<Vec<Statement>, String> {
    let mut edge = Edge::from_tiles(size, edge_tiles).map_err(|e| e.to_string())?;
    let leaves: Vec<Hash> = entries.iter().map(leaf).collect();
    let changed = edge.extend(&leaves);
    let mut out = upsert_tiles(&changed);
    if let Some(s) = signer {
        let root = edge
            .root()
            .map_err(|e| format!("the tree's right edge: {e}"))?;
        out.push(Statement {
            sql: "INSERT INTO tlog_checkpoint (size, note) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING".into(),
            args: vec![Arg::Int(side::int(edge.size)), Arg::Text(s.sign(edge.size, root))],
        });
    }
    Ok(out)
}

/// The partial tiles of the right edge of a tree of `size` leaves.
pub(crate) fn edge_select(size: u64) -> Option<Statement> {
    let ids: Vec<TileId> = Edge::ids(size)
        .into_iter()
        .filter(|(_, w)| *w > 0)
        .map(|(id, _)| id)
        .collect();
    (!ids.is_empty()).then(|| select_tiles(&ids))
}

/// Tiles from the rows of a tile SELECT.
pub(crate) fn tiles_from_rows(
    rows: Vec<(i64, i64, Vec<u8>)>,
) -> Result<HashMap<TileId, Vec<Hash>>, StoreError> {
    rows.into_iter()
        .map(|(l, i, b)| split_hashes(l, i, &b))
        .collect()
}

/// The tiles of a journal written before the log existed, built from its hashes (migration).
pub(crate) fn backfill(hashes: &[(i64, String)]) -> Result<Vec<Statement>, StoreError> {
    let mut leaves = Vec::with_capacity(hashes.len());
    for (seq, h) in hashes {
        let h = unhex32(h).ok_or_else(|| StoreError::Corrupt {
            seq: *seq,
            message: "hash is not 64 hex digits".into(),
        })?;
        leaves.push(merkle::leaf_hash(&h));
    }
    let mut edge = Edge::default();
    // One tile state per tile: the last write of a tile holds all of it.
    let mut last: HashMap<TileId, Tile> = HashMap::new();
    for chunk in leaves.chunks(65_536) {
        for t in edge.extend(chunk) {
            last.insert(t.id, t);
        }
    }
    let mut tiles: Vec<Tile> = last.into_values().collect();
    tiles.sort_by_key(|t| t.id);
    Ok(upsert_tiles(&tiles))
}

/// A witness's cosignature as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cosigned {
    pub witness: String,
    pub time: u64,
}

/// A signed checkpoint with the cosignatures received on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CosignedCheckpoint {
    pub size: u64,
    /// The log's note with every cosignature line appended.
    pub note: String,
    pub cosigners: Vec<Cosigned>,
}

impl Store {
    /// The log's key, loaded once.
    pub async fn log_signer(&self) -> Result<Option<Arc<LogSigner>>, StoreError> {
        if let Some(s) = self.log.get() {
            return Ok(Some(s.clone()));
        }
        let row = on_pool!(self, pool => {
            sqlx::query("SELECT origin, seed FROM tlog_key WHERE id = 1")
                .fetch_optional(pool)
                .await
                .map_err(self.err())?
                .map(|r| Ok::<_, sqlx::Error>((r.try_get::<String, _>("origin")?, r.try_get::<String, _>("seed")?)))
                .transpose()
                .map_err(self.err())?
        });
        let Some((origin, seed)) = row else {
            return Ok(None);
        };
        let corrupt = |message: String| StoreError::Corrupt { seq: 0, message };
        let seed = unhex32(&seed)
            .ok_or_else(|| corrupt("the log key's seed is not 32 bytes of hex".into()))?;
        let key = NamedKey::from_seed(&origin, &seed)
            .map_err(|e| corrupt(format!("the log key: {e}")))?;
        let signer = Arc::new(LogSigner { key });
        Ok(Some(self.log.get_or_init(|| signer).clone()))
    }

    /// The log's public key, if it has one.
    pub async fn log_key(&self) -> Result<Option<VerifierKey>, StoreError> {
        Ok(self.log_signer().await?.map(|s| s.verifier()))
    }

    /// Make the log's key if there is none (a key is never replaced), and sign the current
    /// tree if no checkpoint covers it yet. Returns the public key.
    pub async fn create_log_key(&self, origin: &str) -> Result<VerifierKey, LogError> {
        if self.log_signer().await?.is_none() {
            let mut seed = [0u8; 32];
            getrandom::getrandom(&mut seed).map_err(|e| LogError::Random(e.to_string()))?;
            // Checked before it is stored: a name a note cannot carry is refused here.
            NamedKey::from_seed(origin, &seed)?;
            on_pool!(self, pool => {
                sqlx::query("INSERT INTO tlog_key (id, origin, seed) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING")
                    .bind(origin)
                    .bind(hex(&seed))
                    .execute(pool)
                    .await
                    .map_err(self.err())?;
            });
        }
        let signer = self.log_signer().await?.ok_or(LogError::NoKey)?;
        self.sign_head(&signer).await?;
        Ok(signer.verifier())
    }

    /// Sign the tree of the current head if it has no checkpoint yet.
    async fn sign_head(&self, signer: &LogSigner) -> Result<(), LogError> {
        let size = self.head().await?.seq;
        if self.checkpoint_at(size).await?.is_some() {
            return Ok(());
        }
        let root = self.log_root(size).await?;
        let note = signer.sign(size, root);
        on_pool!(self, pool => {
            sqlx::query("INSERT INTO tlog_checkpoint (size, note) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING")
                .bind(side::int(size))
                .bind(note)
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok(())
    }

    /// Tiles by id (those the store holds).
    pub async fn log_tiles(
        &self,
        ids: &[TileId],
    ) -> Result<HashMap<TileId, Vec<Hash>>, StoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let st = select_tiles(ids);
        let rows: Vec<(i64, i64, Vec<u8>)> = on_pool!(self, pool => {
            side::bind(sqlx::query(&st.sql), &st.args)
                .fetch_all(pool)
                .await
                .and_then(|rows| rows.iter().map(|r| Ok((r.try_get("level")?, r.try_get("idx")?, r.try_get("hashes")?))).collect::<Result<Vec<_>, sqlx::Error>>())
                .map_err(self.err())?
        });
        tiles_from_rows(rows)
    }

    async fn within(&self, size: u64) -> Result<(), LogError> {
        let log = self.head().await?.seq;
        if size > log {
            return Err(ProofError::SizeBeyondLog { size, log }.into());
        }
        Ok(())
    }

    /// Run a tree computation on the tiles it reads.
    async fn on_tiles<T>(
        &self,
        run: impl Fn(&mut dyn FnMut(merkle::Node) -> Result<Hash, ProofError>) -> Result<T, ProofError>,
    ) -> Result<T, LogError> {
        let nodes = merkle::nodes_read(|f| run(f));
        let tiles = self.log_tiles(&tiles::tiles_of(&nodes)).await?;
        Ok(run(&mut |n| tiles::node_in(&tiles, n))?)
    }

    /// The root of the tree of the first `size` entries.
    pub async fn log_root(&self, size: u64) -> Result<Hash, LogError> {
        self.within(size).await?;
        self.on_tiles(|f| merkle::root(size, f)).await
    }

    /// The audit path of leaf `index` (entry `index + 1`) in the tree of `size` entries.
    pub async fn log_inclusion(&self, index: u64, size: u64) -> Result<Vec<Hash>, LogError> {
        self.within(size).await?;
        self.on_tiles(|f| merkle::inclusion_proof(index, size, f))
            .await
    }

    /// The consistency proof between the trees of `from` and `to` entries.
    pub async fn log_consistency(&self, from: u64, to: u64) -> Result<Vec<Hash>, LogError> {
        if from > to {
            return Err(ProofError::SizesOutOfOrder { from, to }.into());
        }
        self.within(to).await?;
        self.on_tiles(|f| merkle::consistency_proof(from, to, f))
            .await
    }

    /// A tile as `tlog-tiles` serves it: the first `width` hashes of a hash tile (`level`
    /// given) or, for `level` None, the entry bundle (each leaf's 32 bytes after a 2-byte
    /// length). None when the log does not hold that many yet.
    pub async fn log_tile(
        &self,
        level: Option<u32>,
        index: u64,
        width: usize,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        match level {
            Some(level) => {
                let id = TileId { level, index };
                let tiles = self.log_tiles(&[id]).await?;
                Ok(tiles
                    .get(&id)
                    .filter(|h| h.len() >= width)
                    .map(|h| h[..width].concat()))
            }
            None => {
                let Some(first) = index
                    .checked_mul(tiles::WIDTH as u64)
                    .filter(|f| i64::try_from(*f).is_ok())
                else {
                    return Ok(None);
                };
                let entries = self
                    .entries(first, u32::try_from(width).unwrap_or(u32::MAX))
                    .await?;
                if entries.len() != width {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(width * 34);
                for e in &entries {
                    out.extend_from_slice(&32u16.to_be_bytes());
                    out.extend_from_slice(&e.hash.0);
                }
                Ok(Some(out))
            }
        }
    }

    /// The latest signed checkpoint: its size and note.
    pub async fn latest_checkpoint(&self) -> Result<Option<(u64, String)>, StoreError> {
        let row = on_pool!(self, pool => {
            sqlx::query("SELECT size, note FROM tlog_checkpoint ORDER BY size DESC LIMIT 1")
                .fetch_optional(pool)
                .await
                .map_err(self.err())?
                .map(|r| Ok::<_, sqlx::Error>((r.try_get::<i64, _>("size")?, r.try_get::<String, _>("note")?)))
                .transpose()
                .map_err(self.err())?
        });
        Ok(row.map(|(s, n)| (u64::try_from(s).unwrap_or(0), n)))
    }

    /// The checkpoint the log signed at `size`.
    pub async fn checkpoint_at(&self, size: u64) -> Result<Option<String>, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query("SELECT note FROM tlog_checkpoint WHERE size = $1")
                .bind(side::int(size))
                .fetch_optional(pool)
                .await
                .and_then(|r| r.map(|r| r.try_get::<String, _>("note")).transpose())
                .map_err(self.err())?
        }))
    }

    /// The witnesses whose cosignatures the log accepts.
    pub async fn witnesses(&self) -> Result<Vec<VerifierKey>, StoreError> {
        let rows: Vec<(String, String)> = on_pool!(self, pool => {
            sqlx::query("SELECT name, vkey FROM tlog_witness ORDER BY name")
                .fetch_all(pool)
                .await
                .and_then(|rows| rows.iter().map(|r| Ok((r.try_get("name")?, r.try_get("vkey")?))).collect::<Result<Vec<_>, sqlx::Error>>())
                .map_err(self.err())?
        });
        rows.into_iter()
            .map(|(name, v)| {
                VerifierKey::parse(&v).map_err(|e| StoreError::Corrupt {
                    seq: 0,
                    message: format!("witness {name}: {e}"),
                })
            })
            .collect()
    }

    /// Accept a witness's key (type 0x04). A witness of the same name is replaced.
    pub async fn add_witness(&self, key: &VerifierKey) -> Result<(), LogError> {
        if key.kind != COSIGNATURE_V1 {
            return Err(NoteError::WrongKeyType {
                name: key.name.clone(),
                found: key.kind,
                expected: COSIGNATURE_V1,
            }
            .into());
        }
        on_pool!(self, pool => {
            sqlx::query("INSERT INTO tlog_witness (name, vkey) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET vkey = excluded.vkey")
                .bind(&key.name)
                .bind(key.encode())
                .execute(pool)
                .await
                .map_err(self.err())?;
        });
        Ok(())
    }

    /// Take in a checkpoint cosigned by witnesses: it must be the log's own note of that size,
    /// every signature on it the log's or a configured witness's, and at least one a valid
    /// cosignature. Returns the cosignatures kept.
    pub async fn add_cosignatures(&self, text: &str) -> Result<Vec<Cosigned>, LogError> {
        let note = Note::parse(text)?;
        let cp = Checkpoint::parse(&note.body)?;
        let ours = self
            .checkpoint_at(cp.size)
            .await?
            .ok_or(LogError::NoCheckpoint(cp.size))?;
        let ours = Note::parse(&ours)?;
        if ours.body != note.body {
            return Err(LogError::NotOurCheckpoint { size: cp.size });
        }
        let log = self.log_key().await?.ok_or(LogError::NoKey)?;
        let witnesses = self.witnesses().await?;
        let mut kept = Vec::new();
        for s in &note.signatures {
            if s.name == log.name && s.id == log.id() {
                continue;
            }
            let Some(w) = witnesses
                .iter()
                .find(|w| w.name == s.name && w.id() == s.id)
            else {
                return Err(LogError::UnknownKey(s.name.clone()));
            };
            let one = Note {
                body: note.body.clone(),
                signatures: vec![s.clone()],
            };
            let time = one.verify_cosignature(w)?;
            kept.push((
                Cosigned {
                    witness: w.name.clone(),
                    time,
                },
                s.line.clone(),
            ));
        }
        if kept.is_empty() {
            return Err(LogError::NoCosignature);
        }
        for (c, line) in &kept {
            on_pool!(self, pool => {
                sqlx::query("INSERT INTO tlog_cosignature (size, witness, time, line) VALUES ($1, $2, $3, $4) ON CONFLICT (size, witness) DO NOTHING")
                    .bind(side::int(cp.size))
                    .bind(&c.witness)
                    .bind(side::int(c.time))
                    .bind(line)
                    .execute(pool)
                    .await
                    .map_err(self.err())?;
            });
        }
        Ok(kept.into_iter().map(|(c, _)| c).collect())
    }

    /// The largest checkpoint any witness cosigned, with every cosignature on it.
    pub async fn latest_cosigned(&self) -> Result<Option<CosignedCheckpoint>, StoreError> {
        let rows: Vec<(i64, String, i64, String)> = on_pool!(self, pool => {
            sqlx::query("SELECT size, witness, time, line FROM tlog_cosignature WHERE size = (SELECT MAX(size) FROM tlog_cosignature) ORDER BY witness")
                .fetch_all(pool)
                .await
                .and_then(|rows| rows.iter().map(|r| Ok((r.try_get("size")?, r.try_get("witness")?, r.try_get("time")?, r.try_get("line")?))).collect::<Result<Vec<_>, sqlx::Error>>())
                .map_err(self.err())?
        });
        let Some(size) = rows.first().map(|r| u64::try_from(r.0).unwrap_or(0)) else {
            return Ok(None);
        };
        let Some(mut note) = self.checkpoint_at(size).await? else {
            return Ok(None);
        };
        let mut cosigners = Vec::new();
        for (_, witness, time, line) in rows {
            note.push_str(&line);
            cosigners.push(Cosigned {
                witness,
                time: u64::try_from(time).unwrap_or(0),
            });
        }
        Ok(Some(CosignedCheckpoint {
            size,
            note,
            cosigners,
        }))
    }
}

/// Base64 of each hash, as proofs are written.
pub fn b64_all(hashes: &[Hash]) -> Vec<String> {
    hashes.iter().map(note::b64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_lower_case_words() {
        assert_eq!(
            origin_for("Community of Democracies"),
            "comity/community-of-democracies"
        );
        assert_eq!(origin_for("  Alliance — 2030! "), "comity/alliance-2030");
        assert_eq!(origin_for("***"), "comity/alliance");
    }
}
