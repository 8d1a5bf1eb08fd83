package org.nodepoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.SecretTokens;
import org.nodepoint.users.User;

class AuthRoutesTest {
    private static final String INVALID_LOGIN = "The user name or password is not correct.";

    @TempDir
    Path folder;

    private static String sessionCookie(Browser.Page page) {
        return page.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("np_session="))
                .findFirst().orElse("");
    }

    private static String tokenOf(String setCookie) {
        return setCookie.substring("np_session=".length(), setCookie.indexOf(';'));
    }

    /** Returns true when a request carrying only this session token is treated as signed in. */
    private static boolean signedInWith(String origin, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/login")).header("Cookie", "np_session=" + token).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 302;
    }

    private static Map<String, String> login(String name, String password, String next) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("password", password);
        form.put("next", next);
        return form;
    }

    @Test
    void sign_in_sets_http_only_cookie() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn("dana", TestNodePoint.PASSWORD);

                String cookie = sessionCookie(page);
                assertThat(page.status()).isEqualTo(302);
                assertThat(page.location()).isEqualTo("/");
                assertThat(cookie).containsIgnoringCase("HttpOnly");
                assertThat(cookie).containsIgnoringCase("SameSite=Lax");
                assertThat(cookie).containsIgnoringCase("Path=/");
                assertThat(cookie).doesNotContainIgnoringCase("Secure");
                assertThat(tokenOf(cookie)).hasSizeGreaterThanOrEqualTo(43);
            });
        }
    }

    @Test
    void database_stores_only_token_hash() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                String token = tokenOf(sessionCookie(new Browser(client.getOrigin()).signIn("dana", TestNodePoint.PASSWORD)));

                List<Map<String, Object>> rows = node.wiring.database.read().withHandle(handle ->
                        handle.createQuery("SELECT * FROM sessions").mapToMap().list());
                assertThat(rows).hasSize(1);
                assertThat(rows.get(0).values()).extracting(String::valueOf).noneMatch(value -> value.contains(token));
                assertThat(rows.get(0).get("token_hash")).isEqualTo(SecretTokens.hash(token));
                assertThat(String.valueOf(rows.get(0).get("token_hash"))).matches("[0-9a-f]{64}");
            });
        }
    }

    @Test
    void wrong_password_and_unknown_user_look_alike() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser.Page wrongPassword = new Browser(client.getOrigin()).signIn("dana", "not-her-password");
                Browser.Page unknownUser = new Browser(client.getOrigin()).signIn("nobody", "not-her-password");

                assertThat(wrongPassword.status()).isEqualTo(401);
                assertThat(unknownUser.status()).isEqualTo(401);
                assertThat(wrongPassword.body()).contains(INVALID_LOGIN);
                assertThat(unknownUser.body()).contains(INVALID_LOGIN);
                assertThat(sessionCookie(wrongPassword)).isEmpty();
            });
        }
    }

    @Test
    void five_failures_block_right_password() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                for (int attempt = 1; attempt <= 5; attempt++) {
                    assertThat(browser.signIn("DANA", "guess-" + attempt).status()).isEqualTo(401);
                }

                Browser.Page blocked = browser.signIn("dana", TestNodePoint.PASSWORD);

                assertThat(blocked.status()).isEqualTo(429);
                assertThat(blocked.body()).contains("Too many failed sign-ins");
                assertThat(sessionCookie(blocked)).isEmpty();
            });
        }
    }

    @Test
    void throttle_is_per_name() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.user("eric", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                for (int attempt = 1; attempt <= 5; attempt++) {
                    browser.signIn("dana", "guess-" + attempt);
                }

                assertThat(browser.signIn("eric", TestNodePoint.PASSWORD).status()).isEqualTo(302);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "https://evil.example/", "/\\evil.example", "evil.example", "/\t/evil.example",
            "/\n/evil.example", "javascript:alert(1)"})
    void next_rejects_other_sites(String next) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/login");

                Browser.Page page = browser.post("/login", login("dana", TestNodePoint.PASSWORD, next));

                assertThat(page.status()).isEqualTo(302);
                assertThat(page.location()).isEqualTo("/");
            });
        }
    }

    @Test
    void next_keeps_local_path() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/login");

                Browser.Page page = browser.post("/login", login("dana", TestNodePoint.PASSWORD, "/tickets?status=Open"));

                assertThat(page.location()).isEqualTo("/tickets?status=Open");
            });
        }
    }

    @Test
    void next_percent_encodes_non_ascii() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/login");

                Browser.Page page = browser.post("/login", login("dana", TestNodePoint.PASSWORD, "/search?q=caf\u00e9 r\u00e9seau"));

                assertThat(page.location()).isEqualTo("/search?q=caf%C3%A9%20r%C3%A9seau");
            });
        }
    }

    @Test
    void sign_out_ends_old_session() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                String token = tokenOf(sessionCookie(browser.signIn("dana", TestNodePoint.PASSWORD)));
                browser.get("/");
                assertThat(signedInWith(client.getOrigin(), token)).isTrue();

                Browser.Page out = browser.post("/logout", Map.of());

                assertThat(out.status()).isEqualTo(302);
                assertThat(sessionCookie(out)).startsWith("np_session=;");
                assertThat(signedInWith(client.getOrigin(), token)).isFalse();
                int sessions = node.wiring.database.read().withHandle(handle ->
                        handle.createQuery("SELECT count(*) FROM sessions").mapTo(Integer.class).one());
                assertThat(sessions).isEqualTo(0);
            });
        }
    }

    @Test
    void sign_in_replaces_previous_session() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                String first = tokenOf(sessionCookie(browser.signIn("dana", TestNodePoint.PASSWORD)));

                browser.get("/");
                String second = tokenOf(sessionCookie(browser.post("/login", login("dana", TestNodePoint.PASSWORD, "/"))));

                assertThat(second).isNotEqualTo(first);
                assertThat(signedInWith(client.getOrigin(), first)).isFalse();
                assertThat(signedInWith(client.getOrigin(), second)).isTrue();
            });
        }
    }

    @Test
    void disabled_user_cannot_sign_in() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            node.http((server, client) -> {
                String token = tokenOf(sessionCookie(new Browser(client.getOrigin()).signIn("dana", TestNodePoint.PASSWORD)));
                node.wiring.database.write().useHandle(handle ->
                        handle.execute("UPDATE users SET disabled = 1 WHERE id = ?", dana.id()));

                Browser.Page page = new Browser(client.getOrigin()).signIn("dana", TestNodePoint.PASSWORD);

                assertThat(page.status()).isEqualTo(401);
                assertThat(page.body()).contains(INVALID_LOGIN);
                assertThat(signedInWith(client.getOrigin(), token)).isFalse();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "guest", "system"})
    void builtin_accounts_cannot_sign_in(String name) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                Browser.Page page = new Browser(client.getOrigin()).signIn(name, "");

                assertThat(page.status()).isEqualTo(401);
            });
        }
    }

    @Test
    void login_without_csrf_is_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                Browser browser = new Browser(client.getOrigin());
                browser.get("/login");

                Browser.Page page = browser.postRaw("/login", login("dana", TestNodePoint.PASSWORD, "/"));

                assertThat(page.status()).isEqualTo(403);
                assertThat(sessionCookie(page)).isEmpty();
            });
        }
    }
}
