-- Shoutbox messages. Deleting one sets deleted_at and deleted_by, so the home page hides it while
-- the full history stays available for reports.
CREATE TABLE shouts (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  message    TEXT    NOT NULL,
  created_at INTEGER NOT NULL,
  deleted_at INTEGER,
  deleted_by INTEGER REFERENCES users (id)
);
-- The home page reads the newest visible messages.
CREATE INDEX shouts_visible ON shouts (id) WHERE deleted_at IS NULL;
-- The posting limit counts one user's recent messages.
CREATE INDEX shouts_user_created ON shouts (user_id, created_at);

-- Files shared through the Files page. Each file lives in the upload folder under stored_name, a
-- random UUID that the server chose. token_hash is the hex SHA-256 of the download link's token:
-- the token itself is never stored. Deleting a file sets deleted_at, removes the stored file and
-- so ends its link, while the row keeps the download log readable.
CREATE TABLE shared_files (
  id            INTEGER PRIMARY KEY,
  token_hash    TEXT    NOT NULL UNIQUE,
  stored_name   TEXT    NOT NULL UNIQUE,
  original_name TEXT    NOT NULL,
  size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
  sha256        TEXT    NOT NULL,
  uploaded_by   INTEGER NOT NULL REFERENCES users (id),
  uploaded_at   INTEGER NOT NULL,
  deleted_at    INTEGER,
  deleted_by    INTEGER REFERENCES users (id)
);
-- The Files page lists the files that are not deleted, newest first.
CREATE INDEX shared_files_listed ON shared_files (id) WHERE deleted_at IS NULL;

-- One row per download of a shared file. user_id is NULL for a client that was not signed in.
CREATE TABLE file_downloads (
  id            INTEGER PRIMARY KEY,
  file_id       INTEGER NOT NULL REFERENCES shared_files (id),
  address       TEXT    NOT NULL,
  user_id       INTEGER REFERENCES users (id),
  downloaded_at INTEGER NOT NULL
);
CREATE INDEX file_downloads_file ON file_downloads (file_id);

-- Home page panels that a user chose to hide, such as the getting-started panel.
CREATE TABLE hidden_home_panels (
  user_id   INTEGER NOT NULL REFERENCES users (id),
  panel     TEXT    NOT NULL,
  hidden_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, panel)
) WITHOUT ROWID;
