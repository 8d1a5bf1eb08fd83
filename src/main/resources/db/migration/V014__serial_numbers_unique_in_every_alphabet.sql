-- Serial numbers were unique without regard to ASCII case only, so ÄBC and äbc could both be
-- stored. serial_key is the serial as compared (NFKC form, runs of spaces as one, lower case in
-- every alphabet, built by the application as clients.name_key is), and it is now the unique one.
ALTER TABLE items ADD COLUMN serial_key TEXT;
UPDATE items SET serial_key = lower(serial) WHERE serial IS NOT NULL;
DROP INDEX items_serial;
CREATE UNIQUE INDEX items_serial_key ON items (serial_key) WHERE serial_key IS NOT NULL;
-- The item list still searches serials by prefix without regard to ASCII case.
CREATE INDEX items_serial ON items (serial COLLATE NOCASE) WHERE serial IS NOT NULL;
