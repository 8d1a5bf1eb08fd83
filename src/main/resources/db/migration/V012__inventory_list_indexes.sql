-- The inventory list is sorted by name and filtered by status or by type. These indexes serve
-- each filter in name order, so a page of a filtered list reads only its own rows.
CREATE INDEX items_status_name ON items (status, name COLLATE NOCASE, id);
CREATE INDEX items_type_name ON items (type, name COLLATE NOCASE, id);
