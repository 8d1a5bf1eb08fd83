package org.nodepoint.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestImages;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.users.Viewer;

class BackupRestoreTest {
    private static final int WRITERS = 3;

    @TempDir
    Path temp;

    private Path source() {
        return temp.resolve("source");
    }

    private static List<String> ticketTitles(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT id || ' ' || title FROM tickets ORDER BY id")
                .mapTo(String.class).list());
    }

    private static long ticketCount(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets").mapTo(Long.class).one());
    }

    /** Fills the source folder with tickets, an attachment, a product image and a shared file. */
    private Product seed(TestNodePoint node, int tickets) {
        Product product = node.product("Laptops", "Public");
        Viewer admin = node.admin();
        long first = node.ticket(admin, product, "Ticket with a file", "See the log");
        node.attachment(admin, first, "log.txt", "attached log".getBytes());
        for (int i = 0; i < tickets; i++) {
            node.ticket(admin, product, "Seed ticket " + i, "Description " + i);
        }
        node.productImage(product, TestImages.png());
        node.sharedFile(admin, "manual.txt", "shared manual".getBytes());
        return product;
    }

    private Path backUp() throws IOException {
        Path archive = temp.resolve("backup.zip");
        CommandRun run = CommandRun.of("backup", "--data", source().toString(), "--to", archive.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        return archive;
    }

    @Test
    void backup_under_writes_restores_and_serves_same_rows() throws Exception {
        Path restored = temp.resolve("restored");
        Path archive;
        try (TestNodePoint node = TestNodePoint.configured(source())) {
            Product product = seed(node, 20);
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch writing = new CountDownLatch(WRITERS);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    try {
                        for (int i = 0; !stop.get(); i++) {
                            node.wiring.tickets.file(node.admin(), new NewTicket(product.id(), "", "Writer " + writer + " ticket " + i, "Body", "Normal"),
                                    Origin.WEB);
                            if (i == 0) {
                                writing.countDown();
                            }
                        }
                    } catch (RuntimeException failure) {
                        failures.add(failure);
                    }
                });
                thread.start();
                writers.add(thread);
            }
            writing.await();
            archive = backUp();
            stop.set(true);
            for (Thread thread : writers) {
                thread.join();
            }
            assertThat(failures).isEmpty();
            assertThat(ticketCount(node)).isGreaterThan(BackupArchives.manifest(archive).rowCounts().get("tickets"));
        }

        CommandRun restore = CommandRun.of("restore", archive.toString(), "--data", restored.toString());
        assertThat(restore.err()).isEmpty();
        assertThat(restore.status()).isEqualTo(0);
        CommandRun check = CommandRun.of("check", "--data", restored.toString());
        assertThat(check.out()).contains("All checks passed");
        assertThat(check.status()).isEqualTo(0);

        BackupManifest manifest = BackupArchives.manifest(archive);
        try (TestNodePoint copy = TestNodePoint.reopen(restored); TestNodePoint original = TestNodePoint.reopen(source())) {
            List<String> restoredTickets = ticketTitles(copy);
            assertThat((long) restoredTickets.size()).isEqualTo(manifest.rowCounts().get("tickets"));
            assertThat(ticketTitles(original)).containsAll(restoredTickets);
            long productId = copy.wiring.products.listAll().get(0).id();
            copy.http((server, client) -> {
                String body = client.get("/nodepoint/?api=list_tickets&product_id=" + productId + "&key=" + TestNodePoint.READ_KEY).body().string();
                JsonNode tickets = new ObjectMapper().readTree(body).path("tickets");
                assertThat(tickets.size()).isEqualTo(restoredTickets.size());
            });
        }
    }

    @Test
    void manifest_lists_rows_and_file_sums() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(source())) {
            seed(node, 5);
        }
        Path archive = backUp();

        BackupManifest manifest = BackupArchives.manifest(archive);
        assertThat(manifest.formatVersion()).isEqualTo(1);
        assertThat(manifest.schemaVersion()).isNotEmpty();
        assertThat(manifest.database()).isEqualTo("db/nodepoint.db");
        assertThat(manifest.rowCounts()).containsEntry("tickets", 6L).containsEntry("attachments", 1L)
                .containsEntry("product_images", 1L).containsEntry("shared_files", 1L).containsEntry("products", 1L);
        List<String> uploads = manifest.files().stream().map(BackupManifest.FileEntry::name).filter(name -> name.startsWith("uploads/")).toList();
        assertThat(uploads).hasSize(3);
        var entries = BackupArchives.entries(archive);
        assertThat(entries.keySet()).contains("nodepoint.cfg", "db/nodepoint.db", "manifest.json");
        for (BackupManifest.FileEntry file : manifest.files()) {
            byte[] content = entries.get(file.name());
            assertThat(content).hasSize((int) file.size());
            assertThat(HexFormat.of().formatHex(Durable.sha256().digest(content))).isEqualTo(file.sha256());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
    }

    @Test
    void default_archive_goes_to_backups_folder() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(source())) {
            seed(node, 1);
        }

        CommandRun run = CommandRun.of("backup", "--data", source().toString());

        assertThat(run.status()).isEqualTo(0);
        List<Path> archives = new BackupFolder(source()).archives();
        assertThat(archives).hasSize(1);
        assertThat(run.out()).contains(archives.get(0).toString());
        try (Stream<Path> files = Files.list(source().resolve("backups"))) {
            assertThat(files.toList()).containsExactlyElementsOf(archives);
        }
    }

    @Test
    void backup_to_existing_file_is_rejected() throws Exception {
        try (TestNodePoint node = TestNodePoint.configured(source())) {
            seed(node, 1);
        }
        Path existing = Files.writeString(temp.resolve("taken.zip"), "keep me");

        CommandRun run = CommandRun.of("backup", "--data", source().toString(), "--to", existing.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(existing.toString()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void backup_into_uploads_is_rejected() throws IOException {
        try (TestNodePoint node = TestNodePoint.configured(source())) {
            seed(node, 1);
        }
        Path inside = source().resolve("uploads/x.zip");

        CommandRun run = CommandRun.of("backup", "--data", source().toString(), "--to", inside.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("inside the data folder").contains("--to");
        try (Stream<Path> files = Files.list(source().resolve("uploads"))) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("x.zip"));
        }
    }

    @Test
    void backup_into_backups_folder_is_accepted() throws IOException {
        try (TestNodePoint node = TestNodePoint.configured(source())) {
            seed(node, 1);
        }
        Path archive = source().resolve("backups/manual.zip");

        CommandRun run = CommandRun.of("backup", "--data", source().toString(), "--to", archive.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(archive).isRegularFile();
    }
}
