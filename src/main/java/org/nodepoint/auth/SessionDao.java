package org.nodepoint.auth;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SessionRow.class)
interface SessionDao {
    @SqlUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
            + "VALUES (:tokenHash, :userId, :csrfToken, :now, :now, :expiresAt)")
    void insert(@Bind("tokenHash") String tokenHash, @Bind("userId") long userId, @Bind("csrfToken") String csrfToken,
            @Bind("now") long now, @Bind("expiresAt") long expiresAt);

    @SqlQuery("SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at "
            + "FROM sessions s WHERE s.token_hash = :tokenHash")
    Optional<SessionRow> findByTokenHash(@Bind("tokenHash") String tokenHash);

    @SqlUpdate("UPDATE sessions SET last_seen_at = :now WHERE id = :id")
    void touch(@Bind("id") long id, @Bind("now") long now);

    @SqlUpdate("DELETE FROM sessions WHERE token_hash = :tokenHash")
    void deleteByTokenHash(@Bind("tokenHash") String tokenHash);

    @SqlUpdate("DELETE FROM sessions WHERE user_id = :userId")
    int deleteByUser(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM sessions WHERE expires_at < :now OR last_seen_at < :idleCutoff")
    int deleteExpired(@Bind("now") long now, @Bind("idleCutoff") long idleCutoff);
}
