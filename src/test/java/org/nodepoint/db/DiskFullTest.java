package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.errors.StorageFullException;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.users.Level;

/**
 * A full disk, simulated with {@code PRAGMA max_page_count} on the writer connection: SQLite then
 * returns SQLITE_FULL as soon as the database would grow. Clients get a 503 with that reason, and
 * nothing of the write is stored.
 */
class DiskFullTest {
    /** The largest page count SQLite accepts, which lifts the limit again. */
    private static final long NO_LIMIT = 4_294_967_294L;

    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;

    @BeforeEach
    void fillDatabase() {
        node = TestNodePoint.configured(folder);
        product = node.product("Laptops", "Public");
        node.user("reporter", Level.AUTHORIZED);
        setMaxPageCount(currentPageCount());
        String filler = "x".repeat(2_000);
        // The free pages inside the file take a few tickets before the database must grow.
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10_000; i++) {
                node.wiring.tickets.file(node.admin(), new NewTicket(product.id(), "", "Filler " + i, filler, "Normal"), Origin.WEB);
            }
        }).isInstanceOf(StorageFullException.class).hasMessage("error.unavailable.diskFull");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long currentPageCount() {
        return node.wiring.database.write().withHandle(handle -> handle.createQuery("PRAGMA page_count").mapTo(Long.class).one());
    }

    private void setMaxPageCount(long pages) {
        node.wiring.database.write().useHandle(handle -> handle.createQuery("PRAGMA max_page_count = " + pages).mapTo(Long.class).one());
    }

    private long rowsTitled(String title) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets WHERE title = :title")
                .bind("title", title).mapTo(Long.class).one());
    }

    private long ticketRows() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }

    @Test
    void api_call_gets_503_and_stores_nothing() {
        long before = ticketRows();
        node.http((server, client) -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin()
                            + "/nodepoint/?api=add_ticket&key=" + TestNodePoint.WRITE_KEY + "&product_id=" + product.id()
                            + "&release_id=1.0&title=" + URLEncoder.encode("Disk is full", StandardCharsets.UTF_8)
                            + "&description=" + "y".repeat(3_000)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(response.body()).contains("\"message\": \"The server's disk is full, so nothing was saved.")
                    .contains("\"status\": \"ERR_UNAVAILABLE\"");
        });
        assertThat(rowsTitled("Disk is full")).isZero();
        assertThat(ticketRows()).isEqualTo(before);
    }

    @Test
    void ticket_form_gets_503_page() {
        long before = ticketRows();
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());
            assertThat(browser.signIn("reporter", TestNodePoint.PASSWORD).status()).isEqualTo(302);
            browser.get("/tickets/new?product=" + product.id());

            Browser.Page page = browser.post("/tickets", Map.of("productId", String.valueOf(product.id()), "title", "Disk is full",
                    "description", "z".repeat(3_000), "priority", "Normal", "release", ""));

            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("disk is full, so this change was not saved");
        });
        assertThat(rowsTitled("Disk is full")).isZero();
        assertThat(ticketRows()).isEqualTo(before);
    }

    @Test
    void writes_resume_after_space_is_freed() {
        setMaxPageCount(NO_LIMIT);

        long id = node.wiring.tickets.file(node.admin(), new NewTicket(product.id(), "", "After cleanup", "Space again", "Normal"), Origin.WEB);

        assertThat(id).isPositive();
        assertThat(rowsTitled("After cleanup")).isEqualTo(1);
    }
}
