package org.nodepoint.legacyapi;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one API call. As in NodePoint 1.x: a GET reads the query string, a POST reads
 * only its form body, the first of repeated values wins, and an empty value or "0" counts as
 * missing (Perl truthiness).
 */
final class ApiRequest {
    private final Map<String, List<String>> parameters;
    private final String address;
    /** The facts of the call's system log entry: the key it passed, the user it acted as, and what it wrote. */
    private String keyType;
    private String impersonatedUser;
    private String writeSubject;

    ApiRequest(Context ctx) {
        this.parameters = HandlerType.POST.equals(ctx.method()) ? ctx.formParamMap() : ctx.queryParamMap();
        this.address = ctx.req().getRemoteAddr();
    }

    String address() {
        return address;
    }

    /** Notes that the call passed the check of the "read" or "write" key. */
    void keyPassed(String type) {
        keyType = type;
    }

    /** Returns "read" or "write" once the call has passed that key's check, else null. */
    String keyType() {
        return keyType;
    }

    void actAs(String userName) {
        impersonatedUser = userName;
    }

    /** Returns the user named by from_user once the call has accepted it, else null. */
    String impersonatedUser() {
        return impersonatedUser;
    }

    /** Notes what a write call stored, such as "ticket 12", without any secret. */
    void wrote(String subject) {
        writeSubject = subject;
    }

    String writeSubject() {
        return writeSubject;
    }

    /**
     * Returns the first value, or "" when it is absent, empty or "0", so that an optional
     * parameter sent as "0" is ignored as NodePoint 1.x ignored it.
     */
    String optional(String name) {
        List<String> values = parameters.get(name);
        String value = values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
        return value.equals("0") ? "" : value;
    }

    /** True when the parameter was sent at all, even empty or "0", as Perl's defined() tests it. */
    boolean isGiven(String name) {
        List<String> values = parameters.get(name);
        return values != null && !values.isEmpty() && values.get(0) != null;
    }

    boolean isPresent(String name) {
        return !optional(name).isEmpty();
    }

    /** Returns the value, or throws ERR_MISSING_ARGUMENT when it is absent, empty or "0". */
    String required(String name) {
        if (!isPresent(name)) {
            throw ApiError.missing(name);
        }
        return optional(name);
    }

    /** Reads an id as Perl's int() does: leading digits, anything else 0. */
    long requiredId(String name) {
        return perlInt(required(name));
    }

    /** Checks the {@code key} parameter against the configured key; an unset key matches nothing. */
    void checkKey(String expected) {
        String key = required("key");
        if (expected == null || expected.isEmpty()
                || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw ApiError.invalidKey();
        }
    }

    static long perlInt(String text) {
        String trimmed = text.strip();
        int end = 0;
        if (end < trimmed.length() && (trimmed.charAt(end) == '+' || trimmed.charAt(end) == '-')) {
            end++;
        }
        int digitsStart = end;
        while (end < trimmed.length() && Character.isDigit(trimmed.charAt(end)) && trimmed.charAt(end) < 128 && end - digitsStart < 18) {
            end++;
        }
        if (end == digitsStart) {
            return 0;
        }
        return Long.parseLong(trimmed.substring(0, end));
    }
}
