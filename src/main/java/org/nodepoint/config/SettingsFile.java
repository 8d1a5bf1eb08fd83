package org.nodepoint.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nodepoint.db.OwnerOnly;

/**
 * Reads and writes nodepoint.cfg in the "key value" line format of NodePoint 1.x: lines starting
 * with '#' are comments, the first run of white space separates key from value, and an empty
 * value is written as NULL.
 */
public final class SettingsFile {
    /** The text that stands for an empty value in nodepoint.cfg, as in Config::Simple files of NodePoint 1.x. */
    public static final String EMPTY_VALUE = "NULL";

    private final Path path;

    public SettingsFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    public Map<String, String> load() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!exists()) {
            return values;
        }
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            String value = parts.length > 1 ? parts[1] : "";
            values.put(parts[0], EMPTY_VALUE.equals(value) ? "" : value);
        }
        return values;
    }

    /**
     * Replaces the file atomically. The new content goes to a temporary file in the same folder, is
     * forced to disk, then renamed over the old file, so a crash leaves either the old or the new
     * settings and never half of them. The file is readable by its owner only (0600),
     * because it contains the administrator's password hash and the API keys.
     */
    public void save(Map<String, String> values) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        OwnerOnly.createFolder(folder);
        Path temporary = folder.resolve(path.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(StandardCharsets.UTF_8.encode(render(values)));
            channel.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(folder);
    }

    private static String render(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        text.append("# NodePoint configuration: one \"key value\" pair per line.\n");
        text.append("# Written by NodePoint; edit while it is stopped. NULL means an empty value.\n");
        values.forEach((key, value) -> {
            String single = value == null ? "" : value.replace('\r', ' ').replace('\n', ' ').strip();
            text.append(key).append(' ').append(single.isEmpty() ? EMPTY_VALUE : single).append('\n');
        });
        return text.toString();
    }

    /** Forces the rename itself to disk; without this a power loss can undo it on some file systems. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open a folder for reading; the rename is still atomic there.
        }
    }
}
