package org.nodepoint.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nodepoint.testing.TestNodePoint;

/** Reads what uploads left behind: the files of the upload folder and the rows of the attachment tables. */
final class UploadTesting {
    /** The form of every name that the server gives a stored file. */
    static final String UUID_NAME = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private UploadTesting() {
    }

    static Path uploads(TestNodePoint node) {
        return node.wiring.uploadFolder.path();
    }

    /** Returns the names of the regular files in the upload folder, without those of .incoming. */
    static List<String> storedFiles(TestNodePoint node) {
        return listNames(uploads(node));
    }

    /** Returns the names in the folder of temporary files. */
    static List<String> temporaryFiles(TestNodePoint node) {
        return listNames(uploads(node).resolve(UploadFolder.INCOMING));
    }

    static List<Map<String, Object>> attachmentRows(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT * FROM attachments ORDER BY id")
                .mapToMap().list());
    }

    static long commentCount(TestNodePoint node) {
        return node.wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM comments")
                .mapTo(Long.class).one());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> listNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
