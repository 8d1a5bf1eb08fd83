package org.nodepoint.reports;

/**
 * The kind of value in a report column. It decides how the page shows a value, how the CSV file
 * writes it, and whether the column may have a total.
 */
public enum ColumnType {
    /** Text as stored. The CSV file neutralises text that a spreadsheet would read as a formula. */
    TEXT,
    /** A whole number, written to the CSV file as a number. */
    NUMBER,
    /** Hours from hundredths of an hour, such as 1.25, written to the CSV file as a number. */
    HOURS,
    /** A time (epoch milliseconds, shown in the site's time zone) or a day or month that the query built as text. */
    DATE
}
