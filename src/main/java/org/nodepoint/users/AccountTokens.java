package org.nodepoint.users;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Issues and checks the single-use codes of account mails. A code is 256 random bits written as 43
 * URL-safe Base64 characters, and the database keeps only its SHA-256 hash.
 */
final class AccountTokens {
    /** Rows stay this long past their expiry, so that a late code is reported as expired or used rather than unknown. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);
    /** The length of every code. Input of another length is reported as unknown without a database look-up. */
    private static final int CODE_LENGTH = SecretTokens.LENGTH;
    /** The window of the per-account mail limits. */
    static final Duration MAIL_LIMIT_WINDOW = Duration.ofHours(1);

    /** The reason a code cannot be used. Each has a message key per purpose, ending in {@link #key()}. */
    enum Problem {
        MISSING, UNKNOWN, USED, REPLACED, EXPIRED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Stores a new code for the user in the caller's transaction and returns it. Returns empty
     * instead when {@code maxPerWindow} codes of this purpose were created for the user within
     * {@link #MAIL_LIMIT_WINDOW}, so that nobody can flood an address with mail.
     */
    Optional<String> issue(Handle handle, long userId, String purpose, String email, long now, Duration validity, int maxPerWindow) {
        AccountTokenDao dao = handle.attach(AccountTokenDao.class);
        dao.deleteExpiredBefore(now - KEPT_AFTER_EXPIRY.toMillis());
        if (dao.countCreatedSince(userId, purpose, now - MAIL_LIMIT_WINDOW.toMillis()) >= maxPerWindow) {
            return Optional.empty();
        }
        String code = SecretTokens.generate();
        dao.insert(userId, purpose, email, SecretTokens.hash(code), now, now + validity.toMillis());
        return Optional.of(code);
    }

    /** Returns the stored code that this input names, if the input has the form of a code. */
    static Optional<AccountToken> find(Handle handle, String input, String purpose) {
        String code = clean(input);
        if (code.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return handle.attach(AccountTokenDao.class).findByHash(SecretTokens.hash(code), purpose);
    }

    /**
     * Returns the reason the stored code cannot be used now, or empty when it can. A code that a newer
     * one replaced counts as replaced even when it was also past its expiry.
     */
    static Optional<Problem> problemOf(String input, Optional<AccountToken> token, long now) {
        if (clean(input).isEmpty()) {
            return Optional.of(Problem.MISSING);
        }
        if (token.isEmpty()) {
            return Optional.of(Problem.UNKNOWN);
        }
        if (token.get().usedAt() != null) {
            return Optional.of(Problem.USED);
        }
        if (token.get().revokedAt() != null) {
            return Optional.of(Problem.REPLACED);
        }
        if (token.get().expiresAt() <= now) {
            return Optional.of(Problem.EXPIRED);
        }
        return Optional.empty();
    }

    /** Removes the spaces that copying a code from a mail may add around it. */
    static String clean(String input) {
        return input == null ? "" : input.strip();
    }
}
