package org.nodepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * Many users press Check out on one item at the same moment, through the web pages and through
 * the API's assign_item. Exactly one of them gets the item.
 */
class CheckoutRaceTest {
    private static final int USERS = 20;

    @TempDir
    Path folder;

    @Test
    void one_of_twenty_web_checkouts_wins() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = node.wiring.items.add(node.admin(), new ItemForm("Loaner laptop", "Laptop", "LL-1", "", "", false, ""),
                    ItemRules.TypeRule.LISTED, Submission.NONE);
            for (int i = 0; i < USERS; i++) {
                node.user("racer" + i, Level.AUTHORIZED);
            }
            node.http((server, client) -> {
                List<Browser> browsers = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    Browser browser = new Browser(client.getOrigin());
                    assertThat(browser.signIn("racer" + i, TestNodePoint.PASSWORD).status()).isEqualTo(302);
                    browser.get("/items/" + id);
                    browsers.add(browser);
                }

                List<Browser.Page> pages = all(browsers.stream()
                        .<Callable<Browser.Page>>map(browser -> () -> browser.post("/items/" + id + "/checkout", Map.of()))
                        .toList());

                assertThat(pages).filteredOn(page -> page.status() == 302).hasSize(1);
                assertThat(pages).filteredOn(page -> page.status() == 422).hasSize(USERS - 1)
                        .allSatisfy(page -> assertThat(Jsoup.parse(page.body()).select("#action-error").text())
                                .isEqualTo("This item is not available: someone else has checked it out. Try again once it is returned."));
            });
            Item item = node.wiring.items.find(id);
            assertThat(item.state()).isEqualTo(ItemStatus.CHECKED_OUT);
            assertThat(node.wiring.items.show(node.admin(), id).history()).extracting(ItemHistoryEntry::action)
                    .containsExactly("checked_out", "added");
            assertThat(node.wiring.users.findById(item.holderId()).orElseThrow().name()).startsWith("racer");
        }
    }

    @Test
    void one_of_twenty_api_assignments_wins() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            long id = node.wiring.items.add(node.admin(), new ItemForm("Loaner laptop", "Laptop", "LL-1", "", "", false, ""),
                    ItemRules.TypeRule.LISTED, Submission.NONE);
            for (int i = 0; i < USERS; i++) {
                node.user("racer" + i, Level.AUTHORIZED);
            }
            node.http((server, client) -> {
                HttpClient http = HttpClient.newHttpClient();
                List<Callable<String>> calls = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    String body = "api=assign_item&key=" + TestNodePoint.WRITE_KEY + "&id=" + id + "&user=racer" + i;
                    calls.add(() -> http.send(HttpRequest.newBuilder(URI.create(client.getOrigin() + "/nodepoint/"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
                }

                List<String> answers = all(calls);

                assertThat(answers).filteredOn(answer -> answer.contains("\"Item assigned.\"")).hasSize(1);
                assertThat(answers).filteredOn(answer -> answer.equals(
                        "{\n \"message\": \"Item is not available.\",\n \"status\": \"ERR_INVALID_ARGUMENT\"\n}\n")).hasSize(USERS - 1);
            });
            assertThat(node.wiring.items.show(node.admin(), id).history()).extracting(ItemHistoryEntry::action)
                    .containsExactly("assigned", "added");
        }
    }

    /** Runs the tasks on one thread each, released together, and returns their results in order. */
    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
