package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/** The change_password call, checked in the order user, password, its length, key. It ends the user's sessions. */
class ChangePasswordApiTest {
    private static final String NEW_PASSWORD = "fresh-password-2";

    @TempDir
    Path folder;

    @Test
    void password_is_changed_and_sessions_end() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            String token = node.wiring.sessions.start(dana);
            String expected = "{\n \"message\": \"Password changed.\",\n \"status\": \"OK\"\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", "api", "change_password", "user", "Dana",
                        "password", NEW_PASSWORD, "key", WRITE_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(node.wiring.sessions.resolve(token)).isEmpty();
                assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isEmpty();
                assertThat(node.wiring.users.authenticate("dana", NEW_PASSWORD)).isPresent();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "nothing         | NONE   | NONE       | NONE   | Missing 'user' argument.                                            | ERR_MISSING_ARGUMENT",
        "no password     | dana   | NONE       | wrong  | Missing 'password' argument.                                        | ERR_MISSING_ARGUMENT",
        "short password  | dana   | seven77    | wrong  | Bad length for 'password' argument (between 8 and 128 characters). | ERR_ARGUMENT_LENGTH",
        "no key          | dana   | $password  | NONE   | Missing 'key' argument.                                             | ERR_MISSING_ARGUMENT",
        "read key        | dana   | $password  | $read  | Invalid 'key' value.                                                | ERR_INVALID_KEY",
        "unknown user    | nobody | $password  | $write | Invalid user name.                                                  | ERR_INVALID_CRED",
        "admin           | admin  | $password  | $write | Invalid user name.                                                  | ERR_INVALID_CRED",
        "built-in        | api    | $password  | $write | Invalid user name.                                                  | ERR_INVALID_CRED",
        "common password | dana   | iloveyou   | $write | Invalid 'password' value (one of the 1,000 most common passwords).  | ERR_INVALID_ARGUMENT",
    })
    void invalid_request_is_rejected(String label, String user, String password, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            String token = node.wiring.sessions.start(dana);
            List<String> request = new ArrayList<>(List.of("api", "change_password"));
            if (user != null) {
                request.addAll(List.of("user", user));
            }
            if (password != null) {
                request.addAll(List.of("password", "$password".equals(password) ? NEW_PASSWORD : password));
            }
            if (key != null) {
                request.addAll(List.of("key", ApiClient.resolveKey(key)));
            }
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isPresent();
                assertThat(node.wiring.sessions.resolve(token)).isPresent();
                assertThat(node.wiring.users.authenticate("admin", TestNodePoint.ADMIN_PASSWORD)).isPresent();
            });
        }
    }
}
