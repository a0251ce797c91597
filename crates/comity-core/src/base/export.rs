//! Verifying an exported journal at the speed of the hash.
//!
//! An exported line is the canonical entry with its two hashes:
//! `{"actor":A,"hash":"H","kind":K,"payload":P,"prev_hash":"PH","seq":N,"time":T}`, and the
//! bytes the chain hashes are the same line without `,"hash":"H"` and `,"prev_hash":"PH"`.
//! So a line is checked by finding those two fields (the actor is the only string scanned
//! before the first; the second sits just before `seq` and `time` at the end) and hashing
//! the three slices around them as they are: no JSON is parsed or re-serialised. Each line's
//! check needs only the line and its predecessor's recorded hash, so a block of lines is
//! split across threads. A line that does not have this shape, or whose hash does not
//! match, is handed to the full parser ([`parse_json_line`], [`ChainVerifier`]), which names
//! exactly what is wrong, as before.

use sha2::{Digest, Sha256};

use crate::ids::{Actor, Timestamp};
use crate::journal::{ChainError, ChainVerifier, Hash, Head, LineError, parse_json_line};

/// What is wrong with an exported journal, and on which line (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Line(LineError),
    #[error("line {line}: {error}")]
    Chain { line: usize, error: ChainError },
    #[error("line {line}: not UTF-8 text")]
    NotText { line: usize },
}

/// One line's fields as the fast path reads them.
struct Fast<'a> {
    seq: u64,
    /// The actor's and the time's text, as written.
    actor: &'a [u8],
    time: &'a [u8],
    /// The two hashes as written: 64 hex digits each (checked when they are read).
    prev: &'a [u8],
    hash: &'a [u8],
    parts: [&'a [u8]; 3],
}

/// Lower-case hex of a hash, into a buffer: compared with the recorded digits as bytes.
fn to_hex(h: &[u8; 32]) -> [u8; 64] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; 64];
    for (i, b) in h.iter().enumerate() {
        out[2 * i] = DIGITS[usize::from(b >> 4)];
        out[2 * i + 1] = DIGITS[usize::from(b & 15)];
    }
    out
}

fn hex32(s: &[u8]) -> Option<Hash> {
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        let hi = nibble(s[2 * i])?;
        let lo = nibble(s[2 * i + 1])?;
        *b = (hi << 4) | lo;
    }
    Some(Hash(out))
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::rfind(hay, needle)
}

/// Lines of a block (without their newline; a last newline ends the block, it does not
/// start an empty line).
fn lines(block: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = block.strip_suffix(b"\n").unwrap_or(block);
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', body).chain(std::iter::once(body.len()));
    std::iter::from_fn(move || {
        let end = ends.next()?;
        let line = &body[start..end];
        start = end + 1;
        Some(line)
    })
}

/// `SHA-256(0x00 ‖ hash)`: the entry's leaf in the journal's Merkle tree (RFC 6962).
pub fn leaf_of(hash: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(hash.0);
    Hash(h.finalize().into())
}

/// The fields of a line in the exported shape, or None (the full parser then decides).
fn fast(line: &[u8]) -> Option<Fast<'_>> {
    const ACTOR: &[u8] = b"{\"actor\":\"";
    const HASH: &[u8] = b",\"hash\":\"";
    const KIND: &[u8] = b",\"kind\":\"";
    const PREV: &[u8] = b",\"prev_hash\":\"";
    const SEQ: &[u8] = b",\"seq\":";
    const TIME: &[u8] = b",\"time\":\"";
    if !line.starts_with(ACTOR) || !line.ends_with(b"\"}") {
        return None;
    }
    // The actor: a JSON string; skip escapes to its closing quote.
    let mut i = ACTOR.len();
    loop {
        match *line.get(i)? {
            b'\\' => i += 2,
            b'"' => break,
            _ => i += 1,
        }
    }
    let hash_at = i + 1;
    let hash_field = line.get(hash_at..hash_at + HASH.len() + 65)?;
    if !hash_field.starts_with(HASH) || hash_field[HASH.len() + 64] != b'"' {
        return None;
    }
    let hash = &hash_field[HASH.len()..HASH.len() + 64];
    let after_hash = hash_at + HASH.len() + 65;
    if !line.get(after_hash..)?.starts_with(KIND) {
        return None;
    }
    // From the end: the time (no quote or escape in it), the seq, the previous hash.
    let time_at = rfind(line, TIME)?;
    if time_at + TIME.len() > line.len() - 2 {
        return None;
    }
    let time = &line[time_at + TIME.len()..line.len() - 2];
    if time.iter().any(|&b| b == b'"' || b == b'\\') {
        return None;
    }
    let seq_at = rfind(&line[..time_at], SEQ)?;
    let digits = &line[seq_at + SEQ.len()..time_at];
    if digits.is_empty()
        || !digits.iter().all(u8::is_ascii_digit)
        || (digits.len() > 1 && digits[0] == b'0')
        || digits.len() > 19
    {
        return None;
    }
    let seq = std::str::from_utf8(digits).ok()?.parse().ok()?;
    // The whole line is UTF-8 (cheap, unlike parsing the payload); the actor and the time are
    // checked by the caller, which remembers the last ones it checked.
    std::str::from_utf8(line).ok()?;
    let actor = &line[ACTOR.len()..i];
    let prev_at = seq_at.checked_sub(PREV.len() + 65)?;
    if prev_at < after_hash {
        return None;
    }
    let prev_field = &line[prev_at..seq_at];
    if !prev_field.starts_with(PREV) || prev_field[PREV.len() + 64] != b'"' {
        return None;
    }
    let prev = &prev_field[PREV.len()..PREV.len() + 64];
    Some(Fast {
        seq,
        actor,
        time,
        prev,
        hash,
        parts: [
            &line[..hash_at],
            &line[after_hash..prev_at],
            &line[seq_at..],
        ],
    })
}

/// A run of lines checked on its own: its first entry's seq and previous hash (to join it
/// to the run before), its last entry, and each entry's recorded hash in order.
#[derive(Debug)]
struct Run {
    first: Option<(u64, Hash)>,
    last: Head,
    hashes: Vec<Hash>,
    leaves: Vec<Hash>,
}

/// The full parser's verdict on a line the fast path did not accept: its precise error,
/// checked against `before` (the previous entry, if this run knows it).
fn slow(line_no: usize, line: &[u8], before: Option<Head>) -> ExportError {
    let Ok(text) = std::str::from_utf8(line) else {
        return ExportError::NotText { line: line_no };
    };
    let entry = match parse_json_line(line_no, text) {
        Ok(e) => e,
        Err(e) => return ExportError::Line(e),
    };
    let mut v = ChainVerifier::from_head(before.unwrap_or(Head {
        seq: entry.seq.saturating_sub(1),
        hash: entry.prev_hash,
    }));
    match v.push(&entry) {
        Err(error) => ExportError::Chain {
            line: line_no,
            error,
        },
        // Parsed and hashed alike but unusual in shape (it cannot be: the line is canonical).
        Ok(()) => ExportError::Line(LineError::Malformed {
            line: line_no,
            message: "not in the exported shape".into(),
        }),
    }
}

/// Check a run of lines; `before` is the entry before the run when it is known (its first
/// line is then joined to it in order, so errors come in line order).
fn check_run(block: &[u8], first_line: usize, before: Option<Head>) -> Result<Run, ExportError> {
    let mut run = Run {
        first: None,
        last: Head::default(),
        hashes: Vec::with_capacity(block.len() / 400 + 1),
        leaves: Vec::with_capacity(block.len() / 400 + 1),
    };
    let mut prev: Option<Head> = before;
    // The previous line's hash as written, compared with the next line's prev_hash as bytes.
    let before_hex = before.map(|h| to_hex(&h.hash.0)).unwrap_or([0; 64]);
    let mut prev_hex: &[u8] = &before_hex;
    let mut msg: Vec<u8> = Vec::with_capacity(1024);
    let (mut last_actor, mut last_time): (Option<&[u8]>, Option<&[u8]>) = (None, None);
    for (k, line) in lines(block).enumerate() {
        let line_no = first_line + k;
        let Some(f) = fast(line) else {
            return Err(slow(line_no, line, prev));
        };
        // A valid actor and time, as the full parser reads them; a batch of acts shares both,
        // so each distinct text is parsed once.
        if last_actor != Some(f.actor) {
            let ok = std::str::from_utf8(f.actor)
                .ok()
                .filter(|a| !a.contains('\\'))
                .is_some_and(|a| Actor::parse(a).is_ok());
            if !ok {
                return Err(slow(line_no, line, prev));
            }
            last_actor = Some(f.actor);
        }
        if last_time != Some(f.time) {
            let ok = std::str::from_utf8(f.time).is_ok_and(|t| Timestamp::parse(t).is_ok());
            if !ok {
                return Err(slow(line_no, line, prev));
            }
            last_time = Some(f.time);
        }
        let prev_raw = match prev {
            Some(p) => {
                if f.seq != p.seq + 1 {
                    return Err(ExportError::Chain {
                        line: line_no,
                        error: ChainError::Sequence {
                            seq: f.seq,
                            expected: p.seq + 1,
                        },
                    });
                }
                if f.prev != prev_hex {
                    return Err(slow(line_no, line, prev));
                }
                if run.first.is_none() {
                    run.first = Some((f.seq, p.hash));
                }
                p.hash
            }
            None => {
                let Some(h) = hex32(f.prev) else {
                    return Err(slow(line_no, line, prev));
                };
                run.first = Some((f.seq, h));
                h
            }
        };
        // One contiguous message hashes faster than four small updates.
        msg.clear();
        msg.extend_from_slice(&prev_raw.0);
        for p in f.parts {
            msg.extend_from_slice(p);
        }
        let computed: [u8; 32] = Sha256::digest(&msg).into();
        if to_hex(&computed)[..] != *f.hash {
            return Err(slow(line_no, line, prev));
        }
        let head = Head {
            seq: f.seq,
            hash: Hash(computed),
        };
        run.hashes.push(head.hash);
        run.leaves.push(leaf_of(&head.hash));
        run.last = head;
        prev = Some(head);
        prev_hex = f.hash;
    }
    Ok(run)
}

/// Checks an exported journal block by block (each block whole lines), on `threads`
/// threads, and hands each entry's hash, in order, to the caller (the Merkle tree's leaves).
#[derive(Debug, Clone)]
pub struct ExportVerifier {
    head: Head,
    line: usize,
    threads: usize,
}

impl ExportVerifier {
    pub fn new(threads: usize) -> Self {
        Self {
            head: Head::default(),
            line: 1,
            threads: threads.max(1),
        }
    }

    /// The last entry checked.
    pub fn head(&self) -> Head {
        self.head
    }

    /// Check a block of whole lines (the last may lack its newline only at the end of the
    /// file); `each` sees each entry's hash and its Merkle leaf ([`leaf_of`]) in journal order.
    pub fn push_block(
        &mut self,
        block: &[u8],
        mut each: impl FnMut(&Hash, &Hash),
    ) -> Result<(), ExportError> {
        if block.is_empty() {
            return Ok(());
        }
        // Split at newlines into one part per thread.
        let mut parts: Vec<(&[u8], usize)> = Vec::with_capacity(self.threads);
        let mut rest = block;
        let mut line = self.line;
        for t in (1..=self.threads).rev() {
            if rest.is_empty() {
                break;
            }
            let cut = if t == 1 {
                rest.len()
            } else {
                let aim = rest.len() / t;
                match memchr::memchr(b'\n', &rest[aim..]) {
                    Some(p) => aim + p + 1,
                    None => rest.len(),
                }
            };
            let (part, tail) = rest.split_at(cut);
            parts.push((part, line));
            line += memchr::memchr_iter(b'\n', part).count();
            rest = tail;
        }
        let head = self.head;
        let runs: Vec<Result<Run, ExportError>> = if parts.len() == 1 {
            vec![check_run(parts[0].0, parts[0].1, Some(head))]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = parts
                    .iter()
                    .enumerate()
                    .map(|(k, &(p, l))| s.spawn(move || check_run(p, l, (k == 0).then_some(head))))
                    .collect();
                handles
                    .into_iter()
                    .zip(&parts)
                    .map(|(h, &(_, l))| {
                        h.join().unwrap_or_else(|_| {
                            Err(ExportError::Line(LineError::Malformed {
                                line: l,
                                message: "a verifying thread failed".into(),
                            }))
                        })
                    })
                    .collect()
            })
        };
        // A fault anywhere: the block again on one thread, so the first fault in line order
        // is the one named, whatever the number of threads.
        if parts.len() > 1 && runs.iter().any(Result::is_err) {
            check_run(block, self.line, Some(head))?;
        }
        // Join the runs in order: each continues the one before.
        for (run, (_, first_line)) in runs.into_iter().zip(&parts) {
            let run = run?;
            if let Some((seq, prev)) = run.first {
                if seq != self.head.seq + 1 {
                    return Err(ExportError::Chain {
                        line: *first_line,
                        error: ChainError::Sequence {
                            seq,
                            expected: self.head.seq + 1,
                        },
                    });
                }
                if prev != self.head.hash {
                    return Err(ExportError::Chain {
                        line: *first_line,
                        error: ChainError::Link {
                            seq,
                            expected: self.head.hash,
                            found: prev,
                        },
                    });
                }
                for (h, l) in run.hashes.iter().zip(&run.leaves) {
                    each(h, l);
                }
                self.head = run.last;
            }
        }
        self.line = line;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Entry, seal};
    use crate::{Actor, Event, Timestamp};

    fn lines(n: usize) -> (Vec<Entry>, String) {
        let t = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        let events: Vec<Event> = (0..n)
            .map(|i| {
                Event::Base(crate::base::Event::CharterAdopted {
                    name: format!("charter \"{i}\" \\ é"),
                    source: format!("text with ,\"seq\":{i},\"time\":\"x\" inside"),
                    sha256: Hash::ZERO,
                })
            })
            .collect();
        let entries = seal(Head::default(), t, &Actor::system(), &events);
        let text: String = entries.iter().map(|e| e.to_json_line() + "\n").collect();
        (entries, text)
    }

    fn verify(text: &str, threads: usize, block: usize) -> Result<(Head, Vec<Hash>), ExportError> {
        let mut v = ExportVerifier::new(threads);
        let mut leaves = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let end = (at + block).min(bytes.len());
            let end = match bytes[end..].iter().position(|&b| b == b'\n') {
                Some(p) if end < bytes.len() => end + p + 1,
                _ => bytes.len(),
            };
            v.push_block(&bytes[at..end], |h, l| {
                assert_eq!(*l, leaf_of(h));
                leaves.push(*h)
            })?;
            at = end;
        }
        Ok((v.head(), leaves))
    }

    #[test]
    fn the_fast_path_agrees_with_the_chain_on_any_split() {
        let (entries, text) = lines(40);
        for threads in [1, 2, 3] {
            for block in [1, 100, 5_000, 1 << 20] {
                let (head, leaves) = verify(&text, threads, block).unwrap();
                assert_eq!(head, entries[39].head());
                assert_eq!(leaves, entries.iter().map(|e| e.hash).collect::<Vec<_>>());
            }
        }
        // Without the last newline too.
        assert_eq!(verify(text.trim_end(), 2, 300).unwrap().0.seq, 40);
    }

    #[test]
    fn every_single_byte_change_is_caught_with_the_old_messages() {
        let (_, text) = lines(3);
        let second = text.lines().nth(1).unwrap();
        let start = text.find(second).unwrap();
        for pos in start..start + second.len() {
            let mut bytes = text.clone().into_bytes();
            bytes[pos] = if bytes[pos] == b'x' { b'y' } else { b'x' };
            let Ok(t) = String::from_utf8(bytes) else {
                continue;
            };
            for threads in [1, 2] {
                let err = verify(&t, threads, 1 << 20);
                assert!(err.is_err(), "byte {pos} changed and nothing noticed: {t}");
            }
        }
        // A removed entry is a sequence gap on the line after it.
        let gap: String = text
            .lines()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        assert!(matches!(
            verify(&gap, 1, 1 << 20),
            Err(ExportError::Chain {
                line: 2,
                error: ChainError::Sequence {
                    seq: 3,
                    expected: 2
                }
            })
        ));
        // A malformed line is named as the full parser names it.
        let spaced = text.replacen("{\"actor\"", "{\"actor\" ", 1);
        assert!(matches!(
            verify(&spaced, 2, 1 << 20),
            Err(ExportError::Line(LineError::NotCanonical {
                line: 1,
                seq: 1
            }))
        ));
        let bad = format!("{text}[not json\n");
        assert!(matches!(
            verify(&bad, 2, 1 << 20),
            Err(ExportError::Line(LineError::Malformed { line: 4, .. }))
        ));
    }
}

#[cfg(test)]
mod shapes {
    use super::*;

    #[test]
    fn lines_of_odd_shapes_are_refused_not_panicked_on() {
        let h = "0".repeat(64);
        for line in [
            format!("{{\"actor\":\"a\",\"hash\":\"{h}\",\"kind\":\"x,\"time\":\"}}"),
            format!("{{\"actor\":\"a\",\"hash\":\"{h}\",\"kind\":\"x\"}}"),
            "{\"actor\":\"".to_string(),
            format!(
                "{{\"actor\":\"\",\"hash\":\"{h}\",\"kind\":\"x\",\"payload\":{{}},\"prev_hash\":\"{h}\",\"seq\":1,\"time\":\"2026-01-01T00:00:00Z\"}}"
            ),
            "\"}".to_string(),
        ] {
            let mut v = ExportVerifier::new(2);
            assert!(v.push_block(line.as_bytes(), |_, _| {}).is_err(), "{line}");
        }
    }
}
