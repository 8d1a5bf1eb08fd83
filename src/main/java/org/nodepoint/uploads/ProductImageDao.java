package org.nodepoint.uploads;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ProductImage.class)
interface ProductImageDao {
    @SqlQuery("SELECT product_id, stored_name, size_bytes, content_type, sha256, uploaded_by, created_at "
            + "FROM product_images WHERE product_id = :productId")
    Optional<ProductImage> findByProduct(@Bind("productId") long productId);

    @SqlUpdate("INSERT INTO product_images (product_id, stored_name, size_bytes, content_type, sha256, uploaded_by, created_at) "
            + "VALUES (:productId, :storedName, :size, :contentType, :sha256, :uploadedBy, :createdAt) "
            + "ON CONFLICT (product_id) DO UPDATE SET stored_name = excluded.stored_name, size_bytes = excluded.size_bytes, "
            + "content_type = excluded.content_type, sha256 = excluded.sha256, uploaded_by = excluded.uploaded_by, "
            + "created_at = excluded.created_at")
    void save(@Bind("productId") long productId, @Bind("storedName") String storedName, @Bind("size") long size,
            @Bind("contentType") String contentType, @Bind("sha256") String sha256, @Bind("uploadedBy") long uploadedBy,
            @Bind("createdAt") long createdAt);

    @SqlUpdate("DELETE FROM product_images WHERE product_id = :productId")
    void delete(@Bind("productId") long productId);
}
