package org.nodepoint.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.rowsOf;
import static org.nodepoint.testing.SystemLogTable.signedInAdmin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;

/** The system log page through real HTTP: access, columns, filters, paging and hostile filter text. */
class SystemLogRoutesTest {
    @TempDir
    Path folder;

    private static String text(String value) {
        return "text=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> messages(List<Row> rows) {
        return rows.stream().map(Row::message).toList();
    }

    @Test
    void page_is_for_the_administrator_only() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", 5);
            node.http((server, client) -> {
                Browser manager = new Browser(client.getOrigin());
                manager.signIn("manager", TestNodePoint.PASSWORD);
                Browser admin = signedInAdmin(client.getOrigin());

                Browser.Page denied = manager.get("/admin/log");
                Document managerHome = Jsoup.parse(manager.get("/").body());
                Document adminHome = Jsoup.parse(admin.get("/").body());

                assertThat(denied.status()).isEqualTo(403);
                assertThat(managerHome.select("nav a[href=/admin/log]")).isEmpty();
                assertThat(adminHome.select("nav a.dropdown-item[href=/admin/log]").text()).isEqualTo("System log");
                assertThat(admin.get("/admin/log").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void lists_newest_first_with_all_columns() {
        Instant at = Instant.parse("2026-03-04T05:06:07Z");
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(), Clock.fixed(at, ZoneOffset.UTC))) {
            node.wiring.systemLog.record(LogCategory.SIGN_IN, "dana", "Failed password check from 10.0.0.7");
            node.wiring.systemLog.record(LogCategory.SETTINGS, "admin", "Changed 1 setting: page_len \"50\" -> \"20\"");
            node.http((server, client) -> {
                List<Row> rows = rows(signedInAdmin(client.getOrigin()));

                String shownTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(at);
                assertThat(rows).containsExactly(
                        new Row(shownTime, "Settings", "admin", "Changed 1 setting: page_len \"50\" -> \"20\""),
                        new Row(shownTime, "Sign-in", "dana", "Failed password check from 10.0.0.7"));
            });
        }
    }

    @Test
    void empty_log_and_empty_filter_say_so() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser admin = signedInAdmin(client.getOrigin());

                Browser.Page empty = admin.get("/admin/log");
                node.wiring.systemLog.record(LogCategory.MAIL, "", "Mail to dana@example.com failed");
                Browser.Page noMatch = admin.get("/admin/log?category=plugin");

                assertThat(Jsoup.parse(empty.body()).select("main table")).isEmpty();
                assertThat(empty.body()).contains("The system log has no entries yet.");
                assertThat(Jsoup.parse(noMatch.body()).select("main table")).isEmpty();
                assertThat(noMatch.body()).contains("No entries match the filter.");
            });
        }
    }

    @Test
    void text_filter_finds_part_of_word() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.systemLog.record(LogCategory.PLUGIN, "", "Plugin new_ticket exited with status 3");
            node.wiring.systemLog.record(LogCategory.SIGN_IN, "Bartholomew", "Failed password check from 10.0.0.9");
            node.wiring.systemLog.record(LogCategory.MAIL, "", "Mail to carol@example.com failed");
            node.http((server, client) -> {
                Browser admin = signedInAdmin(client.getOrigin());

                List<Row> middleOfWord = rows(admin, text("xite"));
                List<Row> otherCase = rows(admin, text("NEW_TICKET"));
                List<Row> inActor = rows(admin, text("tholo"));
                List<Row> withSpace = rows(admin, text("to carol@"));

                assertThat(messages(middleOfWord)).containsExactly("Plugin new_ticket exited with status 3");
                assertThat(messages(otherCase)).containsExactly("Plugin new_ticket exited with status 3");
                assertThat(inActor).extracting(Row::actor).containsExactly("Bartholomew");
                assertThat(messages(withSpace)).containsExactly("Mail to carol@example.com failed");
            });
        }
    }

    @Test
    void text_filter_rejects_two_characters_with_the_rule() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "ab cd");
            node.http((server, client) -> {
                Browser.Page page = signedInAdmin(client.getOrigin()).get("/admin/log?" + text("ab"));

                Document document = Jsoup.parse(page.body());
                assertThat(page.status()).isEqualTo(422);
                assertThat(document.select("#text-error").text())
                        .isEqualTo("Text must be 3 to 200 characters long, because the search finds pieces of at least 3 characters.");
                assertThat(document.select("input#text").attr("value")).isEqualTo("ab");
                assertThat(document.select("main table")).isEmpty();
            });
        }
    }

    @Test
    void text_filter_rejects_text_over_the_maximum() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page page = signedInAdmin(client.getOrigin()).get("/admin/log?" + text("x".repeat(201)));

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#text-error").text()).startsWith("Text must be 3 to 200 characters long");
            });
        }
    }

    /** Each input is full-text query syntax or a quote that would break an unquoted query; all must be read as text. */
    @ParameterizedTest
    @ValueSource(strings = {"\"\"\"", "a\"b", "***", "abc*", "NEAR(abc def)", "NEAR(", "x OR y", "AND", "NOT abc", "-xyz",
        "'quoted'", "\"quoted\"", "message:abc", "{actor message}: abc", "^abc", "a + b", "(abc", "abc)", "it's", "100%", "' OR 1=1 --"})
    void text_filter_reads_hostile_input_as_plain_text(String input) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "before " + input + " after");
            node.wiring.systemLog.record(LogCategory.SYSTEM, "", "an entry without the input: abc def x y quoted message actor");
            node.http((server, client) -> {
                Browser.Page page = signedInAdmin(client.getOrigin()).get("/admin/log?" + text(input));

                assertThat(page.status()).isEqualTo(200);
                assertThat(messages(rowsOf(page.body()))).containsExactly("before " + input + " after");
            });
        }
    }

    /** Short hostile inputs are rejected by the length rule, with the page and not with a server error. */
    @ParameterizedTest
    @ValueSource(strings = {"\"", "*", "OR", "-x", "''", "\"\"", "\u0001ab", " a "})
    void short_hostile_input_is_rejected_by_the_length_rule(String input) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page page = signedInAdmin(client.getOrigin()).get("/admin/log?" + text(input));

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#text-error").text()).startsWith("Text must be 3 to 200 characters long");
            });
        }
    }

    @Test
    void category_filter_shows_one_category() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.systemLog.record(LogCategory.API, "10.0.0.2", "add_ticket with the write key from 10.0.0.2: ticket 1");
            node.wiring.systemLog.record(LogCategory.USERS, "admin", "Created user dana at level 1");
            node.wiring.systemLog.record(LogCategory.API, "10.0.0.3", "add_comment with the write key from 10.0.0.3: comment 1 on ticket 1");
            node.http((server, client) -> {
                Browser admin = signedInAdmin(client.getOrigin());

                Browser.Page page = admin.get("/admin/log?category=api");
                List<Row> api = rowsOf(page.body());

                assertThat(api).extracting(Row::actor).containsExactly("10.0.0.3", "10.0.0.2");
                assertThat(api).extracting(Row::category).containsOnly("API");
                assertThat(Jsoup.parse(page.body()).select("select#category option[selected]").attr("value")).isEqualTo("api");
            });
        }
    }

    @Test
    void unknown_category_is_rejected_with_the_rule() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page page = signedInAdmin(client.getOrigin()).get("/admin/log?category=secrets");

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#category-error").text())
                        .isEqualTo("Category must be one of the listed categories, or All.");
            });
        }
    }

    @Test
    void filters_combine_and_survive_paging_with_totals() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.PAGE_LENGTH, "5"))) {
            for (int i = 1; i <= 12; i++) {
                node.wiring.systemLog.record(LogCategory.API, "10.0.0.1", "add_ticket with the write key: ticket " + i);
                node.wiring.systemLog.record(LogCategory.USERS, "admin", "Created user ticketer" + i + " at level 1");
                node.wiring.systemLog.record(LogCategory.API, "10.0.0.1", "add_comment with the write key: comment " + i);
            }
            node.http((server, client) -> {
                Browser admin = signedInAdmin(client.getOrigin());
                String filter = "text=ticket&category=api";

                Browser.Page first = admin.get("/admin/log?" + filter);
                Document firstPage = Jsoup.parse(first.body());
                String nextLink = firstPage.select("a[rel=next]").attr("href");
                Browser.Page third = admin.get("/admin/log" + firstPage.select("a.page-link:contains(Last)").attr("href"));

                assertThat(messages(rowsOf(first.body()))).containsExactly(
                        "add_ticket with the write key: ticket 12", "add_ticket with the write key: ticket 11",
                        "add_ticket with the write key: ticket 10", "add_ticket with the write key: ticket 9",
                        "add_ticket with the write key: ticket 8");
                assertThat(first.body()).contains("1–5 of 12");
                assertThat(nextLink).isEqualTo("?text=ticket&category=api&page=2");
                assertThat(messages(rowsOf(third.body()))).containsExactly(
                        "add_ticket with the write key: ticket 2", "add_ticket with the write key: ticket 1");
                assertThat(third.body()).contains("11–12 of 12");
                assertThat(rows(admin, "category=users")).hasSize(5);
                assertThat(admin.get("/admin/log").body()).contains("1–5 of 36");
            });
        }
    }

    @Test
    void stored_markup_is_shown_as_text() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.systemLog.record(LogCategory.SIGN_IN, "<script>alert(1)</script>", "Failed <img src=x onerror=alert(2)> check");
            node.http((server, client) -> {
                Browser.Page page = signedInAdmin(client.getOrigin()).get("/admin/log");

                Document document = Jsoup.parse(page.body());
                assertThat(document.select("main script, main img")).isEmpty();
                assertThat(document.select("main td").eachText()).contains("<script>alert(1)</script>", "Failed <img src=x onerror=alert(2)> check");
            });
        }
    }
}
