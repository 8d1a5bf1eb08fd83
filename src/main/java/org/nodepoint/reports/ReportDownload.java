package org.nodepoint.reports;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nodepoint.csv.CsvOutput;
import org.nodepoint.tickets.Hours;
import org.nodepoint.uploads.ContentDisposition;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Text;

/**
 * Sends a whole report as a CSV file: a header row, every row as the statement returns it, and a
 * total row when a column has a total. Rows go to the response while the statement runs, so a
 * long report never sits in memory.
 */
final class ReportDownload {
    private final ReportService reports;

    ReportDownload(ReportService reports) {
        this.reports = reports;
    }

    void send(Context ctx, ReportDefinition report, Viewer viewer, Text text) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", ContentDisposition.attachment(report.fileName()));
        ctx.header("X-Content-Type-Options", "nosniff");
        Object[] totals = new Object[report.columns().size()];
        try (CsvOutput csv = CsvOutput.to(ctx.outputStream())) {
            csv.record(report.columns().stream().map(column -> text.plain(column.labelKey())).toList());
            reports.forEachRow(viewer, report, row -> {
                addTo(totals, report.columns(), row);
                csv.record(row.stream().map(ReportValues::csv).toList());
            });
            if (report.hasTotals()) {
                csv.record(totalRow(report.columns(), totals, text.plain("reports.total")));
            }
        }
    }

    private static void addTo(Object[] totals, List<ReportColumn> columns, List<Object> row) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).summed()) {
                totals[i] = ReportValues.add(totals[i], row.get(i));
            }
        }
    }

    /**
     * Returns the total row: the word for total in the first cell, then each column's total, with
     * 0 for a summed column of a report without rows.
     */
    private static List<Object> totalRow(List<ReportColumn> columns, Object[] totals, String label) {
        List<Object> row = new ArrayList<>(Arrays.asList(totals));
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).summed()) {
                row.set(i, ReportValues.csv(totals[i] == null ? zero(columns.get(i)) : totals[i]));
            }
        }
        row.set(0, label);
        return row;
    }

    private static Object zero(ReportColumn column) {
        return column.type() == ColumnType.HOURS ? Hours.ZERO : (Object) 0L;
    }
}
