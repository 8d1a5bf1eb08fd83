package org.nodepoint.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/** Builds a report's statement for one viewer. */
@FunctionalInterface
interface ReportQuery {
    ReportSql build(ReportScope scope);

    /** Returns a statement whose only parameters are the access conditions that {@code sql} adds to {@code binds}. */
    static ReportQuery of(BiFunction<ReportScope, Map<String, Object>, String> sql) {
        return scope -> {
            Map<String, Object> binds = new LinkedHashMap<>();
            String text = sql.apply(scope, binds);
            return new ReportSql(text, binds);
        };
    }
}
