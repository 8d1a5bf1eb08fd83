package org.nodepoint.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.cli.CommandRun;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestNodePoint;

/** Archives that restore must reject, each leaving no restored or temporary folder behind. */
class RestoreRejectionTest {
    @TempDir
    Path temp;

    private Path archive;

    @BeforeEach
    void writeBackup() {
        Path source = temp.resolve("source");
        try (TestNodePoint node = TestNodePoint.configured(source)) {
            Product product = node.product("Laptops", "Public");
            long ticket = node.ticket(node.admin(), product, "Ticket with a file", "See the log");
            node.attachment(node.admin(), ticket, "log.txt", "attached log".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 200; i++) {
                node.ticket(node.admin(), product, "Ticket " + i, "A description long enough to fill a few pages " + i);
            }
        }
        archive = temp.resolve("backup.zip");
        assertThat(CommandRun.of("backup", "--data", source.toString(), "--to", archive.toString()).status()).isEqualTo(0);
    }

    /** Restores into a new folder "target", expects exit status 1, and returns the error output. */
    private String rejectedRestore(Path file) throws IOException {
        CommandRun run = CommandRun.of("restore", file.toString(), "--data", temp.resolve("target").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(temp.resolve("target")).doesNotExist();
        try (Stream<Path> leftovers = Files.list(temp)) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains(".restore-"));
        }
        return run.err();
    }

    @Test
    void truncated_archive_is_rejected() throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        Path truncated = Files.write(temp.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(rejectedRestore(truncated)).contains("truncated or damaged");
    }

    @Test
    void flipped_byte_is_rejected() throws IOException {
        Path flipped = BackupArchives.flipByteInside(archive, temp.resolve("flipped.zip"), "db/nodepoint.db");

        assertThat(rejectedRestore(flipped)).contains("damaged").contains("db/nodepoint.db");
    }

    @Test
    void parent_folder_entry_is_rejected() throws IOException {
        Path evil = BackupArchives.rewrite(archive, temp.resolve("evil.zip"), entries -> {
            entries.put("../evil", "outside".getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertThat(rejectedRestore(evil)).contains("'../evil'");
        assertThat(temp.resolve("evil")).doesNotExist();
    }

    @Test
    void absolute_entry_is_rejected() throws IOException {
        Path evil = BackupArchives.rewrite(archive, temp.resolve("absolute.zip"), entries -> {
            entries.put("/tmp/evil", "outside".getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertThat(rejectedRestore(evil)).contains("'/tmp/evil'").contains("relative path");
    }

    @Test
    void unlisted_entry_is_rejected() throws IOException {
        Path extra = BackupArchives.rewrite(archive, temp.resolve("extra.zip"), entries -> {
            entries.put("uploads/extra", "not in the manifest".getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertThat(rejectedRestore(extra)).contains("'uploads/extra'").contains("does not list");
    }

    @Test
    void missing_file_is_rejected() throws IOException {
        String upload = BackupArchives.manifest(archive).files().stream().map(BackupManifest.FileEntry::name)
                .filter(name -> name.startsWith("uploads/")).findFirst().orElseThrow();
        Path missing = BackupArchives.rewrite(archive, temp.resolve("missing.zip"), entries -> {
            entries.remove(upload);
            return entries;
        });

        assertThat(rejectedRestore(missing)).contains("incomplete").contains(upload);
    }

    @Test
    void changed_file_is_rejected() throws IOException {
        Path changed = BackupArchives.rewrite(archive, temp.resolve("changed.zip"), entries -> {
            entries.put("nodepoint.cfg", "admin_name mallory\n".getBytes(StandardCharsets.UTF_8));
            return entries;
        });

        assertThat(rejectedRestore(changed)).contains("'nodepoint.cfg'").contains("SHA-256");
    }

    @Test
    void symbolic_link_entry_is_rejected() throws IOException {
        Path linked = BackupArchives.markAsLink(archive, temp.resolve("link.zip"), "nodepoint.cfg");

        assertThat(rejectedRestore(linked)).contains("symbolic link 'nodepoint.cfg'");
    }

    @Test
    void archive_without_manifest_is_rejected() throws IOException {
        Path bare = BackupArchives.rewrite(archive, temp.resolve("bare.zip"), entries -> {
            entries.remove(BackupManifest.ENTRY_NAME);
            return entries;
        });

        assertThat(rejectedRestore(bare)).contains("no manifest.json");
    }

    @Test
    void non_empty_folder_is_rejected() throws IOException {
        Path target = Files.createDirectories(temp.resolve("occupied"));
        Files.writeString(target.resolve("notes.txt"), "keep me");

        CommandRun run = CommandRun.of("restore", archive.toString(), "--data", target.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("is not empty");
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).isEqualTo(List.of("notes.txt"));
        }
        assertThat(Files.readString(target.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void empty_folder_is_accepted() throws IOException {
        Path target = Files.createDirectories(temp.resolve("empty"));

        CommandRun run = CommandRun.of("restore", archive.toString(), "--data", target.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(0);
        assertThat(target.resolve("nodepoint.cfg")).isRegularFile();
        assertThat(target.resolve("db/nodepoint.db")).isRegularFile();
    }

    @Test
    void oversized_entry_stops_at_manifest_size() throws IOException {
        String upload = firstUpload();
        Path staged = BackupArchives.replaceFile(archive, temp.resolve("staged.zip"), upload, new byte[10]);
        Path bomb = BackupArchives.rewrite(staged, temp.resolve("bomb.zip"), entries -> {
            entries.put(upload, new byte[8 * 1024 * 1024]);
            return entries;
        });
        long listedBytes = BackupArchives.manifest(bomb).files().stream().mapToLong(BackupManifest.FileEntry::size).sum();
        AtomicLong maxCopied = new AtomicLong();

        assertThatThrownBy(() -> BackupRestore.restore(bomb, temp.resolve("target"), (copied, total) -> maxCopied.accumulateAndGet(copied, Math::max)))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("'" + upload + "'")
                .hasMessageContaining("more than the 10 bytes");
        assertThat(maxCopied.get()).isLessThanOrEqualTo(listedBytes);
        assertThat(temp.resolve("target")).doesNotExist();
    }

    @Test
    void oversized_manifest_is_rejected() throws IOException {
        Path padded = BackupArchives.rewrite(archive, temp.resolve("padded.zip"), entries -> {
            byte[] manifest = entries.get(BackupManifest.ENTRY_NAME);
            byte[] larger = Arrays.copyOf(manifest, BackupRestore.MAX_MANIFEST_BYTES + 1);
            Arrays.fill(larger, manifest.length, larger.length, (byte) ' ');
            entries.put(BackupManifest.ENTRY_NAME, larger);
            return entries;
        });

        assertThat(rejectedRestore(padded)).contains("manifest.json").contains("larger than");
    }

    @Test
    void duplicate_entry_is_rejected() throws IOException {
        Path twice = BackupArchives.duplicateEntry(archive, temp.resolve("twice.zip"), "db/nodepoint.db",
                "an unrelated file".getBytes(StandardCharsets.UTF_8));

        assertThat(rejectedRestore(twice)).contains("'db/nodepoint.db'").contains("twice");
    }

    @Test
    void database_outside_folder_is_rejected() throws IOException {
        Path outside = withSetting("db_address", temp.resolve("outside-db/nodepoint.db").toString());

        assertThat(rejectedRestore(outside)).contains("db_address").contains("outside");
        assertThat(temp.resolve("outside-db")).doesNotExist();
    }

    @Test
    void uploads_outside_folder_are_rejected() throws IOException {
        Path outside = withSetting("upload_folder", "../outside-uploads");

        assertThat(rejectedRestore(outside)).contains("upload_folder").contains("'../outside-uploads'");
        assertThat(temp.resolve("outside-uploads")).doesNotExist();
    }

    @Test
    void database_other_than_setting_is_rejected() throws IOException {
        Path moved = BackupArchives.moveDatabase(archive, temp.resolve("moved.zip"), "db/other.db");

        assertThat(rejectedRestore(moved)).contains("'db/other.db'").contains("db_address");
    }

    private String firstUpload() throws IOException {
        return BackupArchives.manifest(archive).files().stream().map(BackupManifest.FileEntry::name)
                .filter(name -> name.startsWith("uploads/")).findFirst().orElseThrow();
    }

    /** Returns a copy of the archive whose nodepoint.cfg sets {@code key} to {@code value}, with a matching manifest. */
    private Path withSetting(String key, String value) throws IOException {
        String settings = new String(BackupArchives.entries(archive).get("nodepoint.cfg"), StandardCharsets.UTF_8);
        String changed = settings.lines().filter(line -> !line.startsWith(key + " ")).collect(Collectors.joining("\n"))
                + "\n" + key + " " + value + "\n";
        return BackupArchives.replaceFile(archive, temp.resolve(key + ".zip"), "nodepoint.cfg", changed.getBytes(StandardCharsets.UTF_8));
    }
}
