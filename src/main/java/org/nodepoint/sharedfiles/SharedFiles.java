package org.nodepoint.sharedfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.uploads.AttachmentService;
import org.nodepoint.uploads.Download;
import org.nodepoint.uploads.IncomingFile;
import org.nodepoint.uploads.StoredFile;
import org.nodepoint.uploads.UploadFolder;
import org.nodepoint.uploads.UploadLimits;
import org.nodepoint.users.Level;
import org.nodepoint.users.SecretTokens;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.WebApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that users share through a direct link, which works without signing in. Uploads pass the
 * same checks as attachments (upload_lvl, max_size, upload_exts) and are written to the same
 * {@link UploadFolder} before their row. The link's token has 256 random bits and only its SHA-256
 * is stored, so the link is shown once and a lost link is replaced by a new one.
 */
public final class SharedFiles {
    private static final Logger log = LoggerFactory.getLogger(SharedFiles.class);
    /** The name of the upload form's file input, which error messages refer to. */
    public static final String FIELD = "file";
    /** The path of every download link, followed by the token. */
    public static final String LINK_PREFIX = WebApp.FILE_LINK_PREFIX;
    /**
     * The number of download log rows kept. Each new row deletes the oldest rows beyond it, so
     * clients that download in a loop cannot fill the disk.
     */
    public static final long MAX_LOG_ROWS = 100_000;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final AttachmentService uploads;
    private final UploadFolder folder;
    private final SystemLog systemLog;
    private final Clock clock;

    public SharedFiles(Database database, SettingsStore settings, AttachmentService uploads, UploadFolder folder, SystemLog systemLog,
            Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.uploads = uploads;
        this.folder = folder;
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /**
     * Stores one file and returns its new link. Rejects a viewer below upload_lvl (403), and a
     * missing file, several files, or a file that breaks the size or extension rules (422 on
     * {@link #FIELD}) before anything is written. A failed insert deletes the written file again.
     */
    public NewLink upload(Viewer viewer, List<IncomingFile> files) {
        if (!uploads.limits(viewer).canUpload()) {
            throw new ForbiddenException("uploads.forbidden");
        }
        if (files.size() != 1) {
            throw ValidationException.of(FIELD, files.isEmpty() ? "files.file.missing" : "files.file.one", files.size());
        }
        StoredFile stored = uploads.save(viewer, FIELD, files).get(0);
        String token = SecretTokens.generate();
        long id;
        try {
            id = writer.inTransaction(handle -> handle.attach(SharedFileDao.class).insert(SecretTokens.hash(token), stored.storedName(),
                    stored.originalName(), stored.size(), stored.sha256(), viewer.userId(), clock.millis()));
        } catch (RuntimeException failure) {
            uploads.discard(List.of(stored));
            throw failure;
        }
        log.info("User {} shared file {} ({} bytes)", viewer.userId(), id, stored.size());
        systemLog.record(LogCategory.FILES, viewer.name(), "Uploaded shared file " + id + ": " + stored.originalName());
        return link(id, stored.originalName(), token);
    }

    /** Returns one page of the files that are not deleted, newest first, with their total. */
    public SharedFileList list(long offset, int limit) {
        return read.withExtension(SharedFileDao.class, dao -> new SharedFileList(dao.listPage(limit, offset), dao.countListed()));
    }

    /** Returns every file that is not deleted, oldest first, for the legacy API. */
    public List<SharedFile> listAll() {
        return read.withExtension(SharedFileDao.class, SharedFileDao::listAll);
    }

    /**
     * Gives a file a new link and returns it. The old link stops working at once. Only the uploader
     * and level 5 may do this, and only at upload_lvl.
     */
    public NewLink relink(Viewer viewer, long id) {
        SharedFile file = findManaged(viewer, id);
        String token = SecretTokens.generate();
        int changed = writer.inTransaction(handle -> handle.attach(SharedFileDao.class).replaceToken(id, SecretTokens.hash(token)));
        if (changed == 0) {
            throw new NotFoundException("files.notFound");
        }
        systemLog.record(LogCategory.FILES, viewer.name(), "Replaced the link of shared file " + id);
        return link(id, file.originalName(), token);
    }

    /**
     * Marks a file deleted, which ends its link, and deletes the stored file. Only the uploader and
     * level 5 may do this, and only at upload_lvl.
     */
    public SharedFile delete(Viewer viewer, long id) {
        SharedFile file = findManaged(viewer, id);
        int changed = writer.inTransaction(handle -> handle.attach(SharedFileDao.class).markDeleted(id, viewer.userId(), clock.millis()));
        if (changed == 0) {
            throw new NotFoundException("files.notFound");
        }
        folder.delete(file.storedName());
        systemLog.record(LogCategory.FILES, viewer.name(), "Deleted shared file " + id + ": " + file.originalName());
        return file;
    }

    /** Returns a file that the viewer may see in the list, or a 404. */
    public SharedFile find(long id) {
        return read.withExtension(SharedFileDao.class, dao -> dao.findListed(id)).orElseThrow(() -> new NotFoundException("files.notFound"));
    }

    /** True when the viewer may delete the file and give it a new link: its uploader or level 5, at upload_lvl. */
    public boolean canManage(Viewer viewer, SharedFile file) {
        return viewer.hasLevel(settings.current().uploadLevel())
                && (viewer.hasLevel(Level.USERS_MANAGEMENT) || Long.valueOf(file.uploadedBy()).equals(viewer.userId()));
    }

    /** Returns what the viewer may upload: upload_lvl, max_size and upload_exts. */
    public UploadLimits limits(Viewer viewer) {
        return uploads.limits(viewer);
    }

    /**
     * Opens the file that a link token names and records the download. Any token that is not a
     * current link, whatever its form, gives the same 404.
     */
    public Download openByToken(String token, String address, Viewer viewer) {
        if (token == null || token.length() != SecretTokens.LENGTH) {
            throw new NotFoundException("files.notFound");
        }
        SharedFile file = read.withExtension(SharedFileDao.class, dao -> dao.findByTokenHash(SecretTokens.hash(token)))
                .orElseThrow(() -> new NotFoundException("files.notFound"));
        return open(file, address, viewer);
    }

    /** Opens a listed file by its id for a signed-in viewer of the list and records the download. */
    public Download openById(long id, String address, Viewer viewer) {
        return open(find(id), address, viewer);
    }

    /** Returns one page of the download log, newest first, with its total. */
    public DownloadList downloads(long offset, int limit) {
        return read.withExtension(SharedFileDao.class, dao -> new DownloadList(dao.listDownloads(limit, offset), dao.countDownloads()));
    }

    /** Deletes every row of the download log and records who did it in the system log. */
    public int clearLog(Viewer viewer) {
        int deleted = writer.inTransaction(handle -> handle.attach(SharedFileDao.class).clearDownloads());
        systemLog.record(LogCategory.FILES, viewer.name(), "Cleared the file download log (" + deleted + " entries)");
        return deleted;
    }

    private Download open(SharedFile file, String address, Viewer viewer) {
        Path path = folder.pathOf(file.storedName()).orElseThrow(() -> new NotFoundException("files.notFound"));
        Download download;
        try {
            download = new Download(file.originalName(), Files.size(path), Files.newInputStream(path));
        } catch (NoSuchFileException missing) {
            log.error("Shared file {} has a row but no file {} in the upload folder", file.id(), path);
            throw new NotFoundException("files.notFound");
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to open shared file " + file.id(), failure);
        }
        try {
            recordDownload(file.id(), address, viewer);
        } catch (RuntimeException failure) {
            closeQuietly(download);
            throw failure;
        }
        return download;
    }

    // TODO: limit downloads per client address. The row limit bounds the disk, but each download still
    // costs one write, so a client that downloads in a loop competes with every other write.
    private void recordDownload(long fileId, String address, Viewer viewer) {
        Long userId = viewer.isSignedIn() ? viewer.userId() : null;
        writer.useTransaction(handle -> {
            SharedFileDao dao = handle.attach(SharedFileDao.class);
            dao.insertDownload(fileId, address == null ? "" : address, userId, clock.millis());
            dao.trimDownloads(MAX_LOG_ROWS);
        });
    }

    private SharedFile findManaged(Viewer viewer, long id) {
        SharedFile file = find(id);
        if (!canManage(viewer, file)) {
            throw new ForbiddenException("files.forbidden");
        }
        return file;
    }

    private NewLink link(long id, String name, String token) {
        String path = LINK_PREFIX + token;
        String base = settings.current().publicUrl();
        return new NewLink(id, name, path, base.isEmpty() ? path : base + path);
    }

    private static void closeQuietly(Download download) {
        try {
            download.content().close();
        } catch (IOException ignored) {
            // Nothing was read from the stream, so there is nothing to lose.
        }
    }
}
