package org.nodepoint.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

/** Ticket updates sent by the web form as a browser sends them. */
class TicketUpdateFormTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        product = node.product("Printers", "Public");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private Map<String, String> updateForm(String status, String priority, String resolution, String title, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", status);
        form.put("priority", priority);
        form.put("release", "");
        form.put("resolution", resolution);
        form.put("title", title);
        form.put("description", description);
        form.put("note", "");
        form.put("version", "0");
        return form;
    }

    private List<String> changedFields(long ticketId) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery(
                        "SELECT f.field FROM ticket_change_fields f JOIN ticket_changes c ON c.id = f.change_id "
                                + "WHERE c.ticket_id = :id ORDER BY f.field")
                .bind("id", ticketId).mapTo(String.class).list());
    }

    private Map<String, Object> ticketRow(long ticketId) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery(
                        "SELECT status, priority, resolution FROM tickets WHERE id = :id")
                .bind("id", ticketId).mapToMap().one());
    }

    /**
     * Browsers submit text area line breaks as CR LF; they are stored as LF and are no change.
     */
    @Test
    void browser_line_breaks_are_no_change() {
        long ticketId = node.ticket(node.admin(), product, "Jammed printer", "It shows error E13.\nSecond line.");

        node.http((server, client) -> {
            Browser admin = new Browser(client.getOrigin());
            admin.signIn("admin", TestNodePoint.ADMIN_PASSWORD);
            admin.get("/tickets/" + ticketId);
            Browser.Page saved = admin.post("/tickets/" + ticketId,
                    updateForm("Open", "Normal", "", "Jammed printer", "It shows error E13.\r\nSecond line."));

            assertThat(saved.status()).isEqualTo(302);
            assertThat(changedFields(ticketId)).containsExactly("status");
        });
    }

    /**
     * A form loaded before someone else closed the ticket is rejected as stale, so it cannot reopen
     * the ticket or erase the resolution.
     */
    @Test
    void stale_form_is_rejected() throws Exception {
        long ticketId = node.ticket(node.admin(), product, "Jammed printer", "Error E13");

        node.http((server, client) -> {
            Browser agent = new Browser(client.getOrigin());
            agent.signIn("admin", TestNodePoint.ADMIN_PASSWORD);
            agent.get("/tickets/" + ticketId);

            String closeBody = Map.of("api", "update_ticket", "key", TestNodePoint.WRITE_KEY, "id", Long.toString(ticketId),
                            "status", "Closed", "resolution", "Drum replaced").entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> closed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin() + "/nodepoint/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(closeBody)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(closed.body()).contains("\"OK\"");

            Browser.Page stale = agent.post("/tickets/" + ticketId, updateForm("New", "High", "", "Jammed printer", "Error E13"));

            assertThat(stale.status()).isEqualTo(422);
            assertThat(stale.body()).contains("Someone changed this ticket after you opened it");
            Map<String, Object> row = ticketRow(ticketId);
            assertThat(row.get("status")).isEqualTo("Closed");
            assertThat(row.get("resolution")).isEqualTo("Drum replaced");
        });
    }
}
