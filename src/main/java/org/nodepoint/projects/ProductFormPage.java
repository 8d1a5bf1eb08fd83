package org.nodepoint.projects;

import org.nodepoint.errors.FieldErrors;
import org.nodepoint.uploads.ProductImageForm;
import org.nodepoint.web.Chrome;

/** The create form (productId null) or edit form of a product; {@code image} is the edit form's image part, null when creating. */
public record ProductFormPage(Chrome chrome, Long productId, ProductForm form, FieldErrors errors, ProductImageForm image) {
    public boolean isNew() {
        return productId == null;
    }
}
