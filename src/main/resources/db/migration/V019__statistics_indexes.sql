-- Indexes of the statistics page. Each one carries every column that its count filters on, so
-- that the count reads one index and no table row.
--
-- Tickets created per day: a range on created_at, plus the columns of the ticket visibility rule
-- (product and creator).
CREATE INDEX tickets_created ON tickets (created_at, product_id, created_by);
-- The same count and the count by status, of the tickets that one user created.
CREATE INDEX tickets_created_by_created ON tickets (created_by, created_at, product_id, status);
-- Tickets by status under the visibility rule of readers below level 4. The older
-- tickets_status (status, id) lacks the product and the creator, so a count through it reads
-- every ticket row.
CREATE INDEX tickets_status_readers ON tickets (status, product_id, created_by);
-- The calendar's hours per day: time entries of a month, of everyone or of one user.
CREATE INDEX time_entries_created ON time_entries (created_at, ticket_id);
CREATE INDEX time_entries_user_created ON time_entries (user_id, created_at, ticket_id);
