package org.nodepoint.notifications;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.nodepoint.users.User;

/**
 * The reads behind item notifications. The recipient queries return only accounts that may
 * receive notifications now: not built-in, not disabled, and at least {@code minLevel}. The
 * password hash is never read.
 */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(ItemFacts.class)
interface ItemNotificationDao {
    String ACCOUNT_FILTER = " AND u.kind <> 'builtin' AND u.disabled = 0 AND u.level >= :minLevel";

    @SqlQuery("SELECT i.id, i.name, i.serial, i.info, i.status, i.holder_id, "
            + "(SELECT name FROM users WHERE id = i.holder_id) AS holder_name, "
            + "(SELECT name FROM users WHERE id = :actorId) AS actor_name FROM items i WHERE i.id = :itemId")
    Optional<ItemFacts> findItem(@Bind("itemId") long itemId, @Bind("actorId") long actorId);

    @SqlQuery("SELECT " + TicketNotificationDao.USER_COLUMNS + " FROM users u WHERE u.id = :userId" + ACCOUNT_FILTER)
    Optional<User> findRecipient(@Bind("userId") long userId, @Bind("minLevel") int minLevel);

    /** The users who may approve requests, without the user who acted and the requester. */
    @SqlQuery("SELECT " + TicketNotificationDao.USER_COLUMNS + " FROM users u WHERE u.id NOT IN (:actorId, :requesterId)"
            + ACCOUNT_FILTER + " ORDER BY u.id")
    List<User> listApprovers(@Bind("actorId") long actorId, @Bind("requesterId") long requesterId, @Bind("minLevel") int minLevel);
}
