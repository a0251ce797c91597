-- How to reach the volunteers of an assembly drawn by lot: personal data, so never in the
-- journal. The journal holds each volunteer's features and hash = SHA-256(salt "\n" name
-- "\n" email); this table keeps the name, address and salt for the secretariat, written in
-- the same transaction as the journal entry that numbers the volunteer. One address
-- volunteers once per assembly.
CREATE TABLE volunteer_contacts (
    organ TEXT NOT NULL,
    number BIGINT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (organ, number),
    UNIQUE (organ, email)
);
