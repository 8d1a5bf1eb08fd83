package org.nodepoint.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.FormFields;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/**
 * Two requests with the same form token, sent from two threads at once, store one record. The
 * writer is held until both requests have passed their checks and wait in the write queue, so
 * that both run in one batch and only the check inside the transaction can tell them apart.
 */
class DuplicateSubmissionRaceTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "new ticket     | /tickets/new?product=$product | /tickets                  | title=Toner low;description=Tray 2 | SELECT count(*) FROM tickets WHERE title = 'Toner low'",
        "comment        | /tickets/$ticket              | /tickets/$ticket/comments | comment=Tray 2 jams too            | SELECT count(*) FROM comments",
        "update         | /tickets/$ticket              | /tickets/$ticket          | time=1.5;note=Cleaned the rollers  | SELECT count(*) FROM ticket_changes",
        "time of update | /tickets/$ticket              | /tickets/$ticket          | time=1.5;note=Cleaned the rollers  | SELECT count(*) FROM time_entries",
    })
    void parallel_duplicates_store_once(String label, String formPage, String action, String fields, String countQuery) {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of("default_vis", "Public"))) {
            Product product = node.product("Printers", "Public");
            long ticketId = node.ticket(node.admin(), product, "Jammed printer", "Error E13");
            node.user("manager", Level.TICKETS_MANAGEMENT);
            String page = formPage.replace("$product", String.valueOf(product.id())).replace("$ticket", String.valueOf(ticketId));
            String path = action.replace("$ticket", String.valueOf(ticketId));
            String[] namesAndValues = fields.replace(';', '=').split("=");

            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                assertThat(browser.signIn("manager", TestNodePoint.PASSWORD).status()).isEqualTo(302);
                Map<String, String> form = FormFields.with(FormFields.of(browser.get(page), path), namesAndValues);
                GroupCommitWriter writer = node.wiring.database.groupCommitWriter();
                WriterBlocker blocker = WriterBlocker.block(writer);
                CountDownLatch start = new CountDownLatch(1);

                List<CompletableFuture<Browser.Page>> posts = List.of(
                        CompletableFuture.supplyAsync(() -> postAfter(start, browser, path, form)),
                        CompletableFuture.supplyAsync(() -> postAfter(start, browser, path, form)));
                start.countDown();
                while (writer.queuedTasks() < 2 && posts.stream().noneMatch(CompletableFuture::isDone)) {
                    Thread.onSpinWait();
                }
                blocker.release();
                Browser.Page first = posts.get(0).join();
                Browser.Page second = posts.get(1).join();

                assertThat(first.status()).isEqualTo(302);
                assertThat(second.status()).isEqualTo(302);
                assertThat(second.location()).isEqualTo(first.location());
                long stored = node.wiring.database.read().withHandle(handle -> handle.createQuery(countQuery).mapTo(Long.class).one());
                assertThat(stored).isEqualTo(1);
            });
        }
    }

    private static Browser.Page postAfter(CountDownLatch start, Browser browser, String path, Map<String, String> form) {
        try {
            start.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return browser.postRaw(path, form);
    }
}
