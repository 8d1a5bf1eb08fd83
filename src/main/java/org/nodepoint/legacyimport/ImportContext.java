package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nodepoint.csv.ImportProgress;

/**
 * What every table import shares: the 1.x database, the transaction on the new database, the user
 * names already imported, the copied uploads and the report of each table.
 */
final class ImportContext {
    final LegacyDatabase legacy;
    final Handle handle;
    final LegacyDates dates;
    final UserIds users;
    final LegacyUploads uploads;
    /** The time of the import in epoch milliseconds, for columns that 1.x did not have. */
    final long now;
    private final ImportProgress progress;
    private final Map<String, TableReport> reports = new LinkedHashMap<>();
    private long rowsRead;

    ImportContext(LegacyDatabase legacy, Handle handle, LegacyDates dates, UserIds users, LegacyUploads uploads, long now,
            ImportProgress progress) {
        this.legacy = legacy;
        this.handle = handle;
        this.dates = dates;
        this.users = users;
        this.uploads = uploads;
        this.now = now;
        this.progress = progress;
    }

    TableReport report(String table) {
        return reports.computeIfAbsent(table, TableReport::new);
    }

    List<TableReport> reports() {
        return List.copyOf(reports.values());
    }

    /** Reads every row of the 1.x table and passes it to the action, counting it as read. */
    void each(String table, RowAction action) throws SQLException {
        TableReport report = report(table);
        legacy.forEach(table, row -> {
            report.read();
            action.apply(row, report);
            rowsRead++;
            progress.rowsRead(rowsRead);
        });
    }

    /**
     * Returns a time column that must have a value. "Never" or text that is not a date becomes the
     * time of the import, and the row counts as repaired.
     */
    long requiredTime(LegacyRow row, String column, TableReport report) {
        String text = row.raw(column);
        Optional<Long> time = LegacyDates.isNever(text) ? Optional.empty() : dates.parse(text);
        if (time.isEmpty()) {
            report.repair(column + " was Never, empty or not a date; set to the time of the import");
        }
        return time.orElse(now);
    }

    /** Returns a time column, empty for "Never"; text that is not a date is empty too and counts as repaired. */
    Optional<Long> optionalTime(LegacyRow row, String column, TableReport report) {
        String text = row.raw(column);
        if (LegacyDates.isNever(text)) {
            return Optional.empty();
        }
        Optional<Long> time = dates.parse(text);
        if (time.isEmpty()) {
            report.repair(column + " is not a date; left empty");
        }
        return time;
    }

    /** True when a row with this id exists in our table; the table name comes from the importers' own constants. */
    boolean exists(String table, long id) {
        return handle.createQuery("SELECT 1 FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).findOne().isPresent();
    }
}
