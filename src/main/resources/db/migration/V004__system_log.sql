-- The administrator's system log: security and operational events, newest first.
CREATE TABLE system_log (
  id         INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  category   TEXT    NOT NULL,
  actor      TEXT    NOT NULL DEFAULT '',
  message    TEXT    NOT NULL
);
CREATE INDEX system_log_category ON system_log (category, id);
CREATE INDEX system_log_created ON system_log (created_at);

-- Trigram index so that the page's text filter finds any part of a word without a full scan.
CREATE VIRTUAL TABLE system_log_fts USING fts5 (
  actor, message,
  content = 'system_log', content_rowid = 'id',
  tokenize = 'trigram'
);
CREATE TRIGGER system_log_fts_insert AFTER INSERT ON system_log BEGIN
  INSERT INTO system_log_fts (rowid, actor, message) VALUES (new.id, new.actor, new.message);
END;
CREATE TRIGGER system_log_fts_delete AFTER DELETE ON system_log BEGIN
  INSERT INTO system_log_fts (system_log_fts, rowid, actor, message) VALUES ('delete', old.id, old.actor, old.message);
END;
