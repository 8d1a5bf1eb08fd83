-- Time entries in hundredths of an hour instead of whole minutes, so that hours typed with two
-- decimals (0.1, 0.25, 1.5) are stored and summed exactly.
--
-- Existing rows convert as minutes * 100 / 60, rounded half up to a whole hundredth (away from
-- zero for negative corrections). No value lies exactly halfway, because minutes * 100 / 60 equals
-- minutes * 5 / 3, which is a whole number or one or two thirds past one. The integer expression
-- below is that rounding: (5 * minutes + 1) / 3, with SQLite's integer division truncating.
-- For example 90 minutes become 150 (1.5 hours) and 1 minute becomes 2 (0.02 hours).
CREATE TABLE time_entries_exact (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  -- Hours times 100. Negative entries correct earlier ones.
  hundredths INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO time_entries_exact (id, ticket_id, user_id, hundredths, created_at)
  SELECT id, ticket_id, user_id,
         CASE WHEN minutes >= 0 THEN (5 * minutes + 1) / 3 ELSE -((1 - 5 * minutes) / 3) END,
         created_at
  FROM time_entries;
DROP TABLE time_entries;
ALTER TABLE time_entries_exact RENAME TO time_entries;
CREATE INDEX time_entries_ticket ON time_entries (ticket_id, id);
CREATE INDEX time_entries_user ON time_entries (user_id, id);

-- Single-use tokens of the forms that file a ticket, add a comment or update a ticket. The request
-- that stores the record adds its token's row in the same transaction, and a later request with
-- the same token finds the row and gets the stored record instead of storing another. Only the
-- SHA-256 hash of a token is kept. Rows are deleted once their token has expired.
CREATE TABLE form_submissions (
  id         INTEGER PRIMARY KEY,
  token_hash TEXT    NOT NULL UNIQUE,
  -- The id of the ticket, comment or ticket change that the first request stored.
  record_id  INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX form_submissions_created ON form_submissions (created_at);
