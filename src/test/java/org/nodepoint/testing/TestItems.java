package org.nodepoint.testing;

/**
 * Inventory items written directly to the database, for tests of the listeners that react to item
 * events without going through the inventory pages. The state follows the items table: status
 * 'available', 'waiting', 'checked_out' or 'unavailable', with a holder exactly while waiting or
 * checked out.
 */
public final class TestItems {
    private TestItems() {
    }

    /** Inserts an item and returns its id; {@code serial} and {@code holderId} may be null. */
    public static long insert(TestNodePoint node, String name, String serial, String info, String status, Long holderId) {
        return node.wiring.database.write().withHandle(handle -> handle.createUpdate(
                        "INSERT INTO items (name, type, serial, info, status, holder_id, created_at) "
                                + "VALUES (:name, 'Laptop', :serial, :info, :status, :holderId, 0)")
                .bind("name", name).bind("serial", serial).bind("info", info).bind("status", status).bind("holderId", holderId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Changes the item's status and holder, as a later checkout, return or approval would. */
    public static void setState(TestNodePoint node, long itemId, String status, Long holderId) {
        node.wiring.database.write().useHandle(handle -> handle.createUpdate(
                        "UPDATE items SET status = :status, holder_id = :holderId WHERE id = :id")
                .bind("status", status).bind("holderId", holderId).bind("id", itemId).execute());
    }

    public static void delete(TestNodePoint node, long itemId) {
        node.wiring.database.write().useHandle(handle -> handle.execute("DELETE FROM items WHERE id = ?", itemId));
    }
}
