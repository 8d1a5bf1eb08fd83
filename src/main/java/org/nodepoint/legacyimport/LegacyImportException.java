package org.nodepoint.legacyimport;

/** An import that cannot start or did not finish; the message names the cause and what to do. Nothing was imported. */
public final class LegacyImportException extends RuntimeException {
    public LegacyImportException(String message) {
        super(message);
    }

    public LegacyImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
