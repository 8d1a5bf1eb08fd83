package org.nodepoint.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;

class DataCheckTest {
    private static final int PAGE_BYTES = 4096;

    @TempDir
    Path temp;

    private Path data() {
        return temp.resolve("data");
    }

    /** Creates a data folder with one attachment and enough tickets for a database of many pages, and returns the attachment id. */
    private long seed() {
        try (TestNodePoint node = TestNodePoint.configured(data())) {
            Product product = node.product("Laptops", "Public");
            long ticket = node.ticket(node.admin(), product, "Ticket with a file", "See the log");
            long attachment = node.attachment(node.admin(), ticket, "log.txt", "attached log".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 300; i++) {
                node.ticket(node.admin(), product, "Ticket " + i, "A description long enough to fill a few pages " + i);
            }
            return attachment;
        }
    }

    private String storedName(long attachmentId) {
        try (TestNodePoint node = TestNodePoint.reopen(data())) {
            return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT stored_name FROM attachments WHERE id = :id")
                    .bind("id", attachmentId).mapTo(String.class).one());
        }
    }

    /** Overwrites one page in the middle of the database file with bytes that no page contains. */
    private void corruptMiddlePage() throws IOException {
        Path database = data().resolve("db/nodepoint.db");
        long pages = Files.size(database) / PAGE_BYTES;
        byte[] garbage = new byte[PAGE_BYTES];
        Arrays.fill(garbage, (byte) 0x5A);
        try (RandomAccessFile file = new RandomAccessFile(database.toFile(), "rw")) {
            file.seek(pages / 2 * PAGE_BYTES);
            file.write(garbage);
        }
    }

    @Test
    void intact_folder_passes() {
        seed();

        CommandRun run = CommandRun.of("check", "--data", data().toString());

        assertThat(run.out()).contains("passed  integrity_check", "passed  foreign_key_check", "passed  uploaded files", "All checks passed");
        assertThat(run.status()).isEqualTo(0);
    }

    @Test
    void missing_upload_is_reported() throws IOException {
        long attachment = seed();
        String storedName = storedName(attachment);
        Files.delete(data().resolve("uploads").resolve(storedName));

        CommandRun run = CommandRun.of("check", "--data", data().toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED  uploaded files").contains("attachment " + attachment + ": the file").contains(storedName)
                .contains("is missing");
        assertThat(run.out()).contains("passed  integrity_check");
    }

    @Test
    void shortened_upload_is_reported() throws IOException {
        long attachment = seed();
        Files.writeString(data().resolve("uploads").resolve(storedName(attachment)), "cut");

        CommandRun run = CommandRun.of("check", "--data", data().toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("attachment " + attachment).contains("has 3 bytes instead of 12");
    }

    @Test
    void corrupt_page_is_reported() throws IOException {
        seed();
        corruptMiddlePage();

        CommandRun run = CommandRun.of("check", "--data", data().toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED  integrity_check");
        assertThat(run.out()).doesNotContain("All checks passed");
    }

    @Test
    void serve_rejects_corrupt_database() throws IOException {
        seed();
        corruptMiddlePage();

        CommandRun run = CommandRun.of("serve", "--data", data().toString(), "--host", "127.0.0.1", "--port", "1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("is damaged").contains("check --data");
    }

    @Test
    void missing_config_is_an_error() {
        CommandRun run = CommandRun.of("check", "--data", temp.resolve("nothing").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("nodepoint.cfg is missing");
    }
}
