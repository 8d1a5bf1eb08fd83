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
    String COLUMNS = "id, name, password_hash, email, level, kind, disabled, created_at, last_login_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<User> findById(@Bind("id") long id);

    /** Names compare without regard to case (the column is COLLATE NOCASE). */
    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE name = :name")
    Optional<User> findByName(@Bind("name") String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE kind = 'admin' ORDER BY id LIMIT 1")
    Optional<User> findAdmin();

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id IN (<ids>) ORDER BY id")
    List<User> listByIds(@BindList("ids") Collection<Long> ids);

    @SqlUpdate("INSERT INTO users (name, password_hash, email, level, kind, created_at) "
            + "VALUES (:name, :passwordHash, :email, :level, :kind, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("passwordHash") String passwordHash, @Bind("email") String email,
            @Bind("level") int level, @Bind("kind") String kind, @Bind("createdAt") long createdAt);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE id = :id")
    void updatePasswordHash(@Bind("id") long id, @Bind("passwordHash") String passwordHash);

    @SqlUpdate("UPDATE users SET name = :name WHERE id = :id")
    void rename(@Bind("id") long id, @Bind("name") String name);

    @SqlUpdate("UPDATE users SET last_login_at = :at WHERE id = :id")
    void recordLogin(@Bind("id") long id, @Bind("at") long at);
}
