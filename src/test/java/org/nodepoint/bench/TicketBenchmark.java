package org.nodepoint.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nodepoint.Wiring;
import org.nodepoint.setup.SetupCode;
import org.nodepoint.testing.TestNodePoint;

/**
 * Measures the walking skeleton on the full Endava data set (47,837 tickets): the import rate,
 * latency percentiles of the ticket list, ticket pages and search, and the time from
 * {@code java -jar} to the first 200. A program, not a test: run it as docs/benchmarks.md shows.
 *
 * <p>Requests are sent one at a time from this JVM over loopback (a closed loop), so the figures
 * are per-request service times, not throughput under load.
 */
public final class TicketBenchmark {
    /** Words that occur in many tickets and in few, so that search is measured at both ends. */
    private static final List<String> SEARCH_WORDS = List.of("password", "access", "laptop", "request", "printer",
            "monitor", "vpn", "invoice", "keyboard", "license", "outlook", "salary", "badge", "migration", "certificate");

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("nodepoint.sharedData", "../shared/data"))
                .resolve("endava_it_tickets_kaggle_v3.zip");
        if (!Files.isRegularFile(data)) {
            System.err.println("Data set not found: " + data.toAbsolutePath() + " (set -Dnodepoint.sharedData=DIR)");
            System.exit(2);
        }
        Path folder = Files.createTempDirectory("nodepoint-bench");
        System.out.println("Data folder: " + folder);
        System.out.printf(Locale.ROOT, "Machine: %d cores, Java %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"));

        PageTimer.command("init", "--data", folder.toString(), "--admin-password", TestNodePoint.ADMIN_PASSWORD);
        long started = System.nanoTime();
        String output = PageTimer.command("import-csv", "--data", folder.toString(), data.toString(),
                "--map", "description=Document", "--map", "product=Topic_group");
        double seconds = (System.nanoTime() - started) / 1e9;
        String summary = output.lines().reduce((first, second) -> second).orElse("");
        System.out.printf(Locale.ROOT, "Import: %s; %.1f s wall, %.0f tickets/s%n", summary, seconds, 47_837 / seconds);

        measurePages(folder);
        measureStartup(folder);
    }

    private static void measurePages(Path folder) throws Exception {
        try (Wiring wiring = Wiring.open(folder)) {
            Javalin app = wiring.createApp(new SetupCode("UNUSED00"), null).start("127.0.0.1", 0);
            try {
                PageTimer timer = PageTimer.signedInAsAdmin("http://127.0.0.1:" + app.port());
                Random random = new Random(42);
                long maxId = 47_837;
                timer.report("GET /tickets (page 1, newest)", i -> "/tickets");
                timer.report("GET /tickets?status=New&page=N (random page)", i -> "/tickets?status=New&page=" + (1 + random.nextInt(900)));
                timer.report("GET /tickets?product=P&sort=priority", i -> "/tickets?product=" + (1 + random.nextInt(8)) + "&sort=priority");
                timer.report("GET /tickets/{id} (random ticket)", i -> "/tickets/" + (1 + random.nextInt((int) maxId)));
                timer.report("GET /search?q=WORD (15 words, rare and common)",
                        i -> "/search?q=" + URLEncoder.encode(SEARCH_WORDS.get(i % SEARCH_WORDS.size()), StandardCharsets.UTF_8));
                timer.report("GET /search?q=TWO WORDS", i -> "/search?q=" + URLEncoder.encode(
                        SEARCH_WORDS.get(i % SEARCH_WORDS.size()) + " " + SEARCH_WORDS.get((i + 3) % SEARCH_WORDS.size()), StandardCharsets.UTF_8));
                timer.report("GET /nodepoint/?api=show_ticket", i -> "/nodepoint/?api=show_ticket&key="
                        + wiring.settings.current().apiReadKey() + "&id=" + (1 + random.nextInt((int) maxId)));
            } finally {
                app.stop();
            }
        }
    }

    private static void measureStartup(Path folder) throws Exception {
        Path jar = Path.of("target", "nodepoint.jar");
        if (!Files.isRegularFile(jar)) {
            System.out.println("Startup: skipped, " + jar + " is missing (run mvn package first)");
            return;
        }
        HttpClient client = HttpClient.newHttpClient();
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            int port = freePort();
            long started = System.nanoTime();
            Process process = new ProcessBuilder("java", "-jar", jar.toString(), "serve", "--data", folder.toString(),
                    "--host", "127.0.0.1", "--port", String.valueOf(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (true) {
                    try {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        Thread.sleep(10);
                    }
                    if (System.nanoTime() - started > 30e9) {
                        throw new IllegalStateException("Server did not answer within 30 s");
                    }
                }
                times.add((System.nanoTime() - started) / 1e6);
            } finally {
                process.destroy();
                process.waitFor();
            }
        }
        System.out.printf(Locale.ROOT, "Startup (java -jar to first 200 on /health, 47,837 tickets): runs %s ms%n",
                times.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private TicketBenchmark() {
    }
}
