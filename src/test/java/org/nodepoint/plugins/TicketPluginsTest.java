package org.nodepoint.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TicketCreated;
import org.nodepoint.projects.Product;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.users.Level;

/** The new ticket and ticket resolution plugins, triggered through the web pages and the legacy API. */
class TicketPluginsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TITLE = PluginRunnerTest.HOSTILE;
    private static final String DESCRIPTION = PluginRunnerTest.HOSTILE + "\nsecond line $(touch pwned)";

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;
    private Path output;

    @BeforeEach
    void start() throws IOException {
        node = TestNodePoint.configured(folder.resolve("data"), Map.of("default_vis", "Public"));
        product = node.product("Laptops", "Public");
        node.user("reporter", Level.AUTHORIZED);
        node.user("manager", Level.TICKETS_MANAGEMENT);
        output = Files.createDirectories(folder.resolve("output"));
        node.set("newticket_plugin", "printf '%s' %title% > " + file("title") + "; printf '%s' %description% > " + file("description")
                + "; printf '%s|%s|%s|%s' %ticket% %user% %product% %release% > " + file("fields"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void web_filing_passes_hostile_values_intact() {
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/tickets/new?product=" + product.id());

            Browser.Page created = browser.post("/tickets", Map.of("productId", String.valueOf(product.id()), "title", TITLE,
                    "description", DESCRIPTION, "priority", "Normal", "release", "1.0"));
            awaitPlugins();

            assertThat(created.status()).isEqualTo(302);
            long id = Long.parseLong(created.location().replace("/tickets/", ""));
            assertStoredAsTyped(id);
            assertThat(read("title")).isEqualTo(TITLE);
            assertThat(read("description")).isEqualTo(DESCRIPTION);
            assertThat(read("fields")).isEqualTo(id + "|reporter|" + product.id() + "|1.0");
            assertNoPwnedFile();
        });
    }

    @Test
    void api_filing_passes_hostile_values_intact() {
        node.http((server, client) -> {
            String message = api(client.getOrigin(), Map.of("api", "add_ticket", "key", TestNodePoint.WRITE_KEY,
                    "product_id", String.valueOf(product.id()), "release_id", "2.0 $(touch pwned)", "title", TITLE,
                    "description", DESCRIPTION));
            awaitPlugins();

            long id = Long.parseLong(message.replaceAll("\\D", ""));
            assertStoredAsTyped(id);
            assertThat(read("title")).isEqualTo(TITLE);
            assertThat(read("description")).isEqualTo(DESCRIPTION);
            assertThat(read("fields")).isEqualTo(id + "|api|" + product.id() + "|2.0 $(touch pwned)");
            assertNoPwnedFile();
        });
    }

    @Test
    void imported_ticket_does_not_run_new_ticket_plugin() {
        node.set("newticket_plugin", "");
        long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
        // The filing's own event must reach the plugin listener while the template is still empty.
        node.wiring.events.awaitDelivered(Duration.ofSeconds(10));
        node.set("newticket_plugin", "printf '%s' %ticket% > " + file("imported"));

        node.wiring.events.publish(new TicketCreated(id, node.admin().userId(), Origin.IMPORT));
        node.wiring.events.publish(new TicketCreated(id, node.admin().userId(), Origin.API));
        awaitPlugins();

        assertThat(pluginEntries()).hasSize(1);
        assertThat(read("imported")).isEqualTo(String.valueOf(id));
    }

    @Test
    void web_update_runs_resolution_plugin() {
        long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
        String resolution = "Replaced the cable; `touch pwned` \"$(touch pwned)\"\nline two 日本語";
        node.set("ticket_plugin", "printf '%s|%s|%s|%s|%s' %ticket% %user% %status% %resolution% %client% > " + file("resolution"));
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");
            browser.get("/tickets/" + id);

            Browser.Page updated = browser.post("/tickets/" + id, updateForm(id, "Resolved", resolution));
            awaitPlugins();

            assertThat(updated.status()).isEqualTo(302);
            assertThat(read("resolution")).isEqualTo(id + "|manager|Resolved|" + resolution + "|");
            assertNoPwnedFile();
        });
    }

    @Test
    void resolution_plugin_gets_billable_client() {
        long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
        long acme = node.client("Acme \"Ltd\"; $(touch pwned)", "Paid").id();
        node.wiring.billing.billTicket(node.admin(), id, acme);
        node.set("ticket_plugin", "printf '%s|%s' %ticket% %client% > " + file("resolution"));
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");
            browser.get("/tickets/" + id);

            browser.post("/tickets/" + id, updateForm(id, "Resolved", "Replaced the cable"));
            awaitPlugins();

            assertThat(read("resolution")).isEqualTo(id + "|Acme \"Ltd\"; $(touch pwned)");
            assertNoPwnedFile();
        });
    }

    @Test
    void api_update_does_not_run_resolution_plugin() {
        node.set("newticket_plugin", "");
        long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
        node.set("ticket_plugin", "printf '%s|' %ticket% %status% >> " + file("resolution"));
        node.http((server, client) -> {
            String message = api(client.getOrigin(), Map.of("api", "update_ticket", "key", TestNodePoint.WRITE_KEY,
                    "id", String.valueOf(id), "status", "Closed", "resolution", "Done by script"));
            awaitPlugins();

            assertThat(message).isEqualTo("Ticket updated.");
            assertThat(output.resolve("resolution")).doesNotExist();
            assertThat(pluginEntries()).isEmpty();

            // A web update of the same ticket afterwards does run it, which shows that the plugin was set up to run.
            Browser browser = signedIn(client.getOrigin(), "manager");
            browser.get("/tickets/" + id);
            Browser.Page updated = browser.post("/tickets/" + id, updateForm(id, "Resolved", "Checked by hand"));
            awaitPlugins();

            assertThat(updated.status()).isEqualTo(302);
            assertThat(read("resolution")).isEqualTo(id + "|Resolved|");
        });
    }

    @Test
    void empty_templates_run_nothing() {
        node.set("newticket_plugin", "");
        node.set("ticket_plugin", "");

        long id = node.ticket(node.admin(), product, "Screen flickers", "Since Monday");
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "manager");
            browser.get("/tickets/" + id);
            assertThat(browser.post("/tickets/" + id, updateForm(id, "Resolved", "Checked by hand")).status()).isEqualTo(302);
            awaitPlugins();
        });

        assertThat(pluginEntries()).isEmpty();
        assertThat(output).isEmptyDirectory();
    }

    @Test
    void page_answers_while_plugin_still_runs() {
        node.set("plugin_timeout", "60");
        node.set("newticket_plugin", "while [ ! -e " + file("gate") + " ]; do sleep 0.05; done; echo finished > " + file("finished"));
        node.http((server, client) -> {
            Browser browser = signedIn(client.getOrigin(), "reporter");
            browser.get("/tickets/new?product=" + product.id());

            // The plugin cannot finish before the test creates the gate file, which it does only after the response.
            Browser.Page created = browser.post("/tickets", Map.of("productId", String.valueOf(product.id()), "title", "Printer jammed",
                    "description", "Tray 2", "priority", "Normal", "release", ""));

            assertThat(created.status()).isEqualTo(302);
            assertThat(output.resolve("finished")).doesNotExist();
            Files.createFile(output.resolve("gate"));
            awaitPlugins();
            assertThat(read("finished")).isEqualTo("finished\n");
        });
    }

    private void assertStoredAsTyped(long id) {
        Ticket ticket = node.wiring.tickets.findById(id).orElseThrow();
        assertThat(ticket.title()).isEqualTo(TITLE);
        assertThat(ticket.description()).isEqualTo(DESCRIPTION);
    }

    /** Returns the edit form of the ticket with a new status and resolution, at the ticket's current version. */
    private Map<String, String> updateForm(long id, String status, String resolution) {
        String version = String.valueOf(node.wiring.tickets.findById(id).orElseThrow().version());
        return Map.of("title", "Screen flickers", "description", "Since Monday", "status", status, "resolution", resolution,
                "priority", "Normal", "release", "", "note", "", "version", version);
    }

    private void awaitPlugins() {
        node.wiring.events.awaitDelivered(WAIT);
        node.wiring.plugins.awaitIdle(WAIT);
    }

    private List<LogEntry> pluginEntries() {
        return node.wiring.systemLog.newest(0, 100).stream().filter(entry -> entry.category().equals("plugin")).toList();
    }

    private String file(String name) {
        return "'" + output.resolve(name) + "'";
    }

    private String read(String name) {
        try {
            return Files.readString(output.resolve(name));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private void assertNoPwnedFile() {
        try (var files = Files.walk(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("pwned");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        assertThat(Path.of("pwned")).doesNotExist();
    }

    private static Browser signedIn(String origin, String name) {
        Browser browser = new Browser(origin);
        assertThat(browser.signIn(name, TestNodePoint.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    /** Sends a legacy API call as a form POST and returns the message field of the response. */
    private static String api(String origin, Map<String, String> parameters) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(parameters).entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/nodepoint/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        String answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        return new ObjectMapper().readTree(answer).path("message").asText();
    }
}
