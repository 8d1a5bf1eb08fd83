package org.nodepoint.operations;

/**
 * A backup, restore or check that cannot go on, with a message for the operator that names the
 * file or setting at fault. Nothing half-written is left behind when it is raised.
 */
public final class BackupException extends Exception {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
