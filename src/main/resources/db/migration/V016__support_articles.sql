-- Support articles (the knowledge base): Markdown text for one project or, with a NULL
-- product_id, for all projects. Drafts (published = 0) are visible from level 4 only.
CREATE TABLE articles (
  id         INTEGER PRIMARY KEY,
  -- An article of one project goes with it; no route deletes projects yet.
  product_id INTEGER REFERENCES products (id) ON DELETE CASCADE,
  title      TEXT    NOT NULL,
  body       TEXT    NOT NULL DEFAULT '',
  published  INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER,
  -- Incremented by every save, so that an edit form loaded before another user's save is rejected.
  version    INTEGER NOT NULL DEFAULT 0
);
-- The list is sorted by title; each filter (published only, one project) has its own index.
CREATE INDEX articles_title ON articles (title COLLATE NOCASE, id);
CREATE INDEX articles_published_title ON articles (published, title COLLATE NOCASE, id);
CREATE INDEX articles_product_title ON articles (product_id, published, title COLLATE NOCASE, id);

CREATE TABLE article_tickets (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  linked_by  INTEGER NOT NULL REFERENCES users (id),
  linked_at  INTEGER NOT NULL,
  PRIMARY KEY (article_id, ticket_id)
);
CREATE INDEX article_tickets_ticket ON article_tickets (ticket_id, article_id);

CREATE TABLE article_favourites (
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, article_id)
);
CREATE INDEX article_favourites_article ON article_favourites (article_id, user_id);

-- Full-text index over titles and bodies, kept in step with the articles table by the triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
