package org.nodepoint.bench;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Random;
import org.nodepoint.Wiring;
import org.nodepoint.setup.SetupCode;

/**
 * Measures the statistics page and the twenty reports, on screen and as CSV, on the generated
 * 100,000-ticket data folder of {@link DataGenerator}, with the module rows of
 * {@link ModuleBenchmark} added: 20,000 items, 2,000 clients with 40,000 events, 2,000 articles
 * with 10,000 ticket links, 5,000 tasks, 1,000 shoutbox messages, plus 10,000 comment attachments
 * and 2,000 sessions. A program, not a test: run it as docs/benchmarks.md shows.
 */
public final class ReportBenchmark {
    private static final int REPORTS = 20;
    private static final int ACTIVE_SIGN_INS = 17;
    /** Requests per report page: fewer than for other pages, because there are forty of them to time. */
    private static final int PAGE_WARM_UP = 100;
    private static final int PAGE_MEASURED = 500;
    /** Requests per CSV download: some files hold every ticket with time. */
    private static final int CSV_WARM_UP = 5;
    private static final int CSV_MEASURED = 50;
    private static final int ATTACHMENTS = 10_000;
    private static final int SESSIONS = 2_000;

    public static void main(String[] args) throws Exception {
        // -Dnodepoint.reportFolder=DIR measures a folder that an earlier run of this program filled.
        String earlier = System.getProperty("nodepoint.reportFolder");
        Path folder = earlier != null ? Path.of(earlier) : fill();
        try (Wiring wiring = Wiring.open(folder)) {
            if (earlier == null) {
                ModuleBenchmark.addClients(wiring);
                ModuleBenchmark.holdItems(wiring);
                ModuleBenchmark.addKnowledgeAndTasks(wiring);
                addAttachmentsAndSessions(wiring);
            }
            measure(wiring);
        }
    }

    /** Generates the 100,000-ticket folder and imports the items into it. */
    private static Path fill() throws Exception {
        Path folder = Files.createTempDirectory("nodepoint-reports");
        System.out.println("Data folder: " + folder);
        long started = System.nanoTime();
        int status = DataGenerator.run(System.out, System.err, "--data", folder.toString());
        if (status != 0) {
            System.exit(status);
        }
        System.out.printf(Locale.ROOT, "Generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
        Path items = folder.resolve("items.csv");
        ModuleBenchmark.writeItems(items);
        PageTimer.command("import-csv", "--data", folder.toString(), "--kind", "items", items.toString());
        return folder;
    }

    /** Adds comment attachments spread over the tickets, and sessions of the first users. */
    private static void addAttachmentsAndSessions(Wiring wiring) {
        wiring.database.write().useTransaction(handle -> {
            long now = System.currentTimeMillis();
            handle.execute("INSERT INTO attachments (ticket_id, comment_id, original_name, stored_name, size_bytes, content_type, sha256, "
                    + "uploaded_by, created_at) SELECT ticket_id, id, 'screenshot-' || id || '.png', 'stored-' || id, 1000 + id % 5000, "
                    + "'image/png', 'sha-' || id, user_id, created_at FROM comments WHERE id % 100 = 0 LIMIT ?", ATTACHMENTS);
            handle.execute("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                    + "SELECT 'hash-' || id, id, 'csrf-' || id, ?, ?, ? FROM users WHERE id <= ?", now - 3_600_000L, now, now + 86_400_000L,
                    SESSIONS);
        });
    }

    private static void measure(Wiring wiring) throws Exception {
        Javalin app = wiring.createApp(new SetupCode("UNUSED00"), null).start("127.0.0.1", 0);
        try {
            String origin = "http://127.0.0.1:" + app.port();
            timeAll(PageTimer.signedInAsAdmin(origin), "admin", true);
            // A reader at the default report level, whose reports carry the ticket access condition.
            String reader = wiring.database.read().withHandle(handle -> handle.createQuery(
                    "SELECT name FROM users WHERE level = ? AND disabled = 0 ORDER BY id LIMIT 1")
                    .bind(0, wiring.settings.current().reportsLevel()).mapTo(String.class).one());
            timeAll(PageTimer.signedIn(origin, reader, DataGenerator.USER_PASSWORD), reader, false);
        } finally {
            app.stop();
        }
    }

    /** Times every page; the active sign-ins report (17) only when the viewer is at level 5 or above. */
    private static void timeAll(PageTimer timer, String viewer, boolean seesSignIns) throws Exception {
        System.out.println("Signed in as " + viewer + ":");
        Random random = new Random(42);
        // The generated activity ends on 2026-12-01, so these months hold time entries.
        YearMonth last = YearMonth.from(LocalDate.parse("2026-11-01"));
        timer.report("GET /stats", i -> "/stats");
        timer.report("GET /stats?month=M (random month of 24)", i -> "/stats?month=" + last.minusMonths(random.nextInt(24)));
        timer.report("GET /stats?user=U (random user)", i -> "/stats?user=" + (2 + random.nextInt(500)));
        timer.report("GET /reports", i -> "/reports");
        for (int n = 1; n <= REPORTS; n++) {
            if (n == ACTIVE_SIGN_INS && !seesSignIns) {
                continue;
            }
            int report = n;
            timer.report("GET /reports/" + report, PAGE_WARM_UP, PAGE_MEASURED, i -> "/reports/" + report);
        }
        for (int n = 1; n <= REPORTS; n++) {
            if (n == ACTIVE_SIGN_INS && !seesSignIns) {
                continue;
            }
            int report = n;
            timer.report("GET /reports/" + report + ".csv", CSV_WARM_UP, CSV_MEASURED, i -> "/reports/" + report + ".csv");
        }
    }

    private ReportBenchmark() {
    }
}
