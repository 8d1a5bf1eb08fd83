package org.nodepoint.projects;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.nodepoint.users.UserRef;

@RegisterConstructorMapper(AutoAssignee.class)
@RegisterConstructorMapper(UserRef.class)
@RegisterConstructorMapper(AutoAssignDao.ProductUserName.class)
interface AutoAssignDao {
    /** Accounts that can act: local users and the administrator, unless disabled. */
    String ACTIVE_USER = "u.kind <> 'builtin' AND u.disabled = 0";

    /** A product's list in the order users joined it. */
    @SqlQuery("SELECT u.id AS user_id, u.name, (" + ACTIVE_USER + " AND u.level >= :minLevel) AS active "
            + "FROM product_auto_assignees a JOIN users u ON u.id = a.user_id WHERE a.product_id = :productId "
            + "ORDER BY a.created_at, a.user_id")
    List<AutoAssignee> listByProduct(@Bind("productId") long productId, @Bind("minLevel") int minLevel);

    /** The names on the lists of several products, as rows of product id and name, each list in the order users joined it. */
    @SqlQuery("SELECT a.product_id, u.name FROM product_auto_assignees a JOIN users u ON u.id = a.user_id "
            + "WHERE a.product_id IN (<productIds>) ORDER BY a.product_id, a.created_at, a.user_id")
    List<ProductUserName> listNamesByProducts(@BindList("productIds") Collection<Long> productIds);

    /** One row of {@link #listNamesByProducts}. */
    record ProductUserName(long productId, String name) {
    }

    @SqlUpdate("INSERT INTO product_auto_assignees (product_id, user_id, created_at) VALUES (:productId, :userId, :createdAt) "
            + "ON CONFLICT DO NOTHING")
    int insert(@Bind("productId") long productId, @Bind("userId") long userId, @Bind("createdAt") long createdAt);

    @SqlUpdate("DELETE FROM product_auto_assignees WHERE product_id = :productId AND user_id = :userId")
    int delete(@Bind("productId") long productId, @Bind("userId") long userId);

    @SqlQuery("SELECT u.id, u.name FROM users u WHERE " + ACTIVE_USER + " AND u.level >= :minLevel ORDER BY u.name, u.id")
    List<UserRef> listActiveFromLevel(@Bind("minLevel") int minLevel);
}
