-- Tasks of a project: a description, one assignee, a due day and a completion in steps of 10 %.
CREATE TABLE tasks (
  id           INTEGER PRIMARY KEY,
  product_id   INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  description  TEXT    NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  assignee_id  INTEGER NOT NULL REFERENCES users (id),
  -- The last day (yyyy-mm-dd, inclusive) of the task, in the time zone of the settings. The task
  -- is overdue from the start of the next day while its completion is below 100.
  due_date     TEXT    NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  completion   INTEGER NOT NULL DEFAULT 0 CHECK (completion BETWEEN 0 AND 100 AND completion % 10 = 0),
  created_by   INTEGER NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER,
  -- When the completion last reached 100; NULL while it is below 100.
  completed_at INTEGER,
  CHECK ((completion = 100) = (completed_at IS NOT NULL))
);
-- The home page lists a user's tasks by due day; the legacy API lists them by user.
CREATE INDEX tasks_assignee_due ON tasks (assignee_id, due_date, id);
-- The project page lists a project's tasks by due day.
CREATE INDEX tasks_product_due ON tasks (product_id, due_date, id);
-- The home page lists a user's recently completed tasks, newest first.
CREATE INDEX tasks_assignee_completed ON tasks (assignee_id, completed_at) WHERE completed_at IS NOT NULL;

-- The completion log of a project: additions, completion changes and deletions made in the web UI.
CREATE TABLE task_log (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  -- NULL once the task is deleted; the description stays in detail.
  task_id     INTEGER REFERENCES tasks (id) ON DELETE SET NULL,
  actor_id    INTEGER NOT NULL REFERENCES users (id),
  event       TEXT    NOT NULL CHECK (event IN ('added', 'completion', 'deleted')),
  -- The new completion for a completion event; NULL for the others.
  completion  INTEGER CHECK (completion IS NULL OR (completion BETWEEN 0 AND 100 AND completion % 10 = 0)),
  -- The task's description when the event happened.
  detail      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
);
CREATE INDEX task_log_product_time ON task_log (product_id, created_at, id);
