package org.nodepoint.operations;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nodepoint.NodePoint;
import org.nodepoint.config.Settings;
import org.nodepoint.db.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a backup archive of a data folder: a zip file with nodepoint.cfg, a consistent copy of
 * the database, the uploaded files and {@code manifest.json}. The archive is written under a
 * temporary name, forced to disk and then renamed, so a file with the final name is always
 * complete. It is readable by its owner only, because nodepoint.cfg contains the API keys and the
 * administrator's password hash.
 */
public final class BackupWriter {
    private static final Logger log = LoggerFactory.getLogger(BackupWriter.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Clock clock;

    public BackupWriter(Clock clock) {
        this.clock = clock;
    }

    /** The finished archive and its manifest. */
    public record Result(Path archive, long archiveBytes, BackupManifest manifest) {
    }

    private record Source(String name, Path file) {
    }

    /**
     * Writes the backup of {@code dataFolder} to {@code archive}, which must not exist yet.
     *
     * @throws BackupException when the folder is not a data folder, the archive exists or the database copy is damaged
     */
    public Result write(Path dataFolder, Path archive, ByteProgress progress) throws BackupException, IOException {
        DataFolderLayout layout = DataFolderLayout.of(dataFolder);
        Path target = archive.toAbsolutePath().normalize();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new BackupException(target + " already exists; choose another file name with --to");
        }
        rejectTargetInsideFolder(layout, target);
        OwnerOnly.createFolder(target.getParent());
        String createdAt = clock.instant().toString();
        Path snapshotFile = target.resolveSibling("." + target.getFileName() + ".db.part");
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        Files.deleteIfExists(snapshotFile);
        Files.deleteIfExists(partial);
        try {
            DatabaseSnapshot snapshot = DatabaseSnapshot.take(layout.database(), snapshotFile);
            List<Source> sources = sources(layout, snapshotFile);
            String databaseEntry = layout.entryName(layout.database(), Settings.DB_ADDRESS);
            BackupManifest manifest = writeZip(partial, sources, progress, entries -> new BackupManifest(BackupManifest.FORMAT_VERSION,
                    nodePointVersion(), snapshot.schemaVersion(), createdAt, databaseEntry, snapshot.rowCounts(), entries));
            Durable.rename(partial, target);
            return new Result(target, Files.size(target), manifest);
        } finally {
            Files.deleteIfExists(snapshotFile);
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Rejects an archive path inside the data folder, except in its backups folder. Elsewhere the
     * temporary database copy, or the archive itself, could land in the upload folder and so in
     * this or the next backup. Symbolic links in the path are resolved as far as it exists.
     */
    private static void rejectTargetInsideFolder(DataFolderLayout layout, Path target) throws BackupException, IOException {
        Path folder = layout.folder().toRealPath();
        Path resolved = realPathAsFarAsExists(target);
        if (resolved.startsWith(folder) && !resolved.startsWith(folder.resolve(BackupFolder.FOLDER))) {
            throw new BackupException(target + " is inside the data folder " + layout.folder() + ". Write the archive to its "
                    + BackupFolder.FOLDER + " folder or outside the data folder with --to");
        }
    }

    private static Path realPathAsFarAsExists(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        return existing.toRealPath().resolve(existing.relativize(path)).normalize();
    }

    /** Lists nodepoint.cfg, the database copy under the database's own entry name, and every uploaded file. */
    private static List<Source> sources(DataFolderLayout layout, Path snapshotFile) throws BackupException, IOException {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(DataFolderLayout.SETTINGS_ENTRY, layout.folder().resolve(DataFolderLayout.SETTINGS_ENTRY)));
        sources.add(new Source(layout.entryName(layout.database(), Settings.DB_ADDRESS), snapshotFile));
        if (Files.isDirectory(layout.uploads())) {
            String prefix = layout.entryName(layout.uploads(), Settings.UPLOAD_FOLDER);
            // The .incoming subfolder has only unfinished uploads; symbolic links are never followed.
            try (Stream<Path> files = Files.list(layout.uploads())) {
                for (Path file : files.sorted().toList()) {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        sources.add(new Source(prefix + "/" + file.getFileName(), file));
                    }
                }
            }
        }
        return sources;
    }

    /**
     * Writes every source into a new zip file, then the manifest that {@code manifestOf} builds from
     * their entries as the last entry, and forces the file to disk.
     */
    private static BackupManifest writeZip(Path partial, List<Source> sources, ByteProgress progress,
                                           Function<List<BackupManifest.FileEntry>, BackupManifest> manifestOf) throws IOException {
        long total = 0;
        for (Source source : sources) {
            total += Files.size(source.file());
        }
        List<BackupManifest.FileEntry> entries = new ArrayList<>();
        long done = 0;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES))) {
            restrictToOwner(partial);
            // The fastest level still shrinks a database to about a third, and uploads are often compressed already.
            zip.setLevel(Deflater.BEST_SPEED);
            for (Source source : sources) {
                BackupManifest.FileEntry entry;
                try {
                    entry = copyEntry(zip, source, done, total, progress);
                } catch (NoSuchFileException deleted) {
                    // NOTE: the database copy may still name this file; 'check' on a restore of this archive reports it.
                    log.warn("Left {} out of the backup because it was deleted while the backup ran", source.file());
                    continue;
                }
                entries.add(entry);
                done += entry.size();
            }
            BackupManifest manifest = manifestOf.apply(entries);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY_NAME));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            zip.flush();
            channel.force(true);
            return manifest;
        }
    }

    private static BackupManifest.FileEntry copyEntry(ZipOutputStream zip, Source source, long done, long total, ByteProgress progress)
            throws IOException {
        MessageDigest digest = Durable.sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(source.file(), LinkOption.NOFOLLOW_LINKS)) {
            zip.putNextEntry(new ZipEntry(source.name()));
            int read;
            while ((read = in.read(buffer)) >= 0) {
                zip.write(buffer, 0, read);
                digest.update(buffer, 0, read);
                size += read;
                progress.bytesCopied(done + size, total);
            }
            zip.closeEntry();
        }
        return new BackupManifest.FileEntry(source.name(), size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions has no other local users to keep out.
        }
    }

    static String nodePointVersion() {
        String version = NodePoint.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
