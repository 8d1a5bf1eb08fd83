package org.nodepoint.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Viewer;

/**
 * Each of the twenty reports over the rows of {@link ReportFixture}: the rows as the page shows
 * them and the total row, for the administrator, who reads everything, and for alice (level 1),
 * who may not read the Restricted project's ticket.
 */
class ReportContentTest {
    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();
    private final ReportCatalogue catalogue = new ReportCatalogue();
    private TestNodePoint node;
    private ReportFixture fixture;

    @BeforeEach
    void fill() {
        node = TestNodePoint.configured(folder, ReportFixture.SETTINGS, clock);
        fixture = new ReportFixture(node);
    }

    @AfterEach
    void close() {
        node.close();
    }

    private ReportTable table(Viewer viewer, int number) {
        return node.wiring.reports.page(viewer, catalogue.find(String.valueOf(number)).orElseThrow(), 0, 100);
    }

    private List<List<String>> rows(Viewer viewer, int number) {
        return table(viewer, number).rows().stream().map(row -> row.stream().map(ReportValues::display).toList()).toList();
    }

    /** Returns the total row without its first cell, which contains the word Total on the page. */
    private List<String> totals(Viewer viewer, int number) {
        List<String> totals = table(viewer, number).totals().stream().map(ReportValues::display).toList();
        return totals.subList(1, totals.size());
    }

    private Viewer admin() {
        return node.admin();
    }

    private Viewer alice() {
        return Viewer.of(fixture.alice);
    }

    @Test
    void report_1_time_per_user() {
        assertThat(rows(admin(), 1)).containsExactly(List.of("alice", "1.75"), List.of("bob", "2.5"));
        assertThat(totals(admin(), 1)).containsExactly("4.25");
        assertThat(rows(alice(), 1)).containsExactly(List.of("alice", "1.75"), List.of("bob", "-0.5"));
        assertThat(totals(alice(), 1)).containsExactly("1.25");
    }

    @Test
    void report_2_time_per_ticket() {
        long[] ids = fixture.tickets;

        assertThat(rows(admin(), 2)).containsExactly(
                List.of(String.valueOf(ids[3]), "Safe code", "3"),
                List.of(String.valueOf(ids[1]), "Toner low", "0.25"),
                List.of(String.valueOf(ids[0]), "Paper jam", "1"));
        assertThat(totals(admin(), 2)).containsExactly("", "4.25");
        assertThat(totals(alice(), 2)).containsExactly("", "1.25");
    }

    @Test
    void report_3_tickets_per_project() {
        assertThat(rows(admin(), 3)).containsExactly(List.of("Printers", "3"), List.of("Vault", "1"));
        assertThat(totals(admin(), 3)).containsExactly("4");
        assertThat(rows(alice(), 3)).containsExactly(List.of("Printers", "3"));
        assertThat(totals(alice(), 3)).containsExactly("3");
    }

    @Test
    void report_4_tickets_per_user() {
        assertThat(rows(admin(), 4)).containsExactly(List.of("alice", "2"), List.of("bob", "2"));
        assertThat(rows(alice(), 4)).containsExactly(List.of("alice", "2"), List.of("bob", "1"));
        assertThat(totals(alice(), 4)).containsExactly("3");
    }

    @Test
    void report_5_tickets_per_day_in_site_zone() {
        assertThat(rows(admin(), 5)).containsExactly(List.of("2026-04-05", "2"), List.of("2026-03-03", "1"),
                List.of("2026-03-01", "1"));
        assertThat(totals(admin(), 5)).containsExactly("4");
    }

    @Test
    void report_5_follows_time_zone_setting() {
        node.set("time_zone", "UTC");

        assertThat(rows(admin(), 5)).containsExactly(List.of("2026-04-05", "2"), List.of("2026-03-02", "1"),
                List.of("2026-03-01", "1"));
    }

    @Test
    void report_6_tickets_per_month() {
        assertThat(rows(admin(), 6)).containsExactly(List.of("2026-04", "2"), List.of("2026-03", "2"));
        assertThat(rows(alice(), 6)).containsExactly(List.of("2026-04", "1"), List.of("2026-03", "2"));
        assertThat(totals(alice(), 6)).containsExactly("3");
    }

    @Test
    void report_7_tickets_per_status() {
        assertThat(rows(admin(), 7)).containsExactly(List.of("New", "2"), List.of("Open", "1"), List.of("Closed", "1"));
        assertThat(totals(admin(), 7)).containsExactly("4");
        assertThat(rows(alice(), 7)).containsExactly(List.of("New", "1"), List.of("Open", "1"), List.of("Closed", "1"));
    }

    @Test
    void report_8_users_per_level() {
        assertThat(rows(admin(), 8)).containsExactly(List.of("0", "1"), List.of("1", "2"), List.of("2", "1"), List.of("5", "1"));
        assertThat(totals(admin(), 8)).containsExactly("5");
    }

    @Test
    void report_9_assigned_tickets_per_user() {
        assertThat(rows(admin(), 9)).containsExactly(List.of("alice", "1"), List.of("bob", "2"));
        assertThat(totals(admin(), 9)).containsExactly("3");
        assertThat(rows(alice(), 9)).containsExactly(List.of("alice", "1"), List.of("bob", "1"));
    }

    @Test
    void report_10_new_and_open_per_project() {
        assertThat(rows(admin(), 10)).containsExactly(List.of("Printers", "1", "1"), List.of("Vault", "1", "0"));
        assertThat(totals(admin(), 10)).containsExactly("2", "1");
        assertThat(rows(alice(), 10)).containsExactly(List.of("Printers", "1", "1"));
    }

    @Test
    void report_11_own_time_of_viewer() {
        long[] ids = fixture.tickets;

        assertThat(rows(alice(), 11)).containsExactly(
                List.of("2026-03-03 10:00", String.valueOf(ids[1]), "Toner low", "0.25"),
                List.of("2026-03-01 12:00", String.valueOf(ids[0]), "Paper jam", "1.5"));
        assertThat(totals(alice(), 11)).containsExactly("", "", "1.75");
        assertThat(rows(admin(), 11)).isEmpty();
        assertThat(totals(admin(), 11)).containsExactly("", "", "0");
    }

    @Test
    void report_12_comment_attachments() {
        long[] ids = fixture.tickets;

        assertThat(rows(admin(), 12)).containsExactly(
                List.of("2026-04-05 17:00", String.valueOf(ids[3]), "code.txt", "500", "bob"),
                List.of("2026-03-01 13:00", String.valueOf(ids[0]), "=cmd.txt", "1000", "alice"));
        assertThat(totals(admin(), 12)).containsExactly("", "", "1500", "");
        assertThat(rows(alice(), 12)).hasSize(1);
        assertThat(totals(alice(), 12)).containsExactly("", "", "1000", "");
    }

    @Test
    void report_13_tickets_per_article() {
        assertThat(rows(admin(), 13)).containsExactly(List.of("Reset a printer", "2"), List.of("Vault procedures", "1"));
        assertThat(totals(admin(), 13)).containsExactly("3");
        assertThat(rows(alice(), 13)).containsExactly(List.of("Reset a printer", "1"));
    }

    @Test
    void report_14_shoutbox_history_with_deletions() {
        assertThat(rows(admin(), 14)).containsExactly(
                List.of("2026-03-02 09:00", "bob", "=1+1", "2026-03-02 10:15", "moderator"),
                List.of("2026-03-01 09:00", "alice", "Coffee is ready", "", ""));
        assertThat(table(admin(), 14).totals()).containsOnlyNulls();
    }

    @Test
    void report_15_items_checked_out_per_user() {
        assertThat(rows(admin(), 15)).containsExactly(List.of("alice", "2"), List.of("bob", "1"));
        assertThat(totals(admin(), 15)).containsExactly("3");
    }

    @Test
    void report_16_clients_per_status() {
        assertThat(rows(admin(), 16)).containsExactly(List.of("Paid", "2"), List.of("Prospect", "1"));
        assertThat(totals(admin(), 16)).containsExactly("3");
    }

    @Test
    void report_17_active_sessions_without_tokens() {
        long now = clock.instant().toEpochMilli();
        long minute = Duration.ofMinutes(1).toMillis();
        node.wiring.database.write().useHandle(handle -> {
            String insert = "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
            handle.execute(insert, "hash-active", fixture.alice.id(), "csrf-active", now - 30 * minute, now - 5 * minute, now + 60 * minute);
            handle.execute(insert, "hash-expired", fixture.bob.id(), "csrf-expired", now - 90 * minute, now - 2 * minute, now - minute);
            handle.execute(insert, "hash-idle", fixture.moderator.id(), "csrf-idle", now - 300 * minute, now - 180 * minute, now + 60 * minute);
        });

        List<List<String>> rows = rows(admin(), 17);

        assertThat(rows).containsExactly(List.of("alice", "2026-03-02 09:30", "2026-03-02 09:55", "2026-03-02 11:00"));
        assertThat(rows.toString()).doesNotContain("hash-active").doesNotContain("csrf-active");
        assertThat(table(admin(), 17).totals()).containsOnlyNulls();
    }

    @Test
    void report_18_item_expirations() {
        assertThat(rows(admin(), 18)).containsExactly(List.of("2026-02-01", "Cable", "", "available", ""),
                List.of("2026-05-01", "Laptop", "", "checked_out", "alice"));
    }

    @Test
    void report_19_disabled_users() {
        assertThat(rows(admin(), 19)).containsExactly(List.of("gone", "1", "2026-03-02 10:00", ""),
                List.of("zero", "0", "2026-03-02 10:00", ""));
        assertThat(table(admin(), 19).totals()).containsOnlyNulls();
    }

    @Test
    void report_20_events_per_user() {
        assertThat(rows(admin(), 20)).containsExactly(List.of("alice", "2"), List.of("bob", "1"));
        assertThat(totals(admin(), 20)).containsExactly("3");
    }

    @Test
    void paged_report_keeps_whole_totals() {
        ReportTable second = node.wiring.reports.page(admin(), catalogue.find("2").orElseThrow(), 2, 2);

        assertThat(second.rows()).hasSize(1);
        assertThat(second.rowCount()).isEqualTo(3);
        assertThat(ReportValues.display(second.totals().get(2))).isEqualTo("4.25");
    }
}
