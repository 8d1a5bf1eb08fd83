package org.nodepoint.articles;

/**
 * The fields of the article editor as typed. {@code product} is a project id, or "" for all
 * projects. The form that creates a draft sends only the title and the project.
 */
public record ArticleForm(String title, String body, String product, boolean published) {
    public static ArticleForm of(Article article) {
        return new ArticleForm(article.title(), article.body(), article.productId() == null ? "" : String.valueOf(article.productId()),
                article.published());
    }

    public static ArticleForm blank() {
        return new ArticleForm("", "", "", false);
    }
}
