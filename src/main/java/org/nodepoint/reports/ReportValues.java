package org.nodepoint.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.nodepoint.tickets.Hours;

/**
 * Reads a report's row into Java values by column type: TEXT as String, NUMBER as Long, HOURS as
 * {@link Hours}, DATE as String (a time formatted in the site's time zone, or the day or month that
 * the query built). A NULL stays null.
 */
final class ReportValues {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final List<ReportColumn> columns;
    private final DateTimeFormatter time;

    ReportValues(List<ReportColumn> columns, ZoneId zone) {
        this.columns = columns;
        this.time = TIME.withZone(zone);
    }

    List<Object> read(ResultSet rs) throws SQLException {
        List<Object> values = new ArrayList<>(columns.size());
        for (ReportColumn column : columns) {
            values.add(value(rs, column));
        }
        return values;
    }

    private Object value(ResultSet rs, ReportColumn column) throws SQLException {
        Object raw = rs.getObject(column.name());
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case TEXT -> raw.toString();
            case NUMBER -> ((Number) raw).longValue();
            case HOURS -> new Hours(((Number) raw).longValue());
            case DATE -> raw instanceof Number millis ? time.format(Instant.ofEpochMilli(millis.longValue())) : raw.toString();
        };
    }

    /** Returns a value as the page shows it: hours as 1.25, null as an empty cell. */
    static String display(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Hours hours ? hours.plain() : value.toString();
    }

    /** Returns a value as {@link org.nodepoint.csv.CsvOutput} takes it: hours as an exact decimal number. */
    static Object csv(Object value) {
        return value instanceof Hours hours ? hours.value().stripTrailingZeros() : value;
    }

    /** Adds {@code value} to a running total of the same type. A null value leaves the total unchanged. */
    static Object add(Object total, Object value) {
        if (value == null) {
            return total;
        }
        if (value instanceof Hours hours) {
            return total == null ? hours : ((Hours) total).plus(hours);
        }
        long number = (Long) value;
        return total == null ? number : Math.addExact((Long) total, number);
    }
}
