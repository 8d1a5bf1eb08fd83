package org.nodepoint.operations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Writes a copy of the archive in which the central directory marks the named entry as a Unix
     * symbolic link, as Info-ZIP's {@code zip --symlinks} writes one.
     */
    static Path markAsLink(Path archive, Path target, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < bytes.length; at++) {
            if (zip.getInt(at) != 0x02014b50 || (zip.getShort(at + 28) & 0xFFFF) != nameBytes.length) {
                continue;
            }
            if (Arrays.equals(bytes, at + 46, at + 46 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                zip.put(at + 5, (byte) 3);
                zip.putInt(at + 38, 0120777 << 16);
                return Files.write(target, bytes);
            }
        }
        throw new IllegalArgumentException("No central directory entry named " + name);
    }

    /**
     * Writes a copy of the archive with one byte changed in the middle of the named entry's
     * compressed data. A change in a header or a data descriptor would not alter the content that
     * java.util.zip reads.
     */
    static Path flipByteInside(Path archive, Path target, String name) throws IOException {
        long compressedSize;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            compressedSize = zip.getEntry(name).getCompressedSize();
        }
        byte[] bytes = Files.readAllBytes(archive);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 30 < bytes.length; at++) {
            if (zip.getInt(at) != 0x04034b50 || (zip.getShort(at + 26) & 0xFFFF) != nameBytes.length) {
                continue;
            }
            if (Arrays.equals(bytes, at + 30, at + 30 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                int data = at + 30 + nameBytes.length + (zip.getShort(at + 28) & 0xFFFF);
                bytes[data + (int) (compressedSize / 2)] ^= 0x55;
                return Files.write(target, bytes);
            }
        }
        throw new IllegalArgumentException("No local header for an entry named " + name);
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

    /**
     * Writes a copy of the archive in which the entry {@code name} has the given content and the
     * manifest lists its size and SHA-256, so that the entry passes those checks.
     */
    static Path replaceFile(Path archive, Path target, String name, byte[] content) throws IOException {
        return rewrite(archive, target, entries -> {
            entries.put(name, content);
            BackupManifest manifest = parseManifest(entries);
            List<BackupManifest.FileEntry> files = manifest.files().stream()
                    .map(file -> file.name().equals(name) ? describe(name, content) : file)
                    .toList();
            return withManifest(entries, new BackupManifest(manifest.formatVersion(), manifest.nodePointVersion(),
                    manifest.schemaVersion(), manifest.createdAt(), manifest.database(), manifest.rowCounts(), files));
        });
    }

    /** Writes a copy of the archive with the database stored as {@code newName}, in its entries and in its manifest. */
    static Path moveDatabase(Path archive, Path target, String newName) throws IOException {
        return rewrite(archive, target, entries -> {
            BackupManifest manifest = parseManifest(entries);
            byte[] database = entries.remove(manifest.database());
            entries.put(newName, database);
            List<BackupManifest.FileEntry> files = manifest.files().stream()
                    .map(file -> file.name().equals(manifest.database()) ? describe(newName, database) : file)
                    .toList();
            return withManifest(entries, new BackupManifest(manifest.formatVersion(), manifest.nodePointVersion(),
                    manifest.schemaVersion(), manifest.createdAt(), newName, manifest.rowCounts(), files));
        });
    }

    /**
     * Writes a copy of the archive with a second entry named {@code name} with {@code content},
     * placed before the original. ZipOutputStream rejects duplicate names, so the entry is
     * written under a placeholder name of the same length, which is then replaced in the bytes.
     */
    static Path duplicateEntry(Path archive, Path target, String name, byte[] content) throws IOException {
        String placeholder = name.substring(0, name.length() - 1) + (name.endsWith("#") ? "%" : "#");
        Path staged = target.resolveSibling(target.getFileName() + ".staged");
        rewrite(archive, staged, entries -> {
            Map<String, byte[]> reordered = new LinkedHashMap<>();
            reordered.put(placeholder, content);
            reordered.putAll(entries);
            return reordered;
        });
        byte[] bytes = Files.readAllBytes(staged);
        Files.delete(staged);
        byte[] from = placeholder.getBytes(StandardCharsets.UTF_8);
        byte[] to = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + from.length <= bytes.length; at++) {
            if (Arrays.equals(bytes, at, at + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, at, to.length);
            }
        }
        return Files.write(target, bytes);
    }

    private static BackupManifest parseManifest(Map<String, byte[]> entries) {
        try {
            return BackupManifest.parse(new ByteArrayInputStream(entries.get(BackupManifest.ENTRY_NAME)));
        } catch (IOException invalid) {
            throw new UncheckedIOException(invalid);
        }
    }

    /** Returns the entries with the manifest replaced and moved to the end, where BackupWriter puts it. */
    private static Map<String, byte[]> withManifest(Map<String, byte[]> entries, BackupManifest manifest) {
        entries.remove(BackupManifest.ENTRY_NAME);
        try {
            entries.put(BackupManifest.ENTRY_NAME, manifest.toJson());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return entries;
    }

    private static BackupManifest.FileEntry describe(String name, byte[] content) {
        return new BackupManifest.FileEntry(name, content.length, HexFormat.of().formatHex(Durable.sha256().digest(content)));
    }
}
