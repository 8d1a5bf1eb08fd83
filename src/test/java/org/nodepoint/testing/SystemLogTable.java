package org.nodepoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.nodepoint.syslog.LogEntry;

/** Reads the administrator's system log page the way a person reads it, for tests of what features record. */
public final class SystemLogTable {
    /** One row of the page: the time as shown, the category's label, the actor and the message. */
    public record Row(String time, String category, String actor, String message) {
    }

    /** A regular expression for the address of a test client, which connects over IPv4 or IPv6 loopback. */
    public static final String LOOPBACK = "(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)";

    private SystemLogTable() {
    }

    /** Loads /admin/log with the given query string ("" for none) and returns its rows, newest first. */
    public static List<Row> rows(Browser admin, String query) {
        Browser.Page page = admin.get("/admin/log" + (query.isEmpty() ? "" : "?" + query));
        assertThat(page.status()).as("status of /admin/log?%s", query).isEqualTo(200);
        return rowsOf(page.body());
    }

    public static List<Row> rows(Browser admin) {
        return rows(admin, "");
    }

    public static List<Row> rowsOf(String html) {
        return Jsoup.parse(html).select("main table tbody tr").stream().map(SystemLogTable::row).toList();
    }

    /** Returns every actor and message stored, one entry a line, to check that no secret reached the log. */
    public static String storedText(TestNodePoint node) {
        List<LogEntry> entries = node.wiring.systemLog.newest(0, 100_000);
        return entries.stream().map(entry -> entry.actor() + " " + entry.message()).collect(Collectors.joining("\n"));
    }

    /** Signs in as the administrator of {@link TestNodePoint}. */
    public static Browser signedInAdmin(String origin) {
        Browser admin = new Browser(origin);
        assertThat(admin.signIn("admin", TestNodePoint.ADMIN_PASSWORD).status()).as("administrator sign-in").isEqualTo(302);
        return admin;
    }

    private static Row row(Element tr) {
        List<String> cells = tr.select("td").eachText();
        return new Row(cells.get(0), cells.get(1), cells.get(2), tr.select("td").get(3).wholeText());
    }
}
