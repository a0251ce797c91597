-- The journal: one row per act, hash-chained. `payload` keeps the canonical JSON text
-- byte for byte (TEXT, not JSONB, which would re-encode it).
CREATE TABLE journal (
    seq {{SEQ_TYPE}} PRIMARY KEY,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX journal_kind ON journal (kind, seq);
