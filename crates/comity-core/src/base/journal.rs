//! The hash-chained journal: how entries are sealed, written as JSON Lines, and verified.
//!
//! An entry's hash is `SHA-256(prev_hash ‖ canonical)`, where `prev_hash` is the previous
//! entry's 32-byte hash (32 zero bytes before the first entry) and `canonical` is the compact
//! JSON object `{"actor":…,"kind":…,"payload":…,"seq":…,"time":…}` with keys sorted at every
//! level and no whitespace. Anyone can recompute it with any SHA-256 tool and a JSON library.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::event::Event;
use crate::ids::{Actor, Timestamp};

/// A SHA-256 digest, written as 64 lower-case hex digits.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Hash(pub [u8; 32]);

impl Hash {
    pub const ZERO: Hash = Hash([0; 32]);

    /// The SHA-256 of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    pub fn parse(s: &str) -> Result<Self, String> {
        if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(format!(
                "{s:?} is not a SHA-256 hash (64 lower-case hex digits)"
            ));
        }
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).map_err(|e| e.to_string())?;
        }
        Ok(Self(out))
    }
}

impl Hash {
    /// The 64 lower-case hex digits, without allocating (keys are written by the million).
    pub fn hex(&self) -> [u8; 64] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (i, b) in self.0.iter().enumerate() {
            out[2 * i] = DIGITS[usize::from(b >> 4)];
            out[2 * i + 1] = DIGITS[usize::from(b & 15)];
        }
        out
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.hex();
        // Hex digits are ASCII: always UTF-8.
        f.write_str(std::str::from_utf8(&digits).map_err(|_| fmt::Error)?)
    }
}
impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({self})")
    }
}
impl TryFrom<String> for Hash {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<Hash> for String {
    fn from(h: Hash) -> Self {
        h.to_string()
    }
}

/// The last sealed entry: sequence number and hash (`seq` 0 and the zero hash for an empty journal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Head {
    pub seq: u64,
    pub hash: Hash,
}

/// One act of the institution, sealed into the chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub seq: u64,
    pub time: Timestamp,
    pub actor: Actor,
    pub kind: String,
    pub payload: Value,
    pub prev_hash: Hash,
    pub hash: Hash,
}

impl Entry {
    /// The bytes the hash covers (besides the previous hash).
    pub fn canonical_bytes(&self) -> Vec<u8> {
        canonical(self.seq, self.time, &self.actor, &self.kind, &self.payload)
    }
    /// Recompute this entry's hash from its contents and its `prev_hash`.
    pub fn compute_hash(&self) -> Hash {
        chain_hash(&self.prev_hash, &self.canonical_bytes())
    }
    /// The entry as one line of the exported journal (canonical JSON, no trailing newline).
    pub fn to_json_line(&self) -> String {
        // Serialising through `Value` sorts keys: the line is canonical.
        serde_json::to_value(self)
            .map(|v| v.to_string())
            .unwrap_or_default()
    }
    pub fn head(&self) -> Head {
        Head {
            seq: self.seq,
            hash: self.hash,
        }
    }
    /// Decode the event this entry records.
    pub fn event(&self) -> Result<Event, serde_json::Error> {
        Event::from_parts(&self.kind, &self.payload)
    }
}

fn canonical(seq: u64, time: Timestamp, actor: &Actor, kind: &str, payload: &Value) -> Vec<u8> {
    let v = serde_json::json!({
        "actor": actor,
        "kind": kind,
        "payload": payload,
        "seq": seq,
        "time": time,
    });
    v.to_string().into_bytes()
}

/// `SHA-256(prev ‖ bytes)`.
pub fn chain_hash(prev: &Hash, bytes: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update(prev.0);
    h.update(bytes);
    Hash(h.finalize().into())
}

/// Seal events into entries that follow `head`, all at `time` by `actor`.
pub fn seal(head: Head, time: Timestamp, actor: &Actor, events: &[Event]) -> Vec<Entry> {
    let mut prev = head;
    let mut out = Vec::with_capacity(events.len());
    for ev in events {
        let (kind, payload) = ev.to_parts();
        let seq = prev.seq + 1;
        let hash = chain_hash(&prev.hash, &canonical(seq, time, actor, &kind, &payload));
        let entry = Entry {
            seq,
            time,
            actor: actor.clone(),
            kind,
            payload,
            prev_hash: prev.hash,
            hash,
        };
        prev = entry.head();
        out.push(entry);
    }
    out
}

/// What is wrong with the journal, and at which entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error(
        "entry {seq}: expected sequence number {expected}; the journal has a gap or is out of order"
    )]
    Sequence { seq: u64, expected: u64 },
    #[error("entry {seq}: prev_hash {found} does not match the hash of entry {} ({expected}); the chain is broken here", seq - 1)]
    Link {
        seq: u64,
        expected: Hash,
        found: Hash,
    },
    #[error(
        "entry {seq}: its contents hash to {computed}, but it records {recorded}; this entry was altered"
    )]
    Altered {
        seq: u64,
        computed: Hash,
        recorded: Hash,
    },
}

impl ChainError {
    pub fn seq(&self) -> u64 {
        match self {
            Self::Sequence { seq, .. } | Self::Link { seq, .. } | Self::Altered { seq, .. } => *seq,
        }
    }
}

/// Checks entries one at a time, so a journal of any length streams through in constant memory.
#[derive(Debug, Clone, Default)]
pub struct ChainVerifier {
    head: Head,
}

impl ChainVerifier {
    pub fn new() -> Self {
        Self::default()
    }
    /// Continue checking from a known-good head.
    pub fn from_head(head: Head) -> Self {
        Self { head }
    }
    pub fn push(&mut self, e: &Entry) -> Result<(), ChainError> {
        let expected = self.head.seq + 1;
        if e.seq != expected {
            return Err(ChainError::Sequence {
                seq: e.seq,
                expected,
            });
        }
        if e.prev_hash != self.head.hash {
            return Err(ChainError::Link {
                seq: e.seq,
                expected: self.head.hash,
                found: e.prev_hash,
            });
        }
        let computed = e.compute_hash();
        if computed != e.hash {
            return Err(ChainError::Altered {
                seq: e.seq,
                computed,
                recorded: e.hash,
            });
        }
        self.head = e.head();
        Ok(())
    }
    pub fn head(&self) -> Head {
        self.head
    }
}

/// A line of an exported journal that is not a well-formed entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("line {line}: not a journal entry: {message}")]
    Malformed { line: usize, message: String },
    #[error(
        "line {line} (entry {seq}): not in canonical form, so its bytes were changed after export"
    )]
    NotCanonical { line: usize, seq: u64 },
}

/// Parse one line of an exported journal (1-based `line` for messages).
///
/// A line must be exactly the canonical serialisation of its entry: any changed byte
/// either breaks that or changes what the hash covers.
pub fn parse_json_line(line: usize, text: &str) -> Result<Entry, LineError> {
    let entry: Entry = serde_json::from_str(text).map_err(|e| LineError::Malformed {
        line,
        message: e.to_string(),
    })?;
    if entry.to_json_line() != text {
        return Err(LineError::NotCanonical {
            line,
            seq: entry.seq,
        });
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Event;
    use crate::registry::Country;

    fn events(n: usize) -> Vec<Event> {
        (0..n)
            .map(|i| {
                Event::Base(crate::base::Event::StatesImported {
                    states: vec![Country {
                        iso3: crate::ids::Iso3::parse("DNK").unwrap(),
                        iso2: "DK".into(),
                        name: format!("Denmark {i}"),
                        short_name: "Denmark".into(),
                        un_member: true,
                        un_group: Some("WEOG".into()),
                        m49_region: "Europe".into(),
                        m49_sub_region: "Northern Europe".into(),
                        population: Some(6_000_000),
                    }],
                })
            })
            .collect()
    }

    fn sealed(n: usize) -> Vec<Entry> {
        let t = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        seal(Head::default(), t, &Actor::system(), &events(n))
    }

    #[test]
    fn a_sealed_chain_verifies_and_lines_round_trip() {
        let entries = sealed(5);
        let mut v = ChainVerifier::new();
        for (i, e) in entries.iter().enumerate() {
            v.push(e).unwrap();
            let line = e.to_json_line();
            assert_eq!(&parse_json_line(i + 1, &line).unwrap(), e);
        }
        assert_eq!(v.head().seq, 5);
        assert_eq!(v.head().hash, entries[4].hash);
    }

    #[test]
    fn the_hash_is_sha256_of_prev_and_canonical_json() {
        let e = &sealed(1)[0];
        let canonical = String::from_utf8(e.canonical_bytes()).unwrap();
        assert!(
            canonical.starts_with(
                r#"{"actor":"system","kind":"states_imported","payload":{"states":[{"#
            )
        );
        assert!(canonical.ends_with(r#""seq":1,"time":"2026-01-01T00:00:00Z"}"#));
        let mut h = Sha256::new();
        h.update([0u8; 32]);
        h.update(canonical.as_bytes());
        assert_eq!(e.hash.0, <[u8; 32]>::from(h.finalize()));
    }

    #[test]
    fn every_single_byte_change_of_an_exported_line_is_caught() {
        let entries = sealed(3);
        let line = entries[1].to_json_line();
        for pos in 0..line.len() {
            let mut bytes = line.clone().into_bytes();
            bytes[pos] = if bytes[pos] == b'x' { b'y' } else { b'x' };
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let caught = match parse_json_line(2, &text) {
                Err(_) => true,
                Ok(e) => {
                    let mut v = ChainVerifier::from_head(entries[0].head());
                    v.push(&e).is_err()
                }
            };
            assert!(caught, "byte {pos} changed and nothing noticed: {text}");
        }
    }

    #[test]
    fn a_removed_entry_is_a_sequence_gap() {
        let entries = sealed(3);
        let mut v = ChainVerifier::new();
        v.push(&entries[0]).unwrap();
        assert_eq!(v.push(&entries[2]).unwrap_err().seq(), 3);
    }
}
