-- The ballot box of secret elections: one counter per distinct ranking, no voter, no time,
-- no row per ballot, so the box keeps no trace of who cast which ballot or in what order.
-- The journal records who voted; the close publishes these counts.
CREATE TABLE ballot_box (
    election BIGINT NOT NULL,
    ranking TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (election, ranking)
);
