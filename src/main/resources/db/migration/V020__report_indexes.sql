-- Indexes for the reports. Ticket reports count by project, status, author and creation time, and
-- the ticket access condition reads product_id and created_by. Each index below contains all of those
-- columns, so a count reads only the index and never the wider ticket rows with their text.
-- Tickets per project, new and open tickets per project, and the access condition's project list.
CREATE INDEX tickets_report_product ON tickets (product_id, status, created_by, created_at);
-- Tickets per status, which groups in index order.
CREATE INDEX tickets_report_status ON tickets (status, product_id, created_by, created_at);

-- Time per user and time per ticket, read from the tickets that the viewer may read.
CREATE INDEX time_entries_ticket_hours ON time_entries (ticket_id, user_id, hundredths);
-- Time per user when every ticket is readable, and your time.
CREATE INDEX time_entries_user_hours ON time_entries (user_id, ticket_id, hundredths);
