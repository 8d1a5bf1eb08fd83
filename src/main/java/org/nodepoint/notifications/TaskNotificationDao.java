package org.nodepoint.notifications;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.nodepoint.users.User;

/**
 * The reads behind task notifications. The recipient query returns only an account that may
 * receive notifications now: not built-in, not disabled, and at least {@code minLevel}. The
 * password hash is never read.
 */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(TaskFacts.class)
interface TaskNotificationDao {
    @SqlQuery("SELECT t.id, t.description, t.due_date, t.product_id, p.name AS product_name, t.assignee_id, "
            + "(SELECT name FROM users WHERE id = :actorId) AS actor_name "
            + "FROM tasks t JOIN products p ON p.id = t.product_id WHERE t.id = :taskId")
    Optional<TaskFacts> findTask(@Bind("taskId") long taskId, @Bind("actorId") long actorId);

    @SqlQuery("SELECT " + TicketNotificationDao.USER_COLUMNS + " FROM users u WHERE u.id = :userId"
            + " AND u.kind <> 'builtin' AND u.disabled = 0 AND u.level >= :minLevel")
    Optional<User> findRecipient(@Bind("userId") long userId, @Bind("minLevel") int minLevel);
}
