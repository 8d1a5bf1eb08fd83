package org.nodepoint.operations;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nodepoint.config.Settings;
import org.nodepoint.db.OwnerOnly;

/**
 * Restores a backup archive into an empty or new data folder. Everything is unpacked into a
 * temporary folder next to the target and checked there: each file against the size and SHA-256
 * of the manifest, the database with {@code PRAGMA integrity_check} and its row counts. Only then is
 * the folder renamed to the target, so a failed restore leaves nothing behind.
 */
public final class BackupRestore {
    private static final int BUFFER_BYTES = 64 * 1024;
    /**
     * The maximum size of manifest.json, the only entry that the manifest does not list with a
     * size. At about 170 bytes per file entry, 64 MiB is enough for about 400,000 files.
     */
    // NOTE: the limit is an estimate, not measured against the largest real site.
    static final int MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

    private BackupRestore() {
    }

    /**
     * Restores {@code archive} into {@code dataFolder} and returns the archive's manifest.
     *
     * @throws BackupException when the folder is not empty or the archive is damaged, incomplete or unsafe
     */
    public static BackupManifest restore(Path archive, Path dataFolder, ByteProgress progress) throws BackupException, IOException {
        Path target = dataFolder.toAbsolutePath().normalize();
        requireEmptyOrAbsent(target);
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("Backup file not found: " + archive);
        }
        try (ZipFile zip = openZip(archive)) {
            BackupManifest manifest = readManifest(zip, archive);
            checkEntries(zip, manifest, archive);
            rejectLinks(archive);
            OwnerOnly.createFolder(target.getParent());
            Path temporary = target.resolveSibling("." + target.getFileName() + ".restore-" + UUID.randomUUID());
            OwnerOnly.createFolder(temporary);
            try {
                // nodepoint.cfg comes first, so that a hostile one is rejected before the other files are written.
                long total = manifest.files().stream().mapToLong(BackupManifest.FileEntry::size).sum();
                List<BackupManifest.FileEntry> settings = manifest.files().stream()
                        .filter(file -> file.name().equals(DataFolderLayout.SETTINGS_ENTRY)).toList();
                List<BackupManifest.FileEntry> others = manifest.files().stream()
                        .filter(file -> !file.name().equals(DataFolderLayout.SETTINGS_ENTRY)).toList();
                long done = unpack(zip, settings, temporary, 0, total, progress);
                checkRestoredSettings(temporary, manifest, archive);
                unpack(zip, others, temporary, done, total, progress);
                checkDatabase(temporary.resolve(manifest.database()), manifest);
                Files.deleteIfExists(target);
                Durable.rename(temporary, target);
                return manifest;
            } finally {
                deleteTree(temporary);
            }
        }
    }

    private static void requireEmptyOrAbsent(Path target) throws BackupException, IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BackupException(target + " exists and is not a folder; restore into a new or empty folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            if (entries.iterator().hasNext()) {
                throw new BackupException(target + " is not empty; restore writes only into a new or empty folder, so that"
                        + " nothing there is overwritten. Move its content away or name another --data folder");
            }
        }
    }

    private static ZipFile openZip(Path archive) throws BackupException, IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException damaged) {
            throw new BackupException(archive + " is not a complete zip archive, so it is truncated or damaged ("
                    + damaged.getMessage() + ")", damaged);
        }
    }

    private static BackupManifest readManifest(ZipFile zip, Path archive) throws BackupException, IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY_NAME);
        if (entry == null) {
            throw new BackupException(archive + " has no " + BackupManifest.ENTRY_NAME + ", so it is not a NodePoint backup");
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (json.length > MAX_MANIFEST_BYTES) {
            throw new BackupException("The " + BackupManifest.ENTRY_NAME + " of " + archive + " is larger than "
                    + MAX_MANIFEST_BYTES + " bytes, so it is not one that NodePoint wrote");
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.parse(new ByteArrayInputStream(json));
        } catch (IOException invalid) {
            throw new BackupException("The " + BackupManifest.ENTRY_NAME + " of " + archive + " is damaged or invalid: "
                    + invalid.getMessage(), invalid);
        }
        if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw new BackupException(archive + " has backup format " + manifest.formatVersion() + ", but this NodePoint reads format "
                    + BackupManifest.FORMAT_VERSION + " only; restore it with the NodePoint version that wrote it ("
                    + manifest.nodePointVersion() + ")");
        }
        return manifest;
    }

    /**
     * Rejects the archive unless its entries and the manifest's files are the same set of safe names,
     * with nodepoint.cfg and the database among them.
     */
    private static void checkEntries(ZipFile zip, BackupManifest manifest, Path archive) throws BackupException {
        Set<String> listed = new HashSet<>();
        for (BackupManifest.FileEntry file : manifest.files()) {
            String problem = EntryNames.problem(file.name());
            if (problem != null) {
                throw new BackupException("The manifest of " + archive + " names the file '" + file.name() + "', which " + problem);
            }
            if (file.size() < 0) {
                throw new BackupException("The manifest of " + archive + " lists the file '" + file.name() + "' with the invalid size "
                        + file.size() + " bytes");
            }
            if (!listed.add(file.name())) {
                throw new BackupException("The manifest of " + archive + " names the file '" + file.name() + "' twice");
            }
            if (zip.getEntry(file.name()) == null) {
                throw new BackupException(archive + " is incomplete: the file '" + file.name() + "' of its manifest is missing");
            }
        }
        Set<String> seen = new HashSet<>();
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            String name = entry.getName();
            String problem = EntryNames.problem(name);
            if (problem != null) {
                throw new BackupException(archive + " contains the entry '" + name + "', which " + problem);
            }
            // Zip tools differ in which copy of a repeated name they read, so the archive has no single content.
            if (!seen.add(name)) {
                throw new BackupException(archive + " contains the entry '" + name + "' twice, so it was not written by NodePoint");
            }
            if (!name.equals(BackupManifest.ENTRY_NAME) && !listed.contains(name)) {
                throw new BackupException(archive + " contains the entry '" + name + "', which its manifest does not list");
            }
        }
        for (String required : List.of(DataFolderLayout.SETTINGS_ENTRY, manifest.database())) {
            if (!listed.contains(required)) {
                throw new BackupException(archive + " is incomplete: its manifest does not list " + required);
            }
        }
    }

    /**
     * Rejects an archive with symbolic link entries. NodePoint never writes them, and although the
     * restore writes each entry as a regular file, a link among them shows that the archive was made
     * or changed by another tool.
     */
    private static void rejectLinks(Path archive) throws BackupException {
        List<String> links;
        try {
            links = ZipLinks.find(archive);
        } catch (IOException damaged) {
            throw new BackupException(archive + " has a damaged zip directory (" + damaged.getMessage() + ")", damaged);
        }
        if (!links.isEmpty()) {
            throw new BackupException(archive + " contains the symbolic link '" + links.get(0) + "'; a NodePoint backup has regular files only");
        }
    }

    /**
     * Writes {@code files} below {@code folder}, each as a new regular file, so that no entry can
     * replace or follow an existing file or link. Returns the bytes written so far, counting
     * {@code doneBefore}, for the progress report.
     */
    private static long unpack(ZipFile zip, List<BackupManifest.FileEntry> files, Path folder, long doneBefore, long total,
                               ByteProgress progress) throws BackupException, IOException {
        long done = doneBefore;
        for (BackupManifest.FileEntry file : files) {
            Path path = folder.resolve(file.name()).normalize();
            if (!path.startsWith(folder)) {
                throw new IllegalStateException("Entry name passed the check but leaves the folder: " + file.name());
            }
            OwnerOnly.createFolder(path.getParent());
            unpackFile(zip, file, path, done, total, progress);
            done += file.size();
        }
        return done;
    }

    private static void unpackFile(ZipFile zip, BackupManifest.FileEntry file, Path path, long done, long total, ByteProgress progress)
            throws BackupException, IOException {
        var digest = Durable.sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = zip.getInputStream(zip.getEntry(file.name()));
             OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OwnerOnly.restrictFile(path);
            int read;
            // Reading at most one byte past the listed size detects a larger entry before it is written,
            // so an entry that inflates far beyond its listed size (a zip bomb) cannot fill the disk.
            while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, file.size() - size + 1))) >= 0) {
                if (size + read > file.size()) {
                    throw new BackupException("The archive is damaged or altered: the file '" + file.name()
                            + "' has more than the " + file.size() + " bytes that the manifest lists");
                }
                out.write(buffer, 0, read);
                digest.update(buffer, 0, read);
                size += read;
                progress.bytesCopied(done + size, total);
            }
        } catch (ZipException | EOFException damaged) {
            // Inflating changed or cut compressed data fails with either of these.
            throw new BackupException("The archive is damaged: the file '" + file.name() + "' cannot be read (" + damaged.getMessage() + ")",
                    damaged);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (size != file.size() || !sha256.equals(file.sha256())) {
            throw new BackupException("The archive is damaged: the file '" + file.name() + "' has " + size + " bytes with SHA-256 " + sha256
                    + ", but the manifest lists " + file.size() + " bytes with SHA-256 " + file.sha256());
        }
        Durable.forceFile(path);
    }

    /**
     * Rejects a restored nodepoint.cfg whose db_address or upload_folder leaves the data folder, or
     * whose database is not the one the manifest lists. The server would otherwise start on a new,
     * empty database or upload folder and ignore the restored files.
     */
    private static void checkRestoredSettings(Path folder, BackupManifest manifest, Path archive) throws BackupException {
        DataFolderLayout layout = DataFolderLayout.of(folder);
        requireInside(layout, Settings.DB_ADDRESS, layout.database(), archive);
        requireInside(layout, Settings.UPLOAD_FOLDER, layout.uploads(), archive);
        String databaseEntry = folder.relativize(layout.database()).toString().replace('\\', '/');
        if (!databaseEntry.equals(manifest.database())) {
            throw new BackupException("The manifest of " + archive + " names the database '" + manifest.database()
                    + "', but its nodepoint.cfg sets " + Settings.DB_ADDRESS + " to '" + databaseEntry
                    + "', so the restored server would not find the database");
        }
    }

    private static void requireInside(DataFolderLayout layout, String key, Path path, Path archive) throws BackupException {
        if (!path.startsWith(layout.folder())) {
            throw new BackupException("The nodepoint.cfg of " + archive + " sets " + key + " to '" + layout.settings().get(key).strip()
                    + "', which is outside the data folder. A restored folder must contain all its files, so set " + key
                    + " to a path inside the data folder of the source, and make a new backup");
        }
    }

    private static void checkDatabase(Path database, BackupManifest manifest) throws BackupException {
        try (Connection connection = SqliteFile.open(database, true)) {
            List<String> problems = SqliteFile.integrityProblems(connection, false);
            if (!problems.isEmpty()) {
                throw new BackupException("The restored database failed its integrity check: " + problems.get(0));
            }
            Map<String, Long> counts = SqliteFile.rowCounts(connection);
            if (!counts.equals(manifest.rowCounts())) {
                throw new BackupException("The restored database has other row counts than the manifest lists: " + counts
                        + " instead of " + manifest.rowCounts());
            }
        } catch (SQLException failure) {
            throw new BackupException("Failed to open the restored database " + manifest.database() + ": " + failure.getMessage(), failure);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
