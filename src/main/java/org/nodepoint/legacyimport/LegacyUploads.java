package org.nodepoint.legacyimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * A symbolic link is never followed, and a file whose real path lies outside the 1.x upload folder
 * is never copied, so that a link placed there cannot expose other files on the server. The copies
 * are remembered, so that a failed import deletes them again.
 */
final class LegacyUploads {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    static final String MISSING = "file is missing from the 1.x upload folder";
    static final String LINK_OR_OUTSIDE = "file is a symbolic link or lies outside the 1.x upload folder";

    private final Path oldFolder;
    private final UploadFolder target;
    private final List<String> copied = new ArrayList<>();

    /** {@code oldFolder} is null when the 1.x installation had uploads turned off. */
    LegacyUploads(Path oldFolder, UploadFolder target) {
        this.oldFolder = oldFolder;
        this.target = target;
    }

    /**
     * Returns the 1.x file's path when the name is a plain file name, and the file is a regular
     * file (not a symbolic link) whose real path lies inside the 1.x upload folder.
     */
    Optional<Path> find(String legacyName) {
        Path file = candidate(legacyName);
        return file != null && isInsideFolder(file) ? Optional.of(file) : Optional.empty();
    }

    /** Returns why {@link #copy} found no file to copy under this name, for the report. */
    String reasonNotFound(String legacyName) {
        Path file = candidate(legacyName);
        return file != null && Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? LINK_OR_OUTSIDE : MISSING;
    }

    private Path candidate(String legacyName) {
        String name = legacyName.strip();
        if (oldFolder == null || !PLAIN_NAME.matcher(name).matches() || name.contains("..")) {
            return null;
        }
        return oldFolder.resolve(name);
    }

    private boolean isInsideFolder(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return file.toRealPath().startsWith(oldFolder.toRealPath());
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Copies the file into our upload folder. Returns empty when {@link #find} finds no file to copy. */
    Optional<StoredFile> copy(String legacyName, String originalName) {
        Optional<Path> file = find(legacyName);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        // NOFOLLOW_LINKS also rejects a link that replaced the file after the check in find().
        try (InputStream content = Files.newInputStream(file.get(), LinkOption.NOFOLLOW_LINKS)) {
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
