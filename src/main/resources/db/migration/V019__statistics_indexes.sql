-- Indexes of the statistics page. Each one lets a count read a range of one index and nothing
-- else: the index carries every column that the query filters on, so no table row is read.
--
-- Tickets created per day: a range on created_at, and the columns of the ticket visibility rule
-- (product and creator). Tickets by status of readers below level 4 scan this index too.
CREATE INDEX tickets_created ON tickets (created_at, product_id, created_by, status);
-- The same counts restricted to the tickets that one user created.
CREATE INDEX tickets_created_by_created ON tickets (created_by, created_at, product_id, status);
-- The calendar's hours per day: time entries of a month, of everyone or of one user.
CREATE INDEX time_entries_created ON time_entries (created_at, ticket_id);
CREATE INDEX time_entries_user_created ON time_entries (user_id, created_at, ticket_id);
-- The calendar's tasks due in a month, of every assignee.
CREATE INDEX tasks_due ON tasks (due_date, product_id);
