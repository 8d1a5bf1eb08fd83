package org.nodepoint.legacyimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one 1.x table: rows read, imported and skipped, with the reasons for skipped rows
 * and for repairs grouped by text. Every row read is either imported or skipped.
 */
public final class TableReport {
    private final String table;
    private long read;
    private long imported;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, Long> repaired = new LinkedHashMap<>();

    TableReport(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    void read() {
        read++;
    }

    void imported() {
        imported++;
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Counts a row that was imported with a change, such as a date that was not a date. */
    void repair(String reason) {
        repaired.merge(reason, 1L, Long::sum);
    }

    public long readCount() {
        return read;
    }

    public long importedCount() {
        return imported;
    }

    public long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, Long> skipReasons() {
        return skipped;
    }

    public Map<String, Long> repairReasons() {
        return repaired;
    }

    /** Returns the summary line followed by one indented line per reason. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(table + ": read " + read + ", imported " + imported + ", skipped " + skippedCount());
        skipped.forEach((reason, count) -> lines.add("  skipped: " + reason + " (" + count + ")"));
        repaired.forEach((reason, count) -> lines.add("  repaired: " + reason + " (" + count + ")"));
        return lines;
    }
}
