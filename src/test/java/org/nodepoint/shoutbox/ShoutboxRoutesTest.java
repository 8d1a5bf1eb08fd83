package org.nodepoint.shoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.web.Text;

/** The shoutbox over HTTP: posting from the home page, the list of the newest messages, and deletion at level 5. */
class ShoutboxRoutesTest {
    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();

    private TestNodePoint node() {
        TestNodePoint node = TestNodePoint.configured(folder, Map.of(), clock);
        node.user("alice", Level.AUTHORIZED);
        node.user("zero", Level.UNAUTHORIZED);
        node.user("manager", Level.PROJECTS_MANAGEMENT);
        node.user("moderator", Level.USERS_MANAGEMENT);
        return node;
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    private static Browser.Page post(Browser browser, String message) {
        return browser.post("/shoutbox", Map.of("message", message));
    }

    private static List<String> shownMessages(Browser browser) {
        Document home = Jsoup.parse(browser.get("/").body());
        return home.select("#shouts .shout-message").eachText();
    }

    private static List<Map<String, Object>> shoutRows(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT * FROM shouts ORDER BY id").mapToMap().list());
    }

    @Test
    void home_shows_newest_thirty() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                for (int i = 1; i <= 31; i++) {
                    // Twenty seconds between posts keeps them under the posting limit.
                    clock.advance(Duration.ofSeconds(20));
                    assertThat(post(alice, "message " + i).status()).as("post %d", i).isEqualTo(302);
                }

                List<String> shown = shownMessages(alice);

                assertThat(shown).hasSize(Shoutbox.SHOWN);
                assertThat(shown.get(0)).isEqualTo("message 31");
                assertThat(shown.get(29)).isEqualTo("message 2");
                assertThat(shown).doesNotContain("message 1");
                assertThat(shoutRows(node)).hasSize(31);
            });
        }
    }

    @Test
    void shout_shows_author_and_time() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                post(alice, "Coffee machine fixed");

                Element shout = Jsoup.parse(signedIn(client.getOrigin(), "manager").get("/").body()).selectFirst("#shouts .shout");

                assertThat(shout).isNotNull();
                assertThat(shout.selectFirst(".shout-author").text()).isEqualTo("alice");
                assertThat(shout.text()).contains(new Text(Locale.ENGLISH).dateTime(clock.millis()));
                assertThat(shout.selectFirst(".shout-message").text()).isEqualTo("Coffee machine fixed");
            });
        }
    }

    @Test
    void html_in_shout_is_escaped() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";

                assertThat(post(alice, hostile).status()).isEqualTo(302);

                String body = alice.get("/").body();
                Element message = Jsoup.parse(body).selectFirst("#shouts .shout-message");
                assertThat(message.text()).isEqualTo(hostile);
                assertThat(message.children()).isEmpty();
                assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            });
        }
    }

    @Test
    void guest_and_level_zero_cannot_post() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser guest = new Browser(client.getOrigin());
                guest.get("/login");
                Browser zero = signedIn(client.getOrigin(), "zero");

                assertThat(post(guest, "Hello from a guest").status()).isEqualTo(403);
                assertThat(post(zero, "Hello from level 0").status()).isEqualTo(403);
                assertThat(shoutRows(node)).isEmpty();
                assertThat(Jsoup.parse(guest.get("/").body()).select("#shoutbox")).isEmpty();
                assertThat(Jsoup.parse(zero.get("/").body()).select("#shoutbox form[action=/shoutbox]")).isEmpty();
            });
        }
    }

    @Test
    void message_length_is_checked() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");

                Browser.Page empty = post(alice, "   ");
                Browser.Page tooLong = post(alice, "x".repeat(Shoutbox.MAX_LENGTH + 1));
                Browser.Page longest = post(alice, "y".repeat(Shoutbox.MAX_LENGTH));

                assertThat(empty.status()).isEqualTo(422);
                assertThat(empty.body()).contains("Message is missing");
                assertThat(tooLong.status()).isEqualTo(422);
                assertThat(tooLong.body()).contains("Message must be at most 500 characters. It has 501.");
                assertThat(longest.status()).isEqualTo(302);
                assertThat(shoutRows(node)).extracting(row -> row.get("message")).containsExactly("y".repeat(Shoutbox.MAX_LENGTH));
            });
        }
    }

    @Test
    void posting_limit_per_minute() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                for (int i = 1; i <= Shoutbox.MAX_POSTS_PER_WINDOW; i++) {
                    assertThat(post(alice, "burst " + i).status()).as("post %d", i).isEqualTo(302);
                }

                Browser.Page overLimit = post(alice, "one too many");
                clock.advance(Shoutbox.POSTING_WINDOW);
                Browser.Page afterWindow = post(alice, "after a minute");

                assertThat(overLimit.status()).isEqualTo(422);
                assertThat(overLimit.body()).contains("Too many messages");
                assertThat(afterWindow.status()).isEqualTo(302);
                assertThat(shoutRows(node)).hasSize(Shoutbox.MAX_POSTS_PER_WINDOW + 1);
            });
        }
    }

    @Test
    void only_level_five_deletes_and_history_stays() {
        try (TestNodePoint node = node()) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                post(alice, "Keep this one");
                post(alice, "Remove this one");
                long removed = ((Number) shoutRows(node).get(1).get("id")).longValue();
                Browser manager = signedIn(client.getOrigin(), "manager");
                Browser moderator = signedIn(client.getOrigin(), "moderator");

                assertThat(Jsoup.parse(alice.get("/").body()).select("form[action=/shoutbox/" + removed + "/delete]")).isEmpty();
                assertThat(alice.post("/shoutbox/" + removed + "/delete", Map.of()).status()).isEqualTo(403);
                assertThat(manager.post("/shoutbox/" + removed + "/delete", Map.of()).status()).isEqualTo(403);
                assertThat(shownMessages(alice)).containsExactly("Remove this one", "Keep this one");

                assertThat(Jsoup.parse(moderator.get("/").body()).select("form[action=/shoutbox/" + removed + "/delete]")).hasSize(1);
                assertThat(moderator.post("/shoutbox/" + removed + "/delete", Map.of()).status()).isEqualTo(302);

                assertThat(shownMessages(alice)).containsExactly("Keep this one");
                Map<String, Object> row = shoutRows(node).get(1);
                assertThat(row.get("message")).isEqualTo("Remove this one");
                assertThat(row.get("deleted_at")).isNotNull();
                assertThat(((Number) row.get("deleted_by")).longValue()).isEqualTo(node.wiring.users.findByName("moderator").orElseThrow().id());
                assertThat(systemLogMessages(node)).contains("Deleted shoutbox message " + removed);
                assertThat(moderator.post("/shoutbox/999999/delete", Map.of()).status()).isEqualTo(404);
            });
        }
    }

    @Test
    void switched_off_shoutbox_is_gone() {
        try (TestNodePoint node = node()) {
            node.set("comp_shoutbox", "off");
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");

                assertThat(post(alice, "Anyone there?").status()).isEqualTo(404);
                assertThat(Jsoup.parse(alice.get("/").body()).select("#shoutbox")).isEmpty();
                assertThat(shoutRows(node)).isEmpty();
            });
        }
    }

    private static List<String> systemLogMessages(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT message FROM system_log ORDER BY id")
                .mapTo(String.class).list());
    }
}
