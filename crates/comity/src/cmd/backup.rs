//! `comity backup`: what the journal export leaves out (accounts, tokens, sealed ballots,
//! contacts, imported UN roll calls, the log's key), sealed with ChaCha20-Poly1305 under a
//! 32-byte key the operator keeps in a file (`--new-key` makes one). `comity restore
//! --backup` opens it. The file: the line `comity-backup-1`, the nonce (hex), a line break,
//! then the sealed JSON.

use std::path::Path;

use anyhow::{Context, anyhow, bail};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use comity_store::{OpenMode, Store};

const MAGIC: &str = "comity-backup-1";

fn hex_bytes(s: &str, len: usize, what: &str) -> anyhow::Result<Vec<u8>> {
    let s = s.trim();
    if s.len() != 2 * len || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!("{what}: expected {} hex digits", 2 * len);
    }
    (0..len)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|e| anyhow!("{what}: {e}")))
        .collect()
}

fn read_key(file: &Path) -> anyhow::Result<ChaCha20Poly1305> {
    let text = std::fs::read_to_string(file)
        .with_context(|| format!("cannot read the key file {}", file.display()))?;
    let key = hex_bytes(&text, 32, &format!("the key file {}", file.display()))?;
    Ok(ChaCha20Poly1305::new(Key::from_slice(&key)))
}

/// Seal the database's side data into `out`; with `new_key`, first write a fresh key.
pub async fn backup(
    database: &str,
    out: &Path,
    key_file: &Path,
    new_key: bool,
) -> anyhow::Result<()> {
    if new_key {
        if key_file.exists() {
            bail!(
                "{} exists already: a key is never overwritten",
                key_file.display()
            );
        }
        let key = comity_store::accounts::new_token()?;
        std::fs::write(key_file, format!("{key}\n"))
            .with_context(|| format!("cannot write {}", key_file.display()))?;
        eprintln!(
            "wrote a new key to {} (keep it apart from the backups)",
            key_file.display()
        );
    }
    let cipher = read_key(key_file)?;
    let store = Store::open(database, OpenMode::MustExist).await?;
    let dump = store.dump_side().await?;
    let rows: usize = dump["tables"]
        .as_object()
        .map(|t| {
            t.values()
                .map(|v| v["rows"].as_array().map_or(0, Vec::len))
                .sum()
        })
        .unwrap_or(0);
    let plain = serde_json::to_vec(&dump)?;
    let nonce_hex = &comity_store::accounts::new_token()?[..24];
    let nonce = hex_bytes(nonce_hex, 12, "nonce")?;
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), plain.as_slice())
        .map_err(|_| anyhow!("sealing the backup failed"))?;
    let mut file = format!("{MAGIC}\n{nonce_hex}\n").into_bytes();
    file.extend(sealed);
    std::fs::write(out, file).with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "Backed up {rows} rows of {} to {} (sealed with {})",
        store.url(),
        out.display(),
        key_file.display()
    );
    Ok(())
}

/// Open a backup sealed with the key in `key_file`: its JSON dump.
pub fn open(file: &Path, key_file: &Path) -> anyhow::Result<serde_json::Value> {
    let cipher = read_key(key_file)?;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let name = file.display();
    let rest = bytes
        .strip_prefix(format!("{MAGIC}\n").as_bytes())
        .ok_or_else(|| anyhow!("{name}: not a comity backup (no `{MAGIC}` line)"))?;
    let (nonce_hex, sealed) = rest
        .split_at_checked(25)
        .filter(|(n, _)| n.last() == Some(&b'\n'))
        .ok_or_else(|| anyhow!("{name}: line 2: the nonce is missing"))?;
    let nonce = hex_bytes(
        std::str::from_utf8(&nonce_hex[..24]).unwrap_or(""),
        12,
        &format!("{name}: line 2"),
    )?;
    let plain = cipher
        .decrypt(Nonce::from_slice(&nonce), sealed)
        .map_err(|_| {
            anyhow!(
                "{name}: cannot open it with this key (a different key, or the file was changed)"
            )
        })?;
    serde_json::from_slice(&plain).with_context(|| format!("{name}: the sealed contents"))
}
