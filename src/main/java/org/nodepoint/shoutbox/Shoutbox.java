package org.nodepoint.shoutbox;

import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.text.UserText;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shoutbox on the home page. Users of level 1 and above post short messages, and users of
 * level 5 delete them. A deleted message is hidden but kept, so that its history stays complete.
 */
public final class Shoutbox {
    private static final Logger log = LoggerFactory.getLogger(Shoutbox.class);
    /** The name of the message field, which error messages refer to. */
    public static final String FIELD = "message";
    /** The maximum length of a message, in characters (code points). */
    public static final int MAX_LENGTH = 500;
    /** The number of messages that the home page shows. */
    public static final int SHOWN = 30;
    /** The maximum number of messages that one user may post within {@link #POSTING_WINDOW}. */
    public static final int MAX_POSTS_PER_WINDOW = 10;
    public static final Duration POSTING_WINDOW = Duration.ofMinutes(1);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SystemLog systemLog;
    private final Clock clock;

    public Shoutbox(Database database, SystemLog systemLog, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /** Returns the panel for the home page: the newest {@link #SHOWN} visible messages, newest first. */
    public HomeShoutbox homePanel(Viewer viewer) {
        if (!viewer.isSignedIn()) {
            return HomeShoutbox.NONE;
        }
        return new HomeShoutbox(true, read.withExtension(ShoutDao.class, dao -> dao.newestVisible(SHOWN)),
                viewer.hasLevel(Level.AUTHORIZED), viewer.hasLevel(Level.USERS_MANAGEMENT));
    }

    /**
     * Stores a message of 1 to {@link #MAX_LENGTH} characters and returns its id. Rejects an empty
     * or long message, and a message beyond the posting limit, with an error on {@link #FIELD}.
     */
    public long post(Viewer viewer, String text) {
        String message = UserText.singleLine(text);
        int length = message.codePointCount(0, message.length());
        if (length == 0) {
            throw ValidationException.of(FIELD, "shoutbox.message.missing", MAX_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw ValidationException.of(FIELD, "shoutbox.message.length", MAX_LENGTH, length);
        }
        long now = clock.millis();
        long id = writer.inTransaction(handle -> {
            ShoutDao dao = handle.attach(ShoutDao.class);
            if (dao.countSince(viewer.userId(), now - POSTING_WINDOW.toMillis()) >= MAX_POSTS_PER_WINDOW) {
                throw ValidationException.of(FIELD, "shoutbox.message.tooMany", MAX_POSTS_PER_WINDOW, POSTING_WINDOW.toSeconds());
            }
            return dao.insert(viewer.userId(), message, now);
        });
        log.info("User {} posted shoutbox message {}", viewer.userId(), id);
        return id;
    }

    /**
     * Hides a message and records the deletion in the system log. A message that is already hidden
     * stays as it is, so that two moderators may delete it at once. An unknown id is a 404.
     */
    public void delete(Viewer viewer, long id) {
        boolean hidden = writer.inTransaction(handle -> {
            ShoutDao dao = handle.attach(ShoutDao.class);
            if (!dao.exists(id)) {
                throw new NotFoundException("shoutbox.notFound");
            }
            return dao.hide(id, viewer.userId(), clock.millis()) > 0;
        });
        if (hidden) {
            systemLog.record(LogCategory.SHOUTBOX, viewer.name(), "Deleted shoutbox message " + id);
        }
    }
}
