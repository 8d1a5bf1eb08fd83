package org.nodepoint.legacyimport;

import java.util.Map;

/**
 * One row of a NodePoint 1.x table: its rowid and its columns by lower-case name. Column types in
 * 1.x are advisory, so every accessor converts what it finds and a missing column reads as empty.
 */
record LegacyRow(long rowid, Map<String, Object> columns) {
    /** Returns the column as text with the entities that 1.x wrote decoded, or "" when it is NULL or missing. */
    String text(String column) {
        return LegacyText.decode(raw(column));
    }

    /** Returns the column as stored, or "" when it is NULL or missing. */
    String raw(String column) {
        Object value = columns.get(column);
        return value == null ? "" : value.toString();
    }

    /** Returns the column as a whole number, or null when it is empty or not a number. */
    Long number(String column) {
        String value = raw(column).strip();
        try {
            return value.isEmpty() ? null : Long.valueOf(value);
        } catch (NumberFormatException notWhole) {
            try {
                return (long) Double.parseDouble(value);
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
    }

    /** Returns the column as a decimal number, or null when it is empty or not a number. */
    Double decimal(String column) {
        String value = raw(column).strip();
        try {
            return value.isEmpty() ? null : Double.valueOf(value);
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
