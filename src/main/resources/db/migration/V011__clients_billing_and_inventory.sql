-- Clients with their CRM events and billing, and inventory items with their checkout history.

CREATE TABLE clients (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  -- The name as compared, built as products.name_key is. Billing in NodePoint 1.x found a client
  -- by its name, so names stay unique here too.
  name_key   TEXT    NOT NULL,
  status     TEXT    NOT NULL
             CHECK (status IN ('Prospect', 'Supplier', 'Contact', 'Paid', 'Unpaid', 'Closed')),
  contact    TEXT    NOT NULL DEFAULT '',
  notes      TEXT    NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER,
  -- Incremented by every edit, so that a form loaded before another user's edit is rejected.
  version    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX clients_name_key ON clients (name_key);
-- The directory is sorted by name and can be filtered by status.
CREATE INDEX clients_status_name ON clients (status, name_key);

-- A client's billing terms. A client without a row bills 10 USD, per hour when time tracking is
-- on and per ticket otherwise.
CREATE TABLE client_billing (
  client_id  INTEGER PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
  -- 'fixed' bills rate_cents once per ticket; 'hourly' bills rate_cents per hour spent.
  type       TEXT    NOT NULL CHECK (type IN ('fixed', 'hourly')),
  -- The rate in hundredths of the currency unit, so that sums are exact.
  rate_cents INTEGER NOT NULL CHECK (rate_cents >= 0),
  -- An ISO 4217 code such as USD or EUR.
  currency   TEXT    NOT NULL CHECK (length(currency) BETWEEN 1 AND 4),
  updated_by INTEGER NOT NULL REFERENCES users (id),
  updated_at INTEGER NOT NULL
);

-- A ticket is billable to at most one client.
CREATE TABLE ticket_billing (
  ticket_id  INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
  client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);
-- A client's page and show_billing list its billable tickets.
CREATE INDEX ticket_billing_client ON ticket_billing (client_id, ticket_id);

-- The CRM log: contacts with a client. type is one of the kinds the web form offers (email,
-- phone, online_meeting, in_person, other) or, for events added through the 1.x API, its text.
CREATE TABLE client_events (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
  type       TEXT    NOT NULL,
  summary    TEXT    NOT NULL,
  notes      TEXT    NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL,
  -- The last editor and the time of the edit; NULL until the event is edited.
  updated_by INTEGER REFERENCES users (id),
  updated_at INTEGER
);
CREATE INDEX client_events_client ON client_events (client_id, created_at, id);
-- The "events per user" report counts by author.
CREATE INDEX client_events_author ON client_events (created_by, id);

-- Inventory. status is 'available', 'waiting' (a checkout request awaits approval),
-- 'checked_out' or 'unavailable'. holder_id is the requester while waiting and the holder while
-- checked out, and NULL otherwise: one column, so that an item never has two holders, and every
-- change of status is one conditional UPDATE on the status it expects.
CREATE TABLE items (
  id             INTEGER PRIMARY KEY,
  name           TEXT    NOT NULL,
  type           TEXT    NOT NULL,
  -- NULL when the item has none; unique when present, without regard to ASCII case.
  serial         TEXT,
  product_id     INTEGER REFERENCES products (id) ON DELETE SET NULL,
  client_id      INTEGER REFERENCES clients (id) ON DELETE SET NULL,
  needs_approval INTEGER NOT NULL DEFAULT 0 CHECK (needs_approval IN (0, 1)),
  status         TEXT    NOT NULL DEFAULT 'available'
                 CHECK (status IN ('available', 'waiting', 'checked_out', 'unavailable')),
  holder_id      INTEGER REFERENCES users (id),
  -- Hand-over information (an access code, a locker number), shown only to the holder and to
  -- level 4 and up.
  info           TEXT    NOT NULL DEFAULT '',
  -- The last day (yyyy-mm-dd, inclusive) on which the item may be checked out, in the time zone of
  -- the settings; NULL for no expiry.
  expires_on     TEXT    CHECK (expires_on IS NULL OR expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER,
  version        INTEGER NOT NULL DEFAULT 0,
  CHECK ((status IN ('waiting', 'checked_out')) = (holder_id IS NOT NULL))
);
CREATE UNIQUE INDEX items_serial ON items (serial COLLATE NOCASE) WHERE serial IS NOT NULL;
-- The list is sorted by name; the approvals page lists waiting items; home pages list held items.
CREATE INDEX items_name ON items (name COLLATE NOCASE, id);
CREATE INDEX items_status ON items (status, id);
CREATE INDEX items_holder ON items (holder_id, status) WHERE holder_id IS NOT NULL;
CREATE INDEX items_product ON items (product_id, id) WHERE product_id IS NOT NULL;
CREATE INDEX items_client ON items (client_id, id) WHERE client_id IS NOT NULL;
CREATE INDEX items_expires ON items (expires_on) WHERE expires_on IS NOT NULL;

-- Every request, approval, denial, checkout, return, assignment and change of an item.
CREATE TABLE item_history (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  action     TEXT    NOT NULL CHECK (action IN ('added', 'edited', 'requested', 'approved', 'denied',
               'checked_out', 'returned', 'assigned', 'made_available', 'made_unavailable',
               'expiry_set', 'expiry_removed')),
  -- Who did it.
  actor_id   INTEGER NOT NULL REFERENCES users (id),
  -- Whom it concerned when that is someone else: the requester of an approval or denial, the
  -- assignee, the holder who returned it.
  user_id    INTEGER REFERENCES users (id),
  -- The new expiry date for expiry_set, the changed field names for edited; '' otherwise.
  detail     TEXT    NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX item_history_item ON item_history (item_id, id);
