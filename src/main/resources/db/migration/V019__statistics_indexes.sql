-- Indexes and ticket counters of the statistics page. Each index carries every column that its
-- count filters on, so that the count reads one index and no table row.
--
-- Tickets created per day: a range on created_at, plus the columns of the ticket visibility rule
-- (product and creator).
CREATE INDEX tickets_created ON tickets (created_at, product_id, created_by);
-- The same count and the count by status, of the tickets that one user created.
CREATE INDEX tickets_created_by_created ON tickets (created_by, created_at, product_id, status);
-- Tickets by status under the visibility rule of readers below level 4 read tickets_report_status
-- of V020, which holds the status, the product and the creator.
-- The calendar's hours per day: time entries of a month, of everyone or of one user.
CREATE INDEX time_entries_created ON time_entries (created_at, ticket_id);
CREATE INDEX time_entries_user_created ON time_entries (user_id, created_at, ticket_id);

-- The number of tickets of each project and status, kept by the triggers below in the same
-- transaction as every insert, status or project change and deletion of a ticket. The status
-- chart of a reader who may read every ticket sums these rows, so that it reads one row per
-- project and status in place of an index entry per ticket.
CREATE TABLE ticket_status_counts (
  product_id INTEGER NOT NULL,
  status     TEXT    NOT NULL,
  tickets    INTEGER NOT NULL,
  PRIMARY KEY (product_id, status)
) WITHOUT ROWID;
INSERT INTO ticket_status_counts (product_id, status, tickets)
  SELECT product_id, status, count(*) FROM tickets GROUP BY product_id, status;

CREATE TRIGGER ticket_status_counts_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO ticket_status_counts (product_id, status, tickets) VALUES (new.product_id, new.status, 1)
    ON CONFLICT (product_id, status) DO UPDATE SET tickets = tickets + 1;
END;
CREATE TRIGGER ticket_status_counts_delete AFTER DELETE ON tickets BEGIN
  UPDATE ticket_status_counts SET tickets = tickets - 1 WHERE product_id = old.product_id AND status = old.status;
END;
CREATE TRIGGER ticket_status_counts_update AFTER UPDATE OF product_id, status ON tickets
  WHEN old.product_id IS NOT new.product_id OR old.status IS NOT new.status BEGIN
  UPDATE ticket_status_counts SET tickets = tickets - 1 WHERE product_id = old.product_id AND status = old.status;
  INSERT INTO ticket_status_counts (product_id, status, tickets) VALUES (new.product_id, new.status, 1)
    ON CONFLICT (product_id, status) DO UPDATE SET tickets = tickets + 1;
END;
