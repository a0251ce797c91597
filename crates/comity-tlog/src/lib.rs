//! A transparency log over any list of 32-byte records, written from the specifications:
//!
//! - [`merkle`]: the Merkle tree of RFC 6962 §2.1 (leaf `SHA-256(0x00 ‖ d)`, node
//!   `SHA-256(0x01 ‖ l ‖ r)`), audit paths and consistency proofs, and their verification as
//!   RFC 9162 §2.1.3.2 and §2.1.4.2 describe it;
//! - [`tiles`]: the tree stored as C2SP `tlog-tiles` (height 8), grown by batches from its
//!   right edge, and the complete nodes read back from a handful of tiles;
//! - [`note`]: signed checkpoints (C2SP `signed-note`, `tlog-checkpoint`), verifier keys, and
//!   witnesses' cosignatures (C2SP `tlog-cosignature`, `cosignature/v1`).
//!
//! Pure: bytes in, bytes out. No I/O, no clock (a cosignature's time is given), no
//! randomness (a key is made from a seed the caller draws).

pub mod merkle;
pub mod note;
pub mod tiles;

pub use merkle::{Hash, Node, ProofError};
