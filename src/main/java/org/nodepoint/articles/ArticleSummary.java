package org.nodepoint.articles;

/** One row of an article list. {@code productName} is null for an article of all projects. */
public record ArticleSummary(long id, String title, Long productId, String productName, boolean published, long createdAt, Long updatedAt) {
}
