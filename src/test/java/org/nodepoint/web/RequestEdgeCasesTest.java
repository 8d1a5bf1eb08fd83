package org.nodepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.setup.SetupCode;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;

/** Requests that once reached an error page: HEAD, a damaged flash cookie, and forwarding headers. */
class RequestEdgeCasesTest {
    @TempDir
    Path folder;

    @Test
    void head_request_gets_405() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                for (String path : List.of("/", "/login", "/users", "/admin/settings", "/health", "/static/css/nodepoint.css")) {
                    HttpResponse<Void> response = HttpClient.newHttpClient().send(
                            HttpRequest.newBuilder(URI.create(client.getOrigin() + path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());

                    assertThat(response.statusCode()).as(path).isEqualTo(405);
                    assertThat(response.headers().firstValue("Allow")).as(path).hasValue("GET, POST");
                }
            });
        }
    }

    @Test
    void damaged_flash_cookie_is_ignored() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(client.getOrigin() + "/login")).header("Cookie", "np_flash=%zz").build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("name=\"password\"");
            });
        }
    }

    @Test
    void forwarded_https_ignored_by_default() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", Level.AUTHORIZED);
            node.http((server, client) -> {
                String cookie = sessionCookieAfterSignIn(client.getOrigin());

                assertThat(cookie).doesNotContainIgnoringCase("secure");
            });
        }
    }

    @Test
    void trusted_proxy_https_makes_cookie_secure() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", Level.AUTHORIZED);
            JavalinTest.test(node.wiring.createApp(new SetupCode(TestNodePoint.SETUP_CODE), null, true), new TestConfig(false, true),
                    (server, client) -> {
                        String cookie = sessionCookieAfterSignIn(client.getOrigin());

                        assertThat(cookie).containsIgnoringCase("secure");
                    });
        }
    }

    /** Signs in through a proxy that reports https, and returns the session cookie's Set-Cookie header. */
    private static String sessionCookieAfterSignIn(String origin) {
        Browser browser = new Browser(origin);
        browser.get("/login");
        Browser.Page page = browser.postRaw("/login", Map.of("_csrf", browser.csrfToken(), "name", "dana", "password", TestNodePoint.PASSWORD),
                Map.of("X-Forwarded-Proto", "https"));
        assertThat(page.status()).isEqualTo(302);
        return page.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(WebApp.SESSION_COOKIE + "="))
                .findFirst().orElseThrow();
    }
}
