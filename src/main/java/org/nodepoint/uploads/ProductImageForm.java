package org.nodepoint.uploads;

import org.nodepoint.errors.FieldErrors;

/** The image part of a product's edit page: whether an image exists, the size limit, and the errors of the last upload. */
public record ProductImageForm(long productId, boolean hasImage, long maxBytes, FieldErrors errors) {
    public String maxSizeText() {
        return FileSize.format(maxBytes);
    }
}
