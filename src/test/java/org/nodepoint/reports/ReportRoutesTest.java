package org.nodepoint.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** The report pages and CSV downloads over HTTP: the list, access, unknown numbers, switched-off modules and the file format. */
class ReportRoutesTest {
    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();

    private TestNodePoint node(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(ReportFixture.SETTINGS);
        settings.putAll(extra);
        TestNodePoint node = TestNodePoint.configured(folder, settings, clock);
        new ReportFixture(node);
        return node;
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        String password = name.equals("admin") ? TestNodePoint.ADMIN_PASSWORD : TestNodePoint.PASSWORD;
        assertThat(browser.signIn(name, password).status()).isEqualTo(302);
        return browser;
    }

    private static List<CSVRecord> csv(Browser.Download download) throws IOException {
        String file = new String(download.body(), StandardCharsets.UTF_8);
        assertThat(file).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(file.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void index_lists_reports_for_viewer() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                Document forAdmin = Jsoup.parse(signedIn(client.getOrigin(), "admin").get("/reports").body());
                Document forAlice = Jsoup.parse(signedIn(client.getOrigin(), "alice").get("/reports").body());

                assertThat(forAdmin.select("#reports > li")).hasSize(20);
                assertThat(forAdmin.select("#reports > li a").first().attr("href")).isEqualTo("/reports/1");
                assertThat(forAlice.select("#reports > li")).hasSize(19);
                assertThat(forAlice.select("#reports a[href=/reports/17]")).isEmpty();
                assertThat(forAlice.select(".dropdown-menu a[href=/reports]")).hasSize(1);
            });
        }
    }

    @Test
    void unknown_numbers_are_not_found() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin");

                for (String path : List.of("/reports/0", "/reports/21", "/reports/abc", "/reports/07", "/reports/0.csv",
                        "/reports/21.csv", "/reports/abc.csv", "/reports/-1")) {
                    assertThat(admin.get(path).status()).as(path).isEqualTo(404);
                }
                assertThat(admin.get("/reports/20").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void below_report_level_is_forbidden() {
        try (TestNodePoint node = node(Map.of(Settings.REPORTS_LEVEL, "2"))) {
            node.http((server, client) -> {
                Browser alice = signedIn(client.getOrigin(), "alice");
                Browser bob = signedIn(client.getOrigin(), "bob");

                for (String path : List.of("/reports", "/reports/3", "/reports/3.csv")) {
                    assertThat(alice.get(path).status()).as(path).isEqualTo(403);
                    assertThat(bob.get(path).status()).as(path).isEqualTo(200);
                }
                assertThat(Jsoup.parse(alice.get("/").body()).select("a[href=/reports]")).isEmpty();
                assertThat(new Browser(client.getOrigin()).get("/reports/3").status()).isEqualTo(302);
            });
        }
    }

    @Test
    void active_sessions_need_level_five() {
        try (TestNodePoint node = node(Map.of())) {
            node.user("manager", Level.PROJECTS_MANAGEMENT);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager");
                Browser moderator = signedIn(client.getOrigin(), "moderator");

                assertThat(manager.get("/reports/17").status()).isEqualTo(403);
                assertThat(manager.get("/reports/17.csv").status()).isEqualTo(403);
                assertThat(moderator.get("/reports/17").status()).isEqualTo(200);
                assertThat(moderator.download("/reports/17.csv").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void switched_off_module_report_is_not_found() {
        try (TestNodePoint node = node(Map.of("comp_shoutbox", "off"))) {
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin");

                assertThat(admin.get("/reports/14").status()).isEqualTo(404);
                assertThat(admin.get("/reports/14.csv").status()).isEqualTo(404);
                assertThat(Jsoup.parse(admin.get("/reports").body()).select("#reports a[href=/reports/14]")).isEmpty();
                assertThat(admin.get("/reports/15").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void page_shows_header_rows_and_total() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                Document page = Jsoup.parse(signedIn(client.getOrigin(), "alice").get("/reports/3").body());

                assertThat(page.select("#report thead th").eachText()).containsExactly("Project", "Tickets");
                assertThat(page.select("#report tbody tr").eachText()).containsExactly("Printers 3");
                assertThat(page.select("#total").text()).isEqualTo("Total 3");
                assertThat(page.select("#csv").attr("href")).isEqualTo("/reports/3.csv");
            });
        }
    }

    @Test
    void long_report_is_paged() {
        try (TestNodePoint node = node(Map.of(Settings.PAGE_LENGTH, "5"))) {
            node.wiring.database.write().useHandle(handle -> {
                for (int i = 1; i <= 4; i++) {
                    handle.execute("INSERT INTO shouts (user_id, message, created_at) VALUES (1, ?, ?)", "extra " + i, clock.millis() + i);
                }
            });
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin");

                Document first = Jsoup.parse(admin.get("/reports/14").body());
                Document second = Jsoup.parse(admin.get("/reports/14?page=2").body());

                assertThat(first.select("#report tbody tr")).hasSize(5);
                assertThat(second.select("#report tbody tr")).hasSize(1);
                assertThat(first.select("#report tbody tr").first().text()).contains("extra 4");
                assertThat(second.select("#report tbody tr").text()).contains("Coffee is ready");
                assertThat(admin.get("/reports/14?page=abc").status()).isEqualTo(200);
            });
        }
    }

    @Test
    void csv_download_headers() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                Browser.Download download = signedIn(client.getOrigin(), "alice").download("/reports/3.csv");

                assertThat(download.status()).isEqualTo(200);
                assertThat(download.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
                assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                        .contains("filename=\"report-03-tickets-per-project.csv\"");
                assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
            });
        }
    }

    @Test
    void csv_has_header_rows_and_total() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                List<CSVRecord> records = csv(signedIn(client.getOrigin(), "alice").download("/reports/1.csv"));

                assertThat(records.stream().map(CSVRecord::values).toList()).containsExactly(
                        new String[] {"User", "Hours"}, new String[] {"alice", "1.75"}, new String[] {"bob", "-0.5"},
                        new String[] {"Total", "1.25"});
            });
        }
    }

    @Test
    void csv_neutralises_text_but_not_hours() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                Browser admin = signedIn(client.getOrigin(), "admin");

                List<CSVRecord> attachments = csv(admin.download("/reports/12.csv"));
                List<CSVRecord> shouts = csv(admin.download("/reports/14.csv"));
                List<CSVRecord> time = csv(signedIn(client.getOrigin(), "alice").download("/reports/1.csv"));

                assertThat(attachments.get(2).get(2)).isEqualTo("'=cmd.txt");
                assertThat(attachments.get(3).values()).containsExactly("Total", "", "", "1500", "");
                assertThat(shouts.get(1).get(2)).isEqualTo("'=1+1");
                assertThat(shouts).hasSize(3);
                assertThat(time.get(2).get(1)).isEqualTo("-0.5");
            });
        }
    }

    @Test
    void csv_keeps_hidden_tickets_out() {
        try (TestNodePoint node = node(Map.of())) {
            node.http((server, client) -> {
                String file = new String(signedIn(client.getOrigin(), "alice").download("/reports/2.csv").body(), StandardCharsets.UTF_8);

                assertThat(file).contains("Paper jam").doesNotContain("Safe code");
            });
        }
    }
}
