//! The Merkle tree of RFC 6962 (§2.1) over a list of leaves, its audit paths (inclusion
//! proofs) and consistency proofs, and their verification (RFC 9162 §2.1.3.2 and §2.1.4.2).
//!
//! The tree is read through its *complete* nodes only: node `(level, index)` is the hash of
//! the `2^level` leaves from `index·2^level`, and exists once all of them are in. Any other
//! range the recursion meets (the right edge of a tree whose size is not a power of two) is
//! folded from complete nodes, so a store need keep nothing but complete nodes (see
//! [`crate::tiles`]), and a proof needs about `2·log2(n)` of them.

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// The root of the empty tree: SHA-256 of nothing.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// `SHA-256(0x00 ‖ data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Where a complete node sits: `level` 0 is the leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Node {
    pub level: u32,
    pub index: u64,
}

/// Why a proof cannot be made or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("leaf {index} is not in a tree of size {size} (leaves are numbered from 0)")]
    LeafOutOfRange { index: u64, size: u64 },
    #[error("the log holds {log} entries; it has no tree of size {size}")]
    SizeBeyondLog { size: u64, log: u64 },
    #[error(
        "a consistency proof goes from a smaller tree to a larger one; {from} is not below or equal to {to}"
    )]
    SizesOutOfOrder { from: u64, to: u64 },
    #[error("the proof has {found} hashes, where a proof of this shape has {expected}")]
    WrongLength { expected: usize, found: usize },
    #[error("the proof does not lead to the root: computed {computed}, expected {expected}")]
    RootMismatch { computed: String, expected: String },
    #[error("node {level}/{index} is missing from the store")]
    MissingNode { level: u32, index: u64 },
}

/// The largest power of two strictly below `n` (`n` ≥ 2).
fn split(n: u64) -> u64 {
    1u64 << (63 - (n - 1).leading_zeros())
}

/// The hash of leaves `[lo, hi)` for a range the RFC's recursion meets (`lo` aligned to the
/// largest power of two in `hi - lo`): a complete node, or folded from complete nodes.
fn range_hash<E>(
    lo: u64,
    hi: u64,
    node: &mut impl FnMut(Node) -> Result<Hash, E>,
) -> Result<Hash, E> {
    let n = hi - lo;
    if n.is_power_of_two() {
        let level = n.trailing_zeros();
        return node(Node {
            level,
            index: lo >> level,
        });
    }
    let k = split(n);
    let left = range_hash(lo, lo + k, node)?;
    let right = range_hash(lo + k, hi, node)?;
    Ok(node_hash(&left, &right))
}

/// The root of the tree of the first `size` leaves.
pub fn root<E>(size: u64, mut node: impl FnMut(Node) -> Result<Hash, E>) -> Result<Hash, E> {
    if size == 0 {
        return Ok(empty_root());
    }
    range_hash(0, size, &mut node)
}

/// The audit path of leaf `index` in the tree of `size` leaves, leaf to root (RFC 6962 PATH).
pub fn inclusion_proof<E: From<ProofError>>(
    index: u64,
    size: u64,
    mut node: impl FnMut(Node) -> Result<Hash, E>,
) -> Result<Vec<Hash>, E> {
    if index >= size {
        return Err(ProofError::LeafOutOfRange { index, size }.into());
    }
    let mut path = Vec::new();
    let (mut lo, mut hi) = (0, size);
    // Descend from the root, remembering each sibling; the path is read leaf to root.
    while hi - lo > 1 {
        let k = split(hi - lo);
        if index < lo + k {
            path.push(range_hash(lo + k, hi, &mut node)?);
            hi = lo + k;
        } else {
            path.push(range_hash(lo, lo + k, &mut node)?);
            lo += k;
        }
    }
    path.reverse();
    Ok(path)
}

/// The consistency proof between the trees of `from` and `to` leaves (RFC 6962 PROOF).
pub fn consistency_proof<E: From<ProofError>>(
    from: u64,
    to: u64,
    mut node: impl FnMut(Node) -> Result<Hash, E>,
) -> Result<Vec<Hash>, E> {
    if from > to {
        return Err(ProofError::SizesOutOfOrder { from, to }.into());
    }
    let mut out = Vec::new();
    if from == 0 || from == to {
        return Ok(out);
    }
    // SUBPROOF(m, D[lo:hi], b), unrolled: each step keeps one half and proves the other.
    let (mut lo, mut hi, mut m, mut whole) = (0u64, to, from, true);
    loop {
        let n = hi - lo;
        if m == n {
            if !whole {
                out.push(range_hash(lo, hi, &mut node)?);
            }
            break;
        }
        let k = split(n);
        if m <= k {
            out.push(range_hash(lo + k, hi, &mut node)?);
            hi = lo + k;
        } else {
            out.push(range_hash(lo, lo + k, &mut node)?);
            lo += k;
            m -= k;
            whole = false;
        }
    }
    out.reverse();
    Ok(out)
}

fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

fn mismatch(computed: &Hash, expected: &Hash) -> ProofError {
    ProofError::RootMismatch {
        computed: hex(computed),
        expected: hex(expected),
    }
}

/// Check that `leaf` (a leaf hash) is leaf `index` of the tree of `size` leaves with `root`.
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::LeafOutOfRange { index, size });
    }
    let expected = inclusion_len(index, size);
    if proof.len() != expected {
        return Err(ProofError::WrongLength {
            expected,
            found: proof.len(),
        });
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 || r != *root {
        return Err(mismatch(&r, root));
    }
    Ok(())
}

/// How many hashes the audit path of leaf `index` in a tree of `size` has.
pub fn inclusion_len(index: u64, size: u64) -> usize {
    let (mut lo, mut hi, mut n) = (0, size, 0);
    while hi - lo > 1 {
        let k = split(hi - lo);
        if index < lo + k {
            hi = lo + k;
        } else {
            lo += k;
        }
        n += 1;
    }
    n
}

/// Check that the tree of `from` leaves with `old_root` is a prefix of the tree of `to`
/// leaves with `new_root`.
pub fn verify_consistency(
    from: u64,
    to: u64,
    proof: &[Hash],
    old_root: &Hash,
    new_root: &Hash,
) -> Result<(), ProofError> {
    if from > to {
        return Err(ProofError::SizesOutOfOrder { from, to });
    }
    if from == to || from == 0 {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength {
                expected: 0,
                found: proof.len(),
            });
        }
        if from == to && old_root != new_root {
            return Err(mismatch(old_root, new_root));
        }
        if from == 0 && *old_root != empty_root() {
            return Err(mismatch(old_root, &empty_root()));
        }
        return Ok(());
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if from.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let Some((first, rest)) = path.split_first() else {
        return Err(ProofError::WrongLength {
            expected: 1,
            found: 0,
        });
    };
    let (mut f, mut s) = (from - 1, to - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (*first, *first);
    for c in rest {
        if s == 0 {
            return Err(ProofError::WrongLength {
                expected: proof.len() - 1,
                found: proof.len(),
            });
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    if fr != *old_root {
        return Err(mismatch(&fr, old_root));
    }
    if s != 0 || sr != *new_root {
        return Err(mismatch(&sr, new_root));
    }
    Ok(())
}

/// The complete nodes a set of computations reads, found by running it once with a
/// recording source (every node answered with zeros). A store fetches them in one go.
pub fn nodes_read<T, E>(
    run: impl FnOnce(&mut dyn FnMut(Node) -> Result<Hash, E>) -> T,
) -> Vec<Node> {
    let mut seen = Vec::new();
    let mut record = |n: Node| -> Result<Hash, E> {
        seen.push(n);
        Ok([0; 32])
    };
    let _ = run(&mut record);
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// The right edge of a tree as a stack of complete subtree roots: leaves are pushed one by
/// one in constant memory (about log2(n) hashes) and the root is read at any size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compact {
    size: u64,
    stack: Vec<Hash>,
}

impl Compact {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// Append a leaf by its leaf hash.
    pub fn push(&mut self, leaf: Hash) {
        let mut h = leaf;
        let mut s = self.size;
        while s & 1 == 1 {
            if let Some(left) = self.stack.pop() {
                h = node_hash(&left, &h);
            }
            s >>= 1;
        }
        self.stack.push(h);
        self.size += 1;
    }

    /// The root of the tree of every leaf pushed so far.
    pub fn root(&self) -> Hash {
        let mut it = self.stack.iter().rev();
        let Some(last) = it.next() else {
            return empty_root();
        };
        it.fold(*last, |r, h| node_hash(h, &r))
    }
}

/// A whole tree in memory, every level kept: for tests, small logs and clients.
#[derive(Debug, Clone, Default)]
pub struct MemoryTree {
    levels: Vec<Vec<Hash>>,
}

impl MemoryTree {
    pub fn new() -> Self {
        Self::default()
    }

    /// Append a leaf by its leaf hash.
    pub fn push(&mut self, leaf: Hash) {
        if self.levels.is_empty() {
            self.levels.push(Vec::new());
        }
        self.levels[0].push(leaf);
        let mut level = 0;
        while self.levels[level].len().is_multiple_of(2) {
            let row = &self.levels[level];
            let n = row.len();
            let parent = node_hash(&row[n - 2], &row[n - 1]);
            if self.levels.len() == level + 1 {
                self.levels.push(Vec::new());
            }
            self.levels[level + 1].push(parent);
            level += 1;
        }
    }

    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// A complete node, if the tree has it.
    pub fn node(&self, n: Node) -> Result<Hash, ProofError> {
        usize::try_from(n.index)
            .ok()
            .and_then(|i| self.levels.get(n.level as usize)?.get(i))
            .copied()
            .ok_or(ProofError::MissingNode {
                level: n.level,
                index: n.index,
            })
    }

    pub fn root_at(&self, size: u64) -> Result<Hash, ProofError> {
        if size > self.size() {
            return Err(ProofError::SizeBeyondLog {
                size,
                log: self.size(),
            });
        }
        root(size, |n| self.node(n))
    }

    pub fn inclusion(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        if size > self.size() {
            return Err(ProofError::SizeBeyondLog {
                size,
                log: self.size(),
            });
        }
        inclusion_proof(index, size, |n| self.node(n))
    }

    pub fn consistency(&self, from: u64, to: u64) -> Result<Vec<Hash>, ProofError> {
        if to > self.size() {
            return Err(ProofError::SizeBeyondLog {
                size: to,
                log: self.size(),
            });
        }
        consistency_proof(from, to, |n| self.node(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// MTH straight from the RFC's definition.
    fn mth(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let k = split(n as u64) as usize;
                node_hash(&mth(&leaves[..k]), &mth(&leaves[k..]))
            }
        }
    }

    fn path(m: usize, leaves: &[Hash]) -> Vec<Hash> {
        let n = leaves.len();
        if n <= 1 {
            return vec![];
        }
        let k = split(n as u64) as usize;
        if m < k {
            let mut p = path(m, &leaves[..k]);
            p.push(mth(&leaves[k..]));
            p
        } else {
            let mut p = path(m - k, &leaves[k..]);
            p.push(mth(&leaves[..k]));
            p
        }
    }

    fn subproof(m: usize, leaves: &[Hash], b: bool) -> Vec<Hash> {
        let n = leaves.len();
        if m == n {
            return if b { vec![] } else { vec![mth(leaves)] };
        }
        let k = split(n as u64) as usize;
        if m <= k {
            let mut p = subproof(m, &leaves[..k], b);
            p.push(mth(&leaves[k..]));
            p
        } else {
            let mut p = subproof(m - k, &leaves[k..], false);
            p.push(mth(&leaves[..k]));
            p
        }
    }

    fn leaves(n: usize) -> Vec<Hash> {
        (0..n)
            .map(|i| leaf_hash(&(i as u64).to_be_bytes()))
            .collect()
    }

    #[test]
    fn roots_paths_and_consistency_match_the_rfc_definitions() {
        let all = leaves(70);
        let mut t = MemoryTree::new();
        let mut c = Compact::new();
        assert_eq!(c.root(), mth(&[]));
        for l in &all {
            t.push(*l);
            c.push(*l);
            assert_eq!(c.root(), mth(&all[..c.size() as usize]));
        }
        for size in 0..=70u64 {
            let s = size as usize;
            assert_eq!(t.root_at(size).unwrap(), mth(&all[..s]), "root {size}");
            for i in 0..size {
                let p = t.inclusion(i, size).unwrap();
                assert_eq!(p, path(i as usize, &all[..s]), "path {i} of {size}");
                assert_eq!(p.len(), inclusion_len(i, size));
                verify_inclusion(i, size, &all[i as usize], &p, &mth(&all[..s])).unwrap();
            }
            for from in 1..=size {
                let p = t.consistency(from, size).unwrap();
                let want = if from == size {
                    vec![]
                } else {
                    subproof(from as usize, &all[..s], true)
                };
                assert_eq!(p, want, "consistency {from} {size}");
                verify_consistency(from, size, &p, &mth(&all[..from as usize]), &mth(&all[..s]))
                    .unwrap();
            }
        }
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// The test vectors of Certificate Transparency's reference implementation: eight leaves
    /// and the root of every prefix.
    #[test]
    fn the_certificate_transparency_vectors_give_their_roots() {
        let inputs = [
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f",
        ];
        let roots = [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ];
        let mut t = MemoryTree::new();
        assert_eq!(
            hex(&t.root_at(0).unwrap()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        for (i, input) in inputs.iter().enumerate() {
            t.push(leaf_hash(&unhex(input)));
            assert_eq!(
                hex(&t.root_at(i as u64 + 1).unwrap()),
                roots[i],
                "size {}",
                i + 1
            );
        }
    }

    #[test]
    fn tampered_proofs_are_refused() {
        let all = leaves(13);
        let mut t = MemoryTree::new();
        for l in &all {
            t.push(*l);
        }
        let root = t.root_at(13).unwrap();
        let mut p = t.inclusion(5, 13).unwrap();
        p[1][0] ^= 1;
        assert!(matches!(
            verify_inclusion(5, 13, &all[5], &p, &root),
            Err(ProofError::RootMismatch { .. })
        ));
        let p = t.inclusion(5, 13).unwrap();
        assert!(verify_inclusion(6, 13, &all[5], &p, &root).is_err());
        assert!(verify_inclusion(5, 13, &all[5], &p[1..], &root).is_err());
        assert_eq!(
            t.inclusion(13, 13),
            Err(ProofError::LeafOutOfRange {
                index: 13,
                size: 13
            })
        );
        assert_eq!(
            t.inclusion(1, 14),
            Err(ProofError::SizeBeyondLog { size: 14, log: 13 })
        );
        let c = t.consistency(7, 13).unwrap();
        let old = t.root_at(7).unwrap();
        assert!(verify_consistency(7, 13, &c, &old, &root).is_ok());
        assert!(verify_consistency(6, 13, &c, &old, &root).is_err());
        assert!(verify_consistency(7, 13, &c, &root, &root).is_err());
        assert_eq!(
            t.consistency(9, 8),
            Err(ProofError::SizesOutOfOrder { from: 9, to: 8 })
        );
    }

    #[test]
    fn a_recording_run_names_the_nodes_a_proof_reads() {
        let nodes = nodes_read(|node| inclusion_proof::<ProofError>(5, 13, node));
        // Siblings 4, 6-7, 0-3 and the right edge 8-11 and 12.
        assert_eq!(
            nodes,
            vec![
                Node { level: 0, index: 4 },
                Node {
                    level: 0,
                    index: 12
                },
                Node { level: 1, index: 3 },
                Node { level: 2, index: 0 },
                Node { level: 2, index: 2 },
            ]
        );
    }
}
