package org.nodepoint.uploads;

/** The image of a product: a PNG, JPEG or GIF file in the upload folder, with the content type its leading bytes show. */
public record ProductImage(long productId, String storedName, long sizeBytes, String contentType, String sha256, long uploadedBy,
        long createdAt) {
}
