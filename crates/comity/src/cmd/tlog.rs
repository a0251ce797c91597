//! The journal as a transparency log, from the command line: `comity journal checkpoint`,
//! `prove`, `log-key`, `witnesses`, and the light clients `verify-entry`, `monitor` and
//! `witness`, which need nothing but the log's public key and what the log serves.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use comity_core::journal::parse_json_line;
use comity_store::{OpenMode, Store};
use comity_tlog::merkle::{self, Hash, Node, ProofError};
use comity_tlog::note::{
    self, COSIGNATURE_V1, Checkpoint, NamedKey, Note, VerifierKey, open_checkpoint,
};
use comity_tlog::tiles;
use serde::{Deserialize, Serialize};

use super::http::Base;

/// How a proof is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// An inclusion proof as the CLI and the API write it.
#[derive(Debug, Serialize, Deserialize)]
pub struct InclusionDoc {
    pub leaf_index: u64,
    pub tree_size: u64,
    pub hashes: Vec<String>,
}

/// A consistency proof as the CLI and the API write it.
#[derive(Debug, Serialize, Deserialize)]
pub struct ConsistencyDoc {
    pub from: u64,
    pub to: u64,
    pub hashes: Vec<String>,
}

/// What `/journal/{seq}/proof.json` serves: all an outsider needs besides the key.
#[derive(Debug, Serialize, Deserialize)]
pub struct Bundle {
    /// The entry as one exported line.
    pub entry: String,
    pub proof: InclusionDoc,
    /// The signed checkpoint of `proof.tree_size`.
    pub checkpoint: String,
}

fn hashes_of(doc: &[String]) -> anyhow::Result<Vec<Hash>> {
    doc.iter()
        .enumerate()
        .map(|(i, h)| {
            note::from_b64(h).ok_or_else(|| anyhow!("hashes[{i}] is not 32 bytes of base64"))
        })
        .collect()
}

async fn open(database: &str) -> anyhow::Result<Store> {
    Ok(Store::open(database, OpenMode::MustExist).await?)
}

/// `comity journal checkpoint`: the latest signed checkpoint, exactly.
pub async fn checkpoint(database: &str, size: Option<u64>) -> anyhow::Result<()> {
    let store = open(database).await?;
    let note = match size {
        None => store.latest_checkpoint().await?.map(|(_, n)| n),
        Some(s) => Some(store.checkpoint_at(s).await?.ok_or_else(|| {
            anyhow!(
                "{}: the log signed no checkpoint of {s} entries (it signs one after each batch of acts)",
                store.url()
            )
        })?),
    };
    let Some(note) = note else {
        bail!("{}: {}", store.url(), comity_store::LogError::NoKey);
    };
    print!("{note}");
    Ok(())
}

/// `comity journal prove`: an inclusion proof (`--seq`) or a consistency proof (`--from`, `--to`).
pub async fn prove(
    database: &str,
    seq: Option<u64>,
    size: Option<u64>,
    range: Option<(u64, u64)>,
    format: Format,
) -> anyhow::Result<()> {
    let store = open(database).await?;
    let url = store.url().to_string();
    let head = store.head().await?.seq;
    match (seq, range) {
        (Some(seq), None) => {
            let size = size.unwrap_or(head);
            let hashes = store
                .log_inclusion(seq, size)
                .await
                .map_err(|e| anyhow!("{url}: {e}"))?;
            let doc = InclusionDoc {
                leaf_index: seq,
                tree_size: size,
                hashes: comity_store::tlog::b64_all(&hashes),
            };
            match format {
                Format::Json => println!("{}", serde_json::to_string(&doc)?),
                Format::Text => {
                    println!(
                        "leaf {seq} (journal entry {}) in the tree of {size} entries:",
                        seq + 1
                    );
                    for h in &doc.hashes {
                        println!("  {h}");
                    }
                }
            }
        }
        (None, Some((from, to))) => {
            let hashes = store
                .log_consistency(from, to)
                .await
                .map_err(|e| anyhow!("{url}: {e}"))?;
            let doc = ConsistencyDoc {
                from,
                to,
                hashes: comity_store::tlog::b64_all(&hashes),
            };
            match format {
                Format::Json => println!("{}", serde_json::to_string(&doc)?),
                Format::Text => {
                    println!("the tree of {from} entries is a prefix of the tree of {to}:");
                    for h in &doc.hashes {
                        println!("  {h}");
                    }
                }
            }
        }
        _ => bail!(
            "give --seq N [--size M] for an inclusion proof, or --from M1 --to M2 for a consistency proof"
        ),
    }
    Ok(())
}

/// `comity journal log-key`: the log's public key as a verifier key.
pub async fn log_key(database: &str, create: bool) -> anyhow::Result<()> {
    let store = open(database).await?;
    let key = match store.log_key().await? {
        Some(k) => k,
        None if create => {
            let inst = comity_store::Institution::open(store.clone()).await?;
            super::serve::ensure_log(&inst).await?
        }
        None => bail!("{}: {}", store.url(), comity_store::LogError::NoKey),
    };
    println!("{}", key.encode());
    Ok(())
}

/// `comity journal witnesses add|list`.
pub async fn witnesses_add(database: &str, key: &str) -> anyhow::Result<()> {
    let store = open(database).await?;
    let vk = VerifierKey::parse(&read_key(key)?)?;
    store.add_witness(&vk).await?;
    println!(
        "witness {} accepted: its cosignatures are kept and shown",
        vk.name
    );
    Ok(())
}

pub async fn witnesses_list(database: &str) -> anyhow::Result<()> {
    let store = open(database).await?;
    for w in store.witnesses().await? {
        println!("{}", w.encode());
    }
    Ok(())
}

/// A key given as text, or as a file holding it.
pub fn read_key(key: &str) -> anyhow::Result<String> {
    let p = Path::new(key);
    if !key.contains('+') && p.exists() {
        return Ok(std::fs::read_to_string(p)
            .with_context(|| format!("cannot read {key}"))?
            .trim()
            .to_string());
    }
    Ok(key.trim().to_string())
}

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Where `verify-entry` takes its three pieces from.
pub enum EntrySource<'a> {
    Bundle(&'a Path),
    Files {
        entry: &'a Path,
        proof: &'a Path,
        checkpoint: &'a Path,
    },
    Url {
        url: &'a str,
        seq: u64,
    },
}

/// `comity journal verify-entry`: one entry, its proof and a signed checkpoint, checked
/// against the log's public key and nothing else.
pub async fn verify_entry(source: EntrySource<'_>, key: &str) -> anyhow::Result<()> {
    let log = VerifierKey::parse(&read_key(key)?)?;
    let bundle: Bundle = match source {
        EntrySource::Bundle(p) => serde_json::from_str(&read(p)?).with_context(|| {
            format!(
                "{}: not a proof bundle (entry, proof, checkpoint)",
                p.display()
            )
        })?,
        EntrySource::Files {
            entry,
            proof,
            checkpoint,
        } => Bundle {
            entry: read(entry)?.trim_end().to_string(),
            proof: serde_json::from_str(&read(proof)?).with_context(|| {
                format!(
                    "{}: not a proof (leaf_index, tree_size, hashes)",
                    proof.display()
                )
            })?,
            checkpoint: read(checkpoint)?,
        },
        EntrySource::Url { url, seq } => {
            let base = Base::parse(url)?;
            let body = base.get(&format!("/journal/{seq}/proof.json")).await?;
            serde_json::from_slice(&body).with_context(|| {
                format!(
                    "{}: not a proof bundle",
                    base.show(&format!("/journal/{seq}/proof.json"))
                )
            })?
        }
    };
    let line = bundle.entry.lines().next().unwrap_or_default();
    let entry = parse_json_line(1, line).map_err(|e| anyhow!("the entry: {e}"))?;
    let computed = entry.compute_hash();
    if computed != entry.hash {
        bail!(
            "the entry {}: its contents hash to {computed}, but it records {}; it was altered",
            entry.seq,
            entry.hash
        );
    }
    let note = Note::parse(&bundle.checkpoint).map_err(|e| anyhow!("the checkpoint: {e}"))?;
    let cp = open_checkpoint(&note, &log).map_err(|e| anyhow!("the checkpoint: {e}"))?;
    let p = &bundle.proof;
    if p.leaf_index.checked_add(1) != Some(entry.seq) {
        bail!(
            "the proof is for leaf {} (journal entry {}), not for entry {}",
            p.leaf_index,
            p.leaf_index.saturating_add(1),
            entry.seq
        );
    }
    if p.tree_size != cp.size {
        bail!(
            "the proof is in the tree of {} entries, the checkpoint signs the tree of {}",
            p.tree_size,
            cp.size
        );
    }
    let hashes = hashes_of(&p.hashes).map_err(|e| anyhow!("the proof: {e}"))?;
    merkle::verify_inclusion(
        p.leaf_index,
        p.tree_size,
        &merkle::leaf_hash(&entry.hash.0),
        &hashes,
        &cp.root,
    )
    .map_err(|e| anyhow!("the proof: {e}"))?;
    println!(
        "entry {} ({}, {}) is in the journal of {} entries signed by {} (root {})",
        entry.seq,
        entry.kind,
        entry.time,
        cp.size,
        log.name,
        note::b64(&cp.root)
    );
    Ok(())
}

/// What a light client last saw of a log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Seen {
    pub size: u64,
    pub root: String,
    pub note: String,
}

/// Two checkpoints of one log that cannot both be true: the light clients stop on it.
#[derive(Debug)]
struct Fork(String);

impl std::fmt::Display for Fork {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fork {}

/// Run `round` every `interval` seconds (or once), keeping what was last seen in `state`; a
/// fork is printed and ends the run with an error, any other failure is a warning (or the
/// error of a single run).
async fn follow(
    state: Option<&Path>,
    interval: u64,
    once: bool,
    mut round: impl AsyncFnMut(Option<&Seen>) -> anyhow::Result<Seen>,
    mut report: impl FnMut(Option<&Seen>, &Seen),
) -> anyhow::Result<()> {
    let mut seen = load_seen(state)?;
    loop {
        match round(seen.as_ref()).await {
            Ok(now) => {
                report(seen.as_ref(), &now);
                save_seen(state, &now)?;
                seen = Some(now);
            }
            Err(e) if e.downcast_ref::<Fork>().is_some() => {
                println!("{e}");
                return Err(e);
            }
            Err(e) if once => return Err(e),
            Err(e) => eprintln!("warning: {e:#}"),
        }
        if once {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_secs(interval.max(1))).await;
    }
}

/// Where a log's checkpoint and tiles are (C2SP tlog-tiles): `URL` itself when it serves
/// `checkpoint` (a mirror of the tiles on any static server), else `URL/journal` (a Comity
/// site).
pub async fn tiles_prefix(url: &Base) -> Base {
    if url.get("/checkpoint").await.is_ok() {
        url.clone()
    } else {
        url.join("journal")
    }
}

/// Run a tree computation on the tiles it needs for the tree of `size` leaves, fetched
/// from the log's tiles (C2SP tlog-tiles): the client computes its own proofs.
async fn on_tiles<T>(
    prefix: &Base,
    size: u64,
    run: impl Fn(&mut dyn FnMut(Node) -> Result<Hash, ProofError>) -> Result<T, ProofError>,
) -> anyhow::Result<T> {
    let nodes = merkle::nodes_read(|f| run(f));
    let mut got = HashMap::new();
    for id in tiles::tiles_of(&nodes) {
        let count = size.checked_shr(tiles::HEIGHT * id.level).unwrap_or(0);
        let width = count
            .saturating_sub(id.index.saturating_mul(tiles::WIDTH as u64))
            .min(tiles::WIDTH as u64) as usize;
        let path = format!("/{}", tiles::tile_path(Some(id.level), id.index, width));
        let body = prefix.get(&path).await?;
        if width == 0 || body.len() != width * 32 {
            bail!(
                "{}: {} bytes where the tile holds {width} hashes",
                prefix.show(&path),
                body.len()
            );
        }
        let hashes: Vec<Hash> = body
            .chunks_exact(32)
            .map(|c| {
                let mut h = [0u8; 32];
                h.copy_from_slice(c);
                h
            })
            .collect();
        got.insert(id, hashes);
    }
    Ok(run(&mut |n| tiles::node_in(&got, n))?)
}

/// Fetch the log's checkpoint, check its signature and its consistency with what was seen
/// (the proof computed here from the log's tiles). A fork (two histories) is an error that
/// prints both checkpoints.
async fn observe(prefix: &Base, log: &VerifierKey, prev: Option<&Seen>) -> anyhow::Result<Seen> {
    let shown = prefix.show("/checkpoint");
    let text = String::from_utf8(prefix.get("/checkpoint").await?)
        .map_err(|_| anyhow!("{shown}: the checkpoint is not UTF-8"))?;
    let note = Note::parse(&text).map_err(|e| anyhow!("{shown}: {e}"))?;
    let cp = open_checkpoint(&note, log).map_err(|e| anyhow!("{shown}: {e}"))?;
    let seen = Seen {
        size: cp.size,
        root: note::b64(&cp.root),
        note: text.clone(),
    };
    let Some(prev) = prev else {
        return Ok(seen);
    };
    let fork = |why: String| {
        anyhow::Error::new(Fork(format!(
            "FORK: the log {} shows two histories ({why}).\n--- seen before:\n{}--- seen now:\n{}",
            log.name, prev.note, text
        )))
    };
    let prev_root = note::from_b64(&prev.root)
        .ok_or_else(|| anyhow!("the saved state's root is not base64"))?;
    if cp.size == prev.size {
        if cp.root != prev_root {
            return Err(fork(format!(
                "two roots for the tree of {} entries",
                cp.size
            )));
        }
        return Ok(seen);
    }
    let (from, to, old, new) = if cp.size > prev.size {
        (prev.size, cp.size, prev_root, cp.root)
    } else {
        (cp.size, prev.size, cp.root, prev_root)
    };
    let hashes = on_tiles(prefix, to, |f| merkle::consistency_proof(from, to, f)).await?;
    merkle::verify_consistency(from, to, &hashes, &old, &new).map_err(|e| {
        fork(format!(
            "the tree of {from} entries is not a prefix of the tree of {to}: {e}"
        ))
    })?;
    // A checkpoint older than the last one seen is consistent but not news.
    Ok(if cp.size > prev.size {
        seen
    } else {
        prev.clone()
    })
}

fn load_seen(path: Option<&Path>) -> anyhow::Result<Option<Seen>> {
    let Some(p) = path else { return Ok(None) };
    if !p.exists() {
        return Ok(None);
    }
    let s = read(p)?;
    Ok(Some(serde_json::from_str(&s).with_context(|| {
        format!("{}: not a monitor's state", p.display())
    })?))
}

fn save_seen(path: Option<&Path>, seen: &Seen) -> anyhow::Result<()> {
    if let Some(p) = path {
        let tmp = p.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_string_pretty(seen)?)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, p).with_context(|| format!("cannot write {}", p.display()))?;
    }
    Ok(())
}

/// `comity journal monitor URL`: follow a log, check each new checkpoint's consistency with
/// the last one seen; a fork is printed and ends the monitor with an error.
pub async fn monitor(
    url: &str,
    key: &str,
    state: Option<&Path>,
    interval: u64,
    once: bool,
) -> anyhow::Result<()> {
    let base = tiles_prefix(&Base::parse(url)?).await;
    let log = VerifierKey::parse(&read_key(key)?)?;
    follow(
        state,
        interval,
        once,
        async |prev| observe(&base, &log, prev).await,
        |prev, now| match prev {
            Some(p) if p.size < now.size => println!(
                "{}: {} entries (was {}), consistent; root {}",
                log.name, now.size, p.size, now.root
            ),
            Some(_) => println!("{}: {} entries, unchanged", log.name, now.size),
            None => println!(
                "{}: {} entries, root {} (first seen)",
                log.name, now.size, now.root
            ),
        },
    )
    .await
}

/// A witness's key from its file (32-byte seed, hex), made on first use.
pub fn witness_key(name: &str, file: &Path) -> anyhow::Result<NamedKey> {
    let seed = if file.exists() {
        let hex = read(file)?;
        comity_core::journal::Hash::parse(hex.trim())
            .map_err(|_| {
                anyhow!(
                    "{}: a witness key file holds 64 lower-case hex digits",
                    file.display()
                )
            })?
            .0
    } else {
        let seed = random_seed()?;
        let hex: String = seed.iter().map(|b| format!("{b:02x}")).collect();
        std::fs::write(file, format!("{hex}\n"))
            .with_context(|| format!("cannot write {}", file.display()))?;
        eprintln!("made a new witness key in {}", file.display());
        seed
    };
    Ok(NamedKey::from_seed(name, &seed)?)
}

/// 32 bytes from the operating system.
pub fn random_seed() -> anyhow::Result<[u8; 32]> {
    let mut seed = [0u8; 32];
    let mut f = std::fs::File::open("/dev/urandom").context("cannot open /dev/urandom")?;
    std::io::Read::read_exact(&mut f, &mut seed).context("cannot read /dev/urandom")?;
    Ok(seed)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// One round of a witness: check the log's checkpoint, cosign it, hand the cosignature back.
pub async fn witness_round(
    base: &Base,
    log: &VerifierKey,
    key: &NamedKey,
    prev: Option<&Seen>,
) -> anyhow::Result<Seen> {
    let seen = observe(&base.join("journal"), log, prev).await?;
    if prev.is_some_and(|p| p.size == seen.size) {
        return Ok(seen);
    }
    let note = Note::parse(&seen.note)?;
    let cp = Checkpoint::parse(&note.body)?;
    let cosigned = format!("{}{}", seen.note, key.cosign_line(&note.body, unix_now()));
    base.post("/api/v1/journal/cosignatures", &cosigned)
        .await
        .with_context(|| format!("handing the cosignature of size {} to the log", cp.size))?;
    Ok(seen)
}

/// `comity journal witness`: cosign every consistent checkpoint of a log.
pub async fn witness(
    url: &str,
    log_key: &str,
    name: &str,
    key_file: &Path,
    state: &Path,
    interval: u64,
    once: bool,
) -> anyhow::Result<()> {
    let key = witness_key(name, key_file)?;
    let base = Base::parse(url)?;
    let log = VerifierKey::parse(&read_key(log_key)?)?;
    eprintln!(
        "witness {} (verifier key {}) follows {}",
        name,
        key.verifier(COSIGNATURE_V1).encode(),
        log.name
    );
    follow(
        Some(state),
        interval,
        once,
        async |prev| witness_round(&base, &log, &key, prev).await,
        |prev, now| {
            if prev.is_none_or(|p| p.size != now.size) {
                println!("cosigned {} at {} entries", log.name, now.size);
            }
        },
    )
    .await
}

/// `comity journal witness-key`: print a witness's verifier key (making its key file).
pub fn print_witness_key(name: &str, key_file: &Path) -> anyhow::Result<()> {
    println!(
        "{}",
        witness_key(name, key_file)?
            .verifier(COSIGNATURE_V1)
            .encode()
    );
    Ok(())
}

/// `comity journal tiles --out DIR`: the log as static files (C2SP tlog-tiles) for any web
/// server or CDN to mirror: `checkpoint`, every tile of its tree, and the entry bundles.
pub async fn export_tiles(database: &str, out: &Path) -> anyhow::Result<()> {
    let store = open(database).await?;
    let Some((size, note)) = store.latest_checkpoint().await? else {
        bail!("{}: {}", store.url(), comity_store::LogError::NoKey);
    };
    let write = |path: &str, bytes: &[u8]| -> anyhow::Result<()> {
        let file = out.join(path);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        std::fs::write(&file, bytes).with_context(|| format!("cannot write {}", file.display()))
    };
    let width_of = |count: u64, index: u64| {
        count
            .saturating_sub(index.saturating_mul(tiles::WIDTH as u64))
            .min(tiles::WIDTH as u64) as usize
    };
    let mut files = 0usize;
    let mut level = 0u32;
    loop {
        let count = size.checked_shr(tiles::HEIGHT * level).unwrap_or(0);
        if count == 0 {
            break;
        }
        let ids: Vec<tiles::TileId> = (0..count.div_ceil(tiles::WIDTH as u64))
            .map(|index| tiles::TileId { level, index })
            .collect();
        for batch in ids.chunks(500) {
            let got = store.log_tiles(batch).await?;
            for id in batch {
                let width = width_of(count, id.index);
                let hashes = got.get(id).filter(|h| h.len() >= width).ok_or_else(|| {
                    anyhow!(
                        "{}: tile {}/{} is missing or short",
                        store.url(),
                        id.level,
                        id.index
                    )
                })?;
                write(
                    &tiles::tile_path(Some(level), id.index, width),
                    &hashes[..width].concat(),
                )?;
                files += 1;
            }
        }
        level += 1;
    }
    for index in 0..size.div_ceil(tiles::WIDTH as u64) {
        let width = width_of(size, index);
        let bundle = store
            .log_tile(None, index, width)
            .await?
            .ok_or_else(|| anyhow!("{}: the entries of bundle {index} are missing", store.url()))?;
        write(&tiles::tile_path(None, index, width), &bundle)?;
        files += 1;
    }
    write("checkpoint", note.as_bytes())?;
    println!(
        "wrote the checkpoint of {size} entries and {files} tiles to {}",
        out.display()
    );
    Ok(())
}
