package org.nodepoint.projects;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Product.class)
@RegisterConstructorMapper(Release.class)
interface ProductDao {
    String COLUMNS = "id, name, model, description, visibility, created_at, updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM products WHERE id = :id")
    Optional<Product> findById(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM products WHERE name_key = :nameKey")
    Optional<Product> findByNameKey(@Bind("nameKey") String nameKey);

    /** Finds a product by name regardless of letter case, spacing and compatibility forms (see UserText.nameKey). */
    default Optional<Product> findByName(String name) {
        return findByNameKey(nameKey(name));
    }

    static String nameKey(String name) {
        return org.nodepoint.text.UserText.nameKey(name);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM products WHERE visibility IN (<visibilities>) ORDER BY name_key, id")
    List<Product> listByVisibility(@BindList("visibilities") Collection<String> visibilities);

    @SqlQuery("SELECT " + COLUMNS + " FROM products ORDER BY id")
    List<Product> listAll();

    @SqlUpdate("INSERT INTO products (name, name_key, model, description, visibility, created_at) "
            + "VALUES (:name, :nameKey, :model, :description, :visibility, :createdAt)")
    @GetGeneratedKeys("id")
    long insertWithKey(@Bind("name") String name, @Bind("nameKey") String nameKey, @Bind("model") String model,
            @Bind("description") String description, @Bind("visibility") String visibility, @Bind("createdAt") long createdAt);

    default long insert(String name, String model, String description, String visibility, long createdAt) {
        return insertWithKey(name, nameKey(name), model, description, visibility, createdAt);
    }

    @SqlUpdate("UPDATE products SET name = :name, name_key = :nameKey, model = :model, description = :description, "
            + "visibility = :visibility, updated_at = :updatedAt WHERE id = :id")
    void updateWithKey(@Bind("id") long id, @Bind("name") String name, @Bind("nameKey") String nameKey, @Bind("model") String model,
            @Bind("description") String description, @Bind("visibility") String visibility, @Bind("updatedAt") long updatedAt);

    default void update(long id, String name, String model, String description, String visibility, long updatedAt) {
        updateWithKey(id, name, nameKey(name), model, description, visibility, updatedAt);
    }

    @SqlQuery("SELECT r.id, r.product_id, r.version, r.notes, r.created_by, u.name AS created_by_name, r.created_at "
            + "FROM releases r JOIN users u ON u.id = r.created_by WHERE r.product_id = :productId ORDER BY r.id")
    List<Release> listReleases(@Bind("productId") long productId);

    @SqlQuery("SELECT r.id, r.product_id, r.version, r.notes, r.created_by, u.name AS created_by_name, r.created_at "
            + "FROM releases r JOIN users u ON u.id = r.created_by WHERE r.product_id IN (<productIds>) ORDER BY r.product_id, r.id")
    List<Release> listReleasesOf(@BindList("productIds") Collection<Long> productIds);

    @SqlQuery("SELECT count(*) FROM releases WHERE product_id = :productId AND version = :version")
    int countRelease(@Bind("productId") long productId, @Bind("version") String version);

    @SqlUpdate("INSERT INTO releases (product_id, version, notes, created_by, created_at) "
            + "VALUES (:productId, :version, :notes, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insertRelease(@Bind("productId") long productId, @Bind("version") String version, @Bind("notes") String notes,
            @Bind("createdBy") long createdBy, @Bind("createdAt") long createdAt);
}
