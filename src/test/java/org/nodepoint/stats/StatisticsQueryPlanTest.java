package org.nodepoint.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.ProductVisibility;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The statistics statements as SQLite plans them with their parameters bound: each one reads a
 * range or a scan of one covering index, never the tickets table itself, so that the page stays
 * fast on a site with many tickets.
 */
class StatisticsQueryPlanTest {
    private static final long[] WEEK = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 3, 31);

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Viewer manager;
    private Viewer restricted;
    private Viewer member;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        manager = node.viewer(node.user("maya", Level.PROJECTS_MANAGEMENT));
        restricted = node.viewer(node.user("rita", Level.RESTRICTED_VIEW));
        member = node.viewer(node.user("lou", Level.AUTHORIZED));
        node.wiring.database.write().useHandle(handle -> handle.execute("ANALYZE"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private List<String> plan(Viewer viewer, Function<StatisticsQueries, Query> statement) {
        Map<String, Object> binds = new HashMap<>();
        String access = node.wiring.tickets.accessCondition(viewer, binds);
        return node.wiring.database.read().withHandle(handle -> {
            StatisticsQueries.TicketReach reach = new StatisticsQueries.TicketReach(node.wiring.tickets.seesOnlyOwnTickets(viewer),
                    node.wiring.tickets.seesEveryTicket(viewer));
            StatisticsQueries queries = new StatisticsQueries(handle, access, binds, reach, "EXPLAIN QUERY PLAN ");
            return statement.apply(queries).map((row, ctx) -> row.getString("detail")).list();
        });
    }

    /** True when the step reads the tickets table row by row instead of through an index. */
    private static boolean scansTicketTable(String step) {
        return step.matches("SCAN t( .*)?") && !step.contains("COVERING INDEX");
    }

    @Test
    void created_per_day_reads_created_index() {
        node.set(Settings.TICKET_VISIBILITY, "Public");
        for (Viewer viewer : List.of(manager, restricted, member)) {
            List<String> steps = plan(viewer, queries -> queries.createdBetweenQuery(WEEK, null));

            assertThat(steps).as("viewer level %d", viewer.level())
                    .anySatisfy(step -> assertThat(step).contains("COVERING INDEX tickets_created (created_at>? AND created_at<?)"))
                    .noneSatisfy(step -> assertThat(scansTicketTable(step)).isTrue());
        }
    }

    @Test
    void user_per_day_reads_creator_index() {
        node.set(Settings.TICKET_VISIBILITY, "Public");
        for (Viewer viewer : List.of(manager, member)) {
            List<String> steps = plan(viewer, queries -> queries.createdBetweenQuery(WEEK, restricted.userId()));

            assertThat(steps).as("viewer level %d", viewer.level())
                    .anySatisfy(step -> assertThat(step).contains("tickets_created_by_created (created_by=? AND created_at>? AND created_at<?)"))
                    .noneSatisfy(step -> assertThat(scansTicketTable(step)).isTrue());
        }
    }

    @Test
    void own_tickets_read_creator_index() {
        node.set(Settings.TICKET_VISIBILITY, "Restricted");

        List<String> steps = plan(member, queries -> queries.createdBetweenQuery(WEEK, null));

        assertThat(steps).anySatisfy(step -> assertThat(step).contains("tickets_created_by_created (created_by=? AND created_at>? AND created_at<?)"));
    }

    @Test
    void by_status_sums_counters_for_every_ticket() {
        for (Viewer viewer : List.of(manager, restricted)) {
            List<String> steps = plan(viewer, queries -> queries.byStatusQuery(null));

            assertThat(steps).as("viewer level %d", viewer.level())
                    .anySatisfy(step -> assertThat(step).contains("ticket_status_counts"))
                    .noneSatisfy(step -> assertThat(step).contains(" t "));
        }
    }

    @Test
    void by_status_of_member_reads_covering_index() {
        node.set(Settings.TICKET_VISIBILITY, "Public");

        List<String> steps = plan(member, queries -> queries.byStatusQuery(null));

        assertThat(steps).anySatisfy(step -> assertThat(step).contains("COVERING INDEX tickets_report_status"))
                .noneSatisfy(step -> assertThat(scansTicketTable(step)).isTrue());
    }

    @Test
    void by_status_of_user_reads_creator_index() {
        node.set(Settings.TICKET_VISIBILITY, "Public");
        for (Viewer viewer : List.of(restricted, member)) {
            List<String> steps = plan(viewer, queries -> queries.byStatusQuery(restricted.userId()));

            assertThat(steps).as("viewer level %d", viewer.level())
                    .anySatisfy(step -> assertThat(step).contains("tickets_created_by_created (created_by=?)"))
                    .noneSatisfy(step -> assertThat(scansTicketTable(step)).isTrue());
        }
    }

    @Test
    void time_entries_read_created_index() {
        List<String> everyone = plan(restricted, queries -> queries.timeEntriesQuery(0, 1, null));
        List<String> ofUser = plan(restricted, queries -> queries.timeEntriesQuery(0, 1, member.userId()));

        assertThat(everyone).anySatisfy(step -> assertThat(step).contains("time_entries_created (created_at>? AND created_at<?)"));
        assertThat(ofUser).anySatisfy(step -> assertThat(step).contains("time_entries_user_created (user_id=? AND created_at>? AND created_at<?)"));
    }

    @Test
    void tasks_and_items_read_day_indexes() {
        Set<String> visible = ProductVisibility.labelsVisibleTo(restricted);

        List<String> tasks = plan(restricted, queries -> queries.tasksDueQuery(FIRST, LAST, visible, null));
        List<String> tasksOfUser = plan(restricted, queries -> queries.tasksDueQuery(FIRST, LAST, visible, member.userId()));
        List<String> items = plan(restricted, queries -> queries.itemsExpiringQuery(FIRST, LAST));

        assertThat(tasks).anySatisfy(step -> assertThat(step).contains("tasks_product_due (product_id=? AND due_date>? AND due_date<?)"));
        assertThat(tasksOfUser).anySatisfy(step -> assertThat(step).contains("tasks_assignee_due (assignee_id=? AND due_date>? AND due_date<?)"));
        assertThat(items).anySatisfy(step -> assertThat(step).contains("items_expires (expires_on>? AND expires_on<?)"));
    }
}
