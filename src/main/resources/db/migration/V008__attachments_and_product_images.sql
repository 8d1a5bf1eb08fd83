-- Uploaded files. Each file lives in the upload folder under stored_name, a random UUID that the
-- server chose. original_name is the client's name for it, kept only to show it and to offer it
-- on download. content_type is what the file's leading bytes show, or application/octet-stream.

CREATE TABLE attachments (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  -- NULL for a file of the ticket itself, such as the value of a custom form's file field.
  comment_id    INTEGER REFERENCES comments (id) ON DELETE CASCADE,
  original_name TEXT    NOT NULL,
  stored_name   TEXT    NOT NULL UNIQUE,
  size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
  content_type  TEXT    NOT NULL,
  sha256        TEXT    NOT NULL,
  uploaded_by   INTEGER NOT NULL REFERENCES users (id),
  created_at    INTEGER NOT NULL
);
-- TODO: ON DELETE CASCADE removes the rows only. A sweep that deletes files of the upload folder
-- that no row names would also remove those of a crash between the rename and the commit.
CREATE INDEX attachments_ticket ON attachments (ticket_id, comment_id, id);
-- Lets a deleted comment find its attachments without a scan.
CREATE INDEX attachments_comment ON attachments (comment_id);

-- At most one image per product, PNG, JPEG or GIF as its leading bytes show.
CREATE TABLE product_images (
  product_id   INTEGER PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  stored_name  TEXT    NOT NULL UNIQUE,
  size_bytes   INTEGER NOT NULL CHECK (size_bytes >= 0),
  content_type TEXT    NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/gif')),
  sha256       TEXT    NOT NULL,
  uploaded_by  INTEGER NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL
);
