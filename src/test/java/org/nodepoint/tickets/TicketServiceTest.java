package org.nodepoint.tickets;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

class TicketServiceTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private TicketService tickets;
    private Product product;
    private Viewer reporter;
    private Viewer manager;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        tickets = node.wiring.tickets;
        product = node.product("Laptops", "Public");
        reporter = node.viewer(node.user("reporter", Level.AUTHORIZED));
        manager = node.viewer(node.user("manager", Level.TICKETS_MANAGEMENT));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    // Filing

    @Test
    void filed_ticket_starts_as_new() {
        long id = tickets.file(reporter, new NewTicket(product.id(), "1.0", "Screen flickers", "Since Monday", "High"), Origin.WEB);

        Ticket ticket = tickets.findVisible(reporter, id);
        assertThat(ticket.status()).isEqualTo("New");
        assertThat(ticket.priorityLevel()).isEqualTo(Priority.HIGH);
        assertThat(ticket.release()).isEqualTo("1.0");
        assertThat(ticket.createdBy()).isEqualTo(reporter.userId());
        assertThat(ticket.updatedAt()).isNull();
    }

    @Test
    void title_length_limits_are_enforced() {
        String longest = "t".repeat(TicketService.MAX_TITLE_LENGTH);

        long id = tickets.file(reporter, new NewTicket(product.id(), "", longest, "Body", "Normal"), Origin.WEB);

        assertThat(tickets.findVisible(reporter, id).title()).isEqualTo(longest);
        assertRejected(new NewTicket(product.id(), "", longest + "t", "Body", "Normal"), "title");
        assertRejected(new NewTicket(product.id(), "", "   ", "Body", "Normal"), "title");
    }

    @Test
    void description_length_limits_are_enforced() {
        String longest = "d".repeat(TicketService.MAX_DESCRIPTION_LENGTH);

        long id = tickets.file(reporter, new NewTicket(product.id(), "", "Title", longest, "Normal"), Origin.WEB);

        assertThat(tickets.findVisible(reporter, id).description()).isEqualTo(longest);
        assertRejected(new NewTicket(product.id(), "", "Title", longest + "d", "Normal"), "description");
        assertRejected(new NewTicket(product.id(), "", "Title", "", "Normal"), "description");
    }

    @Test
    void unknown_priority_is_rejected() {
        assertRejected(new NewTicket(product.id(), "", "Title", "Body", "Urgent"), "priority");
    }

    @Test
    void unknown_release_is_rejected() {
        assertRejected(new NewTicket(product.id(), "9.9", "Title", "Body", "Normal"), "release");
    }

    @Test
    void release_of_other_product_is_rejected() {
        Product other = node.product("Phones", "Public");
        node.wiring.products.addRelease(node.admin(), other.id(), "7.0", "");

        assertRejected(new NewTicket(product.id(), "7.0", "Title", "Body", "Normal"), "release");
    }

    @Test
    void missing_product_is_rejected() {
        assertRejected(new NewTicket(9_999, "", "Title", "Body", "Normal"), "productId");
    }

    @Test
    void archived_product_is_rejected() {
        Product archived = node.product("Old laptops", "Archived");

        assertRejected(new NewTicket(archived.id(), "", "Title", "Body", "Normal"), "productId");
    }

    @Test
    void invisible_product_is_rejected() {
        Product restricted = node.product("Servers", "Restricted");

        assertRejected(new NewTicket(restricted.id(), "", "Title", "Body", "Normal"), "productId");
    }

    @Test
    void unauthorised_user_cannot_file() {
        Viewer unauthorised = node.viewer(node.user("reader", Level.UNAUTHORIZED));

        assertThatThrownBy(() -> tickets.file(unauthorised, new NewTicket(product.id(), "", "Title", "Body", "Normal"), Origin.WEB))
                .isInstanceOf(ForbiddenException.class);
        assertThat(ticketRows()).isZero();
    }

    @Test
    void guest_files_only_when_allowed() {
        NewTicket form = new NewTicket(product.id(), "", "From a guest", "Body", "Normal");

        assertThatThrownBy(() -> tickets.file(Viewer.guest(), form, Origin.WEB)).isInstanceOf(ForbiddenException.class);
        node.set("guest_tickets", "on");
        long id = tickets.file(Viewer.guest(), form, Origin.WEB);

        assertThat(tickets.findVisible(node.admin(), id).createdBy()).isEqualTo(node.wiring.users.builtinId("guest"));
    }

    // Updating

    @Test
    void update_records_each_changed_field() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");

        boolean changed = tickets.update(manager, id,
                new TicketUpdate("Screen flickers badly", null, "Resolved", "New cable", "High", null, "Swapped the cable", null), Origin.WEB);

        assertThat(changed).isTrue();
        List<TicketChange> history = tickets.show(manager, id).changes();
        assertThat(history).hasSize(1);
        TicketChange change = history.get(0);
        assertThat(change.userId()).isEqualTo(manager.userId());
        assertThat(change.userName()).isEqualTo("manager");
        assertThat(change.createdAt()).isPositive();
        assertThat(change.note()).isEqualTo("Swapped the cable");
        assertThat(change.fields()).containsExactly(
                new TicketChange.FieldChange("title", "Screen flickers", "Screen flickers badly"),
                new TicketChange.FieldChange("status", "New", "Resolved"),
                new TicketChange.FieldChange("resolution", "", "New cable"),
                new TicketChange.FieldChange("priority", "Normal", "High"));
        Ticket ticket = tickets.findVisible(manager, id);
        assertThat(ticket.status()).isEqualTo("Resolved");
        assertThat(ticket.updatedAt()).isEqualTo(change.createdAt());
    }

    @Test
    void unchanged_update_adds_no_history() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");

        boolean changed = tickets.update(manager, id,
                new TicketUpdate("Screen flickers", "Since Monday", "New", "", "Normal", "", "", null), Origin.WEB);

        assertThat(changed).isFalse();
        assertThat(tickets.show(manager, id).changes()).isEmpty();
        assertThat(tickets.findVisible(manager, id).updatedAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TicketStatus.class, names = {"INVALID", "HOLD", "DUPLICATE", "RESOLVED", "CLOSED"})
    void closing_statuses_need_resolution(TicketStatus status) {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");

        assertThatThrownBy(() -> tickets.update(manager, id, new TicketUpdate(null, null, status.label(), "", null, null, null, null), Origin.WEB))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().has("resolution")).isTrue());
        assertThat(tickets.findVisible(manager, id).status()).isEqualTo("New");
        assertThat(tickets.show(manager, id).changes()).isEmpty();
    }

    @Test
    void open_status_needs_no_resolution() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");

        boolean changed = tickets.update(manager, id, new TicketUpdate(null, null, "Open", "", null, null, null, null), Origin.WEB);

        assertThat(changed).isTrue();
        assertThat(tickets.findVisible(manager, id).status()).isEqualTo("Open");
    }

    @Test
    void restricted_viewer_cannot_update() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        Viewer restrictedView = node.viewer(node.user("auditor", Level.RESTRICTED_VIEW));

        assertThatThrownBy(() -> tickets.update(restrictedView, id, new TicketUpdate("Changed", null, null, null, null, null, null, null), Origin.WEB))
                .isInstanceOf(ForbiddenException.class);
        assertThat(tickets.findVisible(manager, id).title()).isEqualTo("Screen flickers");
    }

    // Comments

    @Test
    void authorised_user_comments_on_ticket() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");

        tickets.comment(reporter, id, "  Still happening  ", Origin.WEB);

        List<Comment> comments = tickets.show(reporter, id).comments();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).body()).isEqualTo("Still happening");
        assertThat(comments.get(0).authorName()).isEqualTo("reporter");
    }

    @Test
    void unauthorised_user_cannot_comment() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        Viewer unauthorised = node.viewer(node.user("reader", Level.UNAUTHORIZED));

        assertThatThrownBy(() -> tickets.comment(unauthorised, id, "Me too", Origin.WEB)).isInstanceOf(ForbiddenException.class);
        assertThat(tickets.show(manager, id).comments()).isEmpty();
    }

    @Test
    void closed_ticket_takes_manager_comments_only() {
        long id = node.ticket(reporter, product, "Screen flickers", "Since Monday");
        tickets.update(manager, id, new TicketUpdate(null, null, "Closed", "Fixed", null, null, null, null), Origin.WEB);

        assertThatThrownBy(() -> tickets.comment(reporter, id, "Reopen please", Origin.WEB))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().has("comment")).isTrue());
        tickets.comment(manager, id, "Confirmed fixed", Origin.WEB);

        assertThat(tickets.show(manager, id).comments()).extracting(Comment::body).containsExactly("Confirmed fixed");
    }

    @Test
    void hidden_ticket_cannot_be_commented() {
        Product restricted = node.product("Servers", "Restricted");
        long id = node.ticket(node.admin(), restricted, "Disk failing", "Rack 4");

        assertThatThrownBy(() -> tickets.comment(reporter, id, "Hello", Origin.WEB)).isInstanceOf(NotFoundException.class);
        assertThat(tickets.show(manager, id).comments()).isEmpty();
    }

    // Listing

    @Test
    void list_filters_by_product_status_priority() {
        Product phones = node.product("Phones", "Public");
        long laptopHigh = file(product, "Laptop high", "High");
        long laptopLow = file(product, "Laptop low", "Low");
        long phoneHigh = file(phones, "Phone high", "High");
        tickets.update(manager, laptopLow, new TicketUpdate(null, null, "Open", null, null, null, null, null), Origin.WEB);

        TicketList byProduct = tickets.list(manager, new TicketFilter(phones.id(), null, null, TicketFilter.Sort.NEWEST), 0, 50);
        TicketList byStatus = tickets.list(manager, new TicketFilter(null, TicketStatus.OPEN, null, TicketFilter.Sort.NEWEST), 0, 50);
        TicketList byPriority = tickets.list(manager, new TicketFilter(null, null, Priority.HIGH, TicketFilter.Sort.NEWEST), 0, 50);
        TicketList combined = tickets.list(manager, new TicketFilter(product.id(), TicketStatus.NEW, Priority.HIGH, TicketFilter.Sort.NEWEST), 0, 50);

        assertThat(ids(byProduct)).containsExactly(phoneHigh);
        assertThat(byProduct.total()).isEqualTo(1);
        assertThat(ids(byStatus)).containsExactly(laptopLow);
        assertThat(ids(byPriority)).containsExactly(phoneHigh, laptopHigh);
        assertThat(byPriority.total()).isEqualTo(2);
        assertThat(ids(combined)).containsExactly(laptopHigh);
    }

    @Test
    void list_without_matches_is_empty() {
        file(product, "Laptop", "Normal");

        TicketList result = tickets.list(manager, new TicketFilter(null, TicketStatus.HOLD, null, TicketFilter.Sort.NEWEST), 0, 50);

        assertThat(result.rows()).isEmpty();
        assertThat(result.total()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TicketFilter.Sort.class)
    void pages_cover_every_ticket_once(TicketFilter.Sort sort) {
        String[] priorities = {"Low", "Normal", "High"};
        for (int i = 0; i < 23; i++) {
            file(product, "Ticket " + i, priorities[i % 3]);
        }
        // Half of the tickets share one update time, so that only the id tie-breaker orders them.
        node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE tickets SET updated_at = 1000 WHERE id % 2 = 0"));

        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 30; offset += 5) {
            TicketList page = tickets.list(manager, new TicketFilter(null, null, null, sort), offset, 5);
            assertThat(page.total()).isEqualTo(23);
            paged.addAll(ids(page));
        }

        List<TicketSummary> all = tickets.list(manager, new TicketFilter(null, null, null, sort), 0, 100).rows();
        assertThat(paged).doesNotHaveDuplicates();
        assertThat(paged).hasSize(23);
        assertThat(paged).containsExactlyElementsOf(all.stream().map(TicketSummary::id).toList());
        assertThat(all).isSortedAccordingTo(expectedOrder(sort));
    }

    @Test
    void hide_close_hides_closed_tickets() {
        long open = file(product, "Open one", "Normal");
        long closed = file(product, "Closed one", "Normal");
        tickets.update(manager, closed, new TicketUpdate(null, null, "Closed", "Done", null, null, null, null), Origin.WEB);
        node.set("hide_close", "on");

        TicketList all = tickets.list(manager, TicketFilter.all(), 0, 50);
        TicketList closedOnly = tickets.list(manager, new TicketFilter(null, TicketStatus.CLOSED, null, TicketFilter.Sort.NEWEST), 0, 50);

        assertThat(ids(all)).containsExactly(open);
        assertThat(all.total()).isEqualTo(1);
        assertThat(ids(closedOnly)).containsExactly(closed);
        assertThat(closedOnly.total()).isEqualTo(1);
    }

    @Test
    void closed_tickets_listed_when_hide_close_off() {
        long open = file(product, "Open one", "Normal");
        long closed = file(product, "Closed one", "Normal");
        tickets.update(manager, closed, new TicketUpdate(null, null, "Closed", "Done", null, null, null, null), Origin.WEB);
        node.set("hide_close", "off");

        TicketList all = tickets.list(manager, TicketFilter.all(), 0, 50);

        assertThat(ids(all)).containsExactly(closed, open);
        assertThat(all.total()).isEqualTo(2);
    }

    private long file(Product target, String title, String priority) {
        return tickets.file(reporter, new NewTicket(target.id(), "", title, "Description of " + title, priority), Origin.WEB);
    }

    private void assertRejected(NewTicket form, String field) {
        long before = ticketRows();

        assertThatThrownBy(() -> tickets.file(reporter, form, Origin.WEB))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().asMap()).containsOnlyKeys(field));
        assertThat(ticketRows()).isEqualTo(before);
    }

    private long ticketRows() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }

    private static List<Long> ids(TicketList list) {
        return list.rows().stream().map(TicketSummary::id).toList();
    }

    private static Comparator<TicketSummary> expectedOrder(TicketFilter.Sort sort) {
        Comparator<TicketSummary> newest = Comparator.comparingLong(TicketSummary::id).reversed();
        return switch (sort) {
            case NEWEST -> newest;
            case OLDEST -> Comparator.comparingLong(TicketSummary::id);
            case UPDATED -> Comparator.comparing(TicketSummary::updatedAt, Comparator.nullsLast(Comparator.<Long>reverseOrder()))
                    .thenComparing(newest);
            case PRIORITY -> Comparator.comparingInt(TicketSummary::priority).reversed().thenComparing(newest);
        };
    }
}
