package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * A write that finds the group commit queue full gets 503 with Retry-After over real HTTP, and
 * nothing of it is stored. The queue is filled while a {@link WriterBlocker} holds the writer.
 */
class FullWriteQueueRoutesTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private Product product;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        product = node.product("Laptops", "Public");
        node.user("reporter", Level.AUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void ticket_form_gets_503() {
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());
            assertThat(browser.signIn("reporter", TestNodePoint.PASSWORD).status()).isEqualTo(302);
            browser.get("/tickets/new?product=" + product.id());
            WriterBlocker blocker = WriterBlocker.block(node.wiring.database.groupCommitWriter());
            List<CompletableFuture<Object>> queued = blocker.fillQueue();

            Browser.Page page = browser.post("/tickets", Map.of("productId", String.valueOf(product.id()), "title", "Screen flickers",
                    "description", "Since Monday", "priority", "Normal", "release", ""));
            blocker.release();
            queued.forEach(CompletableFuture::join);

            assertThat(page.status()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(page.body()).contains("too many changes waiting to be saved");
            assertThat(ticketRows()).isZero();
        });
    }

    @Test
    void page_view_still_served() {
        node.http((server, client) -> {
            Browser browser = new Browser(client.getOrigin());
            assertThat(browser.signIn("reporter", TestNodePoint.PASSWORD).status()).isEqualTo(302);
            // Thirty minutes without a request: the next one wants to record the session's use.
            node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE sessions SET last_seen_at = last_seen_at - 1800000"));
            WriterBlocker blocker = WriterBlocker.block(node.wiring.database.groupCommitWriter());
            List<CompletableFuture<Object>> queued = blocker.fillQueue();

            Browser.Page page = browser.get("/tickets");
            blocker.release();
            queued.forEach(CompletableFuture::join);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("reporter");
        });
    }

    @Test
    void legacy_api_call_gets_503() {
        node.http((server, client) -> {
            WriterBlocker blocker = WriterBlocker.block(node.wiring.database.groupCommitWriter());
            List<CompletableFuture<Object>> queued = blocker.fillQueue();

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(client.getOrigin()
                            + "/nodepoint/?api=add_ticket&key=" + TestNodePoint.WRITE_KEY + "&product_id=" + product.id()
                            + "&release_id=1.0&title=" + URLEncoder.encode("Fan is loud", StandardCharsets.UTF_8) + "&description=Always"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            blocker.release();
            queued.forEach(CompletableFuture::join);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body()).isEqualTo("{\n \"message\": \"Server busy or stopping, so nothing was saved. Try again in a few seconds.\",\n"
                    + " \"status\": \"ERR_UNAVAILABLE\"\n}\n");
            assertThat(ticketRows()).isZero();
        });
    }

    private long ticketRows() {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }
}
