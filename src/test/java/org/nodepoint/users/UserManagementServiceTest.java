package org.nodepoint.users;

import org.nodepoint.events.Origin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.TicketUpdate;

/** Who may manage whom, and what each management action changes, at service level. */
class UserManagementServiceTest {
    @TempDir
    Path folder;

    private static long sessionCount(TestNodePoint node, User user) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM sessions WHERE user_id = :id")
                .bind("id", user.id()).mapTo(Long.class).one());
    }

    private static User reload(TestNodePoint node, User user) {
        return node.wiring.users.findById(user.id()).orElseThrow();
    }

    private static String rejection(Runnable action) {
        ForbiddenException rejected = catchThrowableOfType(ForbiddenException.class, action::run);
        assertThat(rejected).as("expected a rejection").isNotNull();
        return rejected.getMessage();
    }

    @Test
    void manager_grants_levels_below_own() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Viewer manager = node.viewer(node.user("manager", 5));
            User dana = node.user("dana", 1);

            User promoted = node.wiring.userManagement.changeLevel(manager, "dana", 4);
            ValidationException toFive = catchThrowableOfType(ValidationException.class,
                    () -> node.wiring.userManagement.changeLevel(manager, "dana", 5));
            ValidationException toSix = catchThrowableOfType(ValidationException.class,
                    () -> node.wiring.userManagement.changeLevel(manager, "dana", 6));

            assertThat(promoted.level()).isEqualTo(4);
            assertThat(toFive.errors().get("level").key()).isEqualTo("users.level.range");
            assertThat(toFive.errors().get("level").args()).containsExactly(4);
            assertThat(toSix).isNotNull();
            assertThat(reload(node, dana).level()).isEqualTo(4);
        }
    }

    @Test
    void admin_grants_level_five_not_six() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);

            User promoted = node.wiring.userManagement.changeLevel(node.admin(), "dana", 5);
            ValidationException toSix = catchThrowableOfType(ValidationException.class,
                    () -> node.wiring.userManagement.changeLevel(node.admin(), "dana", 6));
            ValidationException negative = catchThrowableOfType(ValidationException.class,
                    () -> node.wiring.userManagement.changeLevel(node.admin(), "dana", -1));

            assertThat(promoted.level()).isEqualTo(5);
            assertThat(toSix.errors().get("level").args()).containsExactly(5);
            assertThat(negative).isNotNull();
        }
    }

    @Test
    void nobody_changes_own_level() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User manager = node.user("manager", 5);

            String ownLevel = rejection(() -> node.wiring.userManagement.changeLevel(node.viewer(manager), "manager", 4));
            String adminOwnLevel = rejection(() -> node.wiring.userManagement.changeLevel(node.admin(), "admin", 5));

            assertThat(ownLevel).isEqualTo("users.manage.self");
            assertThat(adminOwnLevel).isEqualTo("users.manage.admin");
            assertThat(reload(node, manager).level()).isEqualTo(5);
        }
    }

    @Test
    void only_admin_changes_level_five_user() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Viewer manager = node.viewer(node.user("manager", 5));
            User peer = node.user("peer", 5);

            List<String> rejections = List.of(
                    rejection(() -> node.wiring.userManagement.changeLevel(manager, "peer", 1)),
                    rejection(() -> node.wiring.userManagement.resetPassword(manager, "peer")),
                    rejection(() -> node.wiring.userManagement.setDisabled(manager, "peer", true)));
            User demoted = node.wiring.userManagement.changeLevel(node.admin(), "peer", 1);

            assertThat(rejections).containsOnly("users.manage.higher");
            assertThat(demoted.level()).isEqualTo(1);
            assertThat(reload(node, peer).disabled()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "api", "guest", "system"})
    void admin_and_builtin_accounts_are_not_managed(String name) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            String levelRejection = rejection(() -> node.wiring.userManagement.changeLevel(node.admin(), name, 1));
            String resetRejection = rejection(() -> node.wiring.userManagement.resetPassword(node.admin(), name));
            String disableRejection = rejection(() -> node.wiring.userManagement.setDisabled(node.admin(), name, true));

            String expected = name.equals("admin") ? "users.manage.admin" : "users.manage.builtin";
            assertThat(List.of(levelRejection, resetRejection, disableRejection)).containsOnly(expected);
        }
    }

    @Test
    void below_level_five_manages_nobody() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Viewer lead = node.viewer(node.user("lead", 4));
            node.user("dana", 1);

            String rejected = rejection(() -> node.wiring.userManagement.changeLevel(lead, "dana", 2));
            String createRejected = rejection(() -> node.wiring.userManagement.create(lead, new NewUser("newbie", "", 1, PASSWORD, PASSWORD)));

            assertThat(rejected).isEqualTo("error.forbidden.level");
            assertThat(createRejected).isEqualTo("error.forbidden.level");
            assertThat(node.wiring.users.findByName("newbie")).isEmpty();
        }
    }

    @Test
    void manager_creates_below_own_level() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Viewer manager = node.viewer(node.user("manager", 5));

            User created = node.wiring.userManagement.create(manager, new NewUser("newbie", "new@example.com", 4, PASSWORD, PASSWORD));
            ValidationException fiveRejected = catchThrowableOfType(ValidationException.class,
                    () -> node.wiring.userManagement.create(manager, new NewUser("boss", "", 5, PASSWORD, PASSWORD)));

            assertThat(created.level()).isEqualTo(4);
            assertThat(created.email()).isEqualTo("new@example.com");
            assertThat(created.mustChangePassword()).isTrue();
            assertThat(fiveRejected.errors().get("level").key()).isEqualTo("users.level.range");
            assertThat(node.wiring.users.findByName("boss")).isEmpty();
        }
    }

    @Test
    void reset_forces_change_and_ends_sessions() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            node.wiring.sessions.start(dana);
            node.wiring.sessions.start(dana);

            String password = node.wiring.userManagement.resetPassword(node.admin(), "dana");

            assertThat(sessionCount(node, dana)).isZero();
            assertThat(reload(node, dana).mustChangePassword()).isTrue();
            assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isEmpty();
            assertThat(node.wiring.users.authenticate("dana", password)).isPresent();
        }
    }

    @Test
    void demo_never_gets_forced_change() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User demo = node.wiring.userManagement.create(node.admin(), new NewUser("Demo", "", 1, PASSWORD, PASSWORD));
            User other = node.wiring.userManagement.create(node.admin(), new NewUser("demo2", "", 1, PASSWORD, PASSWORD));

            String password = node.wiring.userManagement.resetPassword(node.admin(), "demo");

            assertThat(demo.mustChangePassword()).isFalse();
            assertThat(other.mustChangePassword()).isTrue();
            assertThat(reload(node, demo).mustChangePassword()).isFalse();
            assertThat(node.wiring.users.authenticate("demo", password)).isPresent();
        }
    }

    @Test
    void disable_ends_sessions_and_blocks_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            String token = node.wiring.sessions.start(dana);

            User disabled = node.wiring.userManagement.setDisabled(node.admin(), "dana", true);

            assertThat(disabled.disabled()).isTrue();
            assertThat(sessionCount(node, dana)).isZero();
            assertThat(node.wiring.sessions.resolve(token)).isEmpty();
            assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isEmpty();
        }
    }

    @Test
    void enable_restores_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.wiring.userManagement.setDisabled(node.admin(), "dana", true);

            User enabled = node.wiring.userManagement.setDisabled(node.admin(), "dana", false);

            assertThat(enabled.disabled()).isFalse();
            assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isPresent();
        }
    }

    @Test
    void level_zero_ends_sessions() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 2);
            User erin = node.user("erin", 2);
            node.wiring.sessions.start(dana);
            node.wiring.sessions.start(erin);

            node.wiring.userManagement.changeLevel(node.admin(), "dana", 0);
            node.wiring.userManagement.changeLevel(node.admin(), "erin", 1);

            assertThat(sessionCount(node, dana)).isZero();
            assertThat(sessionCount(node, erin)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "system", "API"})
    void builtin_account_has_no_summary(String name) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            NotFoundException summary = catchThrowableOfType(NotFoundException.class, () -> node.wiring.userManagement.summary(name));

            assertThat(summary).isNotNull();
            assertThat(summary.getMessage()).isEqualTo("users.notFound");
        }
    }

    @Test
    void unknown_name_is_not_found() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            NotFoundException summary = catchThrowableOfType(NotFoundException.class, () -> node.wiring.userManagement.summary("nobody"));
            NotFoundException reset = catchThrowableOfType(NotFoundException.class,
                    () -> node.wiring.userManagement.resetPassword(node.admin(), "nobody"));

            assertThat(summary.getMessage()).isEqualTo("users.notFound");
            assertThat(reset).isNotNull();
        }
    }

    @Test
    void list_filters_by_level_with_totals() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            for (String name : List.of("carol", "Bob", "alice", "dave", "erin")) {
                node.user(name, name.equals("dave") ? 3 : 1);
            }

            UserList firstPage = node.wiring.userManagement.list(null, 0, 2);
            UserList lastPage = node.wiring.userManagement.list(null, 4, 2);
            UserList levelOne = node.wiring.userManagement.list(1, 0, 10);
            UserList levelFive = node.wiring.userManagement.list(5, 0, 10);

            assertThat(firstPage.rows()).extracting(User::name).containsExactly("alice", "Bob");
            assertThat(firstPage.total()).isEqualTo(5);
            assertThat(lastPage.rows()).extracting(User::name).containsExactly("erin");
            assertThat(levelOne.rows()).extracting(User::name).containsExactly("alice", "Bob", "carol", "erin");
            assertThat(levelOne.total()).isEqualTo(4);
            assertThat(levelFive.rows()).isEmpty();
            assertThat(levelFive.total()).isZero();
        }
    }

    @Test
    void summary_counts_tickets_and_comments() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 3);
            Viewer danaViewer = node.viewer(dana);
            Product product = node.product("Laptops", "Public");
            long open = node.ticket(danaViewer, product, "Screen flickers", "Since Monday");
            long resolved = node.ticket(danaViewer, product, "Fan is loud", "Always");
            node.ticket(node.admin(), product, "Battery drains", "Overnight");
            assign(node, dana, open);
            assign(node, dana, resolved);
            node.wiring.tickets.update(node.admin(), resolved, new TicketUpdate(null, null, "Resolved", "Fixed", null, null, null, null), Origin.WEB);
            node.wiring.tickets.comment(danaViewer, open, "Still flickers", Origin.WEB);

            UserSummary summary = node.wiring.userManagement.summary("DANA");

            assertThat(summary.user().name()).isEqualTo("dana");
            assertThat(summary.activity()).isEqualTo(new UserActivity(2, 1, 1));
        }
    }

    @Test
    void list_and_summary_queries_use_indexes() {
        Map<String, String> statements = Map.of(
                "list", "SELECT id FROM users WHERE kind = 'local' ORDER BY name, id LIMIT 10 OFFSET 0",
                "list by level", "SELECT id FROM users WHERE kind = 'local' AND level = 1 ORDER BY name, id LIMIT 10 OFFSET 0",
                "count by level", "SELECT count(*) FROM users WHERE kind = 'local' AND level = 1",
                "comments", "SELECT count(*) FROM comments WHERE user_id = 1",
                "tickets", "SELECT count(*) FROM tickets WHERE created_by = 1",
                "assigned", "SELECT count(*) FROM ticket_assignees a JOIN tickets t ON t.id = a.ticket_id WHERE a.user_id = 1");
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            statements.forEach((label, sql) -> {
                List<String> steps = node.wiring.database.read().withHandle(handle ->
                        handle.createQuery("EXPLAIN QUERY PLAN " + sql).map((rs, ctx) -> rs.getString("detail")).list());
                String plan = String.join("\n", steps);

                assertThat(plan).as(label).contains("USING").doesNotContain("TEMP B-TREE").doesNotContainPattern("SCAN (users|comments|tickets|a)\\b(?! USING)");
            });
        }
    }

    private static void assign(TestNodePoint node, User user, long ticketId) {
        node.wiring.database.write().useHandle(handle -> handle.execute(
                "INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)", ticketId, user.id()));
    }
}
