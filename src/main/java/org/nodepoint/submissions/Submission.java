package org.nodepoint.submissions;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;

/**
 * The verified single-use token of one submitted form, or {@link #NONE} for a request without
 * one. Services store a record through {@link #storeOnce}, inside the write transaction of that
 * record, so that two requests with the same token store one record however close together they
 * arrive.
 */
public final class Submission {
    /** A request without a token: every request stores its record, as before tokens existed. */
    public static final Submission NONE = new Submission(null);

    /** SHA-256 of the token in hexadecimal, or null for {@link #NONE}. */
    private final String tokenHash;

    Submission(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    /**
     * Runs {@code store}, which inserts one record and returns its id, unless a request with this
     * token stored a record before; then throws {@link DuplicateSubmissionException} with that
     * record's id, and {@code store} does not run. Must run inside the write transaction of the
     * record. The writer runs one transaction at a time, so the look-up finds every earlier commit,
     * and the unique token hash rejects a second row if that ever stopped being true.
     */
    public long storeOnce(Handle handle, long now, LongSupplier store) {
        if (tokenHash == null) {
            return store.getAsLong();
        }
        Optional<Long> earlier = findRecord(handle);
        if (earlier.isPresent()) {
            throw new DuplicateSubmissionException(earlier.get());
        }
        long recordId = store.getAsLong();
        handle.createUpdate("INSERT INTO form_submissions (token_hash, record_id, created_at) VALUES (:hash, :recordId, :now)")
                .bind("hash", tokenHash).bind("recordId", recordId).bind("now", now)
                .execute();
        deleteExpired(handle, now);
        return recordId;
    }

    /** Returns the record that a request with this token stored, if any. */
    Optional<Long> findRecord(Handle handle) {
        if (tokenHash == null) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT record_id FROM form_submissions WHERE token_hash = :hash")
                .bind("hash", tokenHash).mapTo(Long.class).findOne();
    }

    /**
     * Deletes the rows of expired tokens. A row is created after its token was issued, so it is
     * past the token's lifetime once its own age exceeds that lifetime.
     */
    private static void deleteExpired(Handle handle, long now) {
        long cutoff = now - FormSubmissions.TOKEN_LIFETIME.toMillis();
        handle.createUpdate("DELETE FROM form_submissions WHERE created_at < :cutoff").bind("cutoff", cutoff).execute();
    }
}
