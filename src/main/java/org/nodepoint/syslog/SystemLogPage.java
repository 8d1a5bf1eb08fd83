package org.nodepoint.syslog;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * The system log page: one page of entries, the filters as typed (text, and a category's stored
 * value or ""), the categories to choose from, and the filter errors, if any.
 */
public record SystemLogPage(Chrome chrome, List<LogEntry> entries, Paging paging, String text, String category,
        List<LogCategory> categories, FieldErrors errors) {
    public boolean isFiltered() {
        return !text.isBlank() || !category.isBlank();
    }
}
