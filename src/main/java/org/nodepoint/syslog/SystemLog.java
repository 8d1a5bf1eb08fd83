package org.nodepoint.syslog;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
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
    /** Rows deleted per transaction, so that a large deletion uses the writer in short turns. */
    public static final int DELETE_BATCH = 1_000;

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

    /**
     * Returns one page of the entries that match the filter, newest first, with their total. The
     * category filter reads the (category, id) index and the text filter the trigram index. Only
     * the total of the unfiltered log counts every row, through the smallest index.
     */
    public LogList list(LogFilter filter, long offset, int limit) {
        // CROSS JOIN keeps the full-text matches as the outer loop. With a plain JOIN and a category,
        // SQLite walks the category index instead and runs the full-text query once per row.
        String from = filter.hasText()
                ? " FROM system_log_fts f CROSS JOIN system_log l ON l.id = f.rowid WHERE system_log_fts MATCH :text"
                        + (filter.category() == null ? "" : " AND l.category = :category")
                : " FROM system_log l" + (filter.category() == null ? "" : " WHERE l.category = :category");
        // FTS5 returns its matches in rowid order, which is id order, so no sort is needed.
        String order = filter.hasText() ? " ORDER BY f.rowid DESC" : " ORDER BY l.id DESC";
        // Without the join, FTS5 counts its own matches and reads no log rows.
        // NOTE: the total of a text filter costs time in proportion to its matches. On 1 million entries
        // (SQLite 3.40 on a 2-core AMD EPYC) the page of 50 took 7 to 33 ms, its total 140 to 250 ms.
        String countFrom = filter.hasText() && filter.category() == null
                ? " FROM system_log_fts WHERE system_log_fts MATCH :text"
                : from;
        return read.withHandle(handle -> {
            List<LogEntry> rows = bindFilter(handle.createQuery(
                            "SELECT l.id, l.created_at, l.category, l.actor, l.message" + from + order + " LIMIT :limit OFFSET :offset"),
                    filter)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .mapTo(LogEntry.class)
                    .list();
            long total = bindFilter(handle.createQuery("SELECT count(*)" + countFrom), filter).mapTo(Long.class).one();
            return new LogList(rows, total);
        });
    }

    private static Query bindFilter(Query query, LogFilter filter) {
        if (filter.hasText()) {
            query.bind("text", filter.ftsPhrase());
        }
        if (filter.category() != null) {
            query.bind("category", filter.category().storedValue());
        }
        return query;
    }

    /**
     * Deletes the entries older than the given time and returns how many went. It deletes in batches
     * (see {@link #deleteBatchOlderThan}), so that other writes wait for one batch at most.
     */
    public int deleteOlderThan(long epochMillis) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatchOlderThan(epochMillis);
            total += deleted;
        } while (deleted == DELETE_BATCH);
        return total;
    }

    /**
     * Deletes at most {@link #DELETE_BATCH} of the entries older than the given time in one
     * transaction and returns how many went; fewer than the batch means none are left.
     */
    public int deleteBatchOlderThan(long epochMillis) {
        return writer.inTransaction(handle -> handle.createUpdate(
                        "DELETE FROM system_log WHERE id IN (SELECT id FROM system_log WHERE created_at < :before LIMIT :batch)")
                .bind("before", epochMillis)
                .bind("batch", DELETE_BATCH)
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
