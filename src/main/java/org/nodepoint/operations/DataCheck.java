package org.nodepoint.operations;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a data folder: the database with {@code PRAGMA integrity_check} and
 * {@code PRAGMA foreign_key_check}, and every uploaded file that a row names (attachments, which
 * include the files of custom form answers, product images and shared files that are not deleted)
 * for presence and size.
 */
public final class DataCheck {
    /** The tables whose stored_name column names a file of the upload folder, with the rows that still need it. */
    private static final List<String> FILE_REFERENCES = List.of(
            "SELECT 'attachment ' || id, stored_name, size_bytes FROM attachments",
            "SELECT 'image of product ' || product_id, stored_name, size_bytes FROM product_images",
            "SELECT 'shared file ' || id, stored_name, size_bytes FROM shared_files WHERE deleted_at IS NULL");

    private DataCheck() {
    }

    /** The outcome of one part of the check: its name and the problems found, none when it passed. */
    public record Part(String name, List<String> problems) {
        public Part {
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Runs every part and returns them in order. A part that cannot run reports why as its problem. */
    public static List<Part> run(Path dataFolder) throws BackupException {
        DataFolderLayout layout = DataFolderLayout.of(dataFolder);
        if (!Files.isRegularFile(layout.database())) {
            return List.of(new Part("database", List.of("The database " + layout.database() + " does not exist")));
        }
        List<Part> parts = new ArrayList<>();
        try (Connection connection = SqliteFile.open(layout.database(), false)) {
            parts.add(part("integrity_check", () -> SqliteFile.integrityProblems(connection, false)));
            parts.add(part("foreign_key_check", () -> SqliteFile.foreignKeyProblems(connection)));
            parts.add(part("uploaded files", () -> missingUploads(connection, layout.uploads())));
        } catch (SQLException failure) {
            parts.add(new Part("database", List.of("Failed to open " + layout.database() + ": " + failure.getMessage())));
        }
        return parts;
    }

    private interface Problems {
        List<String> find() throws SQLException;
    }

    /** Runs one part. An SQLite error, such as "database disk image is malformed", becomes its problem. */
    private static Part part(String name, Problems problems) {
        try {
            return new Part(name, problems.find());
        } catch (SQLException failure) {
            return new Part(name, List.of("Failed: " + failure.getMessage()));
        }
    }

    /** Returns true when every part passed. */
    public static boolean allPassed(List<Part> parts) {
        return parts.stream().allMatch(Part::passed);
    }

    private static List<String> missingUploads(Connection connection, Path uploads) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String query : FILE_REFERENCES) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    String problem = fileProblem(uploads, rows.getString(1), rows.getString(2), rows.getLong(3));
                    if (problem != null) {
                        problems.add(problem);
                    }
                }
            }
        }
        return problems;
    }

    private static String fileProblem(Path uploads, String owner, String storedName, long size) {
        Path file = uploads.resolve(storedName).normalize();
        if (!file.startsWith(uploads) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return owner + ": the file " + file + " is missing";
        }
        try {
            long actual = Files.size(file);
            return actual == size ? null : owner + ": the file " + file + " has " + actual + " bytes instead of " + size;
        } catch (java.io.IOException unreadable) {
            return owner + ": the file " + file + " cannot be read (" + unreadable.getMessage() + ")";
        }
    }
}
