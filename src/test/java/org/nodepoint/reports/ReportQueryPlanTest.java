package org.nodepoint.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Viewer;

/**
 * The query plans of the reports that read every ticket or time entry: each reads a covering index
 * instead of the table, for a level 1 reader, whose access condition reads the project and the
 * author of each ticket. NodePoint never runs ANALYZE, so these are the plans that SQLite's
 * planner picks without table statistics.
 */
class ReportQueryPlanTest {
    @TempDir
    Path folder;

    private final ReportCatalogue catalogue = new ReportCatalogue();
    private TestNodePoint node;
    private ReportFixture fixture;

    @BeforeEach
    void fill() {
        node = TestNodePoint.configured(folder, ReportFixture.SETTINGS, new ManualClock());
        fixture = new ReportFixture(node);
    }

    @AfterEach
    void close() {
        node.close();
    }

    private String plan(int number) {
        ReportDefinition report = catalogue.find(String.valueOf(number)).orElseThrow();
        ReportScope scope = new ReportScope(Viewer.of(fixture.alice), node.wiring.tickets, node.wiring.articles, node.settings(),
                Instant.parse("2026-06-01T00:00:00Z"));
        ReportSql statement = report.query().build(scope);
        List<String> lines = node.wiring.database.read().withHandle(handle -> handle.createQuery("EXPLAIN QUERY PLAN " + statement.sql())
                .bindMap(statement.binds()).map((rs, ctx) -> rs.getString("detail")).list());
        return String.join("\n", lines);
    }

    @Test
    void ticket_counts_read_covering_indexes() {
        for (int number : new int[] {3, 4, 5, 6, 7, 10}) {
            assertThat(plan(number)).as("report %d", number).contains("COVERING INDEX tickets_report_");
        }
    }

    @Test
    void time_reports_read_covering_indexes() {
        assertThat(plan(1)).contains("COVERING INDEX time_entries_");
        assertThat(plan(2)).contains("COVERING INDEX time_entries_");
    }

    @Test
    void no_report_scans_ticket_table() {
        for (int number = 1; number <= 20; number++) {
            assertThat(plan(number)).as("report %d", number).doesNotContainPattern("SCAN t$|SCAN t\n|SCAN e$|SCAN e\n");
        }
    }
}
