package org.nodepoint.errors;

/**
 * SQLite could not grow the database (SQLITE_FULL): the disk or the file system quota is full.
 * The write was rolled back whole, so nothing of it was stored.
 */
public final class StorageFullException extends UnavailableException {
    /** Freeing disk space needs a person, so clients should not retry at once. */
    public static final int RETRY_AFTER_SECONDS = 60;

    public StorageFullException(Throwable cause) {
        super("error.unavailable.diskFull", RETRY_AFTER_SECONDS);
        initCause(cause);
    }
}
