-- Single-use codes that NodePoint mails to account holders: e-mail confirmation and password
-- reset. Only the SHA-256 hash of a code is stored, so a copy of the database confirms no address
-- and resets no password. Rows stay 30 days past their expiry, so that a late code is reported
-- as expired or used rather than unknown.
CREATE TABLE account_tokens (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose    TEXT    NOT NULL CHECK (purpose IN ('confirm_email', 'reset_password')),
  -- The address that a confirmation code confirms; '' for a password reset.
  email      TEXT    NOT NULL DEFAULT '',
  token_hash TEXT    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER,
  -- Set when a newer code, an address change or a completed reset made this code invalid.
  revoked_at INTEGER
);
-- Counting a user's recent reset mails, and revoking a user's codes.
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose, created_at);
-- Deleting old codes.
CREATE INDEX account_tokens_expires ON account_tokens (expires_at);

-- The lost password form finds accounts by e-mail address, without regard to case.
CREATE INDEX users_email ON users (email COLLATE NOCASE);
