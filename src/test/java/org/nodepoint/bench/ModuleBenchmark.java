package org.nodepoint.bench;

import io.javalin.Javalin;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.nodepoint.Wiring;
import org.nodepoint.setup.SetupCode;
import org.nodepoint.text.UserText;
import org.nodepoint.testing.TestNodePoint;

/**
 * Measures the module pages beyond tickets on a large site: the Endava tickets (47,837), 20,000
 * inventory items imported from a generated CSV, and 2,000 clients with 40,000 CRM events and
 * 40,000 billable tickets, one client holding 5,000 of them, and 2,000 articles, 5,000 tasks,
 * 1,000 shoutbox messages and 2,000 shared files. A program, not a test: run it as
 * docs/benchmarks.md shows.
 */
public final class ModuleBenchmark {
    static final int ITEMS = 20_000;
    static final int CLIENTS = 2_000;
    static final int EVENTS_PER_CLIENT = 20;
    static final int BILLED_TICKETS = 40_000;
    /** The client with the longest statement: the first one, with this many billable tickets. */
    static final int BIG_CLIENT_TICKETS = 5_000;
    static final int ARTICLES = 2_000;
    private static final String[] SEARCH_WORDS = {"password", "printer", "vpn", "laptop", "access", "invoice"};
    private static final String[] TYPES = {"Laptop", "Monitor", "Phone", "Headset", "Dock", "Projector"};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("nodepoint.sharedData", "../shared/data")).resolve("endava_it_tickets_kaggle_v3.zip");
        if (!Files.isRegularFile(data)) {
            System.err.println("Data set not found: " + data.toAbsolutePath() + " (set -Dnodepoint.sharedData=DIR)");
            System.exit(2);
        }
        Path folder = Files.createTempDirectory("nodepoint-modules");
        System.out.println("Data folder: " + folder);
        PageTimer.command("init", "--data", folder.toString(), "--admin-password", TestNodePoint.ADMIN_PASSWORD);
        PageTimer.command("import-csv", "--data", folder.toString(), data.toString(),
                "--map", "description=Document", "--map", "product=Topic_group");

        Path items = folder.resolve("items.csv");
        writeItems(items);
        long started = System.nanoTime();
        String summary = PageTimer.command("import-csv", "--data", folder.toString(), "--kind", "items", items.toString())
                .lines().reduce((first, second) -> second).orElse("");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Item import: %s; %.1f s wall, %.0f items/s%n", summary, seconds, ITEMS / seconds);

        try (Wiring wiring = Wiring.open(folder)) {
            addClients(wiring);
            holdItems(wiring);
            addKnowledgeAndTasks(wiring);
            measure(wiring);
        }
    }

    /** Writes the item CSV. Every third item needs approval, every fifth has no serial number, a tenth has expired and a tenth expires later. */
    static void writeItems(Path file) throws Exception {
        Random random = new Random(7);
        LocalDate today = LocalDate.now();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,type,serial,approval,expiration\n");
            for (int i = 1; i <= ITEMS; i++) {
                String type = TYPES[i % TYPES.length];
                String serial = i % 5 == 0 ? "" : String.format(Locale.ROOT, "SN-%08X", random.nextInt() & 0x7fffffff) + "-" + i;
                String expiry = i % 10 == 0 ? today.minusDays(1 + random.nextInt(900)).toString()
                        : i % 10 == 1 ? today.plusDays(1 + random.nextInt(900)).toString() : "";
                out.write(String.format(Locale.ROOT, "%s %05d,%s,%s,%d,%s%n", type, i, type, serial, i % 3 == 0 ? 1 : 0, expiry));
            }
        }
    }

    /** Adds the clients, their events and billable tickets in one transaction, as a bulk tool may. */
    static void addClients(Wiring wiring) {
        long started = System.nanoTime();
        wiring.database.write().useTransaction(handle -> {
            long admin = handle.createQuery("SELECT id FROM users WHERE name = 'admin'").mapTo(Long.class).one();
            long now = System.currentTimeMillis();
            PreparedBatch clients = handle.prepareBatch("INSERT INTO clients (id, name, name_key, status, contact, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)");
            String[] statuses = {"Prospect", "Supplier", "Contact", "Paid", "Unpaid", "Closed"};
            for (int id = 1; id <= CLIENTS; id++) {
                String name = String.format(Locale.ROOT, "Client %04d", id);
                clients.add(id, name, UserText.nameKey(name), statuses[id % statuses.length], "contact" + id + "@example.com", now);
            }
            clients.execute();
            PreparedBatch events = handle.prepareBatch("INSERT INTO client_events (client_id, type, summary, notes, created_by, created_at) "
                    + "VALUES (?, 'phone', ?, 'Called about the renewal.', ?, ?)");
            for (int id = 1; id <= CLIENTS; id++) {
                for (int event = 0; event < EVENTS_PER_CLIENT; event++) {
                    events.add(id, "Call " + event, admin, now - event * 3_600_000L);
                }
            }
            events.execute();
            billTickets(handle, admin, now);
        });
        System.out.printf(Locale.ROOT, "Clients: %d clients, %d events, %d billable tickets added in %.1f s%n", CLIENTS,
                CLIENTS * EVENTS_PER_CLIENT, BILLED_TICKETS, (System.nanoTime() - started) / 1e9);
    }

    private static void billTickets(Handle handle, long admin, long now) {
        PreparedBatch billing = handle.prepareBatch("INSERT INTO ticket_billing (ticket_id, client_id, created_by, created_at) VALUES (?, ?, ?, ?)");
        for (int ticket = 1; ticket <= BILLED_TICKETS; ticket++) {
            int client = ticket <= BIG_CLIENT_TICKETS ? 1 : 2 + ticket % (CLIENTS - 1);
            billing.add(ticket, client, admin, now);
        }
        billing.execute();
    }

    /** Gives the administrator 50 checked-out items and 50 waiting requests, for the home page and the approvals page. */
    static void holdItems(Wiring wiring) {
        wiring.database.write().useHandle(handle -> {
            long admin = handle.createQuery("SELECT id FROM users WHERE name = 'admin'").mapTo(Long.class).one();
            handle.execute("UPDATE items SET status = 'checked_out', holder_id = ? WHERE id BETWEEN 1 AND 50", admin);
            handle.execute("UPDATE items SET status = 'waiting', holder_id = ? WHERE id BETWEEN 51 AND 100", admin);
        });
    }

    /**
     * Adds 2,000 articles (a tenth of them drafts) whose bodies are ticket texts, 10,000 links from
     * tickets to them, 5,000 tasks of the administrator (300 open), 1,000 shoutbox messages and
     * 2,000 shared files, in one transaction.
     */
    static void addKnowledgeAndTasks(Wiring wiring) {
        long started = System.nanoTime();
        wiring.database.write().useTransaction(handle -> {
            long admin = handle.createQuery("SELECT id FROM users WHERE name = 'admin'").mapTo(Long.class).one();
            long now = System.currentTimeMillis();
            handle.execute("INSERT INTO articles (id, product_id, title, body, published, created_by, created_at) "
                    + "SELECT id, CASE WHEN id % 5 = 0 THEN NULL ELSE product_id END, 'Article ' || id || ': ' || substr(title, 1, 30), "
                    + "'## Steps' || char(10) || char(10) || description, CASE WHEN id % 10 = 0 THEN 0 ELSE 1 END, ?, ? "
                    + "FROM tickets WHERE id <= ?", admin, now, ARTICLES);
            handle.execute("INSERT INTO article_tickets (article_id, ticket_id, linked_by, linked_at) "
                    + "SELECT 1 + (id % ?), id, ?, ? FROM tickets WHERE id <= 10000 AND (1 + id % ?) % 10 != 0",
                    ARTICLES, admin, now, ARTICLES);
            handle.execute("INSERT INTO article_favourites (user_id, article_id) SELECT ?, id FROM articles WHERE id <= 20", admin);
            handle.execute("INSERT INTO tasks (product_id, description, assignee_id, due_date, completion, created_by, created_at, completed_at) "
                    + "SELECT 1 + id % 8, 'Task ' || id, ?, date('now', (id % 60 - 30) || ' days'), "
                    + "CASE WHEN id <= 300 THEN 0 ELSE 100 END, ?, ?, CASE WHEN id <= 300 THEN NULL ELSE ? END "
                    + "FROM tickets WHERE id <= 5000", admin, admin, now, now - 30L * 86_400_000L);
            handle.execute("INSERT INTO shouts (user_id, message, created_at) SELECT ?, 'Message ' || id, ? + id FROM tickets WHERE id <= 1000",
                    admin, now);
            handle.execute("INSERT INTO shared_files (token_hash, stored_name, original_name, size_bytes, sha256, uploaded_by, uploaded_at) "
                    + "SELECT 'hash-' || id, 'stored-' || id, 'manual-' || id || '.pdf', id * 100, 'sha-' || id, ?, ? + id "
                    + "FROM tickets WHERE id <= 2000", admin, now);
        });
        System.out.printf(Locale.ROOT, "Articles, tasks, shouts and files added in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void measure(Wiring wiring) throws Exception {
        Javalin app = wiring.createApp(new SetupCode("UNUSED00"), null).start("127.0.0.1", 0);
        try {
            PageTimer timer = PageTimer.signedInAsAdmin("http://127.0.0.1:" + app.port());
            Random random = new Random(42);
            String key = wiring.settings.current().apiReadKey();
            timer.report("GET / (home page: items, tasks, articles, shoutbox)", i -> "/");
            timer.report("GET /items (page 1)", i -> "/items");
            timer.report("GET /items?status=available&page=N", i -> "/items?status=available&page=" + (1 + random.nextInt(300)));
            timer.report("GET /items?type=T&q=PREFIX", i -> "/items?type=" + TYPES[i % TYPES.length] + "&q="
                    + TYPES[i % TYPES.length].substring(0, 3));
            timer.report("GET /items/{id} (random item)", i -> "/items/" + (1 + random.nextInt(ITEMS)));
            timer.report("GET /items/approvals", i -> "/items/approvals");
            timer.report("GET /clients (page 1)", i -> "/clients");
            timer.report("GET /clients?status=Paid&page=N", i -> "/clients?status=Paid&page=" + (1 + random.nextInt(6)));
            timer.report("GET /clients/{id} (random, 20 tickets)", i -> "/clients/" + (2 + random.nextInt(CLIENTS - 1)));
            timer.report("GET /clients/1 (5,000 billable tickets)", i -> "/clients/1");
            timer.report("GET api=list_items (20,000 items, 4.4 MB)", 20, 200, i -> "/nodepoint/?api=list_items&key=" + key);
            timer.report("GET /articles (page 1)", i -> "/articles");
            timer.report("GET /articles?product=P&page=N", i -> "/articles?product=" + (1 + random.nextInt(8)) + "&page=" + (1 + random.nextInt(4)));
            timer.report("GET /articles/{id} (random article)", i -> "/articles/" + (1 + random.nextInt(ARTICLES)));
            timer.report("GET /search?q=WORD (tickets and articles)", i -> "/search?q=" + SEARCH_WORDS[i % SEARCH_WORDS.length]);
            timer.report("GET /projects/{id} (625 tasks each)", i -> "/projects/" + (1 + random.nextInt(8)));
            timer.report("GET /files (page 1 of 2,000 files)", i -> "/files");
            timer.report("GET api=list_tasks (5,000 tasks)", 20, 200, i -> "/nodepoint/?api=list_tasks&user=admin&key=" + key);
            timer.report("GET api=list_files (2,000 files)", i -> "/nodepoint/?api=list_files&key=" + key);
            timer.report("GET api=show_billing (5,000 tickets)", i -> "/nodepoint/?api=show_billing&client=Client%200001&key=" + key);
        } finally {
            app.stop();
        }
    }

    private ModuleBenchmark() {
    }
}
