-- Statements of support for citizens' initiatives: one row per signature, with nothing
-- personal in the clear. `id_key` is the HMAC-SHA256 of the member and the ID number under
-- the institution's secret (NULL where the member asks for none), `person_key` that of the
-- folded name, birth date and postcode. Written in the transaction of the
-- `signatures_recorded` entry that records the batch's counts per member and the SHA-256 of
-- these rows; `invalidation` is the number of the `signatures_invalidated` entry that struck
-- the row (0: valid), set and cleared in the transactions of those entries.
CREATE TABLE initiative_signatures (
    initiative BIGINT NOT NULL,
    batch BIGINT NOT NULL,
    n BIGINT NOT NULL,
    state TEXT NOT NULL,
    id_key {{BYTES}},
    person_key {{BYTES}} NOT NULL,
    invalidation BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (initiative, batch, n)
);
-- One signature per member and ID number: a second is refused, counted nowhere.
CREATE UNIQUE INDEX initiative_signatures_id ON initiative_signatures (initiative, state, id_key);
CREATE INDEX initiative_signatures_person ON initiative_signatures (initiative, person_key);
-- The secret the keys are computed under: 32 random bytes, one row, never replaced (a new
-- secret would let the same person sign again).
CREATE TABLE initiative_secret (
    id BIGINT PRIMARY KEY,
    secret {{BYTES}} NOT NULL
);
