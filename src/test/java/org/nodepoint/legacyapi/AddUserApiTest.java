package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.User;

/**
 * The add_user call. Parameters are checked in the order user, its length, password, its length,
 * key, as in NodePoint 1.x. The stricter name and password rules of this version come after, and
 * each rejection names its rule.
 */
class AddUserApiTest {
    @TempDir
    Path folder;

    @Test
    void user_is_added_with_default_level() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.DEFAULT_LEVEL, "2"))) {
            String expected = "{\n \"message\": \"User added.\",\n \"status\": \"OK\",\n \"user\": \"newbie\"\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", "api", "add_user", "user", "newbie", "password", PASSWORD,
                        "key", WRITE_KEY, "email", "newbie@example.com");

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                User user = node.wiring.users.findByName("newbie").orElseThrow();
                assertThat(user.level()).isEqualTo(2);
                assertThat(user.email()).isEqualTo("newbie@example.com");
                assertThat(user.mustChangePassword()).isFalse();
                assertThat(node.wiring.users.authenticate("newbie", PASSWORD)).isPresent();
            });
        }
    }

    @Test
    void name_keeps_only_legacy_characters() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_user", "user", "John Smith!", "password", PASSWORD, "key", WRITE_KEY);

                assertThat(response.json().path("user").asText()).isEqualTo("JohnSmith");
                assertThat(node.wiring.users.findByName("JohnSmith")).isPresent();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "nothing             | NONE        | NONE         | NONE   | NONE   | Missing 'user' argument.                                                | ERR_MISSING_ARGUMENT",
        "short name          | ab          | NONE         | NONE   | NONE   | Bad length for 'user' argument (between 3 and 20 characters).          | ERR_ARGUMENT_LENGTH",
        "long name           | abcdefghijklmnopqrstu | NONE | NONE | NONE   | Bad length for 'user' argument (between 3 and 20 characters).          | ERR_ARGUMENT_LENGTH",
        "short after cleanup | 'a b!'      | NONE         | NONE   | NONE   | Bad length for 'user' argument (between 3 and 20 characters).          | ERR_ARGUMENT_LENGTH",
        "no password         | newbie      | NONE         | NONE   | NONE   | Missing 'password' argument.                                            | ERR_MISSING_ARGUMENT",
        "short password      | newbie      | seven77      | wrong  | NONE   | Bad length for 'password' argument (between 8 and 128 characters).     | ERR_ARGUMENT_LENGTH",
        "no key              | newbie      | $password    | NONE   | NONE   | Missing 'key' argument.                                                 | ERR_MISSING_ARGUMENT",
        "wrong key           | newbie      | $password    | wrong  | NONE   | Invalid 'key' value.                                                    | ERR_INVALID_KEY",
        "read key            | newbie      | $password    | $read  | NONE   | Invalid 'key' value.                                                    | ERR_INVALID_KEY",
        "underscore          | new_bie     | $password    | $write | NONE   | Invalid 'user' value (letters, digits, dots and dashes only).           | ERR_INVALID_ARGUMENT",
        "reserved            | System      | $password    | $write | NONE   | Invalid 'user' value (reserved name).                                   | ERR_INVALID_ARGUMENT",
        "admin name          | ADMIN       | $password    | $write | NONE   | Invalid 'user' value (reserved name).                                   | ERR_INVALID_ARGUMENT",
        "common password     | newbie      | qwertyuiop   | $write | NONE   | Invalid 'password' value (one of the 1,000 most common passwords).      | ERR_INVALID_ARGUMENT",
        "invalid email       | newbie      | $password    | $write | name@localhost | Invalid 'email' value (not a valid e-mail address).       | ERR_INVALID_ARGUMENT",
        "taken, other case   | DANA        | $password    | $write | NONE   | User already exist.                                                     | ERR_INVALID_ARGUMENT",
    })
    void invalid_request_is_rejected(String label, String user, String password, String key, String email, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            List<String> request = new ArrayList<>(List.of("api", "add_user"));
            add(request, "user", user);
            add(request, "password", "$password".equals(password) ? PASSWORD : password);
            add(request, "key", key == null ? null : ApiClient.resolveKey(key));
            add(request, "email", email);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(response.json().has("user")).isFalse();
                assertThat(node.wiring.users.listLocalInCreationOrder()).extracting(User::name).containsExactly("dana");
            });
        }
    }

    @Test
    void password_length_follows_setting() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MIN_PASSWORD_LENGTH, "20"))) {
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/", "api", "add_user", "user", "newbie", "password", PASSWORD, "key", WRITE_KEY);

                assertThat(response.message()).isEqualTo("Bad length for 'password' argument (between 20 and 128 characters).");
                assertThat(response.statusCode()).isEqualTo("ERR_ARGUMENT_LENGTH");
            });
        }
    }

    private static void add(List<String> request, String name, String value) {
        if (value != null) {
            request.addAll(List.of(name, value));
        }
    }
}
