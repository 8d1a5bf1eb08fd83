package org.nodepoint.reports;

import java.util.Map;

/** The SELECT statement of a report, with an ORDER BY, and the values of its named parameters. */
record ReportSql(String sql, Map<String, Object> binds) {
}
