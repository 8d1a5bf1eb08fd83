-- Custom ticket forms: the questions that a project's new-ticket page asks, and the answers that
-- each ticket was filed with.

-- A form asks for the ticket title and description under its own wording, then up to 9 questions.
CREATE TABLE ticket_forms (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT    NOT NULL,
  title_question       TEXT    NOT NULL,
  description_question TEXT    NOT NULL,
  -- 1 for the one form that projects without a form of their own use.
  is_default           INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_by           INTEGER NOT NULL REFERENCES users (id),
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER,
  -- Incremented by every edit, so that a page loaded before the edit is rejected.
  version              INTEGER NOT NULL DEFAULT 0
);
-- At most one default form.
CREATE UNIQUE INDEX ticket_forms_one_default ON ticket_forms (is_default) WHERE is_default = 1;
-- The forms list is sorted by name.
CREATE INDEX ticket_forms_name ON ticket_forms (name COLLATE NOCASE, id);

-- The questions of a form after the title and description, numbered 1 to 9 without gaps.
CREATE TABLE ticket_form_fields (
  form_id  INTEGER NOT NULL REFERENCES ticket_forms (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 9),
  question TEXT    NOT NULL,
  type     TEXT    NOT NULL CHECK (type IN ('short_text', 'long_text', 'number', 'checkbox', 'yes_no', 'true_false',
             'email', 'scale', 'submitter_address', 'satisfaction', 'date', 'client', 'own_items', 'phone', 'file',
             'article', 'own_tasks', 'priority', 'user', 'assignee')),
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  PRIMARY KEY (form_id, position)
);

-- The form that a project's new tickets use: at most one per project, and a form may serve many.
CREATE TABLE product_forms (
  product_id INTEGER PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  form_id    INTEGER NOT NULL REFERENCES ticket_forms (id) ON DELETE CASCADE
);
-- The forms list counts each form's projects, and a form's page lists them.
CREATE INDEX product_forms_form ON product_forms (form_id, product_id);

-- The answers a ticket was filed with. The question and type are copied, so that later edits of
-- the form never change what an old ticket shows.
-- TODO: index the answers for full-text search, as tickets_fts indexes titles and descriptions.
CREATE TABLE ticket_answers (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  question  TEXT    NOT NULL,
  type      TEXT    NOT NULL,
  value     TEXT    NOT NULL,
  PRIMARY KEY (ticket_id, position)
);
