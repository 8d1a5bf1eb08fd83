package org.nodepoint.forms;

/** A row of the forms list. */
public record FormSummary(long id, String name, int fieldCount, int productCount, boolean isDefault, long createdAt, Long updatedAt) {
}
