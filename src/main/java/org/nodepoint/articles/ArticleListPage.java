package org.nodepoint.articles;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * The article list with its project filter ({@code filter} is "", "all" or a project id) and, for
 * level 4, the form that creates a draft.
 */
public record ArticleListPage(Chrome chrome, ArticleList articles, Paging paging, String filter, List<Product> filterProducts,
        boolean canManage, List<Product> allProducts, ArticleForm form, FieldErrors errors) {

    public boolean isFiltered() {
        return !filter.isEmpty();
    }
}
