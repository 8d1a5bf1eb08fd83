package org.nodepoint.notifications;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.nodepoint.tickets.TicketChange;
import org.nodepoint.users.User;

/**
 * The reads behind ticket notifications. Each recipient query returns, in one statement, the
 * accounts that may receive mail now: not the actor, not a built-in account, not disabled, and
 * at least {@code minLevel}. The password hash is never read.
 */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(TicketFacts.class)
@RegisterConstructorMapper(TicketChange.FieldChange.class)
interface TicketNotificationDao {
    String USER_COLUMNS = "u.id, u.name, NULL AS password_hash, u.email, u.level, u.kind, u.disabled, u.created_at, "
            + "u.last_login_at, u.must_change_password, u.email_confirmed";
    String ACCOUNT_FILTER = " AND u.id <> :actorId AND u.kind <> 'builtin' AND u.disabled = 0 AND u.level >= :minLevel ORDER BY u.id";

    /** Every user who created a release of the ticket's product, and the ticket's assignees. */
    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id IN ("
            + "SELECT r.created_by FROM releases r WHERE r.product_id = (SELECT product_id FROM tickets WHERE id = :ticketId) "
            + "UNION SELECT a.user_id FROM ticket_assignees a WHERE a.ticket_id = :ticketId)" + ACCOUNT_FILTER)
    List<User> listNewTicketRecipients(@Bind("ticketId") long ticketId, @Bind("actorId") long actorId, @Bind("minLevel") int minLevel);

    /** The ticket's assignees, its creator and its followers. */
    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id IN ("
            + "SELECT a.user_id FROM ticket_assignees a WHERE a.ticket_id = :ticketId "
            + "UNION SELECT t.created_by FROM tickets t WHERE t.id = :ticketId "
            + "UNION SELECT f.user_id FROM ticket_followers f WHERE f.ticket_id = :ticketId)" + ACCOUNT_FILTER)
    List<User> listParticipants(@Bind("ticketId") long ticketId, @Bind("actorId") long actorId, @Bind("minLevel") int minLevel);

    /** The user, while they are still an assignee of the ticket. */
    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = :userId "
            + "AND u.id IN (SELECT a.user_id FROM ticket_assignees a WHERE a.ticket_id = :ticketId)" + ACCOUNT_FILTER)
    List<User> listAssignee(@Bind("ticketId") long ticketId, @Bind("userId") long userId, @Bind("actorId") long actorId,
            @Bind("minLevel") int minLevel);

    /** The user, while the ticket is still flagged for their attention. */
    @SqlQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = :userId "
            + "AND u.id IN (SELECT f.user_id FROM ticket_attention f WHERE f.ticket_id = :ticketId)" + ACCOUNT_FILTER)
    List<User> listFlaggedUser(@Bind("ticketId") long ticketId, @Bind("userId") long userId, @Bind("actorId") long actorId,
            @Bind("minLevel") int minLevel);

    @SqlQuery("SELECT t.id, t.title, t.description, t.priority, t.release, p.name AS product_name, "
            + "(SELECT name FROM users WHERE id = :actorId) AS actor_name "
            + "FROM tickets t JOIN products p ON p.id = t.product_id WHERE t.id = :ticketId")
    Optional<TicketFacts> findTicket(@Bind("ticketId") long ticketId, @Bind("actorId") long actorId);

    /** The fields of one change, in the order the update stored them. */
    @SqlQuery("SELECT field, old_value, new_value FROM ticket_change_fields WHERE change_id = :changeId ORDER BY rowid")
    List<TicketChange.FieldChange> listChangedFields(@Bind("changeId") long changeId);

    @SqlQuery("SELECT note FROM ticket_changes WHERE id = :changeId")
    Optional<String> findChangeNote(@Bind("changeId") long changeId);

    @SqlQuery("SELECT body FROM comments WHERE id = :commentId")
    Optional<String> findCommentBody(@Bind("commentId") long commentId);
}
