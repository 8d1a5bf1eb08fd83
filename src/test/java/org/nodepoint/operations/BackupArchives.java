package org.nodepoint.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Reads backup archives and writes altered copies of them, for tests of what restore rejects. */
final class BackupArchives {
    private BackupArchives() {
    }

    /** Returns every entry of the archive with its content, in archive order. */
    static Map<String, byte[]> entries(Path archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static BackupManifest manifest(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); InputStream json = zip.getInputStream(zip.getEntry(BackupManifest.ENTRY_NAME))) {
            return BackupManifest.parse(json);
        }
    }

    /** Writes a new archive with the entries that {@code change} returns from those of {@code archive}. */
    static Path rewrite(Path archive, Path target, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = change.apply(new LinkedHashMap<>(entries(archive)));
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }
}
