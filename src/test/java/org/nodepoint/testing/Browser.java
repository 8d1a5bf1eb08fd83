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
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        Page page = send(request);
        rememberCsrf(page);
        return page;
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
