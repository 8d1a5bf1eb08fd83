package org.nodepoint.syslog;

/** One stored system log line; {@code createdAt} is in epoch milliseconds. */
public record LogEntry(long id, long createdAt, String category, String actor, String message) {
}
