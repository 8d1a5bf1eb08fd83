package org.nodepoint.articles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nodepoint.projects.ProductVisibility;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The one rule for which articles a viewer may see, as an SQL condition on the alias {@code a}.
 * Level 4 and up see every article, drafts included. Below level 4 a viewer sees only published
 * articles that are for all projects or for a project that the viewer may see. The list, the
 * article page, ticket links, search, the home page and custom form answers all read articles
 * through this condition, so a draft's title reaches no one below level 4.
 */
final class ArticleAccess {
    /** An SQL boolean expression and the values of its named parameters. */
    record Condition(String sql, Map<String, Object> binds) {
    }

    private ArticleAccess() {
    }

    static boolean seesDrafts(Viewer viewer) {
        return viewer.hasLevel(Level.PROJECTS_MANAGEMENT);
    }

    static Condition forViewer(Viewer viewer) {
        if (seesDrafts(viewer)) {
            return new Condition("1 = 1", Map.of());
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Set<ProductVisibility> visible = ProductVisibility.visibleTo(viewer);
        for (ProductVisibility visibility : visible) {
            String name = "article_visibility_" + names.size();
            names.add(":" + name);
            binds.put(name, visibility.label());
        }
        String sql = "a.published = 1 AND (a.product_id IS NULL OR a.product_id IN "
                + "(SELECT p.id FROM products p WHERE p.visibility IN (" + String.join(", ", names) + ")))";
        return new Condition(sql, binds);
    }
}
