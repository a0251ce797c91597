-- Sign-in attempts, kept to slow down guessing (per account and per address) and to tell
-- an account's owner what was tried since their last sign-in; pruned after 30 days.
-- Times are RFC 3339 UTC text, which sorts as time.
CREATE TABLE login_attempts (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL,
    ok INTEGER NOT NULL
);
CREATE INDEX login_attempts_by_username ON login_attempts (username, at);
CREATE INDEX login_attempts_by_address ON login_attempts (address, at);
-- API tokens may expire (NULL: never) and say when they were last used.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
-- Who granted or removed which role, when: outside the public journal, like the accounts.
CREATE TABLE role_changes (
    username TEXT NOT NULL,
    role TEXT NOT NULL,
    change TEXT NOT NULL,
    by_whom TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX role_changes_by_username ON role_changes (username, at);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
