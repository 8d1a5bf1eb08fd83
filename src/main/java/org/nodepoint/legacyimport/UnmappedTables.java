package org.nodepoint.legacyimport;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts the rows of the 1.x tables that this version has no place for, each skipped with the reason. */
final class UnmappedTables {
    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        String signIn = "1.x sessions and codes are not valid in this version; users sign in again";
        REASONS.put("sessions", signIn);
        REASONS.put("lostpass", signIn);
        String vault = "this version has no secrets vault; the secrets stay in the 1.x database";
        REASONS.put("secrets", vault);
        REASONS.put("secrets_log", vault);
        String routing = "this version has no ticket routing rules";
        REASONS.put("routing", routing);
        REASONS.put("routing_conditions", routing);
        REASONS.put("routing_actions", routing);
        String automation = "this version has no automation modules";
        REASONS.put("auto", automation);
        REASONS.put("auto_modules", automation);
        REASONS.put("auto_log", automation);
        REASONS.put("auto_config", automation);
        REASONS.put("steps_log", "the task log of this version records only its own events");
        REASONS.put("files_product", "this version has no per-project file list; the files are imported as shared files");
    }

    private UnmappedTables() {
    }

    static void run(ImportContext context) throws SQLException {
        for (Map.Entry<String, String> table : REASONS.entrySet()) {
            context.each(table.getKey(), (row, report) -> report.skip(table.getValue()));
        }
    }
}
