package org.nodepoint.users;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(User.class)
interface UserDao {
    String COLUMNS = "id, name, password_hash, email, level, kind, disabled, created_at, last_login_at, "
            + "must_change_password, email_confirmed";

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> findById(@Bind("id") long id);

    /** Names compare without regard to case (the column is COLLATE NOCASE). */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE name = :name")
    Optional<User> findByName(@Bind("name") String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE kind = 'admin' ORDER BY id LIMIT 1")
    Optional<User> findAdmin();

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id IN (<ids>) ORDER BY id")
    List<User> listByIds(@BindList("ids") Collection<Long> ids);

    /** Local accounts by name; the index users_kind_name returns them in this order. */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE kind = 'local' ORDER BY name, id LIMIT :limit OFFSET :offset")
    List<User> listLocal(@Bind("offset") long offset, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE kind = 'local' AND level = :level ORDER BY name, id LIMIT :limit OFFSET :offset")
    List<User> listLocalAtLevel(@Bind("level") int level, @Bind("offset") long offset, @Bind("limit") int limit);

    @SqlQuery("SELECT count(*) FROM users WHERE kind = 'local'")
    long countLocal();

    @SqlQuery("SELECT count(*) FROM users WHERE kind = 'local' AND level = :level")
    long countLocalAtLevel(@Bind("level") int level);

    /** Names of accounts that may sign in, at or above a level, for the user pickers of custom forms. */
    @SqlQuery("SELECT name FROM users WHERE kind IN ('local', 'admin') AND disabled = 0 AND level >= :minLevel ORDER BY name LIMIT :limit")
    List<String> listActiveNames(@Bind("minLevel") int minLevel, @Bind("limit") int limit);

    /** Every local account in the order they were created, as the list_users API call returns them. */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE kind = 'local' ORDER BY id")
    List<User> listLocalInCreationOrder();

    /**
     * Counts a user's tickets, active assigned tickets (neither Closed nor Resolved) and comments in
     * one statement; each count reads an index on the user's id.
     */
    @SqlQuery("SELECT (SELECT count(*) FROM tickets WHERE created_by = :id) AS tickets_created, "
            + "(SELECT count(*) FROM ticket_assignees a JOIN tickets t ON t.id = a.ticket_id "
            + " WHERE a.user_id = :id AND t.status NOT IN ('Closed', 'Resolved')) AS active_assigned, "
            + "(SELECT count(*) FROM comments WHERE user_id = :id) AS comments")
    @RegisterConstructorMapper(UserActivity.class)
    UserActivity activityOf(@Bind("id") long id);

    @SqlUpdate("INSERT INTO users (name, password_hash, email, level, kind, created_at) "
            + "VALUES (:name, :passwordHash, :email, :level, :kind, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("passwordHash") String passwordHash, @Bind("email") String email,
            @Bind("level") int level, @Bind("kind") String kind, @Bind("createdAt") long createdAt);

    @SqlUpdate("INSERT INTO users (name, password_hash, email, level, kind, must_change_password, created_at) "
            + "VALUES (:name, :passwordHash, :email, :level, 'local', :mustChange, :createdAt)")
    @GetGeneratedKeys("id")
    long insertLocal(@Bind("name") String name, @Bind("passwordHash") String passwordHash, @Bind("email") String email,
            @Bind("level") int level, @Bind("mustChange") boolean mustChangePassword, @Bind("createdAt") long createdAt);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    void updatePasswordHash(@Bind("id") long id, @Bind("passwordHash") String passwordHash);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash, must_change_password = :mustChange WHERE id = :id")
    void setPassword(@Bind("id") long id, @Bind("passwordHash") String passwordHash, @Bind("mustChange") boolean mustChangePassword);

    /** Local accounts with this address, without regard to case, for the lost password form. */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE email = :email COLLATE NOCASE AND kind = 'local' ORDER BY id LIMIT :limit")
    List<User> listLocalByEmail(@Bind("email") String email, @Bind("limit") int limit);

    /** Marks the address confirmed, unless the account has another address by now. */
    @SqlUpdate("UPDATE users SET email_confirmed = 1 WHERE id = :id AND email = :email")
    int confirmEmail(@Bind("id") long id, @Bind("email") String email);

    /** Stores a new address, which is unconfirmed until its owner confirms it. */
    @SqlUpdate("UPDATE users SET email = :email, email_confirmed = 0 WHERE id = :id")
    void setEmail(@Bind("id") long id, @Bind("email") String email);

    @SqlUpdate("UPDATE users SET level = :level WHERE id = :id")
    void setLevel(@Bind("id") long id, @Bind("level") int level);

    @SqlUpdate("UPDATE users SET disabled = :disabled WHERE id = :id")
    void setDisabled(@Bind("id") long id, @Bind("disabled") boolean disabled);

    /**
     * Ends every session of the user. It runs in the transaction of the change that requires it (a
     * new password, disabling, level 0), so no request can use an old session after the commit.
     */
    @SqlUpdate("DELETE FROM sessions WHERE user_id = :userId")
    int endSessions(@Bind("userId") long userId);

    @SqlUpdate("UPDATE users SET name = :name WHERE id = :id")
    void rename(@Bind("id") long id, @Bind("name") String name);

    @SqlUpdate("UPDATE users SET last_login_at = :at WHERE id = :id")
    void recordLogin(@Bind("id") long id, @Bind("at") long at);
}
