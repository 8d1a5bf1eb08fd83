package org.nodepoint.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSRF protection for every state-changing form. A signed-in user's token is stored with the
 * session. A guest gets a random cookie, and the token is an HMAC of it under a key made at start,
 * so a guest's forms stop working after a restart and must be reloaded.
 */
public final class Csrf {
    private static final Logger log = LoggerFactory.getLogger(Csrf.class);
    public static final String FIELD = "_csrf";
    private static final String GUEST_COOKIE = "np_guest";
    /** The guest cookie value chosen for this request, so that a second call in the request does not choose another. */
    private static final String NEW_GUEST_VALUE = "np.newGuestValue";

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    public Csrf() {
        random.nextBytes(key);
    }

    /** Returns the token that this viewer's forms must carry, creating the guest cookie when needed. */
    public String tokenFor(Context ctx) {
        String sessionToken = CurrentViewer.sessionCsrfToken(ctx);
        if (sessionToken != null) {
            return sessionToken;
        }
        String guestValue = ctx.cookie(GUEST_COOKIE);
        if (guestValue == null || guestValue.length() != 43) {
            guestValue = ctx.attribute(NEW_GUEST_VALUE);
        }
        if (guestValue == null) {
            guestValue = newGuestValue();
            ctx.attribute(NEW_GUEST_VALUE, guestValue);
            ctx.cookie(new Cookie(GUEST_COOKIE, guestValue, "/", -1, "https".equals(ctx.scheme()), true, null, SameSite.LAX));
        }
        return sign(guestValue);
    }

    /** Rejects the request with 403 unless it carries the viewer's token and comes from this site. */
    public void verify(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if ("cross-site".equals(fetchSite)) {
            log.warn("Rejected a cross-site {} to {}", ctx.method(), ctx.path());
            throw new ForbiddenResponse("error.csrf.crossSite");
        }
        String submitted = ctx.formParam(FIELD);
        String expected = expectedToken(ctx);
        if (submitted == null || expected == null
                || !MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            log.warn("Rejected a {} to {} with a missing or wrong CSRF token", ctx.method(), ctx.path());
            throw new ForbiddenResponse("error.csrf.expired");
        }
    }

    private String expectedToken(Context ctx) {
        String sessionToken = CurrentViewer.sessionCsrfToken(ctx);
        if (sessionToken != null) {
            return sessionToken;
        }
        String guestValue = ctx.cookie(GUEST_COOKIE);
        return guestValue == null ? null : sign(guestValue);
    }

    private String newGuestValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", missing);
        }
    }
}
