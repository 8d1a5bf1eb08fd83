package org.nodepoint.legacyapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nodepoint.testing.TestNodePoint;

/**
 * A plain HTTP client for legacy API calls, as the scripts written for NodePoint 1.x send them:
 * no cookies, no redirects followed, no CSRF token. Parameters are given as alternating names and
 * values and keep their order, so that a test can repeat a name.
 */
final class ApiClient {
    /** Strict Jackson parser: rejects raw control characters and anything after the top-level object. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One API response with the raw body bytes, decoded as UTF-8 in {@link #body()}. */
    record Response(int status, HttpHeaders headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /**
         * Returns the media type in lower case. Jetty rewrites the header as "text/plain;charset=utf-8"
         * however the handler spells it, and media type and charset names are case-insensitive.
         */
        String mediaType() {
            return contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        }

        /** Returns the charset parameter of Content-Type in lower case, or "" when there is none. */
        String charset() {
            for (String parameter : contentType().split(";")) {
                String[] nameAndValue = parameter.strip().split("=", 2);
                if (nameAndValue.length == 2 && nameAndValue[0].equalsIgnoreCase("charset")) {
                    return nameAndValue[1].strip().toLowerCase(Locale.ROOT);
                }
            }
            return "";
        }

        /** Parses the body, failing the calling test when the body is not valid JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body());
            } catch (JsonProcessingException invalid) {
                throw new AssertionError("Response is not valid JSON: " + invalid.getOriginalMessage() + "\n" + body(), invalid);
            }
        }

        /** The {@code message} field of the envelope. */
        String message() {
            return json().path("message").asText();
        }

        /** The last {@code status} field, which is the call status in every response but show_ticket. */
        String statusCode() {
            return json().path("status").asText();
        }
    }

    private final String origin;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ApiClient(String origin) {
        this.origin = origin;
    }

    /** Sends a GET to {@code path} with the parameters URL-encoded in the query string. */
    Response get(String path, String... namesAndValues) {
        String query = encode(namesAndValues);
        return getRaw(path + (query.isEmpty() ? "" : "?" + query));
    }

    /** Sends a GET to a path and query string given exactly as they go on the wire. */
    Response getRaw(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(origin + pathAndQuery)).GET());
    }

    /** Sends a form POST to {@code path} with the parameters URL-encoded in the body. */
    Response post(String path, String... namesAndValues) {
        return postBody(path, encode(namesAndValues));
    }

    /** Sends a form POST whose body is given exactly as it goes on the wire. */
    Response postBody(String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Sends a request that the caller built, for example to add a cookie header. */
    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    String origin() {
        return origin;
    }

    /**
     * Replaces a key placeholder of a table of cases: {@code $read} and {@code $write} are the
     * fixture's keys and {@code $READ} is the read key in upper case. Other text is returned as is.
     */
    static String resolveKey(String text) {
        return switch (text) {
            case "$read" -> TestNodePoint.READ_KEY;
            case "$write" -> TestNodePoint.WRITE_KEY;
            case "$READ" -> TestNodePoint.READ_KEY.toUpperCase(Locale.ROOT);
            default -> text;
        };
    }

    /**
     * Formats a time as Perl's scalar localtime did ("Fri Dec  4 19:23:11 2026", day padded with a
     * space) in the JVM's zone, for comparing the dates that the API returns.
     */
    static String ctime(long epochMillis) {
        ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault());
        return String.format(Locale.ROOT, "%s %s %2d %02d:%02d:%02d %d",
                time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(), time.getYear());
    }

    static String encode(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters must come as name and value pairs");
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }
}
