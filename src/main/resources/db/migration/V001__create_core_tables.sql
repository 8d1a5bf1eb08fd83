-- Core help-desk schema. Times are epoch milliseconds (UTC); a NULL updated_at means "never edited".

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL COLLATE NOCASE UNIQUE,
  -- NULL for accounts that never sign in with a local password: built-in actors, and the
  -- administrator, whose hash lives in nodepoint.cfg.
  password_hash TEXT,
  email         TEXT    NOT NULL DEFAULT '',
  level         INTEGER NOT NULL CHECK (level BETWEEN 0 AND 6),
  kind          TEXT    NOT NULL DEFAULT 'local' CHECK (kind IN ('local', 'admin', 'builtin')),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    INTEGER NOT NULL,
  last_login_at INTEGER
);
CREATE INDEX users_level ON users (level, id);

-- Actors that appear as authors but can never sign in.
INSERT INTO users (name, level, kind, created_at) VALUES
  ('api', 0, 'builtin', 0),
  ('guest', 0, 'builtin', 0),
  ('system', 0, 'builtin', 0);

CREATE TABLE sessions (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT    NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  -- The name as compared (NFKC form, runs of spaces as one, lower case), which makes names that
  -- look the same unique in every alphabet; SQLite's NOCASE folds only ASCII letters.
  name_key    TEXT    NOT NULL,
  model       TEXT    NOT NULL DEFAULT '',
  description TEXT    NOT NULL DEFAULT '',
  visibility  TEXT    NOT NULL DEFAULT 'Public'
              CHECK (visibility IN ('Public', 'Private', 'Restricted', 'Archived')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER
);
CREATE UNIQUE INDEX products_name_key ON products (name_key);

CREATE TABLE releases (
  id         INTEGER PRIMARY KEY,
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  version    TEXT    NOT NULL,
  notes      TEXT    NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  UNIQUE (product_id, version)
);

CREATE TABLE tickets (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products (id),
  -- Release version text, as NodePoint 1.x stores it; the API accepts versions not yet released.
  release     TEXT    NOT NULL DEFAULT '',
  created_by  INTEGER NOT NULL REFERENCES users (id),
  title       TEXT    NOT NULL,
  description TEXT    NOT NULL,
  -- 0 Low, 1 Normal, 2 High: an integer so that sorting by priority can use an index.
  priority    INTEGER NOT NULL DEFAULT 1 CHECK (priority BETWEEN 0 AND 2),
  status      TEXT    NOT NULL DEFAULT 'New'
              CHECK (status IN ('New', 'Open', 'Invalid', 'Hold', 'Duplicate', 'Resolved', 'Closed')),
  resolution  TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER,
  -- Incremented by every update, so that a form loaded before another user's change is rejected.
  version     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_status ON tickets (status, id);
CREATE INDEX tickets_product_status ON tickets (product_id, status, id);
CREATE INDEX tickets_priority ON tickets (priority, id);
CREATE INDEX tickets_created_by ON tickets (created_by, id);
CREATE INDEX tickets_updated ON tickets (updated_at, id);

CREATE TABLE ticket_assignees (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX ticket_assignees_user ON ticket_assignees (user_id, ticket_id);

CREATE TABLE ticket_followers (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users (id),
  PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX ticket_followers_user ON ticket_followers (user_id, ticket_id);

CREATE TABLE comments (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  body       TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER
);
CREATE INDEX comments_ticket ON comments (ticket_id, id);

-- One row per edit of a ticket, with one ticket_change_fields row per field it changed.
CREATE TABLE ticket_changes (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  note       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ticket_changes_ticket ON ticket_changes (ticket_id, id);

CREATE TABLE ticket_change_fields (
  change_id INTEGER NOT NULL REFERENCES ticket_changes (id) ON DELETE CASCADE,
  field     TEXT    NOT NULL,
  old_value TEXT    NOT NULL,
  new_value TEXT    NOT NULL,
  PRIMARY KEY (change_id, field)
);

-- Time spent on a ticket, in whole minutes; corrections are negative entries.
CREATE TABLE time_entries (
  id         INTEGER PRIMARY KEY,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  minutes    INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX time_entries_ticket ON time_entries (ticket_id, id);
CREATE INDEX time_entries_user ON time_entries (user_id, id);

-- Full-text indexes over ticket text and comments, kept in step by the triggers below.
CREATE VIRTUAL TABLE tickets_fts USING fts5 (
  title, description,
  content = 'tickets', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO tickets_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
  INSERT INTO tickets_fts (tickets_fts, rowid, title, description)
  VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description ON tickets BEGIN
  INSERT INTO tickets_fts (tickets_fts, rowid, title, description)
  VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO tickets_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

CREATE VIRTUAL TABLE comments_fts USING fts5 (
  body,
  content = 'comments', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN
  INSERT INTO comments_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER comments_fts_update AFTER UPDATE OF body ON comments BEGIN
  INSERT INTO comments_fts (comments_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO comments_fts (rowid, body) VALUES (new.id, new.body);
END;

-- Each list filter (product, status) combined with each sort order (priority, last update) has an
-- index, so that a page is read in index order instead of sorting every matching ticket.
CREATE INDEX tickets_status_priority ON tickets (status, priority, id);
CREATE INDEX tickets_status_updated ON tickets (status, updated_at, id);
CREATE INDEX tickets_product_priority ON tickets (product_id, priority, id);
CREATE INDEX tickets_product_updated ON tickets (product_id, updated_at, id);
