package org.nodepoint.reports;

/**
 * One column of a report. {@code name} is the column's alias in the report's SQL and the last part
 * of its label's message key ({@code reports.column.<name>}). {@code summed} columns get a total.
 */
record ReportColumn(String name, ColumnType type, boolean summed) {
    static ReportColumn text(String name) {
        return new ReportColumn(name, ColumnType.TEXT, false);
    }

    static ReportColumn date(String name) {
        return new ReportColumn(name, ColumnType.DATE, false);
    }

    /** Returns a column of counts or sizes, with a total. */
    static ReportColumn count(String name) {
        return new ReportColumn(name, ColumnType.NUMBER, true);
    }

    /** Returns a column of numbers without a total, such as ticket ids or access levels. */
    static ReportColumn number(String name) {
        return new ReportColumn(name, ColumnType.NUMBER, false);
    }

    static ReportColumn hours(String name) {
        return new ReportColumn(name, ColumnType.HOURS, true);
    }

    String labelKey() {
        return "reports.column." + name;
    }
}
