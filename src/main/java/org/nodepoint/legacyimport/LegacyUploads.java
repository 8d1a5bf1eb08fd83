package org.nodepoint.legacyimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nodepoint.uploads.StoredFile;
import org.nodepoint.uploads.UploadFolder;

/**
 * Copies files from the 1.x upload folder into ours under names that our server chooses. The 1.x
 * name (a GUID) comes from the old database, so only plain file names are looked up, never paths.
 * The copies are remembered, so that a failed import deletes them again.
 */
final class LegacyUploads {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    private final Path oldFolder;
    private final UploadFolder target;
    private final List<String> copied = new ArrayList<>();

    /** {@code oldFolder} is null when the 1.x installation had uploads turned off. */
    LegacyUploads(Path oldFolder, UploadFolder target) {
        this.oldFolder = oldFolder;
        this.target = target;
    }

    /** Returns the 1.x file's path when the name is a plain file name and the file exists. */
    Optional<Path> find(String legacyName) {
        String name = legacyName.strip();
        if (oldFolder == null || !PLAIN_NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        Path file = oldFolder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Copies the file into our upload folder; empty when the 1.x file is missing. */
    Optional<StoredFile> copy(String legacyName, String originalName) {
        Optional<Path> file = find(legacyName);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream content = Files.newInputStream(file.get())) {
            StoredFile stored = target.save(originalName, content);
            copied.add(stored.storedName());
            return Optional.of(stored);
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to copy the 1.x upload " + file.get(), failure);
        }
    }

    /** Deletes every file copied so far, after a failed import. */
    void deleteCopies() {
        copied.forEach(target::delete);
        copied.clear();
    }
}
