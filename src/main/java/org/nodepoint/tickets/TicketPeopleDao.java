package org.nodepoint.tickets;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.nodepoint.users.UserRef;

/** Followers, assignees and attention flags of tickets, and the users who may take these roles. */
@RegisterConstructorMapper(UserRef.class)
interface TicketPeopleDao {
    /** Accounts that can act: local users and the administrator, unless disabled. */
    String ACTIVE_USER = "u.kind <> 'builtin' AND u.disabled = 0";

    @SqlUpdate("INSERT INTO ticket_followers (ticket_id, user_id) VALUES (:ticketId, :userId) ON CONFLICT DO NOTHING")
    int insertFollower(@Bind("ticketId") long ticketId, @Bind("userId") long userId);

    @SqlUpdate("DELETE FROM ticket_followers WHERE ticket_id = :ticketId AND user_id = :userId")
    int deleteFollower(@Bind("ticketId") long ticketId, @Bind("userId") long userId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM ticket_followers WHERE ticket_id = :ticketId AND user_id = :userId)")
    boolean isFollower(@Bind("ticketId") long ticketId, @Bind("userId") long userId);

    @SqlUpdate("INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (:ticketId, :userId) ON CONFLICT DO NOTHING")
    int insertAssignee(@Bind("ticketId") long ticketId, @Bind("userId") long userId);

    @SqlUpdate("DELETE FROM ticket_assignees WHERE ticket_id = :ticketId AND user_id = :userId")
    int deleteAssignee(@Bind("ticketId") long ticketId, @Bind("userId") long userId);

    /** Assigns the product's auto-assignees who may take tickets now: active and at {@code minLevel} or higher. */
    @SqlUpdate("INSERT INTO ticket_assignees (ticket_id, user_id) SELECT :ticketId, a.user_id FROM product_auto_assignees a "
            + "JOIN users u ON u.id = a.user_id WHERE a.product_id = :productId AND " + ACTIVE_USER + " AND u.level >= :minLevel")
    int insertAutoAssignees(@Bind("ticketId") long ticketId, @Bind("productId") long productId, @Bind("minLevel") int minLevel);

    @SqlQuery("SELECT u.id, u.name FROM ticket_assignees a JOIN users u ON u.id = a.user_id WHERE a.ticket_id = :ticketId "
            + "ORDER BY u.name, u.id")
    List<UserRef> listAssignees(@Bind("ticketId") long ticketId);

    @SqlQuery("SELECT u.id, u.name FROM users u WHERE " + ACTIVE_USER + " AND u.level >= :minLevel ORDER BY u.name, u.id")
    List<UserRef> listActiveFromLevel(@Bind("minLevel") int minLevel);

    /** Active users of at least {@code minLevel} whose level is one of {@code levels}, and the creator if active. */
    @SqlQuery("SELECT u.id, u.name FROM users u WHERE " + ACTIVE_USER + " AND u.level >= :minLevel "
            + "AND (u.level IN (<levels>) OR u.id = :creatorId) ORDER BY u.name, u.id")
    List<UserRef> listActiveWithLevelsOrCreator(
            @BindList(value = "levels", onEmpty = BindList.EmptyHandling.NULL_STRING) List<Integer> levels,
            @Bind("creatorId") long creatorId, @Bind("minLevel") int minLevel);

    @SqlUpdate("UPDATE tickets SET updated_at = :updatedAt WHERE id = :ticketId")
    void touch(@Bind("ticketId") long ticketId, @Bind("updatedAt") long updatedAt);

    /** Flags the ticket for the user, or renews the flag with the new editor and time. */
    @SqlUpdate("INSERT INTO ticket_attention (user_id, ticket_id, flagged_by, created_at) "
            + "VALUES (:userId, :ticketId, :flaggedBy, :createdAt) "
            + "ON CONFLICT (user_id, ticket_id) DO UPDATE SET flagged_by = excluded.flagged_by, created_at = excluded.created_at")
    void upsertAttention(@Bind("userId") long userId, @Bind("ticketId") long ticketId, @Bind("flaggedBy") long flaggedBy,
            @Bind("createdAt") long createdAt);

    @SqlUpdate("DELETE FROM ticket_attention WHERE user_id = :userId AND ticket_id = :ticketId")
    int deleteAttention(@Bind("userId") long userId, @Bind("ticketId") long ticketId);
}
