package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.testing.TestNodePoint;

/** The list_users call: every local account in creation order, without the administrator and the built-in actors. */
class ListUsersApiTest {
    @TempDir
    Path folder;

    @Test
    void users_list_has_exact_layout() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.users.register("zoe", TestNodePoint.PASSWORD, TestNodePoint.PASSWORD, "zoe@example.com");
            node.user("anna", 3);
            node.wiring.userManagement.setDisabled(node.admin(), "anna", true);
            String expected = """
                    {
                     "message": "Users list.",
                     "status": "OK",
                     "users": [
                      {
                       "name": "zoe",
                       "access_level": "1",
                       "email": "zoe@example.com"
                      },
                      {
                       "name": "anna",
                       "access_level": "3",
                       "email": ""
                      }
                     ]
                    }
                    """;
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", "api", "list_users", "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                assertThat(response.mediaType()).isEqualTo("text/plain");
            });
        }
    }

    @Test
    void no_local_users_gives_empty_list() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            String expected = "{\n \"message\": \"Users list.\",\n \"status\": \"OK\",\n \"users\": [\n\n ]\n}\n";
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.post("/", "api", "list_users", "key", READ_KEY);

                assertThat(response.bytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "no key    | NONE   | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "empty key | ''     | Missing 'key' argument. | ERR_MISSING_ARGUMENT",
        "wrong key | wrong  | Invalid 'key' value.    | ERR_INVALID_KEY",
        "write key | $write | Invalid 'key' value.    | ERR_INVALID_KEY",
    })
    void invalid_request_is_rejected(String label, String key, String message, String code) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            List<String> request = new ArrayList<>(List.of("api", "list_users"));
            if (key != null) {
                request.addAll(List.of("key", ApiClient.resolveKey(key)));
            }
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response response = api.get("/nodepoint/", request.toArray(String[]::new));

                assertThat(response.message()).isEqualTo(message);
                assertThat(response.statusCode()).isEqualTo(code);
                assertThat(response.json().has("users")).isFalse();
            });
        }
    }
}
