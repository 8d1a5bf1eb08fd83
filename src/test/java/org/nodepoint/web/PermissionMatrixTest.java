package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.clients.EventForm;
import org.nodepoint.config.Settings;
import org.nodepoint.forms.FieldType;
import org.nodepoint.inventory.ItemForm;
import org.nodepoint.inventory.ItemRules;
import org.nodepoint.projects.Product;
import org.nodepoint.sharedfiles.NewLink;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.PermissionTable;
import org.nodepoint.testing.TestImages;
import org.nodepoint.testing.TestNodePoint;

/**
 * Checks permission-matrix.csv against the application. The table must have a row for every route
 * that the application registers and no row for any other route. Every actor must get the outcome
 * that the table gives, through real HTTP with a real session and a valid CSRF token.
 */
class PermissionMatrixTest {
    private static final String TABLE = PermissionTable.RESOURCE;
    private static final List<String> ACTORS = PermissionTable.ACTORS;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The level 1 user that $user names, who is not one of the actors. */
    private static final String MEMBER = "member";

    @TempDir
    Path folder;

    /** The objects that placeholders name. */
    private record Fixture(Product product, Product hiddenProduct, long ticket, long hiddenTicket, long form, long attachment,
            long hiddenAttachment, long item, long client, Map<String, Long> eventsByActor, long sharedFile, String fileLink, long shout,
            Map<String, Long> tasksByActor, long article, long draftArticle, long spareArticle) {
    }

    @Test
    void every_registered_route_has_a_row() {
        Set<String> inTable = routesInTable();
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Set<String> missing = new TreeSet<>(registeredRoutes(node.app()));
            missing.removeAll(inTable);

            assertThat(missing)
                    .as("Routes without a row in src/test/resources%s. Add a row for each, with the expected outcome for every actor"
                            + " (the header of the file explains the columns)", TABLE)
                    .isEmpty();
        }
    }

    @Test
    void every_row_names_a_registered_route() {
        Set<String> stale = new TreeSet<>(routesInTable());
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            stale.removeAll(registeredRoutes(node.app()));

            assertThat(stale)
                    .as("Rows in src/test/resources%s for routes that the application does not register."
                            + " Remove them, or correct the method or the route", TABLE)
                    .isEmpty();
        }
    }

    @Test
    void get_requests_get_the_expected_outcome() {
        List<PermissionTable.Row> rows = PermissionTable.read("GET");
        SoftAssertions softly = new SoftAssertions();
        try (TestNodePoint node = matrixNode()) {
            Fixture fixture = createFixture(node);
            node.http((server, client) -> {
                Map<String, Browser> browsers = signInEveryActor(client.getOrigin());
                for (PermissionTable.Row row : rows) {
                    for (String actor : ACTORS) {
                        Browser.Page page = browsers.get(actor).get(fill(row.request(), actor, fixture));
                        softly.assertThat(outcomeOf(page)).as("%s as %s", row.describe(), actorName(actor))
                                .isEqualTo(row.outcomes().get(actor));
                    }
                }
            });
        }
        softly.assertAll();
    }

    @Test
    void get_requests_change_no_data() {
        List<PermissionTable.Row> rows = PermissionTable.read("GET");
        try (TestNodePoint node = matrixNode()) {
            Fixture fixture = createFixture(node);
            node.http((server, client) -> {
                Map<String, Browser> browsers = signInEveryActor(client.getOrigin());
                Map<String, String> before = checksumsOfStoredData(node);

                for (PermissionTable.Row row : rows) {
                    for (String actor : ACTORS) {
                        browsers.get(actor).get(fill(row.request(), actor, fixture));
                    }
                }

                assertThat(checksumsOfStoredData(node)).as("checksum of each table but sessions and file_downloads after %d GET rows", rows.size())
                        .containsExactlyEntriesOf(before);
            });
        }
    }

    /** Every other method. Each cell gets a fresh session, because a row such as POST /logout ends it. */
    @Test
    void other_requests_get_the_expected_outcome() {
        List<PermissionTable.Row> rows = PermissionTable.read().stream().filter(row -> !row.method().equals("GET")).toList();
        SoftAssertions softly = new SoftAssertions();
        try (TestNodePoint node = matrixNode()) {
            Fixture fixture = createFixture(node);
            node.http((server, client) -> {
                for (PermissionTable.Row row : rows) {
                    for (String actor : ACTORS) {
                        Browser browser = signIn(client.getOrigin(), actor);
                        Map<String, String> form = parseForm(fill(row.form(), actor, fixture));
                        Browser.Page page = browser.send(row.method(), fill(row.request(), actor, fixture), form);
                        softly.assertThat(outcomeOf(page)).as("%s as %s", row.describe(), actorName(actor))
                                .isEqualTo(row.outcomes().get(actor));
                    }
                }
            });
        }
        softly.assertAll();
    }

    private TestNodePoint matrixNode() {
        return TestNodePoint.configured(folder, Map.of(Settings.TICKET_VISIBILITY, "Public", Settings.ALLOW_REGISTRATIONS, "on",
                Settings.GUEST_TICKETS, "off"));
    }

    private static Fixture createFixture(TestNodePoint node) {
        for (int level = 0; level <= 5; level++) {
            node.user("level" + level, level);
        }
        node.user(MEMBER, 1);
        Product product = node.product("Public product", "Public");
        Product hidden = node.product("Restricted product", "Restricted");
        long ticket = node.ticket(node.admin(), product, "Printer jams", "The printer jams on every page.");
        long hiddenTicket = node.ticket(node.admin(), hidden, "Server room key", "Lost the key to the server room.");
        long form = node.form("Printer form", FieldType.SHORT_TEXT).id();
        node.wiring.forms.assign(node.admin(), form, product.id());
        long attachment = node.attachment(node.admin(), ticket, "jam.txt", "Paper jam log".getBytes(StandardCharsets.UTF_8));
        long hiddenAttachment = node.attachment(node.admin(), hiddenTicket, "key.txt", "Key log".getBytes(StandardCharsets.UTF_8));
        node.productImage(product, TestImages.png());
        node.productImage(hidden, TestImages.png());
        long item = node.wiring.items.add(node.admin(), new ItemForm("Loaner laptop", "Laptop", "LL-1", "", "", true, "Locker 3"),
                ItemRules.TypeRule.LISTED, Submission.NONE);
        node.wiring.items.makeUnavailable(node.admin(), item);
        // Each actor gets an event of its own, so that one actor's deletion leaves the others' rows to test.
        long client = node.client("Acme", "Paid").id();
        Map<String, Long> events = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            events.put(actor, node.wiring.clientEvents.add(node.admin(), client, new EventForm("phone", "Call of " + actor, "")));
        }
        NewLink link = node.sharedFile(node.admin(), "manual.pdf", "Printer manual".getBytes(StandardCharsets.UTF_8));
        long shout = node.wiring.shoutbox.post(node.admin(), "The printer is fixed.");
        // The spare article is the one that publish, unpublish and delete requests change, so the other two keep their state.
        long article = node.article("Clearing paper jams", null, "Open the front cover.", true);
        long draftArticle = node.article("Unreleased fix", product, "Not ready yet.", false);
        long spareArticle = node.article("Spare article", product, "Spare text.", false);
        return new Fixture(product, hidden, ticket, hiddenTicket, form, attachment, hiddenAttachment, item, client, events,
                link.fileId(), link.path(), shout, tasksByActor(node, product), article, draftArticle, spareArticle);
    }

    /**
     * Adds a task of the product for each actor, so that one actor's deletion leaves the others'
     * tasks to test. Actors who may hold tasks (level 1 and up) are the assignees of their own; the
     * member holds the guest's and the level 0 user's.
     */
    private static Map<String, Long> tasksByActor(TestNodePoint node, Product product) {
        Map<String, Long> tasks = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            String holder = actor.equals("guest") || actor.equals("0") ? MEMBER : userName(actor);
            long holderId = node.wiring.users.findByName(holder).orElseThrow().id();
            tasks.put(actor, node.wiring.tasks.add(node.admin(), product.id(), new TaskForm("Task of " + actor, String.valueOf(holderId),
                    "2030-12-31"), Submission.NONE));
        }
        return tasks;
    }

    /** Returns "METHOD /path" for every HTTP route, such as "GET /tickets/{id}", but not the before-filters. */
    private static Set<String> registeredRoutes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(PermissionMatrixTest::routeKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String routeKey(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }

    private static Set<String> routesInTable() {
        return PermissionTable.read().stream().map(row -> row.method() + " " + row.route()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Browser> signInEveryActor(String origin) {
        Map<String, Browser> browsers = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            browsers.put(actor, signIn(origin, actor));
        }
        return browsers;
    }

    /** Returns a browser signed in as the actor, or a guest's browser, that has loaded a page with a CSRF token. */
    private static Browser signIn(String origin, String actor) {
        Browser browser = new Browser(origin);
        if (actor.equals("guest")) {
            browser.get("/login");
            return browser;
        }
        String password = actor.equals("admin") ? TestNodePoint.ADMIN_PASSWORD : TestNodePoint.PASSWORD;
        assertThat(browser.signIn(userName(actor), password).status()).as("sign-in of %s", actorName(actor)).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    private static String userName(String actor) {
        return switch (actor) {
            case "guest" -> MEMBER;
            case "admin" -> "admin";
            default -> "level" + actor;
        };
    }

    private static String actorName(String actor) {
        return switch (actor) {
            case "guest", "admin" -> actor;
            default -> "level " + actor;
        };
    }

    /** Returns the values of the placeholders that the header of the table lists, for one actor. */
    private static Map<String, String> placeholders(String actor, Fixture fixture) {
        return Map.ofEntries(
                Map.entry("$product", String.valueOf(fixture.product().id())),
                Map.entry("$hiddenProduct", String.valueOf(fixture.hiddenProduct().id())),
                Map.entry("$ticket", String.valueOf(fixture.ticket())),
                Map.entry("$hiddenTicket", String.valueOf(fixture.hiddenTicket())),
                Map.entry("$attachment", String.valueOf(fixture.attachment())),
                Map.entry("$hiddenAttachment", String.valueOf(fixture.hiddenAttachment())),
                Map.entry("$user", MEMBER),
                Map.entry("$self", userName(actor)),
                Map.entry("$password", TestNodePoint.PASSWORD),
                Map.entry("$bootstrap", Chrome.BOOTSTRAP),
                Map.entry("$form", String.valueOf(fixture.form())),
                Map.entry("$item", String.valueOf(fixture.item())),
                Map.entry("$client", String.valueOf(fixture.client())),
                Map.entry("$event", String.valueOf(fixture.eventsByActor().get(actor))),
                Map.entry("$sharedFile", String.valueOf(fixture.sharedFile())),
                Map.entry("$fileLink", fixture.fileLink()),
                Map.entry("$shout", String.valueOf(fixture.shout())),
                Map.entry("$task", String.valueOf(fixture.tasksByActor().get(actor))),
                Map.entry("$article", String.valueOf(fixture.article())),
                Map.entry("$draftArticle", String.valueOf(fixture.draftArticle())),
                Map.entry("$spareArticle", String.valueOf(fixture.spareArticle())));
    }

    private static String fill(String text, String actor, Fixture fixture) {
        return PermissionTable.fill(text, placeholders(actor, fixture));
    }

    private static Map<String, String> parseForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            form.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /**
     * Names the outcome of a response in the table's words. A response that fits none of them is
     * described by its status, so that the failure message shows what came back.
     */
    private static String outcomeOf(Browser.Page page) {
        int status = page.status();
        if ((status == 302 || status == 303) && page.location().startsWith("/login")) {
            return "login";
        }
        if (status == 403 || status == 404) {
            return String.valueOf(status);
        }
        // The legacy API sends text/plain, and so do Jetty's redirects, but with an empty body.
        if (page.headers().firstValue("Content-Type").orElse("").startsWith("text/plain") && page.body().startsWith("{")) {
            return apiOutcome(page);
        }
        if (status == 401 || status == 405 || status >= 500) {
            return "status " + status;
        }
        return "ok";
    }

    /** Returns "api" for the 1.x error envelope alone, and a description for anything else on an API path. */
    private static String apiOutcome(Browser.Page page) {
        JsonNode body;
        try {
            body = JSON.readTree(page.body());
        } catch (IOException invalid) {
            return "status " + page.status() + " with a text body that is not JSON";
        }
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        boolean envelope = page.status() == 200 && fields.equals(List.of("message", "status"))
                && body.path("status").asText().startsWith("ERR_");
        return envelope ? "api" : "status " + page.status() + " with API data " + page.body();
    }

    /**
     * Returns a SHA-256 of each table's rows, by table name, so that a failure names the table that
     * changed. The sessions table is left out because a page view records the session's last use
     * (at most once a minute) by design.
     */
    private static Map<String, String> checksumsOfStoredData(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> {
            // A download through a file link appends to the download log by design, as a sign-in updates its session.
            List<String> tables = handle.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                            + "AND name NOT IN ('sessions', 'file_downloads') ORDER BY name")
                    .mapTo(String.class).list();
            Map<String, String> checksums = new TreeMap<>();
            for (String table : tables) {
                List<String> rows = handle.createQuery("SELECT * FROM \"" + table + "\"").mapToMap().stream()
                        .map(PermissionMatrixTest::describeRow).sorted().toList();
                checksums.put(table, HexFormat.of().formatHex(sha256().digest(String.join("\n", rows).getBytes(StandardCharsets.UTF_8))));
            }
            return checksums;
        });
    }

    /** Renders a row with byte arrays (the full-text index's blobs) as hex, which toString would not. */
    private static String describeRow(Map<String, Object> row) {
        return row.entrySet().stream()
                .map(column -> column.getKey() + "=" + (column.getValue() instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : column.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", missing);
        }
    }
}
