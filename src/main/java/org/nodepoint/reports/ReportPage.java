package org.nodepoint.reports;

import java.util.List;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * One page of a report on screen: its header labels, the rows as shown, and the total row of the
 * whole report (empty when no column has a total, with "" for each column without one).
 */
public record ReportPage(Chrome chrome, int number, String titleKey, String descriptionKey, List<Column> columns,
        List<List<String>> rows, List<String> totals, Paging paging) {
    /** A column's label key, and whether it contains numbers, which are aligned to the right. */
    public record Column(String labelKey, boolean numeric) {
    }

    public String csvPath() {
        return "/reports/" + number + ".csv";
    }
}
