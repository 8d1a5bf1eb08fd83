package org.nodepoint.articles;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.web.Chrome;

/** The article editor; {@code version} is the stored version that the form was loaded with. */
public record ArticleEditPage(Chrome chrome, Article article, long version, ArticleForm form, List<Product> products, FieldErrors errors) {
}
