package org.nodepoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.UnavailableException;
import org.nodepoint.users.SecretTokens;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in sessions. A session is a random 256-bit token in a cookie. The database keeps only its
 * hash, so a copy of the database cannot be used to take over a session. Sessions end at an
 * absolute expiry (the session_expiry setting, in hours) or after an idle period.
 */
public final class SessionService {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    public static final Duration MAX_IDLE = Duration.ofHours(2);
    /** last_seen_at is written at most this often, so that reading pages does not mean a write each time. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final UserService users;
    private final SettingsStore settings;
    private final Clock clock;

    /** A session that is valid now, with its account and the CSRF token of its forms. */
    public record ActiveSession(User user, String csrfToken) {
    }

    public SessionService(Database database, UserService users, SettingsStore settings, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts a session for the user and returns the token for the cookie. */
    public String start(User user) {
        String token = SecretTokens.generate();
        long now = clock.millis();
        long expiresAt = now + Duration.ofHours(settings.current().sessionExpiryHours()).toMillis();
        writer.useExtension(SessionDao.class, dao -> {
            dao.deleteExpired(now, now - MAX_IDLE.toMillis());
            dao.insert(SecretTokens.hash(token), user.id(), SecretTokens.generate(), now, expiresAt);
        });
        return token;
    }

    public Optional<ActiveSession> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<SessionRow> row = read.withExtension(SessionDao.class, dao -> dao.findByTokenHash(SecretTokens.hash(token)));
        if (row.isEmpty() || isExpired(row.get(), now)) {
            return Optional.empty();
        }
        SessionRow session = row.get();
        Optional<User> user = users.findById(session.userId()).filter(User::canSignIn);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (now - session.lastSeenAt() > TOUCH_INTERVAL.toMillis()) {
            touch(session.id(), now);
        }
        return Optional.of(new ActiveSession(user.get(), session.csrfToken()));
    }

    /**
     * True once the session is past its stored expiry, idle too long, or older than session_expiry
     * allows now. The last check makes a shorter session_expiry end older sessions at once; a
     * longer one applies only to sessions started after the change.
     */
    private boolean isExpired(SessionRow session, long now) {
        long maxAge = Duration.ofHours(settings.current().sessionExpiryHours()).toMillis();
        return session.expiresAt() <= now || session.lastSeenAt() + MAX_IDLE.toMillis() <= now || session.createdAt() + maxAge <= now;
    }

    /**
     * Records that the session was used. With the write queue full the page is still served, and
     * a later request records the use, because losing one update only shortens the idle period.
     */
    private void touch(long sessionId, long now) {
        try {
            writer.useExtension(SessionDao.class, dao -> dao.touch(sessionId, now));
        } catch (UnavailableException overloaded) {
            log.debug("Session use not recorded while the write queue is full");
        }
    }

    public void end(String token) {
        if (token != null && !token.isEmpty()) {
            writer.useExtension(SessionDao.class, dao -> dao.deleteByTokenHash(SecretTokens.hash(token)));
        }
    }

    /** Ends every session of the user, for example after a password change. */
    public int endAll(long userId) {
        return writer.withExtension(SessionDao.class, dao -> dao.deleteByUser(userId));
    }
}
