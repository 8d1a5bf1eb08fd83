package org.nodepoint.projects;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/** The audience of a product and its tickets. Level 4 (projects management) and up see every product. */
public enum ProductVisibility {
    /** Everyone, guests included. */
    PUBLIC("Public"),
    /** Every signed-in user. */
    PRIVATE("Private"),
    /** Level 2 (restricted view) and up. */
    RESTRICTED("Restricted"),
    /** Visible like a public product, but closed to new tickets. */
    ARCHIVED("Archived");

    private final String label;

    ProductVisibility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ProductVisibility> parse(String text) {
        String clean = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(value -> value.label.equalsIgnoreCase(clean)).findFirst();
    }

    /** Returns the stored labels of the visibilities whose products this viewer may see, for a query. */
    public static Set<String> labelsVisibleTo(Viewer viewer) {
        return visibleTo(viewer).stream().map(ProductVisibility::label).collect(Collectors.toSet());
    }

    /** Returns the visibilities whose products this viewer may see. */
    public static Set<ProductVisibility> visibleTo(Viewer viewer) {
        if (viewer.hasLevel(Level.PROJECTS_MANAGEMENT)) {
            return EnumSet.allOf(ProductVisibility.class);
        }
        Set<ProductVisibility> visible = EnumSet.of(PUBLIC, ARCHIVED);
        if (viewer.isSignedIn()) {
            visible.add(PRIVATE);
        }
        if (viewer.hasLevel(Level.RESTRICTED_VIEW)) {
            visible.add(RESTRICTED);
        }
        return visible;
    }
}
