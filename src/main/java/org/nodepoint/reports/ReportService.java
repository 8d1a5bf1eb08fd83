package org.nodepoint.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.tickets.Hours;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Viewer;

/** Runs the reports for a viewer: one page with the totals of the whole report, or every row for a CSV file. */
public final class ReportService {
    private final Jdbi read;
    private final TicketService tickets;
    private final ArticleService articles;
    private final SettingsStore settings;
    private final Clock clock;

    public ReportService(Database database, TicketService tickets, ArticleService articles, SettingsStore settings, Clock clock) {
        this.read = database.read();
        this.tickets = tickets;
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads one page of the report, and the row count and totals of the whole report, in one transaction. */
    ReportTable page(Viewer viewer, ReportDefinition report, long offset, int limit) {
        Settings current = settings.current();
        ReportSql statement = report.query().build(new ReportScope(viewer, tickets, articles, current, clock.instant()));
        ReportValues values = new ReportValues(report.columns(), current.zone());
        return read.inTransaction(handle -> {
            List<Object> summary = summary(handle, report.columns(), statement);
            List<List<Object>> rows = handle.createQuery(statement.sql() + " LIMIT :report_limit OFFSET :report_offset")
                    .bindMap(statement.binds()).bind("report_limit", limit).bind("report_offset", offset)
                    .map((rs, ctx) -> values.read(rs)).list();
            long rowCount = (Long) summary.remove(0);
            return new ReportTable(rows, rowCount, summary);
        });
    }

    /** Passes every row of the report to {@code rows}, one at a time, while the statement runs. */
    void forEachRow(Viewer viewer, ReportDefinition report, Consumer<List<Object>> rows) {
        Settings current = settings.current();
        ReportSql statement = report.query().build(new ReportScope(viewer, tickets, articles, current, clock.instant()));
        ReportValues values = new ReportValues(report.columns(), current.zone());
        read.useHandle(handle -> handle.createQuery(statement.sql()).bindMap(statement.binds())
                .map((rs, ctx) -> values.read(rs)).forEach(rows));
    }

    /** Returns the row count, then one total per column (null for a column without one). */
    private static List<Object> summary(Handle handle, List<ReportColumn> columns, ReportSql statement) {
        StringBuilder sql = new StringBuilder("SELECT count(*) AS row_count");
        for (ReportColumn column : columns) {
            if (column.summed()) {
                sql.append(", sum(").append(column.name()).append(") AS ").append(column.name());
            }
        }
        sql.append(" FROM (").append(statement.sql()).append(')');
        return handle.createQuery(sql.toString()).bindMap(statement.binds()).map((rs, ctx) -> {
            List<Object> summary = new ArrayList<>();
            summary.add(rs.getLong("row_count"));
            for (ReportColumn column : columns) {
                summary.add(column.summed() ? total(column, rs.getLong(column.name())) : null);
            }
            return summary;
        }).one();
    }

    private static Object total(ReportColumn column, long sum) {
        return column.type() == ColumnType.HOURS ? new Hours(sum) : (Object) sum;
    }
}
