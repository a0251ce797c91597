-- The journal's words, for searching it: each entry's terms (the words of its payload's
-- texts, its kind and its actor, folded by comity_matching::words) under its sequence
-- number. On SQLite a contentless FTS5 table (rowid = seq), on PostgreSQL a tsvector with a
-- GIN index. Written after the entries, by `Store::index_journal`, up to the sequence number
-- kept in `journal_search_state`; derived from the journal, so never backed up.
{{JOURNAL_SEARCH}}
CREATE TABLE journal_search_state (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO journal_search_state (id, seq) VALUES (1, 0);
