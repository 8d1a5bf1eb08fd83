package org.nodepoint.reports;

import java.util.ArrayList;
import java.util.List;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/** Turns a report's definition and one page of its rows into the page record of the template. */
final class ReportPages {
    private ReportPages() {
    }

    static ReportPage page(Chrome chrome, ReportDefinition report, ReportTable table, Paging paging) {
        List<ReportPage.Column> columns = report.columns().stream()
                .map(column -> new ReportPage.Column(column.labelKey(), column.type() == ColumnType.NUMBER || column.type() == ColumnType.HOURS))
                .toList();
        List<List<String>> rows = table.rows().stream().map(ReportPages::shown).toList();
        List<String> totals = report.hasTotals() ? shown(table.totals()) : List.of();
        return new ReportPage(chrome, report.number(), report.titleKey(), report.descriptionKey(), columns, rows, totals, paging);
    }

    private static List<String> shown(List<Object> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(ReportValues.display(value));
        }
        return cells;
    }
}
