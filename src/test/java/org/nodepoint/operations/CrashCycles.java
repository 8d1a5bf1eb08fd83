package org.nodepoint.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;

/**
 * Kills a server in the middle of writes and checks what survived. Each cycle starts the server
 * as a child process, runs concurrent writers over the 1.x JSON API (add_ticket, then add_comment
 * on the new ticket), kills the process with SIGKILL after a random number of acknowledged
 * writes, and then checks that every acknowledged ticket and comment is in the database and that
 * {@link DataCheck} passes. The next cycle's start is the restart after the crash.
 */
public final class CrashCycles {
    private static final int WRITERS = 3;
    private static final int MAX_WRITES_BEFORE_KILL = 40;
    private static final Duration KILL_WAIT = Duration.ofSeconds(60);
    private static final Pattern TICKET_ADDED = Pattern.compile("Ticket (\\d+) added\\.");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataFolder;
    private final Random random;
    private final PrintStream progress;
    private long productId;

    /** What the cycles saw: acknowledged writes, start times of the child in ms, and every write that was lost. */
    public record Result(int cycles, long acknowledgedWrites, List<Long> startMillis, List<String> lost, List<String> checkProblems) {
    }

    public CrashCycles(Path dataFolder, long seed, PrintStream progress) {
        this.dataFolder = dataFolder;
        this.random = new Random(seed);
        this.progress = progress;
    }

    /** Creates a configured data folder with one product for the writers. */
    public void prepare() {
        try (TestNodePoint node = TestNodePoint.configured(dataFolder)) {
            Product product = node.product("Crash test", "Public");
            productId = product.id();
        }
    }

    public Result run(int cycles) throws BackupException, IOException, InterruptedException, SQLException {
        Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Long> startMillis = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        List<String> checkProblems = new ArrayList<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            long started = System.nanoTime();
            ChildServer server = ChildServer.start(dataFolder);
            startMillis.add((System.nanoTime() - started) / 1_000_000);
            runWritersAndKill(server, cycle, acknowledged);
            lost.addAll(missing(acknowledged));
            for (DataCheck.Part part : DataCheck.run(dataFolder)) {
                for (String problem : part.problems()) {
                    checkProblems.add("cycle " + cycle + ", " + part.name() + ": " + problem);
                }
            }
            if (progress != null) {
                progress.printf("cycle %d: %d acknowledged writes so far, start %d ms%n", cycle + 1, acknowledged.size(),
                        startMillis.get(cycle));
            }
        }
        return new Result(cycles, acknowledged.size(), startMillis, lost, checkProblems);
    }

    private void runWritersAndKill(ChildServer server, int cycle, Set<String> acknowledged) throws InterruptedException {
        CountDownLatch killAfter = new CountDownLatch(1 + random.nextInt(MAX_WRITES_BEFORE_KILL));
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            String prefix = "c" + cycle + "-w" + writer + "-";
            Thread thread = new Thread(() -> write(server.baseUri(), prefix, acknowledged, killAfter, unexpected), "crash-writer-" + writer);
            thread.start();
            writers.add(thread);
        }
        boolean reached = killAfter.await(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
        server.kill();
        for (Thread thread : writers) {
            thread.join();
        }
        if (!reached || !unexpected.isEmpty()) {
            throw new IllegalStateException("Cycle " + cycle + ": the writers did not reach the kill point (" + unexpected + "); server log:\n"
                    + server.lastLogLines());
        }
    }

    /**
     * Writes tickets, each followed by a comment, until the server stops responding, and records each
     * write that the server acknowledged with status OK. A response other than OK goes to
     * {@code unexpected} and ends the writer, and so does a dropped connection, without a record.
     */
    private void write(URI baseUri, String prefix, Set<String> acknowledged, CountDownLatch killAfter, ConcurrentLinkedQueue<String> unexpected) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; ; i++) {
            String title = prefix + i;
            try {
                JsonNode added = call(client, baseUri, Map.of("api", "add_ticket", "key", TestNodePoint.WRITE_KEY,
                        "product_id", String.valueOf(productId), "release_id", "1.0", "title", title, "description", "Written before a crash"));
                Matcher id = TICKET_ADDED.matcher(added.path("message").asText());
                if (!"OK".equals(added.path("status").asText()) || !id.matches()) {
                    unexpected.add(title + ": " + added);
                    return;
                }
                acknowledged.add("ticket " + title);
                killAfter.countDown();
                String comment = "comment on " + title;
                JsonNode commented = call(client, baseUri, Map.of("api", "add_comment", "key", TestNodePoint.WRITE_KEY, "id", id.group(1),
                        "comment", comment));
                if (!"OK".equals(commented.path("status").asText())) {
                    unexpected.add(comment + ": " + commented);
                    return;
                }
                acknowledged.add("comment " + comment);
                killAfter.countDown();
            } catch (IOException serverGone) {
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static JsonNode call(HttpClient client, URI baseUri, Map<String, String> parameters) throws IOException, InterruptedException {
        String form = parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/nodepoint/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** Returns the acknowledged writes that the database does not contain. */
    private List<String> missing(Set<String> acknowledged) throws SQLException {
        Set<String> stored = new HashSet<>();
        try (Connection connection = SqliteFile.open(dataFolder.resolve("db/nodepoint.db"), false);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT title FROM tickets")) {
                while (rows.next()) {
                    stored.add("ticket " + rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT body FROM comments")) {
                while (rows.next()) {
                    stored.add("comment " + rows.getString(1));
                }
            }
        }
        return acknowledged.stream().filter(write -> !stored.contains(write)).sorted().toList();
    }
}
