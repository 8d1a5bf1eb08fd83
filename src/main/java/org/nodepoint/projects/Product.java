package org.nodepoint.projects;

/** A product (or project, resource...) that tickets and releases belong to. */
public record Product(long id, String name, String model, String description, String visibility, long createdAt, Long updatedAt) {
    public boolean isArchived() {
        return ProductVisibility.ARCHIVED.label().equals(visibility);
    }
}
