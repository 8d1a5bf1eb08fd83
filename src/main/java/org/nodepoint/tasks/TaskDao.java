package org.nodepoint.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.nodepoint.users.UserRef;

/**
 * The statements on tasks and the completion log. Queries that return tasks take {@code today}
 * (yyyy-mm-dd in the site's time zone) to compute the overdue flag: a due day before today has ended.
 */
@RegisterConstructorMapper(Task.class)
@RegisterConstructorMapper(TaskLogEntry.class)
@RegisterConstructorMapper(UserRef.class)
interface TaskDao {
    String COLUMNS = "t.id, t.product_id, p.name AS product_name, t.description, t.assignee_id, u.name AS assignee_name, "
            + "t.due_date, t.completion, t.created_at, t.completed_at, (t.completion < 100 AND t.due_date < :today) AS overdue";
    String FROM = " FROM tasks t JOIN products p ON p.id = t.product_id JOIN users u ON u.id = t.assignee_id";

    @SqlUpdate("INSERT INTO tasks (product_id, description, assignee_id, due_date, created_by, created_at) "
            + "VALUES (:productId, :description, :assigneeId, :dueDate, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("productId") long productId, @Bind("description") String description, @Bind("assigneeId") long assigneeId,
            @Bind("dueDate") String dueDate, @Bind("createdBy") long createdBy, @Bind("createdAt") long createdAt);

    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.id = :id")
    Optional<Task> findById(@Bind("id") long id, @Bind("today") String today);

    /** A project's tasks by due day. */
    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.product_id = :productId ORDER BY t.due_date, t.id LIMIT :limit")
    List<Task> listByProduct(@Bind("productId") long productId, @Bind("today") String today, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM tasks WHERE product_id = :productId")
    long countByProduct(@Bind("productId") long productId);

    /** A user's tasks below 100 % in projects of the given visibilities, earliest due day first. */
    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.assignee_id = :userId AND t.completion < 100 AND p.visibility IN (<visibilities>) "
            + "ORDER BY t.due_date, t.id LIMIT :limit")
    List<Task> listOpenByAssignee(@Bind("userId") long userId, @BindList("visibilities") Collection<String> visibilities,
            @Bind("today") String today, @Bind("limit") int limit);

    /** A user's tasks below 100 % in one project, earliest due day first. */
    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.assignee_id = :userId AND t.product_id = :productId AND t.completion < 100 "
            + "ORDER BY t.due_date, t.id LIMIT :limit")
    List<Task> listOpenByAssigneeInProduct(@Bind("userId") long userId, @Bind("productId") long productId, @Bind("today") String today,
            @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM tasks t JOIN products p ON p.id = t.product_id "
            + "WHERE t.assignee_id = :userId AND t.completion < 100 AND p.visibility IN (<visibilities>)")
    long countOpenByAssignee(@Bind("userId") long userId, @BindList("visibilities") Collection<String> visibilities);

    /** A user's tasks in projects of the given visibilities that reached 100 % at or after {@code since}, most recently completed first. */
    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.assignee_id = :userId AND t.completion = 100 AND t.completed_at >= :since "
            + "AND p.visibility IN (<visibilities>) ORDER BY t.completed_at DESC, t.id DESC LIMIT :limit")
    List<Task> listCompletedByAssignee(@Bind("userId") long userId, @BindList("visibilities") Collection<String> visibilities,
            @Bind("since") long since, @Bind("today") String today, @Bind("limit") int limit);

    /** Every task of a user, by due day, for the legacy API. */
    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.assignee_id = :userId ORDER BY t.due_date, t.id")
    List<Task> listByAssignee(@Bind("userId") long userId, @Bind("today") String today);

    /**
     * Sets the completion of the assignee's task unless it has that value already, and sets or
     * clears the completion time with it. Returns 0 when nothing changed.
     */
    @SqlUpdate("UPDATE tasks SET completion = :completion, updated_at = :now, "
            + "completed_at = CASE WHEN :completion = 100 THEN :now ELSE NULL END "
            + "WHERE id = :id AND assignee_id = :assigneeId AND completion <> :completion")
    int setCompletion(@Bind("id") long id, @Bind("assigneeId") long assigneeId, @Bind("completion") int completion,
            @Bind("now") long now);

    /** The accounts that may hold tasks from this level on: local users and the administrator, unless disabled. */
    @SqlQuery("SELECT id, name FROM users WHERE kind <> 'builtin' AND disabled = 0 AND level >= :minLevel ORDER BY name, id")
    List<UserRef> listAssignable(@Bind("minLevel") int minLevel);

    @SqlUpdate("DELETE FROM tasks WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlUpdate("INSERT INTO task_log (product_id, task_id, actor_id, event, completion, detail, created_at) "
            + "VALUES (:productId, :taskId, :actorId, :event, :completion, :detail, :createdAt)")
    void insertLog(@Bind("productId") long productId, @Bind("taskId") Long taskId, @Bind("actorId") long actorId,
            @Bind("event") String event, @Bind("completion") Integer completion, @Bind("detail") String detail,
            @Bind("createdAt") long createdAt);

    /** A project's completion log, newest first. */
    @SqlQuery("SELECT l.id, l.task_id, u.name AS actor_name, l.event, l.completion, l.detail AS description, l.created_at "
            + "FROM task_log l JOIN users u ON u.id = l.actor_id WHERE l.product_id = :productId "
            + "ORDER BY l.created_at DESC, l.id DESC LIMIT :limit")
    List<TaskLogEntry> listLog(@Bind("productId") long productId, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM task_log WHERE product_id = :productId")
    long countLog(@Bind("productId") long productId);

    @SqlUpdate("DELETE FROM task_log WHERE product_id = :productId")
    int clearLog(@Bind("productId") long productId);
}
