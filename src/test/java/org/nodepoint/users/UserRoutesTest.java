package org.nodepoint.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.ADMIN_PASSWORD;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.CapturedLogs;
import org.nodepoint.testing.TestNodePoint;

/** Users management through real HTTP: list, creation, summary, level, reset, disable, and who may reach them. */
class UserRoutesTest {
    private static final String NEW_PASSWORD = "fresh-password-2";

    @TempDir
    Path folder;

    private static Browser signedIn(String origin, String name, String password) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, password).status()).as("sign-in of " + name).isEqualTo(302);
        return browser;
    }

    private static Map<String, String> newUserForm(String name, String email, String level, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", email);
        form.put("level", level);
        form.put("password", password);
        form.put("password2", password);
        return form;
    }

    private static List<String> listedNames(Browser.Page page) {
        return Jsoup.parse(page.body()).select("table tbody tr td:first-child a").eachText();
    }

    @Test
    void tools_menu_shows_from_level_five() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", 5);
            node.user("lead", 4);
            node.http((server, client) -> {
                Document manager = Jsoup.parse(signedIn(client.getOrigin(), "manager", PASSWORD).get("/").body());
                Document lead = Jsoup.parse(signedIn(client.getOrigin(), "lead", PASSWORD).get("/").body());

                assertThat(manager.select("nav a.dropdown-item[href=/users]")).hasSize(1);
                assertThat(manager.select("nav .dropdown-toggle").text()).isEqualTo("Tools");
                assertThat(lead.select("nav a[href=/users]")).isEmpty();
            });
        }
    }

    @Test
    void list_pages_and_filters_by_level() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.PAGE_LENGTH, "5"))) {
            for (int i = 1; i <= 6; i++) {
                node.user("user" + i, i == 6 ? 3 : 1);
            }
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin", ADMIN_PASSWORD);

                Browser.Page first = admin.get("/users");
                Browser.Page second = admin.get("/users?page=2");
                Browser.Page levelThree = admin.get("/users?level=3");

                assertThat(listedNames(first)).containsExactly("user1", "user2", "user3", "user4", "user5");
                assertThat(first.body()).contains("1–5 of 6");
                assertThat(listedNames(second)).containsExactly("user6");
                assertThat(listedNames(levelThree)).containsExactly("user6");
                assertThat(levelThree.body()).contains("1–1 of 1");
                assertThat(Jsoup.parse(levelThree.body()).select("a.btn.active").text()).isEqualTo("3");
            });
        }
    }

    @Test
    void manager_creates_user_who_must_change_password() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", 5);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager", PASSWORD);
                manager.get("/users");

                Browser.Page created = manager.post("/users", newUserForm("newbie", "newbie@example.com", "2", PASSWORD));
                Browser.Page summary = manager.get(created.location());

                assertThat(created.status()).isEqualTo(302);
                assertThat(created.location()).isEqualTo("/users/newbie");
                assertThat(summary.body()).contains("User newbie created.").contains("newbie@example.com").contains("2 · Restricted view");
                User newbie = node.wiring.users.findByName("newbie").orElseThrow();
                assertThat(newbie.level()).isEqualTo(2);
                assertThat(newbie.mustChangePassword()).isTrue();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "reserved name   | guest  | 1 | " + PASSWORD + " | name-error      | The name guest is reserved. Choose another name.",
        "taken name      | DANA   | 1 | " + PASSWORD + " | name-error      | This user name is already taken. Choose another one.",
        "common password | newbie | 1 | iloveyou         | password-error  | This password is one of the 1,000 most common passwords.",
        "level too high  | newbie | 5 | " + PASSWORD + " | level-error     | The level must be a number from 0 to 4, the highest level you may grant.",
        "level not number| newbie | x | " + PASSWORD + " | level-error     | The level must be a number from 0 to 4, the highest level you may grant.",
    })
    void invalid_new_user_shows_field_message(String label, String name, String level, String password, String errorId, String message) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", 5);
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager", PASSWORD);
                manager.get("/users");

                Browser.Page page = manager.post("/users", newUserForm(name, "", level, password));

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#" + errorId).text()).startsWith(message);
                assertThat(node.wiring.users.findByName("newbie")).isEmpty();
            });
        }
    }

    @Test
    void summary_shows_account_and_activity() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            node.ticket(node.viewer(dana), node.product("Laptops", "Public"), "Screen flickers", "Since Monday");
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin", ADMIN_PASSWORD);

                Document page = Jsoup.parse(admin.get("/users/dana").body());

                assertThat(page.select("h1").text()).isEqualTo("User dana");
                assertThat(page.select("dt:contains(Tickets filed) + dd").text()).isEqualTo("1");
                assertThat(page.select("dt:contains(Comments) + dd").text()).isEqualTo("0");
                assertThat(page.select("dt:contains(Last sign-in) + dd").text()).isEqualTo("Never");
                assertThat(page.select("form[action=/users/dana/password]")).hasSize(1);
            });
        }
    }

    @Test
    void unknown_user_summary_is_404() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin", ADMIN_PASSWORD);

                Browser.Page page = admin.get("/users/nobody");

                assertThat(page.status()).isEqualTo(404);
                assertThat(page.body()).contains("There is no user with this name.");
            });
        }
    }

    @Test
    void summary_level_follows_setting() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("agent", 3);
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser agent = signedIn(client.getOrigin(), "agent", PASSWORD);
                int before = agent.get("/users/dana").status();

                node.set(Settings.USER_DETAILS_LEVEL, "3");
                Browser.Page after = agent.get("/users/dana");

                assertThat(before).isEqualTo(403);
                assertThat(after.status()).isEqualTo(200);
                assertThat(Jsoup.parse(after.body()).select("form[action^=/users/dana/]")).isEmpty();
                assertThat(agent.get("/users").status()).isEqualTo(403);
            });
        }
    }

    @Test
    void level_change_through_form() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", 5);
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager", PASSWORD);
                manager.get("/users/dana");

                Browser.Page changed = manager.post("/users/dana/level", Map.of("level", "3"));
                Browser.Page summary = manager.get(changed.location());
                Browser.Page tooHigh = manager.post("/users/dana/level", Map.of("level", "5"));

                assertThat(changed.status()).isEqualTo(302);
                assertThat(summary.body()).contains("The level of dana was changed.");
                assertThat(tooHigh.status()).isEqualTo(422);
                assertThat(Jsoup.parse(tooHigh.body()).select("#level-error").text()).contains("from 0 to 4");
                assertThat(node.wiring.users.findByName("dana").orElseThrow().level()).isEqualTo(3);
            });
        }
    }

    @Test
    void manager_cannot_act_on_peer_or_self() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", 5);
            node.user("peer", 5);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager", PASSWORD);
                Document peerPage = Jsoup.parse(manager.get("/users/peer").body());

                Browser.Page peerLevel = manager.post("/users/peer/level", Map.of("level", "1"));
                Browser.Page ownLevel = manager.post("/users/manager/level", Map.of("level", "4"));
                Browser.Page adminReset = manager.post("/users/admin/password", Map.of());

                assertThat(peerPage.select("form[action^=/users/peer/]")).isEmpty();
                assertThat(peerLevel.status()).isEqualTo(403);
                assertThat(peerLevel.body()).contains("Only the administrator can change a user of your level or higher.");
                assertThat(ownLevel.status()).isEqualTo(403);
                assertThat(ownLevel.body()).contains("You cannot manage your own account.");
                assertThat(adminReset.status()).isEqualTo(403);
                assertThat(node.wiring.users.findByName("peer").orElseThrow().level()).isEqualTo(5);
                assertThat(node.wiring.users.findByName("manager").orElseThrow().level()).isEqualTo(5);
            });
        }
    }

    @Test
    void reset_shows_password_once_and_forces_change() {
        try (TestNodePoint node = TestNodePoint.configured(folder); CapturedLogs logs = new CapturedLogs()) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);
                Browser admin = signedIn(client.getOrigin(), "admin", ADMIN_PASSWORD);
                admin.get("/users/dana");

                Browser.Page reset = admin.post("/users/dana/password", Map.of());
                String temporary = Jsoup.parse(reset.body()).select("#temporary-password").text();
                Browser.Page summaryAfter = admin.get("/users/dana");

                assertThat(reset.status()).isEqualTo(200);
                assertThat(reset.headers().firstValue("Cache-Control")).hasValue("no-store");
                assertThat(temporary).hasSize(16);
                assertThat(summaryAfter.body()).doesNotContain(temporary).contains("Must change password");
                assertThat(dana.get("/settings").location()).startsWith("/login");
                assertThat(logs.lines()).noneMatch(line -> line.contains(temporary));

                Browser returning = new Browser(client.getOrigin());
                assertThat(returning.signIn("dana", temporary).status()).isEqualTo(302);
                assertThat(returning.get("/tickets").location()).isEqualTo("/settings/password");
                assertThat(returning.get("/users/dana").location()).isEqualTo("/settings/password");
                Browser.Page form = returning.get("/settings/password");
                assertThat(form.status()).isEqualTo(200);
                assertThat(form.body()).contains("Your password was reset.");

                Browser.Page changed = returning.post("/settings/password",
                        Map.of("current", temporary, "password", NEW_PASSWORD, "password2", NEW_PASSWORD));
                assertThat(changed.location()).isEqualTo("/settings");
                assertThat(returning.get("/tickets").status()).isEqualTo(200);
                assertThat(node.wiring.users.findByName("dana").orElseThrow().mustChangePassword()).isFalse();
            });
        }
    }

    @Test
    void forced_change_still_allows_sign_out() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            String temporary = node.wiring.userManagement.resetPassword(node.admin(), "dana");
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", temporary);
                dana.get("/settings/password");

                Browser.Page signOut = dana.post("/logout", Map.of());
                Browser.Page afterwards = dana.get("/tickets");

                assertThat(signOut.location()).isEqualTo("/");
                assertThat(afterwards.status()).isEqualTo(200);
                assertThat(afterwards.body()).doesNotContain("Your password was reset.");
            });
        }
    }

    @Test
    void disable_signs_user_out_and_blocks_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser dana = signedIn(client.getOrigin(), "dana", PASSWORD);
                Browser admin = signedIn(client.getOrigin(), "admin", ADMIN_PASSWORD);
                admin.get("/users/dana");

                Browser.Page disabled = admin.post("/users/dana/disable", Map.of());
                Browser.Page summary = admin.get("/users/dana");

                assertThat(disabled.location()).isEqualTo("/users/dana");
                assertThat(summary.body()).contains("User dana is disabled and was signed out everywhere.");
                assertThat(Jsoup.parse(summary.body()).select("form[action=/users/dana/enable]")).hasSize(1);
                assertThat(dana.get("/settings").location()).startsWith("/login");
                assertThat(new Browser(client.getOrigin()).signIn("dana", PASSWORD).status()).isEqualTo(401);

                admin.post("/users/dana/enable", Map.of());
                assertThat(new Browser(client.getOrigin()).signIn("dana", PASSWORD).status()).isEqualTo(302);
            });
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET,  /users",
        "GET,  /users/dana",
        "GET,  /users?level=1",
        "POST, /users",
        "POST, /users/dana/level",
        "POST, /users/dana/password",
        "POST, /users/dana/disable",
        "POST, /users/dana/enable",
    })
    void level_one_user_is_denied(String method, String path) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("reader", 1);
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser reader = signedIn(client.getOrigin(), "reader", PASSWORD);
                reader.get("/");

                Browser.Page page = method.equals("GET") ? reader.get(path)
                        : reader.post(path, Map.of("level", "5", "name", "intruder", "password", NEW_PASSWORD, "password2", NEW_PASSWORD));

                assertThat(page.status()).isEqualTo(403);
                User dana = node.wiring.users.findByName("dana").orElseThrow();
                assertThat(dana.level()).isEqualTo(1);
                assertThat(dana.disabled()).isFalse();
                assertThat(dana.mustChangePassword()).isFalse();
                assertThat(node.wiring.users.findByName("intruder")).isEmpty();
                assertThat(node.wiring.users.findByName("reader").orElseThrow().level()).isEqualTo(1);
            });
        }
    }

    @Test
    void guest_is_sent_to_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser guest = new Browser(client.getOrigin());

                assertThat(guest.get("/users").location()).isEqualTo("/login?next=%2Fusers");
                assertThat(guest.get("/users/dana").location()).isEqualTo("/login?next=%2Fusers%2Fdana");
                assertThat(guest.post("/users/dana/disable", Map.of()).status()).isEqualTo(403);
            });
        }
    }
}
