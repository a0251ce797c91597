-- Projection snapshots: the state folded up to a head (seq + hash), so that start-up folds
-- only the entries after it instead of the whole journal. Derived data: emptying this table
-- loses nothing but time. One row per encoding (`format` names the encoding and the version
-- of the state's shape, so a comity that folds differently never reads another's snapshot).
-- A snapshot is trusted only while the journal's entry at `seq` has `hash`.
CREATE TABLE projection_snapshot (
    format TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    body TEXT NOT NULL
);
