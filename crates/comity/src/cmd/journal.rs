//! `comity journal verify`, `comity journal export`, `comity replay`.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use comity_core::State;
use comity_core::journal::{ChainVerifier, Entry, Head, parse_json_line};
use comity_store::{OpenMode, Store, VerifyError};

use crate::output::{MemberView, print_members};

pub async fn verify_db(database: &str) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    match store.verify().await {
        Ok(head) => {
            print_ok(store.url(), head);
            // The UN roll calls imported beside the journal: the rows the side tables hold
            // must be the ones whose SHA-256 and counts the journal records.
            let state = store.load_state().await?;
            let checked = store
                .check_unga_imports(&state.caucus.imports)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", store.url()))?;
            for line in checked {
                println!("  {line}");
            }
            // The initiatives' signatures: each online batch's rows, each invalidation's;
            // the consultations' confidential submissions.
            let mut checked = store
                .check_signatures(&state.initiatives)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", store.url()))?;
            checked.extend(
                store
                    .check_confidential(&state.consultations)
                    .await
                    .map_err(|e| anyhow::anyhow!("{}: {e}", store.url()))?,
            );
            for line in checked {
                println!("  {line}");
            }
            Ok(())
        }
        Err(VerifyError::Chain(e)) => bail!("{}: journal does not verify: {e}", store.url()),
        Err(e) => Err(e.into()),
    }
}

/// Verify an exported journal at the speed of the hash: each line's chain link and hash
/// (its stored bytes hashed as they are, on every core), and the Merkle tree over it; with a
/// signed checkpoint and the log's key, the checkpoint's root is checked against the file.
pub fn verify_file(file: &Path, checkpoint: Option<(&Path, &str)>) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let signed = match checkpoint {
        Some((path, key)) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let key = comity_tlog::note::VerifierKey::parse(&super::tlog::read_key(key)?)?;
            let note = comity_tlog::note::Note::parse(&text)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            let cp = comity_tlog::note::open_checkpoint(&note, &key)
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            Some((path.display().to_string(), cp.size, cp.root))
        }
        None => None,
    };
    let mut f = std::fs::File::open(file).with_context(|| format!("cannot open {name}"))?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut verifier = comity_core::export::ExportVerifier::new(threads);
    let mut tree = comity_tlog::merkle::Compact::new();
    let want = signed.as_ref().map(|s| s.1);
    let mut root_at_checkpoint = (want == Some(0)).then(|| tree.root());
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + (1 << 16));
    loop {
        let before = buf.len();
        buf.resize(before + BLOCK, 0);
        let n = std::io::Read::read(&mut f, &mut buf[before..])
            .with_context(|| format!("{name}: cannot read"))?;
        buf.truncate(before + n);
        let end = if n == 0 {
            buf.len()
        } else {
            match buf.iter().rposition(|&b| b == b'\n') {
                Some(p) => p + 1,
                None => continue,
            }
        };
        verifier
            .push_block(&buf[..end], |_, leaf| {
                tree.push(leaf.0);
                if Some(tree.size()) == want {
                    root_at_checkpoint = Some(tree.root());
                }
            })
            .map_err(|e| anyhow!("{name}: {e}"))?;
        buf.drain(..end);
        if n == 0 {
            break;
        }
    }
    let head = verifier.head();
    if head.seq == 0 {
        bail!("{name}: the journal is empty");
    }
    print_ok(&name, head);
    println!(
        "  Merkle tree (RFC 6962) of {} entries: root {}",
        tree.size(),
        comity_tlog::note::b64(&tree.root())
    );
    if let Some((path, size, root)) = signed {
        match root_at_checkpoint {
            None => bail!(
                "{path}: the checkpoint signs {size} entries, but {name} has only {}",
                head.seq
            ),
            Some(r) if r != root => bail!(
                "{path}: the checkpoint's root for {size} entries is not the root of {name}'s first {size}: the log showed another history"
            ),
            Some(_) => println!(
                "  {path}: signed by the log key, its root is the tree of the file's first {size} entries"
            ),
        }
    }
    Ok(())
}

/// Bytes read at a time when verifying an exported journal.
const BLOCK: usize = 8 << 20;

fn print_ok(what: &str, head: Head) {
    println!(
        "{what}: journal verified: {} entries, head {}",
        head.seq, head.hash
    );
}

/// Stream an exported journal, verifying each line's chain link and hash before `each` sees it.
pub fn read_file(
    file: &Path,
    mut each: impl FnMut(&Entry) -> anyhow::Result<()>,
) -> anyhow::Result<Head> {
    let name = file.display().to_string();
    let f = std::fs::File::open(file).with_context(|| format!("cannot open {name}"))?;
    let mut verifier = ChainVerifier::new();
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let n = i + 1;
        let line = line.with_context(|| format!("{name}: line {n}: cannot read"))?;
        let entry = parse_json_line(n, &line).map_err(|e| anyhow!("{name}: {e}"))?;
        verifier
            .push(&entry)
            .map_err(|e| anyhow!("{name}: line {n}: {e}"))?;
        each(&entry).map_err(|e| anyhow!("{name}: line {n}: {e}"))?;
    }
    let head = verifier.head();
    if head.seq == 0 {
        bail!("{name}: the journal is empty");
    }
    Ok(head)
}

pub async fn export(database: &str, output: Option<&Path>) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    let sink: Box<dyn Write> = match output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let mut n = 0u64;
    store
        .for_each(|e| {
            n += 1;
            writeln!(out, "{}", e.to_json_line()).map_err(|io| {
                VerifyError::Store(comity_store::StoreError::Corrupt {
                    seq: i64::try_from(e.seq).unwrap_or(i64::MAX),
                    message: format!("cannot write: {io}"),
                })
            })
        })
        .await?;
    out.flush()?;
    if let Some(p) = output {
        eprintln!("exported {n} entries to {}", p.display());
    }
    Ok(())
}

/// Entries appended per transaction when restoring.
const RESTORE_CHUNK: usize = 5_000;

/// `comity restore`: verify and fold the whole export first (nothing is written for a file
/// that does not replay), then append its entries as they are, a chunk per transaction, into
/// a database with an empty journal; the store re-grows the log's tiles and read tables.
pub async fn restore(
    file: &Path,
    database: &str,
    side: Option<&serde_json::Value>,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let mut state = State::new();
    let head =
        tokio::task::block_in_place(|| read_file(file, |e| state.apply(e).map_err(Into::into)))?;
    eprintln!(
        "{}: {} entries verified and replayed, head {}",
        file.display(),
        head.seq,
        head.hash
    );
    drop(state);
    let store = Store::open(database, OpenMode::Create).await?;
    let existing = store.head().await?.seq;
    if existing > 0 {
        bail!(
            "{} already holds a journal of {existing} entries; restore writes into a new database only",
            store.url()
        );
    }
    if let Some(side) = side {
        let rows = store
            .load_side(side)
            .await
            .map_err(|e| anyhow!("the backup: {e}"))?;
        eprintln!("  {rows} rows of the backup put back");
    }
    let runtime = tokio::runtime::Handle::current();
    let mut chunk: Vec<Entry> = Vec::with_capacity(RESTORE_CHUNK);
    let mut at = Head::default();
    let mut flush = |chunk: &mut Vec<Entry>| -> anyhow::Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        runtime.block_on(store.append(at, chunk, &comity_store::SideRows::none()))?;
        if let Some(last) = chunk.last() {
            at = last.head();
            eprint!("\r  restored {} of {} entries", at.seq, head.seq);
        }
        chunk.clear();
        Ok(())
    };
    tokio::task::block_in_place(|| {
        read_file(file, |e| {
            chunk.push(e.clone());
            if chunk.len() == RESTORE_CHUNK {
                flush(&mut chunk)?;
            }
            Ok(())
        })?;
        flush(&mut chunk)
    })?;
    eprintln!();
    // Fold what the database now holds: the same head, or the restore failed.
    let inst = comity_store::Institution::open(store).await?;
    let restored = inst.state().await.head();
    if restored != head {
        bail!(
            "the restored journal ends at entry {} ({}), the export at {} ({})",
            restored.seq,
            restored.hash,
            head.seq,
            head.hash
        );
    }
    inst.save_snapshot(&comity_store::JsonCodec).await?;
    println!(
        "Restored {} entries into {} ({:.1} s): head {}",
        head.seq,
        inst.store().url(),
        started.elapsed().as_secs_f64(),
        head.hash
    );
    Ok(())
}

/// Rebuild the state from the file alone (no database), then print what `members` prints.
pub fn replay(file: &Path, view: &MemberView) -> anyhow::Result<()> {
    let mut state = State::new();
    let head = read_file(file, |e| state.apply(e).map_err(Into::into))?;
    eprintln!(
        "replayed {} entries from {}, head {}",
        head.seq,
        file.display(),
        head.hash
    );
    print_members(&state, view)
}
