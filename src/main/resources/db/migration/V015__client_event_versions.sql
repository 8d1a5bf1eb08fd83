-- Incremented by every edit of a client event, so that a form loaded before another user's edit
-- is rejected instead of overwriting that edit.
ALTER TABLE client_events ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
