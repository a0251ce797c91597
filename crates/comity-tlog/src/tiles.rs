//! The tree kept as C2SP `tlog-tiles`: tiles of height 8, so a tile at level `L` holds up
//! to 256 consecutive complete nodes of tree level `8·L`, and every other complete node is
//! folded from at most 128 hashes of one tile. A log of `n` leaves is `n/256 + n/65536 + …`
//! tiles; appending rewrites only the right edge; a proof reads a handful of tiles.

use std::collections::HashMap;

use crate::merkle::{Hash, Node, ProofError, node_hash};

/// Tile height: 2^8 = 256 hashes a full tile.
pub const HEIGHT: u32 = 8;
/// Hashes in a full tile.
pub const WIDTH: usize = 1 << HEIGHT;

/// Which tile: level and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileId {
    pub level: u32,
    pub index: u64,
}

/// A tile and its hashes (fewer than 256 for the right edge's partial tile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tile {
    pub id: TileId,
    pub hashes: Vec<Hash>,
}

impl Tile {
    /// The tile's bytes as served: its hashes one after the other.
    pub fn bytes(&self) -> Vec<u8> {
        self.hashes.concat()
    }
}

/// The tiles' path component for an index: groups of three digits, all but the last
/// prefixed with `x` (`1234067` → `x001/x234/067`).
pub fn index_path(mut n: u64) -> String {
    let mut groups = vec![format!("{:03}", n % 1000)];
    n /= 1000;
    while n > 0 {
        groups.push(format!("x{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join("/")
}

/// `tile/<L>/<N>[.p/<W>]` for a tile of `width` hashes (`entries` for the entry bundles).
pub fn tile_path(level: Option<u32>, index: u64, width: usize) -> String {
    let l = level.map_or_else(|| "entries".to_string(), |l| l.to_string());
    let partial = if width < WIDTH {
        format!(".p/{width}")
    } else {
        String::new()
    };
    format!("tile/{l}/{}{partial}", index_path(index))
}

/// Read a tile path back: `(level or None for entries, index, width)`.
pub fn parse_tile_path(path: &str) -> Option<(Option<u32>, u64, usize)> {
    let rest = path.strip_prefix("tile/")?;
    let (level, rest) = rest.split_once('/')?;
    let level = match level {
        "entries" => None,
        l if !l.is_empty()
            && l.len() <= 2
            && l.bytes().all(|b| b.is_ascii_digit())
            && (l == "0" || !l.starts_with('0')) =>
        {
            let level: u32 = l.parse().ok()?;
            (level <= 63).then_some(level)?;
            Some(level)
        }
        _ => return None,
    };
    let (index, width) = match rest.split_once(".p/") {
        Some((i, w)) => {
            if w.is_empty() || w.starts_with('0') || !w.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let w: usize = w.parse().ok()?;
            if w == 0 || w >= WIDTH {
                return None;
            }
            (i, w)
        }
        None => (rest, WIDTH),
    };
    let groups: Vec<&str> = index.split('/').collect();
    let mut n: u64 = 0;
    for (i, g) in groups.iter().enumerate() {
        let digits = if i + 1 < groups.len() {
            g.strip_prefix('x')?
        } else {
            g
        };
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n = n
            .checked_mul(1000)?
            .checked_add(digits.parse::<u64>().ok()?)?;
    }
    (index_path(n) == index).then_some((level, n, width))
}

/// The tile that holds node `n`'s hashes, the offset of its first, and how many it folds.
pub fn locate(n: Node) -> (TileId, usize, usize) {
    let level = n.level / HEIGHT;
    let sub = n.level % HEIGHT;
    let base = n.index << sub;
    (
        TileId {
            level,
            index: base >> HEIGHT,
        },
        (base & (WIDTH as u64 - 1)) as usize,
        1 << sub,
    )
}

/// Fold `2^k` consecutive hashes of one level into their common ancestor.
pub fn fold(hashes: &[Hash]) -> Hash {
    if hashes.len() == 1 {
        return hashes[0];
    }
    let mut row: Vec<Hash> = hashes.chunks(2).map(|p| node_hash(&p[0], &p[1])).collect();
    while row.len() > 1 {
        row = row.chunks(2).map(|p| node_hash(&p[0], &p[1])).collect();
    }
    row[0]
}

/// A complete node read from tiles at hand.
pub fn node_in(tiles: &HashMap<TileId, Vec<Hash>>, n: Node) -> Result<Hash, ProofError> {
    let (id, offset, count) = locate(n);
    let missing = ProofError::MissingNode {
        level: n.level,
        index: n.index,
    };
    let hashes = tiles.get(&id).ok_or(missing.clone())?;
    let part = hashes.get(offset..offset + count).ok_or(missing)?;
    Ok(fold(part))
}

/// The tiles that hold a set of nodes.
pub fn tiles_of(nodes: &[Node]) -> Vec<TileId> {
    let mut ids: Vec<TileId> = nodes.iter().map(|n| locate(*n).0).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The right edge of the tiled tree: its size and, per tile level, the hashes of the last
/// tile not yet full. Appending leaves to it gives the tiles that changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Edge {
    pub size: u64,
    /// `partial[L]` has `(size >> 8L) % 256` hashes.
    pub partial: Vec<Vec<Hash>>,
}

/// The right edge that a store handed back does not fit its size.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the stored tile {level}/{index} has {found} hashes where a tree of {size} leaves has {expected}"
)]
pub struct EdgeError {
    pub level: u32,
    pub index: u64,
    pub found: usize,
    pub expected: usize,
    pub size: u64,
}

impl Edge {
    /// The partial tiles a tree of `size` leaves has on its right edge (their ids and widths):
    /// what a store reads to rebuild the edge.
    pub fn ids(size: u64) -> Vec<(TileId, usize)> {
        let mut out = Vec::new();
        let mut level = 0;
        loop {
            let count = size.checked_shr(HEIGHT * level).unwrap_or(0);
            if count == 0 {
                break;
            }
            out.push((
                TileId {
                    level,
                    index: count >> HEIGHT,
                },
                (count % WIDTH as u64) as usize,
            ));
            level += 1;
        }
        out
    }

    /// The edge of a tree of `size` leaves from the partial tiles a store holds.
    pub fn from_tiles(size: u64, tiles: &HashMap<TileId, Vec<Hash>>) -> Result<Self, EdgeError> {
        let mut partial = Vec::new();
        for (id, width) in Self::ids(size) {
            let hashes = if width == 0 {
                Vec::new()
            } else {
                let got = tiles.get(&id).map(|h| h.as_slice()).unwrap_or_default();
                if got.len() < width {
                    return Err(EdgeError {
                        level: id.level,
                        index: id.index,
                        found: got.len(),
                        expected: width,
                        size,
                    });
                }
                got[..width].to_vec()
            };
            partial.push(hashes);
        }
        Ok(Self { size, partial })
    }

    /// Append leaf hashes; returns every tile whose contents changed (full contents).
    pub fn extend(&mut self, leaves: &[Hash]) -> Vec<Tile> {
        let mut changed = Vec::new();
        let mut fresh: Vec<Hash> = leaves.to_vec();
        let mut level = 0u32;
        while !fresh.is_empty() {
            let start = self.size.checked_shr(HEIGHT * level).unwrap_or(0);
            if self.partial.len() <= level as usize {
                self.partial.push(Vec::new());
            }
            let mut buffer = std::mem::take(&mut self.partial[level as usize]);
            buffer.extend_from_slice(&fresh);
            let first_tile = start >> HEIGHT;
            let mut parents = Vec::new();
            let mut chunks = buffer.chunks(WIDTH).enumerate().peekable();
            while let Some((j, chunk)) = chunks.next() {
                let id = TileId {
                    level,
                    index: first_tile + j as u64,
                };
                changed.push(Tile {
                    id,
                    hashes: chunk.to_vec(),
                });
                if chunk.len() == WIDTH {
                    parents.push(fold(chunk));
                } else if chunks.peek().is_none() {
                    self.partial[level as usize] = chunk.to_vec();
                }
            }
            fresh = parents;
            level += 1;
        }
        self.size += leaves.len() as u64;
        changed
    }

    /// The root of the tree this edge ends, from its partial tiles alone.
    pub fn root(&self) -> Result<Hash, ProofError> {
        let tiles: HashMap<TileId, Vec<Hash>> = Self::ids(self.size)
            .into_iter()
            .zip(&self.partial)
            .map(|((id, _), h)| (id, h.clone()))
            .collect();
        // Every node of the root's fold lies in a right-edge partial tile.
        crate::merkle::root(self.size, |n| node_in(&tiles, n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::{MemoryTree, consistency_proof, inclusion_proof, leaf_hash, nodes_read};

    #[test]
    fn paths_are_written_and_read_as_the_spec_shows() {
        assert_eq!(index_path(1234067), "x001/x234/067");
        assert_eq!(index_path(0), "000");
        assert_eq!(index_path(1000), "x001/000");
        assert_eq!(tile_path(Some(0), 1234067, 256), "tile/0/x001/x234/067");
        assert_eq!(tile_path(Some(1), 3, 17), "tile/1/003.p/17");
        assert_eq!(tile_path(None, 5, 256), "tile/entries/005");
        assert_eq!(
            parse_tile_path("tile/0/x001/x234/067"),
            Some((Some(0), 1234067, 256))
        );
        assert_eq!(
            parse_tile_path("tile/entries/003.p/17"),
            Some((None, 3, 17))
        );
        for bad in [
            "tile/0/1234",
            "tile/0/x001",
            "tile/0/001.p/0",
            "tile/0/001.p/256",
            "tile/0/001.p/07",
            "tile/x/001",
            "tile/0/x000/001",
            "tile/00/001",
            "tile/64/001",
            "tile/0/../001",
        ] {
            assert_eq!(parse_tile_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn tiles_grown_in_batches_give_the_trees_nodes() {
        let n = 70_000u64;
        let leaves: Vec<Hash> = (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        let mut mem = MemoryTree::new();
        let mut edge = Edge::default();
        let mut store: HashMap<TileId, Vec<Hash>> = HashMap::new();
        let mut at = 0usize;
        for batch in [1usize, 255, 1, 300, 65_000, 4_443] {
            for l in &leaves[at..at + batch] {
                mem.push(*l);
            }
            for t in edge.extend(&leaves[at..at + batch]) {
                store.insert(t.id, t.hashes);
            }
            at += batch;
            assert_eq!(
                edge.root().unwrap(),
                mem.root_at(at as u64).unwrap(),
                "root at {at}"
            );
            // The edge rebuilt from the store is the same edge.
            let again = Edge::from_tiles(at as u64, &store).unwrap();
            assert_eq!(again, edge);
        }
        assert_eq!(at as u64, n);
        for (i, size) in [(0u64, n), (65_535, 65_537), (69_999, n), (12_345, 66_000)] {
            let nodes = nodes_read(|f| inclusion_proof::<ProofError>(i, size, f));
            assert!(tiles_of(&nodes).len() <= 6);
            let p = inclusion_proof(i, size, |x| node_in(&store, x)).unwrap();
            assert_eq!(p, mem.inclusion(i, size).unwrap());
        }
        let c = consistency_proof(1000, 69_001, |x| node_in(&store, x)).unwrap();
        assert_eq!(c, mem.consistency(1000, 69_001).unwrap());
    }
}
