package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.TestDirectory;
import org.nodepoint.testing.TestNodePoint;

/** The account API calls while a directory checks passwords. */
class DirectoryApiTest {
    @TempDir
    Path folder;

    @Test
    void api_calls_follow_the_directory() throws Exception {
        try (TestDirectory directory = new TestDirectory();
                TestNodePoint node = TestNodePoint.configured(folder, directory.activeDirectorySettings())) {
            node.user("dana", 1);
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response valid = api.get("/nodepoint/", "api", "verify_password", "user", "alice",
                        "password", TestDirectory.ALICE_PASSWORD, "key", READ_KEY);
                ApiClient.Response wrong = api.get("/nodepoint/", "api", "verify_password", "user", "alice",
                        "password", "wrong-password-1", "key", READ_KEY);
                ApiClient.Response local = api.get("/nodepoint/", "api", "verify_password", "user", "dana",
                        "password", TestNodePoint.PASSWORD, "key", READ_KEY);
                ApiClient.Response added = api.get("/nodepoint/", "api", "add_user", "user", "erin", "password", "Erin-pass-4821",
                        "key", WRITE_KEY);
                ApiClient.Response changed = api.get("/nodepoint/", "api", "change_password", "user", "dana", "password", "Dana-pass-4821",
                        "key", WRITE_KEY);

                assertThat(valid.statusCode()).isEqualTo("OK");
                assertThat(wrong.statusCode()).isEqualTo("ERR_INVALID_CRED");
                assertThat(local.statusCode()).isEqualTo("ERR_INVALID_CRED");
                assertThat(added.statusCode()).isEqualTo("ERR_AD_ENABLED");
                assertThat(added.body()).contains("\"message\": \"Users are synchronized with Active Directory.\"");
                assertThat(changed.statusCode()).isEqualTo("ERR_AD_ENABLED");
                assertThat(changed.body()).contains("\"message\": \"Passwords are synchronized with Active Directory.\"");
                assertThat(node.wiring.users.findByName("erin")).isEmpty();
                assertThat(node.wiring.users.findByName("alice").orElseThrow().lastLoginAt()).isNull();
            });
        }
    }

    @Test
    void verify_password_reports_unavailable_directory() throws Exception {
        try (TestDirectory directory = new TestDirectory();
                TestNodePoint node = TestNodePoint.configured(folder, directory.searchSettings())) {
            directory.stop();
            node.http((server, client) -> {
                ApiClient.Response response = new ApiClient(client.getOrigin()).get("/nodepoint/", "api", "verify_password",
                        "user", "alice", "password", TestDirectory.ALICE_PASSWORD, "key", READ_KEY);

                assertThat(response.statusCode()).isEqualTo("ERR_AD_CONNECTION");
                assertThat(response.body()).contains("\"message\": \"Could not connect to AD server.\"");
            });
        }
    }
}
