package org.nodepoint.submissions;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.web.Csrf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single-use tokens that make a double-clicked form store one record. A form that files a
 * ticket, adds a comment or updates a ticket carries a token in {@link #FIELD}. The first request
 * with it stores the record, and every later request with it gets the first request's record
 * without storing anything.
 *
 * <p>A token is {@code <issued at>.<random nonce>.<HMAC-SHA256>}, signed with the CSRF token of
 * the session it was issued to and with the form's purpose, such as {@code comment:12}. So a
 * token works only in the session that loaded the form, only for that form, and only for
 * {@link #TOKEN_LIFETIME}. Nothing is stored when a form is shown; only a submission stores the
 * token's hash.
 *
 * <p>A request without a token stores its record as before, because the token guards against
 * repeated submission, not forgery, which the CSRF token already rejects. Scripts that post the
 * forms without loading them keep working.
 */
public final class FormSubmissions {
    private static final Logger log = LoggerFactory.getLogger(FormSubmissions.class);

    public static final String FIELD = "_submission";
    /** As long as a session may stay idle, so that a form open that long still submits. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    /** A token has 13 digits, 22 nonce characters, 43 signature characters and two dots. */
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final int NONCE_BYTES = 16;
    /** Epoch milliseconds have 13 digits until the year 2286; more could overflow a long. */
    private static final int MAX_TIME_DIGITS = 18;

    private final Jdbi read;
    private final Csrf csrf;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FormSubmissions(Database database, Csrf csrf, Clock clock) {
        this.read = database.read();
        this.csrf = csrf;
        this.clock = clock;
    }

    /** Returns a new token for a form of this purpose in the request's session. */
    public String issue(Context ctx, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String issued = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return issued + "." + sign(csrf.tokenFor(ctx), purpose, issued);
    }

    /**
     * Returns the verified token that the request carries for a form of this purpose, or
     * {@link Submission#NONE} when it carries none. Throws ValidationException on field
     * {@link #FIELD} for a token that is malformed, was issued to another session or another form,
     * or has expired.
     */
    public Submission read(Context ctx, String purpose) {
        String token = ctx.formParam(FIELD);
        if (token == null || token.isBlank()) {
            return Submission.NONE;
        }
        if (!isValid(token, csrf.tokenFor(ctx), purpose)) {
            log.info("Rejected a submission token for {} on {}: malformed, expired or from another session", purpose, ctx.path());
            throw ValidationException.of(FIELD, "submission.invalid", TOKEN_LIFETIME.toHours());
        }
        return new Submission(hash(token));
    }

    /**
     * Runs {@code action} for a first submission and returns its result. For a token whose record
     * is stored already, returns {@code replay} of that record's id without running the action,
     * also when the two requests raced. A request that lost the race can also fail validation
     * because of the winner's change, since a ticket update then looks stale. It gets the winner's
     * result too.
     */
    public <T> T once(Submission submission, Function<Submission, T> action, LongFunction<T> replay) {
        Optional<Long> earlier = findRecord(submission);
        if (earlier.isPresent()) {
            return replay.apply(earlier.get());
        }
        try {
            return action.apply(submission);
        } catch (DuplicateSubmissionException duplicate) {
            return replay.apply(duplicate.recordId());
        } catch (ValidationException invalid) {
            Optional<Long> winner = findRecord(submission);
            if (winner.isPresent()) {
                return replay.apply(winner.get());
            }
            throw invalid;
        }
    }

    private Optional<Long> findRecord(Submission submission) {
        if (submission == Submission.NONE) {
            return Optional.empty();
        }
        return read.withHandle(submission::findRecord);
    }

    private boolean isValid(String token, String sessionKey, String purpose) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        int signatureStart = token.lastIndexOf('.');
        int nonceStart = token.indexOf('.');
        if (nonceStart <= 0 || signatureStart <= nonceStart) {
            return false;
        }
        String issued = token.substring(0, signatureStart);
        byte[] expected = sign(sessionKey, purpose, issued).getBytes(StandardCharsets.US_ASCII);
        byte[] submitted = token.substring(signatureStart + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, submitted)) {
            return false;
        }
        String issuedAtText = token.substring(0, nonceStart);
        if (issuedAtText.length() > MAX_TIME_DIGITS || !issuedAtText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long age = clock.millis() - Long.parseLong(issuedAtText);
        return age >= 0 && age <= TOKEN_LIFETIME.toMillis();
    }

    /** Signs the purpose and the issued part of a token with the session's CSRF token as the key. */
    private static String sign(String sessionKey, String purpose, String issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((purpose + "\n" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", missing);
        }
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", missing);
        }
    }
}
