-- Auto-assignment lists of products, and "needs your attention" flags on tickets.

-- The users who become assignees of every ticket filed in the product, through the web form or
-- the API. Filing assigns only those who are still enabled and at level 3 or higher.
CREATE TABLE product_auto_assignees (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (product_id, user_id)
);
CREATE INDEX product_auto_assignees_user ON product_auto_assignees (user_id, product_id);

-- An editor asked this user to look at the ticket. The flag stays until the user clears it.
CREATE TABLE ticket_attention (
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  ticket_id  INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  flagged_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, ticket_id)
);
-- The home page lists a user's flags, newest first.
CREATE INDEX ticket_attention_user_created ON ticket_attention (user_id, created_at, ticket_id);
-- Deleting a ticket deletes its flags.
CREATE INDEX ticket_attention_ticket ON ticket_attention (ticket_id);
