package org.nodepoint.legacyimport;

import java.util.ArrayList;
import java.util.List;

/** The outcome of a finished import: one report per 1.x table, and what became of the settings. */
public record ImportSummary(List<TableReport> tables, List<String> unknownSettings, List<String> settingsNotes) {
    /** Returns the report as lines of text: each table with its reasons, then the settings. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        tables.forEach(table -> lines.addAll(table.lines()));
        settingsNotes.forEach(note -> lines.add("settings: " + note));
        if (!unknownSettings.isEmpty()) {
            lines.add("settings: not copied, unknown to this version: " + String.join(", ", unknownSettings));
        }
        return lines;
    }

    public long imported() {
        return tables.stream().mapToLong(TableReport::importedCount).sum();
    }

    public long skipped() {
        return tables.stream().mapToLong(TableReport::skippedCount).sum();
    }
}
