package org.nodepoint.reports;

import java.util.List;

/**
 * One page of a report: its rows, the number of rows in the whole report, and the totals of the
 * whole report, one per column, null for a column without a total.
 */
record ReportTable(List<List<Object>> rows, long rowCount, List<Object> totals) {
}
