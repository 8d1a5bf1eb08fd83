package org.nodepoint.tickets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Ticket.class)
@RegisterConstructorMapper(TicketSummary.class)
@RegisterConstructorMapper(Comment.class)
interface TicketDao extends SqlObject {
    String COLUMNS = "t.id, t.product_id, t.release, t.created_by, t.title, t.description, t.priority, t.status, "
            + "t.resolution, t.created_at, t.updated_at, t.version";
    String SUMMARY = "SELECT t.id, t.title, t.product_id, p.name AS product_name, t.status, t.priority, "
            + "u.name AS created_by_name, t.created_at, t.updated_at "
            + "FROM tickets t JOIN products p ON p.id = t.product_id JOIN users u ON u.id = t.created_by ";

    @SqlQuery("SELECT " + COLUMNS + " FROM tickets t WHERE t.id = :id")
    Optional<Ticket> findById(@Bind("id") long id);

    @SqlUpdate("INSERT INTO tickets (product_id, release, created_by, title, description, priority, status, created_at) "
            + "VALUES (:productId, :release, :createdBy, :title, :description, :priority, :status, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("productId") long productId, @Bind("release") String release, @Bind("createdBy") long createdBy,
            @Bind("title") String title, @Bind("description") String description, @Bind("priority") int priority,
            @Bind("status") String status, @Bind("createdAt") long createdAt);

    @SqlUpdate("UPDATE tickets SET title = :title, description = :description, status = :status, resolution = :resolution, "
            + "priority = :priority, release = :release, updated_at = :updatedAt, version = version + 1 WHERE id = :id")
    void update(@Bind("id") long id, @Bind("title") String title, @Bind("description") String description,
            @Bind("status") String status, @Bind("resolution") String resolution, @Bind("priority") int priority,
            @Bind("release") String release, @Bind("updatedAt") long updatedAt);

    @SqlUpdate("INSERT INTO ticket_changes (ticket_id, user_id, created_at, note) VALUES (:ticketId, :userId, :createdAt, :note)")
    @GetGeneratedKeys("id")
    long insertChange(@Bind("ticketId") long ticketId, @Bind("userId") long userId, @Bind("createdAt") long createdAt,
            @Bind("note") String note);

    @SqlUpdate("INSERT INTO ticket_change_fields (change_id, field, old_value, new_value) VALUES (:changeId, :field, :oldValue, :newValue)")
    void insertChangeField(@Bind("changeId") long changeId, @Bind("field") String field, @Bind("oldValue") String oldValue,
            @Bind("newValue") String newValue);

    @SqlUpdate("INSERT INTO time_entries (ticket_id, user_id, hundredths, created_at) VALUES (:ticketId, :userId, :hundredths, :createdAt)")
    void insertTimeEntry(@Bind("ticketId") long ticketId, @Bind("userId") long userId, @Bind("hundredths") long hundredths,
            @Bind("createdAt") long createdAt);

    @SqlUpdate("INSERT INTO comments (ticket_id, user_id, body, created_at) VALUES (:ticketId, :userId, :body, :createdAt)")
    @GetGeneratedKeys("id")
    long insertComment(@Bind("ticketId") long ticketId, @Bind("userId") long userId, @Bind("body") String body,
            @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT c.id, c.ticket_id, c.user_id, u.name AS author_name, c.body, c.created_at, c.updated_at "
            + "FROM comments c JOIN users u ON u.id = c.user_id WHERE c.ticket_id = :ticketId ORDER BY c.id")
    List<Comment> listComments(@Bind("ticketId") long ticketId);

    @SqlQuery("SELECT u.name FROM ticket_assignees a JOIN users u ON u.id = a.user_id WHERE a.ticket_id = :ticketId ORDER BY u.name")
    List<String> listAssigneeNames(@Bind("ticketId") long ticketId);

    @SqlQuery("SELECT u.name FROM ticket_followers f JOIN users u ON u.id = f.user_id WHERE f.ticket_id = :ticketId ORDER BY u.name")
    List<String> listFollowerNames(@Bind("ticketId") long ticketId);

    /** Returns the edits of a ticket, oldest first, with their changed fields, in two queries. */
    default List<TicketChange> listChanges(long ticketId) {
        List<TicketChange> changes = getHandle().createQuery(
                        "SELECT c.id, c.user_id, u.name AS user_name, c.created_at, c.note "
                                + "FROM ticket_changes c JOIN users u ON u.id = c.user_id WHERE c.ticket_id = :ticketId ORDER BY c.id")
                .bind("ticketId", ticketId)
                .map((rs, ctx) -> new TicketChange(rs.getLong("id"), rs.getLong("user_id"), rs.getString("user_name"),
                        rs.getLong("created_at"), rs.getString("note"), new java.util.ArrayList<>()))
                .list();
        if (changes.isEmpty()) {
            return changes;
        }
        Map<Long, TicketChange> byId = new java.util.HashMap<>();
        changes.forEach(change -> byId.put(change.id(), change));
        getHandle().createQuery("SELECT f.change_id, f.field, f.old_value, f.new_value FROM ticket_change_fields f "
                        + "JOIN ticket_changes c ON c.id = f.change_id WHERE c.ticket_id = :ticketId ORDER BY f.change_id, f.rowid")
                .bind("ticketId", ticketId)
                .map((rs, ctx) -> Map.entry(rs.getLong("change_id"), new TicketChange.FieldChange(
                        rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"))))
                .forEach(row -> byId.get(row.getKey()).fields().add(row.getValue()));
        return changes;
    }

    @SqlQuery(SUMMARY + "WHERE t.id IN (<ids>)")
    List<TicketSummary> listSummariesByIds(@BindList("ids") Collection<Long> ids);
}
