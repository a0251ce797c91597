//! Signed checkpoints (C2SP `signed-note`, `tlog-checkpoint`), verifier keys, and witness
//! cosignatures (C2SP `tlog-cosignature`, Ed25519, `cosignature/v1`).
//!
//! A checkpoint's body is three lines, `origin`, `size`, `base64(root)`; the signed note is
//! the body, a blank line and one line per signature, `— <key name> base64(key id ‖ sig)`.
//! The key id is the first four bytes of `SHA-256(name ‖ "\n" ‖ type ‖ public key)`, where the
//! type is 0x01 for the log's Ed25519 key and 0x04 for a cosigner's.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::merkle::Hash;

/// Signature type of a note signer's Ed25519 key.
pub const ED25519: u8 = 0x01;
/// Signature type of a cosigner's Ed25519 key (timestamped `cosignature/v1`).
pub const COSIGNATURE_V1: u8 = 0x04;

const DASH: &str = "\u{2014} ";

/// A note with more signatures than this is refused (as Go's sumdb/note does): checking
/// each costs a signature verification.
const MAX_SIGNATURES: usize = 100;

/// What is wrong with a key, a note or a signature.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("the key name {0:?} is not allowed: a name is not empty and has no space or '+'")]
    BadName(String),
    #[error("the verifier key {0:?} is not <name>+<8 hex digits>+<base64 key>")]
    BadVerifierKey(String),
    #[error("the verifier key {name} says key id {said}, but its key has id {actual}")]
    KeyIdMismatch {
        name: String,
        said: String,
        actual: String,
    },
    #[error("the verifier key {name} is of type {found:#04x}; expected {expected:#04x}")]
    WrongKeyType {
        name: String,
        found: u8,
        expected: u8,
    },
    #[error("the note is malformed: {0}")]
    Malformed(String),
    #[error("the checkpoint is malformed: {0}")]
    BadCheckpoint(String),
    #[error("the note has no signature by {name} (key id {id}): it was not signed by that key")]
    NotSigned { name: String, id: String },
    #[error("the signature by {0} does not verify: the note or the signature was altered")]
    BadSignature(String),
    #[error("the checkpoint is of the log {found:?}; expected {expected:?}")]
    WrongOrigin { found: String, expected: String },
}

fn check_name(name: &str) -> Result<(), NoteError> {
    if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c == '+') {
        return Err(NoteError::BadName(name.to_string()));
    }
    Ok(())
}

/// `SHA-256(name ‖ "\n" ‖ type ‖ key)[:4]`.
pub fn key_id(name: &str, kind: u8, key: &[u8; 32]) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([kind]);
    h.update(key);
    let d = h.finalize();
    [d[0], d[1], d[2], d[3]]
}

fn hex4(id: [u8; 4]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// A public key with its name and type: what a verifier is configured with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    pub name: String,
    pub kind: u8,
    pub key: [u8; 32],
}

impl VerifierKey {
    pub fn id(&self) -> [u8; 4] {
        key_id(&self.name, self.kind, &self.key)
    }

    /// `<name>+<hex key id>+<base64(type ‖ key)>`.
    pub fn encode(&self) -> String {
        let mut material = vec![self.kind];
        material.extend_from_slice(&self.key);
        format!(
            "{}+{}+{}",
            self.name,
            hex4(self.id()),
            STANDARD.encode(material)
        )
    }

    /// Read an encoded verifier key, checking its id against its key.
    pub fn parse(text: &str) -> Result<Self, NoteError> {
        let text = text.trim();
        let bad = || NoteError::BadVerifierKey(text.to_string());
        // The name has no '+', the id is hex; the base64 after them may hold '+'.
        let mut parts = text.splitn(3, '+');
        let (Some(name), Some(id), Some(material)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        check_name(name)?;
        if id.len() != 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let material = STANDARD.decode(material).map_err(|_| bad())?;
        let (&kind, key) = material.split_first().ok_or_else(bad)?;
        let key: [u8; 32] = key.try_into().map_err(|_| bad())?;
        let vk = Self {
            name: name.to_string(),
            kind,
            key,
        };
        let actual = hex4(vk.id());
        if !actual.eq_ignore_ascii_case(id) {
            return Err(NoteError::KeyIdMismatch {
                name: name.to_string(),
                said: id.to_string(),
                actual,
            });
        }
        VerifyingKey::from_bytes(&vk.key).map_err(|_| bad())?;
        Ok(vk)
    }

    fn expect_kind(&self, kind: u8) -> Result<VerifyingKey, NoteError> {
        if self.kind != kind {
            return Err(NoteError::WrongKeyType {
                name: self.name.clone(),
                found: self.kind,
                expected: kind,
            });
        }
        VerifyingKey::from_bytes(&self.key).map_err(|_| NoteError::BadVerifierKey(self.encode()))
    }
}

/// A named Ed25519 signing key (the log's, or a witness's).
pub struct NamedKey {
    pub name: String,
    key: SigningKey,
}

impl NamedKey {
    /// A key from its 32-byte seed (the caller draws it from the operating system).
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<Self, NoteError> {
        check_name(name)?;
        Ok(Self {
            name: name.to_string(),
            key: SigningKey::from_bytes(seed),
        })
    }

    pub fn seed(&self) -> [u8; 32] {
        self.key.to_bytes()
    }

    /// The verifier key of this key used as `kind` (0x01 to sign notes, 0x04 to cosign).
    pub fn verifier(&self, kind: u8) -> VerifierKey {
        VerifierKey {
            name: self.name.clone(),
            kind,
            key: self.key.verifying_key().to_bytes(),
        }
    }

    /// The signature line of `body` (the note text, ending in a newline).
    pub fn sign_line(&self, body: &str) -> String {
        let sig = self.key.sign(body.as_bytes());
        let mut bytes = key_id(&self.name, ED25519, &self.key.verifying_key().to_bytes()).to_vec();
        bytes.extend_from_slice(&sig.to_bytes());
        format!("{DASH}{} {}\n", self.name, STANDARD.encode(bytes))
    }

    /// The cosignature line of a checkpoint body at `time` (POSIX seconds).
    pub fn cosign_line(&self, body: &str, time: u64) -> String {
        let msg = cosigned_message(body, time);
        let sig = self.key.sign(msg.as_bytes());
        let mut bytes = key_id(
            &self.name,
            COSIGNATURE_V1,
            &self.key.verifying_key().to_bytes(),
        )
        .to_vec();
        bytes.extend_from_slice(&time.to_be_bytes());
        bytes.extend_from_slice(&sig.to_bytes());
        format!("{DASH}{} {}\n", self.name, STANDARD.encode(bytes))
    }
}

fn cosigned_message(body: &str, time: u64) -> String {
    format!("cosignature/v1\ntime {time}\n{body}")
}

/// One signature line of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureLine {
    pub name: String,
    pub id: [u8; 4],
    /// What follows the key id: the signature (64 bytes), or a timestamp and a signature.
    pub rest: Vec<u8>,
    /// The line as written, with its newline.
    pub line: String,
}

/// Why no signature by `key` verified: one was there and failed, or there was none.
fn unverified(key: &VerifierKey, any: bool) -> NoteError {
    if any {
        NoteError::BadSignature(key.name.clone())
    } else {
        NoteError::NotSigned {
            name: key.name.clone(),
            id: hex4(key.id()),
        }
    }
}

/// A note split into its body and its signature lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub body: String,
    pub signatures: Vec<SignatureLine>,
}

impl Note {
    pub fn parse(text: &str) -> Result<Self, NoteError> {
        let bad = |m: &str| NoteError::Malformed(m.to_string());
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(bad("it holds a control character other than a newline"));
        }
        // As Go's sumdb/note: the signatures follow the last blank line.
        let (body, sigs) = text
            .rsplit_once("\n\n")
            .ok_or_else(|| bad("no blank line between the text and its signatures"))?;
        let body = format!("{body}\n");
        if !sigs.ends_with('\n') {
            return Err(bad("the last signature line does not end with a newline"));
        }
        let mut signatures = Vec::new();
        for line in sigs.lines() {
            let rest = line
                .strip_prefix(DASH)
                .ok_or_else(|| bad("a signature line does not start with \"— \""))?;
            let (name, b64) = rest
                .split_once(' ')
                .ok_or_else(|| bad("a signature line has no key name and signature"))?;
            check_name(name)?;
            let bytes = STANDARD
                .decode(b64)
                .map_err(|_| bad("a signature is not base64"))?;
            if bytes.len() < 5 {
                return Err(bad("a signature is shorter than its key id"));
            }
            signatures.push(SignatureLine {
                name: name.to_string(),
                id: [bytes[0], bytes[1], bytes[2], bytes[3]],
                rest: bytes[4..].to_vec(),
                line: format!("{line}\n"),
            });
        }
        if signatures.is_empty() {
            return Err(bad("it has no signature line"));
        }
        if signatures.len() > MAX_SIGNATURES {
            return Err(bad("it has more than 100 signature lines"));
        }
        Ok(Self { body, signatures })
    }

    fn by<'a>(&'a self, key: &VerifierKey) -> impl Iterator<Item = &'a SignatureLine> + 'a {
        let (name, id) = (key.name.clone(), key.id());
        self.signatures
            .iter()
            .filter(move |s| s.name == name && s.id == id)
    }

    /// Check the log's signature (type 0x01) on the note.
    pub fn verify(&self, key: &VerifierKey) -> Result<(), NoteError> {
        let vk = key.expect_kind(ED25519)?;
        let mut any = false;
        for s in self.by(key) {
            any = true;
            let Ok(sig) = Signature::from_slice(&s.rest) else {
                continue;
            };
            if vk.verify(self.body.as_bytes(), &sig).is_ok() {
                return Ok(());
            }
        }
        Err(unverified(key, any))
    }

    /// Check a cosigner's signature (type 0x04); the time it was made.
    pub fn verify_cosignature(&self, key: &VerifierKey) -> Result<u64, NoteError> {
        let vk = key.expect_kind(COSIGNATURE_V1)?;
        let mut any = false;
        for s in self.by(key) {
            any = true;
            if s.rest.len() != 72 {
                continue;
            }
            let mut t = [0u8; 8];
            t.copy_from_slice(&s.rest[..8]);
            let time = u64::from_be_bytes(t);
            let Ok(sig) = Signature::from_slice(&s.rest[8..]) else {
                continue;
            };
            if vk
                .verify(cosigned_message(&self.body, time).as_bytes(), &sig)
                .is_ok()
            {
                return Ok(time);
            }
        }
        Err(unverified(key, any))
    }

    /// The note written back: body, blank line, signature lines.
    pub fn text(&self) -> String {
        let mut out = self.body.clone();
        out.push('\n');
        for s in &self.signatures {
            out.push_str(&s.line);
        }
        out
    }
}

/// A checkpoint: the log's origin, its size and its root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checkpoint<'a> {
    pub origin: &'a str,
    pub size: u64,
    pub root: Hash,
}

impl<'a> Checkpoint<'a> {
    /// The note body: three lines.
    pub fn body(&self) -> String {
        format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.root)
        )
    }

    /// The body signed by the log's key: the whole signed note.
    pub fn sign(&self, key: &NamedKey) -> String {
        let body = self.body();
        let line = key.sign_line(&body);
        format!("{body}\n{line}")
    }

    /// Read a checkpoint body (extension lines are allowed and ignored).
    pub fn parse(body: &'a str) -> Result<Self, NoteError> {
        let bad = |m: &str| NoteError::BadCheckpoint(m.to_string());
        let mut lines = body.split('\n');
        let origin = lines
            .next()
            .filter(|o| !o.is_empty())
            .ok_or_else(|| bad("no origin line"))?;
        let size = lines.next().ok_or_else(|| bad("no size line"))?;
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(bad(
                "the size is not a decimal number without leading zeros",
            ));
        }
        let size: u64 = size.parse().map_err(|_| bad("the size is out of range"))?;
        let root = lines.next().ok_or_else(|| bad("no root hash line"))?;
        let root: Hash = STANDARD
            .decode(root)
            .ok()
            .and_then(|r| r.try_into().ok())
            .ok_or_else(|| bad("the root hash is not 32 bytes of base64"))?;
        Ok(Self { origin, size, root })
    }
}

/// A signed checkpoint checked against the log's key (and origin, the key's name).
pub fn open_checkpoint<'a>(note: &'a Note, log: &VerifierKey) -> Result<Checkpoint<'a>, NoteError> {
    note.verify(log)?;
    let cp = Checkpoint::parse(&note.body)?;
    if cp.origin != log.name {
        return Err(NoteError::WrongOrigin {
            found: cp.origin.to_string(),
            expected: log.name.clone(),
        });
    }
    Ok(cp)
}

/// Base64 of a hash, as proofs and checkpoints write it.
pub fn b64(h: &Hash) -> String {
    STANDARD.encode(h)
}

/// A hash from base64.
pub fn from_b64(s: &str) -> Option<Hash> {
    STANDARD.decode(s).ok()?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str, b: u8) -> NamedKey {
        NamedKey::from_seed(name, &[b; 32]).unwrap()
    }

    #[test]
    fn a_checkpoint_signs_and_verifies_and_refuses_what_was_changed() {
        let log = key("example.org/log", 7);
        let vk = log.verifier(ED25519);
        let text = Checkpoint {
            origin: "example.org/log",
            size: 42,
            root: [9; 32],
        }
        .sign(&log);
        assert!(text.starts_with("example.org/log\n42\nCQkJ"));
        assert!(text.contains("\n\n\u{2014} example.org/log "));
        let again = VerifierKey::parse(&vk.encode()).unwrap();
        assert_eq!(again, vk);
        let note = Note::parse(&text).unwrap();
        assert_eq!(note.text(), text);
        let cp = open_checkpoint(&note, &vk).unwrap();
        assert_eq!((cp.size, cp.root), (42, [9; 32]));

        let forged = Note::parse(&text.replace("\n42\n", "\n43\n")).unwrap();
        assert_eq!(
            forged.verify(&vk),
            Err(NoteError::BadSignature("example.org/log".into()))
        );
        let other = key("example.org/log", 8).verifier(ED25519);
        assert!(matches!(
            note.verify(&other),
            Err(NoteError::NotSigned { .. })
        ));
        // A key id that does not fit the key is refused when the key is read.
        let enc = vk.encode();
        let (name_id, material) = enc.rsplit_once('+').unwrap();
        let wrong = format!(
            "{}+00000000+{material}",
            name_id.rsplit_once('+').unwrap().0
        );
        assert!(matches!(
            VerifierKey::parse(&wrong),
            Err(NoteError::KeyIdMismatch { .. })
        ));
    }

    /// The known answer of Go's `golang.org/x/mod/sumdb/note`: Ed25519 is deterministic, so
    /// the same seed signs the same text with the same bytes.
    #[test]
    fn the_go_sumdb_note_vector_signs_and_verifies_byte_for_byte() {
        let seed = STANDARD
            .decode("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
            .unwrap();
        let key = NamedKey::from_seed("PeterNeumann", &seed[1..].try_into().unwrap()).unwrap();
        let vk = VerifierKey::parse(
            "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        )
        .unwrap();
        assert_eq!(key.verifier(ED25519), vk);
        // A key whose base64 holds a '+' (transparency-dev/formats' test key).
        let plus = VerifierKey::parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6")
            .unwrap();
        assert_eq!(plus.name, "TEST");
        let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
        let line = key.sign_line(text);
        assert_eq!(
            line,
            "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
        );
        Note::parse(&format!("{text}\n{line}"))
            .unwrap()
            .verify(&vk)
            .unwrap();
    }

    #[test]
    fn a_witness_cosignature_carries_its_time() {
        let log = key("example.org/log", 1);
        let w = key("witness.example/w1", 2);
        let text = Checkpoint {
            origin: "example.org/log",
            size: 3,
            root: [1; 32],
        }
        .sign(&log);
        let body = Note::parse(&text).unwrap().body;
        let cosigned = format!("{text}{}", w.cosign_line(&body, 1_700_000_000));
        let note = Note::parse(&cosigned).unwrap();
        assert_eq!(
            note.verify_cosignature(&w.verifier(COSIGNATURE_V1)),
            Ok(1_700_000_000)
        );
        note.verify(&log.verifier(ED25519)).unwrap();
        // The log's key cannot pass for a cosigner, nor a cosigner for the log.
        assert!(
            note.verify_cosignature(&log.verifier(COSIGNATURE_V1))
                .is_err()
        );
        assert!(note.verify(&w.verifier(COSIGNATURE_V1)).is_err());
    }
}
