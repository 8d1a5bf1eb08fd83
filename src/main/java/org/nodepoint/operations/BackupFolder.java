package org.nodepoint.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code backups} folder of a data folder, with archives named after the UTC time they were
 * started ({@code nodepoint-backup-20260302T020000Z.zip}), so that name order is time order.
 */
public final class BackupFolder {
    public static final String FOLDER = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern ARCHIVE_NAME = Pattern.compile("nodepoint-backup-\\d{8}T\\d{6}Z\\.zip");

    private final Path folder;

    public BackupFolder(Path dataFolder) {
        this.folder = dataFolder.toAbsolutePath().normalize().resolve(FOLDER);
    }

    public Path path() {
        return folder;
    }

    /** Returns the default archive path for a backup started at {@code time}. */
    public Path archiveFor(Instant time) {
        return folder.resolve("nodepoint-backup-" + STAMP.format(time) + ".zip");
    }

    /** Returns the start time in the name of an archive that {@link #archives()} listed. */
    static Instant startOf(Path archive) {
        String name = archive.getFileName().toString();
        String stamp = name.substring("nodepoint-backup-".length(), name.length() - ".zip".length());
        return STAMP.parse(stamp, Instant::from);
    }

    /** Returns the archives with the standard name, oldest first. Other files are left out. */
    public List<Path> archives() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> ARCHIVE_NAME.matcher(file.getFileName().toString()).matches())
                    .filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }

    /** Deletes all but the newest {@code keep} archives and returns the deleted ones. */
    public List<Path> keepNewest(int keep) throws IOException {
        List<Path> archives = archives();
        List<Path> deleted = new ArrayList<>();
        for (Path archive : archives.subList(0, Math.max(0, archives.size() - keep))) {
            Files.deleteIfExists(archive);
            deleted.add(archive);
        }
        return deleted;
    }
}
