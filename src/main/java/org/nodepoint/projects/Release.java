package org.nodepoint.projects;

/** A release (milestone, version) of a product; tickets refer to it by its version text. */
public record Release(long id, long productId, String version, String notes, long createdBy, String createdByName, long createdAt) {
}
