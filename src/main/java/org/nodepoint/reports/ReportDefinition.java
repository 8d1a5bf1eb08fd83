package org.nodepoint.reports;

import java.util.List;
import java.util.Locale;
import org.nodepoint.config.Component;

/**
 * One of the twenty reports: its number in the URL, the component it belongs to (its page returns
 * 404 while the component is off), the access level it needs beyond report_lvl (0 for none), its
 * columns and its statement. The page, the total row and the CSV file all come from this one
 * definition.
 */
record ReportDefinition(int number, String key, Component component, int minimumLevel, List<ReportColumn> columns,
        ReportQuery query) {
    String titleKey() {
        return "reports." + key + ".title";
    }

    String descriptionKey() {
        return "reports." + key + ".description";
    }

    boolean hasTotals() {
        return columns.stream().anyMatch(ReportColumn::summed);
    }

    /** Returns the download's file name, such as "report-03-tickets-per-project.csv". */
    String fileName() {
        return String.format("report-%02d-%s.csv", number, key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    }
}
