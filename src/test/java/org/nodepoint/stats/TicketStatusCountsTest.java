package org.nodepoint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;

/** The ticket_status_counts rows that triggers keep equal to a count of the tickets table. */
class TicketStatusCountsTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product printers;
    private Product network;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        printers = node.product("Printers", "Public");
        network = node.product("Network", "Restricted");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Map<String, Long> counters() {
        return query("SELECT product_id || ' ' || status, tickets FROM ticket_status_counts WHERE tickets <> 0");
    }

    private Map<String, Long> countedTickets() {
        return query("SELECT product_id || ' ' || status, count(*) FROM tickets GROUP BY product_id, status");
    }

    private Map<String, Long> query(String sql) {
        Map<String, Long> rows = new TreeMap<>();
        node.wiring.database.read().useHandle(handle -> handle.createQuery(sql)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(row -> rows.put(row.getKey(), row.getValue())));
        return rows;
    }

    private long ticket(Product product) {
        return node.ticket(node.admin(), product, "Paper jam", "Tray two jams.");
    }

    @Test
    void counters_follow_filing() {
        ticket(printers);
        ticket(printers);
        ticket(network);

        assertThat(counters()).isEqualTo(countedTickets());
        assertThat(counters()).containsEntry(printers.id() + " New", 2L).containsEntry(network.id() + " New", 1L);
    }

    @Test
    void counters_follow_status_changes() {
        long first = ticket(printers);
        ticket(printers);

        node.wiring.tickets.update(node.admin(), first, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);

        assertThat(counters()).isEqualTo(countedTickets());
        assertThat(counters()).containsEntry(printers.id() + " New", 1L).containsEntry(printers.id() + " Closed", 1L);
    }

    @Test
    void counters_follow_moves_and_deletions() {
        long moved = ticket(printers);
        long deleted = ticket(printers);
        ticket(network);

        node.wiring.database.write().useHandle(handle -> {
            handle.execute("UPDATE tickets SET product_id = ? WHERE id = ?", network.id(), moved);
            handle.execute("DELETE FROM tickets WHERE id = ?", deleted);
        });

        assertThat(counters()).isEqualTo(countedTickets());
        assertThat(counters()).containsExactlyEntriesOf(Map.of(network.id() + " New", 2L));
    }

    @Test
    void page_counts_match_counters() {
        ticket(printers);
        long closed = ticket(network);
        node.wiring.tickets.update(node.admin(), closed, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);

        StatisticsReport report = node.wiring.statistics.report(node.admin(), node.wiring.statistics.filter(null, null));

        assertThat(report.byStatus()).contains(new StatusCount("New", 1), new StatusCount("Closed", 1), new StatusCount("Open", 0));
    }
}
