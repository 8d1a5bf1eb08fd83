package org.nodepoint.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.nodepoint.db.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder that contains uploaded files. Each file is written to a temporary file in the
 * {@code .incoming} subfolder, forced to disk, and renamed to a random UUID in the folder itself,
 * so a crash never leaves half a file under a stored name. Names that the client sent are never
 * used as paths, and {@link #pathOf} accepts only names of the UUID form.
 */
public final class UploadFolder {
    private static final Logger log = LoggerFactory.getLogger(UploadFolder.class);
    static final String INCOMING = ".incoming";
    private static final Pattern STORED_NAME = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Temporary files older than this are left over from a crash, since no upload takes this long. */
    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    private final Path folder;
    private final Path incoming;

    /** Opens the folder, creating it and its {@code .incoming} subfolder with mode 0700 when missing. */
    public UploadFolder(Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.incoming = this.folder.resolve(INCOMING);
        try {
            OwnerOnly.createFolder(incoming);
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to create the upload folder " + incoming, failure);
        }
        deleteLeftovers(clock);
    }

    public Path path() {
        return folder;
    }

    /** Saves a file that a client sent, with its name cleaned by {@link FileNames#clean}. */
    public StoredFile save(IncomingFile file) throws IOException {
        try (InputStream content = file.content().open()) {
            return save(FileNames.clean(file.submittedName()), content);
        }
    }

    /**
     * Copies the content into the folder under a new random name and returns what was stored. The
     * temporary file is deleted when anything fails, so a failed upload leaves nothing behind.
     */
    public StoredFile save(String originalName, InputStream content) throws IOException {
        Path temporary = Files.createTempFile(incoming, "upload-", ".part");
        try {
            Copy copy = copy(content, temporary);
            String storedName = UUID.randomUUID().toString();
            Files.move(temporary, folder.resolve(storedName), StandardCopyOption.ATOMIC_MOVE);
            forceFolder();
            return new StoredFile(storedName, originalName, copy.size(), copy.sha256(), FileSignatures.detect(copy.head()));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Returns the path of a stored file, or empty for a name that the server cannot have chosen. */
    public Optional<Path> pathOf(String storedName) {
        if (storedName == null || !STORED_NAME.matcher(storedName).matches()) {
            return Optional.empty();
        }
        return Optional.of(folder.resolve(storedName));
    }

    /** Deletes a stored file, logging instead of failing, because the rows that named it are already gone. */
    public void delete(String storedName) {
        pathOf(storedName).ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException failure) {
                log.warn("Failed to delete the uploaded file {}: {}", path, failure.toString());
            }
        });
    }

    private record Copy(long size, String sha256, byte[] head) {
    }

    private static Copy copy(InputStream content, Path target) throws IOException {
        MessageDigest digest = sha256();
        byte[] head = new byte[0];
        long size = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = content; FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (head.length < FileSignatures.HEAD_LENGTH) {
                    head = appendHead(head, buffer, read);
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
                size += read;
            }
            channel.force(true);
        }
        return new Copy(size, HexFormat.of().formatHex(digest.digest()), head);
    }

    private static byte[] appendHead(byte[] head, byte[] buffer, int read) {
        int count = Math.min(FileSignatures.HEAD_LENGTH - head.length, read);
        byte[] longer = new byte[head.length + count];
        System.arraycopy(head, 0, longer, 0, head.length);
        System.arraycopy(buffer, 0, longer, head.length, count);
        return longer;
    }

    /** Forces the rename itself to disk, because without this a power loss can undo it on some file systems. */
    private void forceFolder() {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Some file systems cannot open a folder for reading. The rename is still atomic there.
        }
    }

    /** Deletes temporary files that a crash left in {@code .incoming}. */
    private void deleteLeftovers(Clock clock) {
        FileTime cutoff = FileTime.from(clock.instant().minus(LEFTOVER_AGE));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(incoming)) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(cutoff) < 0) {
                    Files.delete(file);
                    log.info("Deleted {}, an upload that a crash or a stop interrupted", file);
                }
            }
        } catch (IOException failure) {
            log.warn("Failed to clean up interrupted uploads in {}: {}", incoming, failure.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", missing);
        }
    }
}
