package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nodepoint.csv.ImportProgress;

/**
 * The state that every table import shares: the 1.x database, the transaction on the new database, the user
 * names already imported, the copied uploads and the report of each table.
 */
final class ImportContext {
    /** Rows between two progress reports, so that a terminal bar is not redrawn for every row. */
    private static final int PROGRESS_STEP = 1_000;

    final LegacyDatabase legacy;
    final Handle handle;
    final LegacyDates dates;
    final UserIds users;
    final LegacyUploads uploads;
    /** The time of the import in epoch milliseconds, for columns that 1.x did not have. */
    final long now;
    private final ImportProgress progress;
    private final Map<String, TableReport> reports = new LinkedHashMap<>();
    private final Map<String, Set<Long>> importedIds = new HashMap<>();
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
            if (rowsRead % PROGRESS_STEP == 0) {
                progress.rowsRead(rowsRead);
            }
        });
        progress.rowsRead(rowsRead);
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

    /** Notes a row that this import added, so that later rows can refer to it. */
    void added(String table, long id) {
        importedIds.computeIfAbsent(table, name -> new HashSet<>()).add(id);
    }

    /**
     * True when this import added a row with this id to our table. The import starts only on a
     * folder without records, so these are all the rows, and no query is needed per reference.
     */
    boolean exists(String table, long id) {
        return importedIds.getOrDefault(table, Set.of()).contains(id);
    }
}
