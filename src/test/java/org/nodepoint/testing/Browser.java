package org.nodepoint.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nodepoint.web.Csrf;

/**
 * A minimal browser for route tests: keeps cookies, does not follow redirects, and submits forms
 * with the CSRF token read from the last HTML page it loaded.
 */
public final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A response: status, body and headers. */
    public record Page(int status, String body, java.net.http.HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse("");
        }
    }

    private final String origin;
    private final HttpClient client;
    private String csrfToken = "";

    public Browser(String origin) {
        this.origin = origin;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
        rememberCsrf(page);
        return page;
    }

    /** Posts a form with the CSRF token of the last page, loading {@code /login} first when no page was loaded. */
    public Page post(String path, Map<String, String> form) {
        if (csrfToken.isEmpty()) {
            get("/login");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrfToken);
        return postRaw(path, withToken);
    }

    /** Posts exactly the given fields, without adding a CSRF token. */
    public Page postRaw(String path, Map<String, String> form) {
        return postRaw(path, form, Map.of());
    }

    /** Posts exactly the given fields with extra request headers, such as those a reverse proxy adds. */
    public Page postRaw(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        Page page = send(request);
        rememberCsrf(page);
        return page;
    }

    /**
     * Sends a request with any method. A form, when given, goes URL-encoded in the body with the
     * CSRF token of the last page added, as {@link #post} sends it.
     */
    public Page send(String method, String path, Map<String, String> form) {
        if (form == null) {
            Page page = send(HttpRequest.newBuilder(URI.create(origin + path)).method(method, HttpRequest.BodyPublishers.noBody()));
            rememberCsrf(page);
            return page;
        }
        if (csrfToken.isEmpty()) {
            get("/login");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", csrfToken);
        return sendEncoded(method, path, encode(withToken));
    }

    /**
     * Posts a body that is already URL-encoded, exactly as given but for the CSRF token of the last
     * page, which is appended. Tests use it to send bytes that are not valid UTF-8.
     */
    public Page postEncoded(String path, String encodedBody) {
        if (csrfToken.isEmpty()) {
            get("/login");
        }
        String token = Csrf.FIELD + "=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8);
        return sendEncoded("POST", path, encodedBody.isEmpty() ? token : encodedBody + "&" + token);
    }

    /** Posts a multipart form, such as one with files, with the CSRF token of the last page as its first field. */
    public Page postMultipart(String path, MultipartForm form) {
        if (csrfToken.isEmpty()) {
            get("/login");
        }
        MultipartForm withToken = form.withFirstField(Csrf.FIELD, csrfToken);
        return postBody(path, withToken.contentType(), HttpRequest.BodyPublishers.ofByteArray(withToken.toBytes()));
    }

    /** Posts a body exactly as given, with this browser's cookies, such as a malformed or chunked multipart body. */
    public Page postBody(String path, String contentType, HttpRequest.BodyPublisher body) {
        Page page = send(HttpRequest.newBuilder(URI.create(origin + path)).header("Content-Type", contentType).POST(body));
        rememberCsrf(page);
        return page;
    }

    /** Downloads a file: the status, the headers and the exact bytes of the body. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A response whose body is kept as bytes. */
    public record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** Signs in through the login form and returns the response to the form post. */
    public Page signIn(String name, String password) {
        get("/login");
        return post("/login", Map.of("name", name, "password", password));
    }

    public String csrfToken() {
        return csrfToken;
    }

    private void rememberCsrf(Page page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
    }

    private Page sendEncoded(String method, String path, String body) {
        Page page = send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        rememberCsrf(page);
        return page;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
