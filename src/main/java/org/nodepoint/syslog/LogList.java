package org.nodepoint.syslog;

import java.util.List;

/** One page of system log entries, newest first, and the number of entries that match the filter. */
public record LogList(List<LogEntry> rows, long total) {
    static final LogList EMPTY = new LogList(List.of(), 0);
}
