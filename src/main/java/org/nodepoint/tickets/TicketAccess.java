package org.nodepoint.tickets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nodepoint.config.TicketVisibility;
import org.nodepoint.projects.ProductVisibility;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The one rule for which tickets a viewer may read, as an SQL condition on the alias {@code t}.
 * The list, the ticket page, search and every count use it. A ticket is visible when its
 * product is visible to the viewer and the site-wide ticket visibility allows it. Its creator
 * may always read it, and level 4 and up read every ticket.
 */
final class TicketAccess {
    /** An SQL boolean expression and the values of its named parameters. */
    /**
     * An SQL boolean expression and the values of its named parameters. {@code narrow} is true when
     * the viewer may read only their own tickets (or none), so that few tickets pass.
     */
    record Condition(String sql, Map<String, Object> binds, boolean narrow) {
        boolean isAlwaysTrue() {
            return "1 = 1".equals(sql);
        }
    }

    private TicketAccess() {
    }

    static Condition forViewer(Viewer viewer, TicketVisibility setting) {
        return forViewer(viewer, setting, "access_");
    }

    /**
     * Builds the condition with parameter names that start with {@code bindPrefix}, so that the
     * conditions of several viewers can share one statement.
     */
    static Condition forViewer(Viewer viewer, TicketVisibility setting, String bindPrefix) {
        String viewerName = bindPrefix + "viewer";
        if (viewer.hasLevel(Level.PROJECTS_MANAGEMENT)) {
            return new Condition("1 = 1", Map.of(), false);
        }
        if (!ticketRuleAllows(viewer, setting)) {
            // Only the creator rule is left, written so that the created_by index can serve it.
            return viewer.isGuest()
                    ? new Condition("0 = 1", Map.of(), true)
                    : new Condition("t.created_by = :" + viewerName, Map.of(viewerName, viewer.userId()), true);
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        Set<ProductVisibility> visible = ProductVisibility.visibleTo(viewer);
        if (visible.size() < ProductVisibility.values().length) {
            List<String> names = new ArrayList<>();
            for (ProductVisibility visibility : visible) {
                String name = bindPrefix + "visibility_" + names.size();
                names.add(":" + name);
                binds.put(name, visibility.label());
            }
            parts.add("t.product_id IN (SELECT id FROM products WHERE visibility IN (" + String.join(", ", names) + "))");
        }
        String shared = parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        if (viewer.isGuest()) {
            return new Condition(shared, binds, false);
        }
        binds.put(viewerName, viewer.userId());
        return new Condition("(t.created_by = :" + viewerName + " OR (" + shared + "))", binds, false);
    }

    /** True when the condition passes every ticket: from level 4, or when the viewer may see every product and the ticket rule allows. */
    static boolean passesEveryTicket(Viewer viewer, TicketVisibility setting) {
        return viewer.hasLevel(Level.PROJECTS_MANAGEMENT)
                || (ticketRuleAllows(viewer, setting) && ProductVisibility.visibleTo(viewer).size() == ProductVisibility.values().length);
    }

    private static boolean ticketRuleAllows(Viewer viewer, TicketVisibility setting) {
        return switch (setting) {
            case PUBLIC -> true;
            case PRIVATE -> viewer.isSignedIn();
            case RESTRICTED -> viewer.hasLevel(Level.RESTRICTED_VIEW);
        };
    }
}
