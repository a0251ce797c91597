-- The pools of assemblies drawn by lot as a read table: each volunteer the journal registers
-- (its hash, and its JSON exactly as the entry holds it), numbered as the journal numbers
-- them. Derived data, written in the transaction of the entry that registers the volunteer
-- (and, when this migration runs on an older database, from the journal's entries), so the
-- state need not hold a pool of hundreds of thousands in memory. The state keeps a digest of
-- the pool in order, against which what is read here is checked before a draw.
CREATE TABLE pool_volunteers (
    organ TEXT NOT NULL,
    number BIGINT NOT NULL,
    hash TEXT NOT NULL,
    volunteer TEXT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (organ, number),
    UNIQUE (organ, hash)
);
