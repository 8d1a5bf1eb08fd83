package org.nodepoint.syslog;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.UnavailableException;
import org.nodepoint.text.UserText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's record of what happened: sign-in failures, setting and level changes, API
 * writes, plugin runs, mail failures and imports. Writing an entry never fails the caller: when the
 * database cannot take it, the entry goes to the application log instead.
 */
public final class SystemLog {
    private static final Logger log = LoggerFactory.getLogger(SystemLog.class);
    /** Longer messages, such as plugin output, are cut to this many characters. */
    public static final int MAX_MESSAGE_LENGTH = 2_000;
    public static final int MAX_ACTOR_LENGTH = 200;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final Clock clock;

    public SystemLog(Database database, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.clock = clock;
        read.registerRowMapper(ConstructorMapper.factory(LogEntry.class));
    }

    /** Stores one entry; {@code actor} is a user name, an address, or "" for the system itself. */
    public void record(LogCategory category, String actor, String message) {
        String safeActor = cut(UserText.singleLine(actor), MAX_ACTOR_LENGTH);
        String safeMessage = cut(UserText.multiLine(message), MAX_MESSAGE_LENGTH);
        try {
            writer.useTransaction(handle -> handle.createUpdate(
                            "INSERT INTO system_log (created_at, category, actor, message) VALUES (:at, :category, :actor, :message)")
                    .bind("at", clock.millis())
                    .bind("category", category.storedValue())
                    .bind("actor", safeActor)
                    .bind("message", safeMessage)
                    .execute());
        } catch (UnavailableException | IllegalStateException notStored) {
            log.warn("System log entry not stored ({}): [{}] {} {}", notStored.getMessage(), category, safeActor, safeMessage);
        }
    }

    /** Returns the newest entries first, {@code limit} of them after skipping {@code offset}. */
    public List<LogEntry> newest(long offset, int limit) {
        return read.withHandle(handle -> handle.createQuery(
                        "SELECT id, created_at, category, actor, message FROM system_log ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(LogEntry.class)
                .list());
    }

    /** Deletes the entries older than the given time and returns how many went. */
    public int deleteOlderThan(long epochMillis) {
        return writer.inTransaction(handle -> handle.createUpdate("DELETE FROM system_log WHERE created_at < :before")
                .bind("before", epochMillis)
                .execute());
    }

    private static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 2)) ? length - 2 : length - 1;
        return text.substring(0, end) + "…";
    }
}
