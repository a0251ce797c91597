-- The journal as a transparency log (RFC 6962, C2SP tlog-tiles, tlog-checkpoint).
-- Tiles: the Merkle tree over the entries' chain hashes, kept as tiles of height 8: the tile
-- (level, idx) holds up to 256 consecutive complete nodes of tree level 8·level, 32 bytes
-- each. Derived from the journal (each leaf is an entry's hash) and written in the same
-- transaction as the entries, so start-up never rebuilds the tree.
CREATE TABLE tlog_tile (
    level BIGINT NOT NULL,
    idx BIGINT NOT NULL,
    hashes {{BYTES}} NOT NULL,
    PRIMARY KEY (level, idx)
);
-- The institution's log key: its origin (the name its checkpoints carry) and the Ed25519
-- seed, hex. One row; never replaced (a new key would be a new log).
CREATE TABLE tlog_key (
    id BIGINT PRIMARY KEY,
    origin TEXT NOT NULL,
    seed TEXT NOT NULL
);
-- Every signed checkpoint, one per append batch: the note text exactly as served.
CREATE TABLE tlog_checkpoint (
    size BIGINT PRIMARY KEY,
    note TEXT NOT NULL
);
-- The witnesses whose cosignatures the log accepts, by verifier key (type 0x04).
CREATE TABLE tlog_witness (
    name TEXT PRIMARY KEY,
    vkey TEXT NOT NULL
);
-- Cosignatures received: the signature line of a witness on the checkpoint of `size`.
CREATE TABLE tlog_cosignature (
    size BIGINT NOT NULL,
    witness TEXT NOT NULL,
    time BIGINT NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (size, witness)
);
