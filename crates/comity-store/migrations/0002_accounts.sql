-- Accounts, sessions and API tokens. They are not acts of the institution, and they hold
-- secrets and personal data, so they live beside the public journal, never in it. Session
-- and API tokens are stored only as their SHA-256 hashes.
CREATE TABLE accounts (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES accounts (username),
    csrf TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES accounts (username),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
