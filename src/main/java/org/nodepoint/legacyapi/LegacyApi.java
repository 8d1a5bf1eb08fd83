package org.nodepoint.legacyapi;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.StorageFullException;
import org.nodepoint.errors.UnavailableException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NodePoint 1.x JSON API: picks the call named by {@code api}, runs it, and always returns
 * HTTP 200 with {@code text/plain; charset=UTF-8} and a {message, status} envelope, errors
 * included. Calls are authenticated by their read or write key alone and act as the built-in
 * {@code api} account, or as the user named by {@code from_user} when impersonation is on.
 */
public final class LegacyApi {
    private static final Logger log = LoggerFactory.getLogger(LegacyApi.class);
    /** The layout of Perl's scalar localtime, which NodePoint 1.x used for every date. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private static final String READ_KEY = "read";
    private static final String WRITE_KEY = "write";

    private static final Pattern NAME_CHARACTERS = Pattern.compile("[^A-Za-z0-9._@-]");

    /** One API call; it throws ApiError for any failure. */
    interface Call {
        LegacyJson handle(ApiRequest request);
    }

    private final SettingsStore settings;
    private final UserService users;
    private final Map<String, Call> calls;
    private final SystemLog systemLog;

    LegacyApi(SettingsStore settings, UserService users, Map<String, Call> calls, SystemLog systemLog) {
        this.settings = settings;
        this.users = users;
        this.calls = calls;
        this.systemLog = systemLog;
    }

    public void handle(Context ctx) {
        ApiRequest request = new ApiRequest(ctx);
        String name = request.optional("api");
        Call call = calls.get(name);
        LegacyJson response;
        int status = 200;
        try {
            if (call == null) {
                throw new ApiError("ERR_INVALID_API", "Invalid 'api' value. See the manual for valid values.");
            }
            response = call.handle(request);
            recordWrite(name, request);
        } catch (ApiError failure) {
            response = LegacyJson.envelope(failure.getMessage(), failure.status());
        } catch (NotFoundException | ForbiddenException failure) {
            response = LegacyJson.envelope("Invalid 'id' value.", "ERR_INVALID_ID");
        } catch (ValidationException | ConflictException failure) {
            // Each call translates the service's errors itself; this keeps any it missed inside the API's envelope.
            log.warn("API call {} failed validation that it did not translate: {}", name, failure.getMessage());
            response = LegacyJson.envelope("Invalid argument.", "ERR_INVALID_ARGUMENT");
        } catch (UnavailableException busy) {
            // NodePoint 1.x had no such state. The 503 status reports the failure to scripts that check only the status code.
            status = 503;
            ctx.header("Retry-After", String.valueOf(busy.retryAfterSeconds()));
            response = busy instanceof StorageFullException
                    ? LegacyJson.envelope("The server's disk is full, so nothing was saved. Ask the administrator to free space.", "ERR_UNAVAILABLE")
                    : LegacyJson.envelope("Server busy or stopping, so nothing was saved. Try again in a few seconds.", "ERR_UNAVAILABLE");
        }
        ctx.status(status);
        ctx.contentType("text/plain; charset=UTF-8");
        ctx.result(response.bytes());
    }

    /** Returns the names of the calls, such as "list_products", for tests that must cover every call. */
    public Set<String> callNames() {
        return Set.copyOf(calls.keySet());
    }

    void checkReadKey(ApiRequest request) {
        request.checkKey(settings.current().apiReadKey());
        request.keyPassed(READ_KEY);
    }

    void checkWriteKey(ApiRequest request) {
        request.checkKey(settings.current().apiWriteKey());
        request.keyPassed(WRITE_KEY);
    }

    /**
     * Records a call that succeeded with the write key in the system log. Every call passes
     * through {@link #handle}, so no write call can be left out. The actor is the impersonated
     * user, or else the client address, since a key names no person.
     */
    private void recordWrite(String call, ApiRequest request) {
        if (!WRITE_KEY.equals(request.keyType())) {
            return;
        }
        String user = request.impersonatedUser();
        String message = call + " with the " + request.keyType() + " key from " + request.address()
                + (user == null ? "" : " as " + user + " (from_user)")
                + (request.writeSubject() == null ? "" : ": " + request.writeSubject());
        systemLog.record(LogCategory.API, user == null ? request.address() : user, message);
    }

    /**
     * Returns who acts for a write: the built-in {@code api} account with every right, or the user
     * named by {@code from_user} with that user's own level, who must exist, be enabled and hold
     * {@code requiredLevel}.
     */
    Viewer actor(ApiRequest request, int requiredLevel) {
        // NodePoint 1.x kept only letters, digits and ". - _ @" of names, so "John Smith" named JohnSmith.
        String impersonated = NAME_CHARACTERS.matcher(request.optional("from_user")).replaceAll("");
        if (impersonated.isEmpty()) {
            return apiActor();
        }
        if (!settings.current().apiImpersonation()) {
            throw new ApiError("ERR_INVALID_ARGUMENT", "User impersonation is not on.");
        }
        User user = users.findByName(impersonated)
                .filter(User::canSignIn)
                .filter(found -> found.level() >= requiredLevel)
                .orElseThrow(() -> ApiError.invalid("from_user"));
        request.actAs(user.name());
        return Viewer.of(user);
    }

    /** Returns the built-in {@code api} account, which may do anything and read every ticket. */
    Viewer apiActor() {
        return new Viewer(users.builtinId("api"), "api", Level.ADMIN);
    }

    /** Logs a write in the application log and notes its subject for the system log entry. */
    void logWrite(String call, Viewer actor, ApiRequest request, Object subject) {
        log.info("API {} by {} (user {}) from {}: {}", call, actor.name(), actor.userId(), request.address(), subject);
        request.wrote(String.valueOf(subject));
    }

    static String ctime(long epochMillis) {
        return CTIME.format(Instant.ofEpochMilli(epochMillis));
    }

    static String ctimeOrNever(Long epochMillis) {
        return epochMillis == null ? "Never" : ctime(epochMillis);
    }
}
