package org.nodepoint.articles;

/**
 * A support article. {@code productId} and {@code productName} are null for an article of all
 * projects. {@code version} grows with every save and guards against stale edits.
 */
public record Article(
        long id,
        Long productId,
        String productName,
        String title,
        String body,
        boolean published,
        long createdBy,
        String createdByName,
        long createdAt,
        Long updatedAt,
        long version) {

    public boolean isForAllProjects() {
        return productId == null;
    }
}
