package org.nodepoint.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.events.Origin;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files attached to tickets and comments. Every file passes {@link UploadRules}, is written to the
 * {@link UploadFolder} and only then gets its row, in the same transaction as the comment or the
 * new ticket it belongs to. When the transaction fails, the written files are deleted again.
 * Reading goes through {@link TicketService#findVisible}, so a file is visible exactly when its
 * ticket is.
 */
public final class AttachmentService {
    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);
    /** The name of the comment form's file input, which error messages refer to. */
    public static final String COMMENT_FIELD = "attachments";

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final TicketService tickets;
    private final UploadFolder folder;
    private final Clock clock;

    public AttachmentService(Database database, SettingsStore settings, TicketService tickets, UploadFolder folder, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.tickets = tickets;
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Adds a comment with its files: both are stored, or neither. Rejects files below upload_lvl
     * (403) and files that break the size, count or extension rules (a 422 naming the field), before
     * anything is written.
     */
    public long comment(Viewer viewer, long ticketId, String text, List<IncomingFile> files, Origin origin) {
        return comment(viewer, ticketId, text, files, origin, Submission.NONE);
    }

    /** Adds a comment with its files like {@link #comment(Viewer, long, String, List, Origin)}, once per submitted form token. */
    public long comment(Viewer viewer, long ticketId, String text, List<IncomingFile> files, Origin origin, Submission submission) {
        if (files.isEmpty()) {
            return tickets.comment(viewer, ticketId, text, origin, submission);
        }
        tickets.findVisible(viewer, ticketId);
        List<StoredFile> stored = save(viewer, COMMENT_FIELD, files);
        try {
            long commentId = tickets.comment(viewer, ticketId, text, origin,
                    (handle, newCommentId) -> insert(handle, viewer, ticketId, newCommentId, stored), submission);
            log.info("User {} attached {} files to comment {} of ticket {}", viewer.userId(), stored.size(), commentId, ticketId);
            return commentId;
        } catch (RuntimeException failure) {
            discard(stored);
            throw failure;
        }
    }

    /**
     * Stores one file of an existing visible ticket itself rather than of a comment, and returns the
     * attachment's id. {@code field} names the form field in error messages. A custom form's file
     * question uses {@link #save} and {@link #insert} instead, inside the new ticket's transaction.
     */
    public long store(Viewer viewer, long ticketId, String field, IncomingFile file) {
        tickets.findVisible(viewer, ticketId);
        List<StoredFile> stored = save(viewer, field, List.of(file));
        try {
            return writer.inTransaction(handle -> insert(handle, viewer, ticketId, null, stored).get(0));
        } catch (RuntimeException failure) {
            discard(stored);
            throw failure;
        }
    }

    /** Returns what the viewer may upload now, from upload_lvl, max_size and upload_exts. */
    public UploadLimits limits(Viewer viewer) {
        Settings current = settings.current();
        return new UploadLimits(viewer.hasLevel(current.uploadLevel()), current.maxUploadBytes(), current.uploadExtensions());
    }

    /**
     * Adds an error for {@code field} when the files break the count, size or extension rules, and
     * writes nothing. The caller checks the viewer's level with {@link #limits} first.
     */
    public void check(Viewer viewer, String field, List<IncomingFile> files, FieldErrors errors) {
        boolean hadError = errors.has(field);
        UploadRules.check(field, files, settings.current(), true, errors);
        if (!hadError && errors.has(field)) {
            log.warn("Rejected an upload by user {}: {}", viewer.userId(), errors.get(field).key());
        }
    }

    /**
     * Checks the files against the upload rules, then writes them to the upload folder, for a caller
     * that inserts their rows with {@link #insert} in its own transaction. The caller must pass them
     * to {@link #discard} if that transaction fails.
     */
    public List<StoredFile> save(Viewer viewer, String field, List<IncomingFile> files) {
        Settings current = settings.current();
        UploadRules.requireUploadLevel(viewer, current);
        FieldErrors errors = new FieldErrors();
        UploadRules.check(field, files, current, true, errors);
        if (!errors.isEmpty()) {
            log.warn("Rejected an upload by user {}: {}", viewer.userId(), errors.get(field).key());
            errors.throwIfAny();
        }
        List<StoredFile> stored = new ArrayList<>();
        try {
            for (IncomingFile file : files) {
                stored.add(folder.save(file));
            }
        } catch (IOException failure) {
            discard(stored);
            throw new UncheckedIOException("Failed to save an upload in " + folder.path(), failure);
        }
        return stored;
    }

    /** Inserts the rows of saved files inside the caller's transaction and returns their ids. {@code commentId} may be null. */
    public List<Long> insert(Handle handle, Viewer viewer, long ticketId, Long commentId, List<StoredFile> files) {
        AttachmentDao dao = handle.attach(AttachmentDao.class);
        long now = clock.millis();
        List<Long> ids = new ArrayList<>();
        for (StoredFile file : files) {
            ids.add(dao.insert(ticketId, commentId, file.originalName(), file.storedName(), file.size(), file.contentType(),
                    file.sha256(), viewer.userId(), now));
        }
        return ids;
    }

    /** Deletes saved files whose rows were never committed. */
    public void discard(List<StoredFile> files) {
        files.forEach(file -> folder.delete(file.storedName()));
    }

    /** Returns the files of a visible ticket for its page, with what the viewer may attach to a new comment. */
    public CommentAttachments forTicketPage(Viewer viewer, long ticketId) {
        tickets.findVisible(viewer, ticketId);
        List<Attachment> all = read.withExtension(AttachmentDao.class, dao -> dao.listByTicket(ticketId));
        Map<Long, List<Attachment>> byComment = new LinkedHashMap<>();
        List<Attachment> ofTicket = new ArrayList<>();
        for (Attachment attachment : all) {
            if (attachment.commentId() == null) {
                ofTicket.add(attachment);
            } else {
                byComment.computeIfAbsent(attachment.commentId(), id -> new ArrayList<>()).add(attachment);
            }
        }
        return new CommentAttachments(byComment, ofTicket, UploadRules.MAX_FILES, limits(viewer));
    }

    /**
     * Opens an attachment for a viewer who may read its ticket. A missing attachment and one on a
     * hidden ticket both give the same NotFoundException, so ids reveal nothing.
     */
    public Download open(Viewer viewer, long id) {
        Attachment attachment = read.withExtension(AttachmentDao.class, dao -> dao.findById(id))
                .orElseThrow(() -> new NotFoundException("uploads.notFound"));
        try {
            tickets.findVisible(viewer, attachment.ticketId());
        } catch (NotFoundException hidden) {
            throw new NotFoundException("uploads.notFound");
        }
        Path path = folder.pathOf(attachment.storedName()).orElseThrow(() -> new NotFoundException("uploads.notFound"));
        try {
            return new Download(attachment.originalName(), Files.size(path), Files.newInputStream(path));
        } catch (NoSuchFileException missing) {
            log.error("Attachment {} has a row but no file {} in the upload folder", id, path);
            throw new NotFoundException("uploads.missing");
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to open attachment " + id, failure);
        }
    }
}
