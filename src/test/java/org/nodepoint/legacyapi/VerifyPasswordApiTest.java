package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.ADMIN_PASSWORD;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.TestNodePoint;

/**
 * The verify_password call: the password check of sign-in, under the same throttle, without
 * signing in. Disabled and level 0 accounts and the administrator fail.
 */
class VerifyPasswordApiTest {
    private static final String VALID = "{\n \"message\": \"Credentials are valid.\",\n \"status\": \"OK\"\n}\n";
    private static final String INVALID = "{\n \"message\": \"Invalid credentials.\",\n \"status\": \"ERR_INVALID_CRED\"\n}\n";

    @TempDir
    Path folder;

    private static ApiClient.Response verify(ApiClient api, String user, String password) {
        return api.get("/nodepoint/", "api", "verify_password", "user", user, "password", password, "key", READ_KEY);
    }

    @Test
    void right_password_is_valid() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = verify(api, "DANA", PASSWORD);

                assertThat(response.bytes()).isEqualTo(VALID.getBytes(StandardCharsets.UTF_8));
                assertThat(node.wiring.users.findByName("dana").orElseThrow().lastLoginAt()).isNull();
            });
        }
    }

    @Test
    void wrong_password_is_invalid() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response wrong = verify(api, "dana", PASSWORD + "x");
                ApiClient.Response unknown = verify(api, "nobody", PASSWORD);

                assertThat(wrong.bytes()).isEqualTo(INVALID.getBytes(StandardCharsets.UTF_8));
                assertThat(unknown.bytes()).isEqualTo(INVALID.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void temporary_password_is_invalid() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            String temporary = node.wiring.userManagement.resetPassword(node.admin(), "dana");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = verify(api, "dana", temporary);

                assertThat(response.bytes()).isEqualTo(INVALID.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @Test
    void disabled_level_zero_and_admin_are_invalid() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.user("zero", 0);
            node.wiring.userManagement.setDisabled(node.admin(), "dana", true);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                List<ApiClient.Response> responses = List.of(verify(api, "dana", PASSWORD), verify(api, "zero", PASSWORD),
                        verify(api, "admin", ADMIN_PASSWORD));

                assertThat(responses).allSatisfy(response -> assertThat(response.body()).isEqualTo(INVALID));
            });
        }
    }

    @Test
    void failures_share_sign_in_throttle() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                for (int i = 0; i < 5; i++) {
                    verify(api, "dana", "guess-" + i);
                }

                ApiClient.Response throttled = verify(api, "dana", PASSWORD);
                Browser.Page signIn = new Browser(client.getOrigin()).signIn("dana", PASSWORD);

                assertThat(throttled.message()).isEqualTo("Too many failed attempts. Wait 15 minutes and try again.");
                assertThat(throttled.statusCode()).isEqualTo("ERR_INVALID_CRED");
                assertThat(signIn.status()).isEqualTo(429);
            });
        }
    }

    @Test
    void success_resets_throttle() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());
                for (int i = 0; i < 4; i++) {
                    verify(api, "dana", "guess-" + i);
                }
                verify(api, "dana", PASSWORD);
                for (int i = 0; i < 4; i++) {
                    verify(api, "dana", "guess-" + i);
                }

                ApiClient.Response response = verify(api, "dana", PASSWORD);

                assertThat(response.statusCode()).isEqualTo("OK");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "nothing     | NONE | NONE      | NONE   | Missing 'user' argument.     | ERR_MISSING_ARGUMENT",
        "no password | dana | NONE      | wrong  | Missing 'password' argument. | ERR_MISSING_ARGUMENT",
        "no key      | dana | $password | NONE   | Missing 'key' argument.      | ERR_MISSING_ARGUMENT",
        "wrong key   | dana | $password | wrong  | Invalid 'key' value.         | ERR_INVALID_KEY",
        "write key   | dana | $password | $write | Invalid 'key' value.         | ERR_INVALID_KEY",
    })
    void invalid_request_is_rejected(String label, String user, String password, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            List<String> request = new ArrayList<>(List.of("api", "verify_password"));
            if (user != null) {
                request.addAll(List.of("user", user));
            }
            if (password != null) {
                request.addAll(List.of("password", "$password".equals(password) ? PASSWORD : password));
            }
            if (key != null) {
                request.addAll(List.of("key", ApiClient.resolveKey(key)));
            }
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
            });
        }
    }
}
