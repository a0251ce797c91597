-- Roll calls of the UN General Assembly imported after the shipped record (sessions 1–74):
-- their roll calls, issues and votes, numbered by import and by row in the import's
-- canonical order. Written in the transaction of the `votes_imported` entry that records the
-- import's file SHA-256, its counts and the SHA-256 of these rows' canonical text, against
-- which `comity replay` checks them. An import adds; it never changes what the record holds
-- (the UNIQUE constraints refuse a roll call or a vote twice).
CREATE TABLE unga_roll_calls (
    import_no BIGINT NOT NULL,
    n BIGINT NOT NULL,
    rcid BIGINT NOT NULL UNIQUE,
    session BIGINT NOT NULL,
    importantvote TEXT NOT NULL,
    date TEXT NOT NULL,
    unres TEXT NOT NULL,
    amend BIGINT NOT NULL,
    para BIGINT NOT NULL,
    short TEXT NOT NULL,
    descr TEXT NOT NULL,
    PRIMARY KEY (import_no, n)
);
CREATE TABLE unga_roll_call_issues (
    import_no BIGINT NOT NULL,
    n BIGINT NOT NULL,
    rcid BIGINT NOT NULL,
    short_name TEXT NOT NULL,
    PRIMARY KEY (import_no, n)
);
CREATE TABLE unga_votes (
    import_no BIGINT NOT NULL,
    n BIGINT NOT NULL,
    rcid BIGINT NOT NULL,
    state TEXT NOT NULL,
    vote TEXT NOT NULL,
    PRIMARY KEY (import_no, n),
    UNIQUE (rcid, state)
);
