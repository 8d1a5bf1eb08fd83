package org.nodepoint.shoutbox;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Shout.class)
interface ShoutDao {
    // Newest first on the partial index shouts_visible.
    @SqlQuery("SELECT s.id, s.user_id, u.name AS author_name, s.message, s.created_at FROM shouts s JOIN users u ON u.id = s.user_id "
            + "WHERE s.deleted_at IS NULL ORDER BY s.id DESC LIMIT :limit")
    List<Shout> newestVisible(@Bind("limit") int limit);

    @SqlUpdate("INSERT INTO shouts (user_id, message, created_at) VALUES (:userId, :message, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("userId") long userId, @Bind("message") String message, @Bind("now") long now);

    @SqlQuery("SELECT count(*) FROM shouts WHERE user_id = :userId AND created_at > :since")
    int countSince(@Bind("userId") long userId, @Bind("since") long since);

    @SqlQuery("SELECT count(*) > 0 FROM shouts WHERE id = :id")
    boolean exists(@Bind("id") long id);

    /** Hides a visible message and returns 1, or returns 0 when there is no visible message with this id. */
    @SqlUpdate("UPDATE shouts SET deleted_at = :now, deleted_by = :actorId WHERE id = :id AND deleted_at IS NULL")
    int hide(@Bind("id") long id, @Bind("actorId") long actorId, @Bind("now") long now);
}
