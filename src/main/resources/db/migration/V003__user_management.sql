-- Forced password change after a reset, e-mail confirmation, and indexes for the user list and
-- the user summary. User names need no new index: users.name is UNIQUE COLLATE NOCASE already,
-- and names are ASCII, where NOCASE compares without regard to case.

-- 1 while the user must choose a new password before using any other page.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
-- 1 once the owner of the address has confirmed it. A changed address is unconfirmed again.
ALTER TABLE users ADD COLUMN email_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (email_confirmed IN (0, 1));

-- The user list shows local accounts by name, all of them or those of one level.
CREATE INDEX users_kind_name ON users (kind, name, id);
CREATE INDEX users_kind_level_name ON users (kind, level, name, id);

-- The user summary counts each user's comments.
CREATE INDEX comments_user ON comments (user_id, id);
