-- Counting the confirmation mails sent to one address within the last hour, over all accounts,
-- without regard to case.
CREATE INDEX account_tokens_email ON account_tokens (purpose, email COLLATE NOCASE, created_at);
