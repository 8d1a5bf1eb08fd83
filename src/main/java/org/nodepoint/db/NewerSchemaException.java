package org.nodepoint.db;

/** The database was migrated by a newer NodePoint than this one, so this version must not open it. */
public final class NewerSchemaException extends IllegalStateException {
    public NewerSchemaException(String message) {
        super(message);
    }
}
