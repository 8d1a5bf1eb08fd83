-- Lists every ticket of a product in id order (the legacy list_tickets call) without sorting them.
CREATE INDEX tickets_product ON tickets (product_id, id);

-- A counter per product that changes whenever a ticket of the product is filed, deleted or edited
-- in a column that a list of the product shows. A cached list of the product stays valid while
-- its counter does, and the triggers keep the counter right for every path that writes tickets.
CREATE TABLE product_ticket_stamps (
  product_id INTEGER PRIMARY KEY,
  stamp      INTEGER NOT NULL
);

CREATE TRIGGER tickets_stamp_insert AFTER INSERT ON tickets BEGIN
  INSERT INTO product_ticket_stamps (product_id, stamp) VALUES (new.product_id, 1)
    ON CONFLICT (product_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER tickets_stamp_delete AFTER DELETE ON tickets BEGIN
  INSERT INTO product_ticket_stamps (product_id, stamp) VALUES (old.product_id, 1)
    ON CONFLICT (product_id) DO UPDATE SET stamp = stamp + 1;
END;

CREATE TRIGGER tickets_stamp_update AFTER UPDATE OF product_id, release, title, status ON tickets BEGIN
  INSERT INTO product_ticket_stamps (product_id, stamp) VALUES (old.product_id, 1)
    ON CONFLICT (product_id) DO UPDATE SET stamp = stamp + 1;
  INSERT INTO product_ticket_stamps (product_id, stamp) VALUES (new.product_id, 1)
    ON CONFLICT (product_id) DO UPDATE SET stamp = stamp + 1;
END;
