package org.nodepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.TestNodePoint;

/**
 * The item list's queries, as SQLite plans them with the parameters bound: each filter reads an
 * index, so a page of a large inventory does not scan the table.
 */
class ItemListingTest {
    @TempDir
    Path folder;

    private TestNodePoint node;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        for (int i = 0; i < 30; i++) {
            node.wiring.items.add(node.admin(), new ItemForm("Laptop " + i, i % 2 == 0 ? "Laptop" : "Phone", "SN-" + i, "", "", false, ""),
                    ItemRules.TypeRule.LISTED, Submission.NONE);
        }
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private List<String> pagePlan(ItemFilter filter) {
        ItemListing listing = new ItemListing(filter, "2026-03-02");
        return node.wiring.database.read().withHandle(handle -> {
            Query explain = handle.createQuery("EXPLAIN QUERY PLAN " + listing.pageSql());
            listing.bindPage(explain, 20, 20);
            return explain.map((row, ctx) -> row.getString("detail")).list();
        });
    }

    private List<String> countPlan(ItemFilter filter) {
        ItemListing listing = new ItemListing(filter, "2026-03-02");
        return node.wiring.database.read().withHandle(handle -> {
            Query explain = handle.createQuery("EXPLAIN QUERY PLAN " + listing.countSql());
            listing.bindFilters(explain);
            return explain.map((row, ctx) -> row.getString("detail")).list();
        });
    }

    @Test
    void unfiltered_page_reads_name_index() {
        assertThat(pagePlan(ItemFilter.ALL)).anySatisfy(step -> assertThat(step).contains("items_name"))
                .noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
    }

    @Test
    void status_filter_reads_status_index() {
        ItemFilter filter = new ItemFilter(ItemStatus.AVAILABLE, null, null);

        assertThat(pagePlan(filter)).anySatisfy(step -> assertThat(step).contains("items_status_name (status=?)"))
                .noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
        assertThat(countPlan(filter)).anySatisfy(step -> assertThat(step).contains("items_status"));
    }

    @Test
    void type_filter_reads_type_index() {
        ItemFilter filter = new ItemFilter(null, "Phone", null);

        assertThat(pagePlan(filter)).anySatisfy(step -> assertThat(step).contains("items_type_name (type=?)"))
                .noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
        assertThat(countPlan(filter)).anySatisfy(step -> assertThat(step).contains("items_type_name (type=?)"));
    }

    @Test
    void prefix_search_reads_name_and_serial_indexes() {
        List<String> plan = pagePlan(new ItemFilter(null, null, "lap"));

        assertThat(plan).anySatisfy(step -> assertThat(step).contains("items_name (name>? AND name<?)"));
        assertThat(plan).anySatisfy(step -> assertThat(step).contains("items_serial (serial>? AND serial<?)"));
    }

    @Test
    void prefix_search_takes_wildcards_literally() {
        ItemList none = node.wiring.items.list(node.admin(), new ItemFilter(null, null, "Laptop%"), 0, 50);
        ItemList one = node.wiring.items.list(node.admin(), new ItemFilter(null, null, "sn-1_"), 0, 50);

        assertThat(none.total()).isZero();
        assertThat(one.total()).isZero();
        assertThat(node.wiring.items.list(node.admin(), new ItemFilter(null, null, "sn-1"), 0, 50).total()).isEqualTo(11);
    }
}
