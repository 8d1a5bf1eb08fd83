package org.nodepoint.projects;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;

/** The create form (productId null) or edit form of a product. */
public record ProductFormPage(Chrome chrome, Long productId, ProductForm form, FieldErrors errors) {
    public boolean isNew() {
        return productId == null;
    }
}
