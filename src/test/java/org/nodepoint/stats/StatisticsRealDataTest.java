package org.nodepoint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SharedData;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketStatus;
import org.nodepoint.users.Level;

/**
 * The statistics page after the import of the Endava IT tickets (47,837 real help-desk tickets in
 * a zip) through the import-csv command: the charts show the numbers that SQL counts.
 */
class StatisticsRealDataTest {
    @TempDir
    Path folder;

    private TestNodePoint node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private Map<String, Long> countByStatusInSql() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TicketStatus status : TicketStatus.values()) {
            counts.put(status.label(), 0L);
        }
        node.wiring.database.read().useHandle(handle -> handle.createQuery("SELECT status, count(*) AS tickets FROM tickets GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("tickets")))
                .forEach(row -> counts.put(row.getKey(), row.getValue())));
        return counts;
    }

    @Test
    void charts_match_imported_tickets() {
        Path zip = SharedData.require("endava_it_tickets_kaggle_v3.zip");
        node = TestNodePoint.configured(folder);
        node.user("rita", Level.RESTRICTED_VIEW);
        node.close();
        node = null;

        CommandRun run = CommandRun.of("import-csv", "--data", folder.toString(), "--map", "description=Document",
                "--map", "product=Topic_group", zip.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        node = TestNodePoint.reopen(folder);
        Map<String, Long> expected = countByStatusInSql();
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(47_837);
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());
            assertThat(browser.signIn("rita", TestNodePoint.PASSWORD).status()).isEqualTo(302);
            Browser.Page response = browser.get("/stats");
            assertThat(response.status()).isEqualTo(200);
            Document page = Jsoup.parse(response.body());

            Map<String, Long> pageCounts = new LinkedHashMap<>();
            page.select("#status-table tbody tr").forEach(row -> pageCounts.put(row.select("td").get(0).text(),
                    Long.parseLong(row.select("td").get(1).text())));
            assertThat(pageCounts).containsExactlyEntriesOf(expected);
            assertThat(page.select("#status-title").text()).isEqualTo("Tickets by status: " + total);
            // The import stamps every ticket with the time of the import, so all of them fall in the last 7 days.
            assertThat(page.select("#created-title").text()).isEqualTo("Tickets created in the last 7 days: " + total);
        });
    }
}
