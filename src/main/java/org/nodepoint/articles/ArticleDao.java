package org.nodepoint.articles;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The writes of the articles feature. Reads go through {@link ArticleReads}, which applies the access rule. */
interface ArticleDao {
    @SqlUpdate("INSERT INTO articles (product_id, title, created_by, created_at) VALUES (:productId, :title, :createdBy, :createdAt)")
    @GetGeneratedKeys("id")
    long insert(@Bind("productId") Long productId, @Bind("title") String title, @Bind("createdBy") long createdBy,
            @Bind("createdAt") long createdAt);

    @SqlUpdate("UPDATE articles SET product_id = :productId, title = :title, body = :body, published = :published, "
            + "updated_at = :updatedAt, version = version + 1 WHERE id = :id AND version = :version")
    int update(@Bind("id") long id, @Bind("version") long version, @Bind("productId") Long productId, @Bind("title") String title,
            @Bind("body") String body, @Bind("published") boolean published, @Bind("updatedAt") long updatedAt);

    @SqlUpdate("UPDATE articles SET published = :published, updated_at = :updatedAt, version = version + 1 WHERE id = :id")
    int setPublished(@Bind("id") long id, @Bind("published") boolean published, @Bind("updatedAt") long updatedAt);

    @SqlUpdate("DELETE FROM articles WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM articles WHERE id = :id")
    int countArticle(@Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM products WHERE id = :id")
    int countProduct(@Bind("id") long id);

    @SqlUpdate("INSERT OR IGNORE INTO article_favourites (user_id, article_id) VALUES (:userId, :articleId)")
    int insertFavourite(@Bind("userId") long userId, @Bind("articleId") long articleId);

    @SqlUpdate("DELETE FROM article_favourites WHERE user_id = :userId AND article_id = :articleId")
    int deleteFavourite(@Bind("userId") long userId, @Bind("articleId") long articleId);

    @SqlUpdate("INSERT OR IGNORE INTO article_tickets (article_id, ticket_id, linked_by, linked_at) "
            + "VALUES (:articleId, :ticketId, :linkedBy, :linkedAt)")
    int insertLink(@Bind("articleId") long articleId, @Bind("ticketId") long ticketId, @Bind("linkedBy") long linkedBy,
            @Bind("linkedAt") long linkedAt);

    @SqlUpdate("DELETE FROM article_tickets WHERE article_id = :articleId AND ticket_id = :ticketId")
    int deleteLink(@Bind("articleId") long articleId, @Bind("ticketId") long ticketId);
}
