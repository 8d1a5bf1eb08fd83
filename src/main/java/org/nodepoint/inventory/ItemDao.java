package org.nodepoint.inventory;

import java.util.List;
import java.util.Optional;
import org.nodepoint.text.UserText;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Statements on items and their history. Every change of status is one conditional UPDATE on the
 * status it expects. The caller checks the returned row count, so of two racing requests exactly
 * one changes the row.
 */
@RegisterConstructorMapper(Item.class)
@RegisterConstructorMapper(ItemSummary.class)
@RegisterConstructorMapper(ItemHistoryEntry.class)
@RegisterConstructorMapper(ApprovalRequest.class)
@RegisterConstructorMapper(ClientOption.class)
interface ItemDao {
    String COLUMNS = "i.id, i.name, i.type, i.serial, i.product_id, p.name AS product_name, i.client_id, c.name AS client_name, "
            + "i.needs_approval, i.status, i.holder_id, u.name AS holder_name, i.info, i.expires_on, i.created_at, i.updated_at, i.version";
    String JOINS = " FROM items i LEFT JOIN products p ON p.id = i.product_id LEFT JOIN clients c ON c.id = i.client_id "
            + "LEFT JOIN users u ON u.id = i.holder_id";
    /** The columns of {@link ItemSummary}; the query binds :today (yyyy-mm-dd) for the expired flag. */
    String SUMMARY = "SELECT i.id, i.name, i.type, i.serial, i.status, i.holder_id, u.name AS holder_name, i.expires_on, "
            + "(i.expires_on IS NOT NULL AND i.expires_on < :today) AS expired FROM items i LEFT JOIN users u ON u.id = i.holder_id";
    /** The condition of every change that hands the item to someone: available and not expired on :today. */
    String CAN_BE_TAKEN = "status = 'available' AND (expires_on IS NULL OR expires_on >= :today)";

    @SqlQuery("SELECT " + COLUMNS + JOINS + " WHERE i.id = :id")
    Optional<Item> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + JOINS + " ORDER BY i.id")
    List<Item> listAll();

    /**
     * Returns the key by which serial numbers are unique, the same in every alphabet (see
     * {@link UserText#nameKey}), or null for an item without one.
     */
    static String serialKey(String serial) {
        return serial == null ? null : UserText.nameKey(serial);
    }

    @SqlQuery("SELECT id FROM items WHERE serial_key = :serialKey AND id <> :exceptId")
    Optional<Long> findIdBySerialKey(@Bind("serialKey") String serialKey, @Bind("exceptId") long exceptId);

    default Optional<Long> findIdBySerial(String serial, long exceptId) {
        return findIdBySerialKey(serialKey(serial), exceptId);
    }

    @SqlQuery("SELECT count(*) FROM products WHERE id = :id")
    int countProduct(@Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM clients WHERE id = :id")
    int countClient(@Bind("id") long id);

    @SqlQuery("SELECT id FROM products WHERE name_key = :nameKey")
    Optional<Long> findProductIdByNameKey(@Bind("nameKey") String nameKey);

    @SqlQuery("SELECT id FROM clients WHERE name_key = :nameKey")
    Optional<Long> findClientIdByNameKey(@Bind("nameKey") String nameKey);

    @SqlUpdate("INSERT INTO items (name, type, serial, serial_key, product_id, client_id, needs_approval, info, created_at) "
            + "VALUES (:name, :type, :serial, :serialKey, :productId, :clientId, :needsApproval, :info, :createdAt)")
    @GetGeneratedKeys("id")
    long insertWithKey(@Bind("name") String name, @Bind("type") String type, @Bind("serial") String serial,
            @Bind("serialKey") String serialKey, @Bind("productId") Long productId, @Bind("clientId") Long clientId,
            @Bind("needsApproval") boolean needsApproval, @Bind("info") String info, @Bind("createdAt") long createdAt);

    default long insert(String name, String type, String serial, Long productId, Long clientId, boolean needsApproval, String info,
            long createdAt) {
        return insertWithKey(name, type, serial, serialKey(serial), productId, clientId, needsApproval, info, createdAt);
    }

    @SqlUpdate("UPDATE items SET name = :name, type = :type, serial = :serial, serial_key = :serialKey, product_id = :productId, "
            + "client_id = :clientId, needs_approval = :needsApproval, info = :info, updated_at = :updatedAt, version = version + 1 "
            + "WHERE id = :id AND version = :expectedVersion")
    int updateWithKey(@Bind("id") long id, @Bind("expectedVersion") long expectedVersion, @Bind("name") String name,
            @Bind("type") String type, @Bind("serial") String serial, @Bind("serialKey") String serialKey,
            @Bind("productId") Long productId, @Bind("clientId") Long clientId, @Bind("needsApproval") boolean needsApproval,
            @Bind("info") String info, @Bind("updatedAt") long updatedAt);

    default int update(long id, long expectedVersion, String name, String type, String serial, Long productId, Long clientId,
            boolean needsApproval, String info, long updatedAt) {
        return updateWithKey(id, expectedVersion, name, type, serial, serialKey(serial), productId, clientId, needsApproval, info,
                updatedAt);
    }

    @SqlUpdate("DELETE FROM items WHERE id = :id AND status IN ('available', 'unavailable')")
    int deleteUnheld(@Bind("id") long id);

    /** Checks the item out to the user, or records the user's request when the item needs approval. */
    @SqlUpdate("UPDATE items SET status = CASE WHEN needs_approval = 1 THEN 'waiting' ELSE 'checked_out' END, holder_id = :userId, "
            + "updated_at = :now WHERE id = :id AND " + CAN_BE_TAKEN)
    int checkOut(@Bind("id") long id, @Bind("userId") long userId, @Bind("today") String today, @Bind("now") long now);

    @SqlUpdate("UPDATE items SET status = 'checked_out', holder_id = :userId, updated_at = :now WHERE id = :id AND " + CAN_BE_TAKEN)
    int assign(@Bind("id") long id, @Bind("userId") long userId, @Bind("today") String today, @Bind("now") long now);

    @SqlUpdate("UPDATE items SET status = 'checked_out', updated_at = :now "
            + "WHERE id = :id AND status = 'waiting' AND holder_id = :requesterId AND (expires_on IS NULL OR expires_on >= :today)")
    int approve(@Bind("id") long id, @Bind("requesterId") long requesterId, @Bind("today") String today, @Bind("now") long now);

    /** Makes a held item available again: a denied or withdrawn request (from waiting) or a return (from checked_out). */
    @SqlUpdate("UPDATE items SET status = 'available', holder_id = NULL, updated_at = :now "
            + "WHERE id = :id AND status = :from AND holder_id = :holderId")
    int release(@Bind("id") long id, @Bind("from") String from, @Bind("holderId") long holderId, @Bind("now") long now);

    /** Switches an item between available and unavailable; held items are left alone. */
    @SqlUpdate("UPDATE items SET status = :to, updated_at = :now WHERE id = :id AND status = :from")
    int switchAvailability(@Bind("id") long id, @Bind("from") String from, @Bind("to") String to, @Bind("now") long now);

    @SqlUpdate("UPDATE items SET expires_on = :expiresOn, updated_at = :now WHERE id = :id AND expires_on IS NOT :expiresOn")
    int setExpiry(@Bind("id") long id, @Bind("expiresOn") String expiresOn, @Bind("now") long now);

    @SqlUpdate("INSERT INTO item_history (item_id, action, actor_id, user_id, detail, created_at) "
            + "VALUES (:itemId, :action, :actorId, :userId, :detail, :createdAt)")
    void insertHistory(@Bind("itemId") long itemId, @Bind("action") String action, @Bind("actorId") long actorId,
            @Bind("userId") Long userId, @Bind("detail") String detail, @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT h.id, h.action, h.actor_id, a.name AS actor_name, h.user_id, u.name AS user_name, h.detail, h.created_at "
            + "FROM item_history h JOIN users a ON a.id = h.actor_id LEFT JOIN users u ON u.id = h.user_id "
            + "WHERE h.item_id = :itemId ORDER BY h.id DESC")
    List<ItemHistoryEntry> listHistory(@Bind("itemId") long itemId);

    @SqlQuery(SUMMARY + " WHERE i.holder_id = :userId ORDER BY i.name COLLATE NOCASE, i.id")
    List<ItemSummary> listHeldBy(@Bind("userId") long userId, @Bind("today") String today);

    @SqlQuery(SUMMARY + " WHERE i.holder_id = :userId AND i.status = 'checked_out' ORDER BY i.name COLLATE NOCASE, i.id")
    List<ItemSummary> listCheckedOutBy(@Bind("userId") long userId, @Bind("today") String today);

    @SqlQuery("SELECT count(*) FROM items WHERE status = 'waiting'")
    long countWaiting();

    /** Lists the requests that await approval, oldest first, with the time of each request. */
    @SqlQuery("SELECT i.id AS item_id, i.name, i.serial, i.holder_id AS requester_id, u.name AS requester_name, i.expires_on, "
            + "(i.expires_on IS NOT NULL AND i.expires_on < :today) AS expired, "
            + "(SELECT max(h.created_at) FROM item_history h WHERE h.item_id = i.id AND h.action = 'requested') AS requested_at "
            + "FROM items i JOIN users u ON u.id = i.holder_id WHERE i.status = 'waiting' ORDER BY i.id LIMIT :limit OFFSET :offset")
    List<ApprovalRequest> listWaiting(@Bind("today") String today, @Bind("offset") long offset, @Bind("limit") int limit);

    @SqlQuery("SELECT id, name FROM clients ORDER BY name_key, id")
    List<ClientOption> listClients();

    @SqlQuery("SELECT DISTINCT type FROM items ORDER BY type")
    List<String> listTypesInUse();
}
