-- Confidential submissions to consultations: the journal's `submission_received` entry
-- records the respondent's kind and country and the SHA-256 of the content; the content
-- (the JSON of the respondent and the answers, whose SHA-256 that is) is kept here, written
-- in the same transaction, for the secretariat that writes the synthesis.
CREATE TABLE consultation_confidential (
    consultation BIGINT NOT NULL,
    submission BIGINT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (consultation, submission)
);
