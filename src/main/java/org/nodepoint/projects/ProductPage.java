package org.nodepoint.projects;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** A product with its releases, and the add-release form for level 3 and up. */
public record ProductPage(
        Chrome chrome,
        Product product,
        List<Release> releases,
        long ticketCount,
        boolean canAddRelease,
        boolean canEdit,
        String version,
        String notes,
        FieldErrors errors,
        boolean hasImage) {
}
