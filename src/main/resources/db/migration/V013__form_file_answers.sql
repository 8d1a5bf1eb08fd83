-- The answer to a custom form's file question names the attachment that contains the file, so that
-- the ticket page links the answer to its download. NULL for every other kind of answer.
ALTER TABLE ticket_answers ADD COLUMN attachment_id INTEGER REFERENCES attachments (id) ON DELETE SET NULL;
-- Deleting an attachment looks up the answers that name it.
CREATE INDEX ticket_answers_attachment ON ticket_answers (attachment_id);
