package org.nodepoint.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.signedInAdmin;
import static org.nodepoint.testing.SystemLogTable.storedText;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;

/** What users management leaves in the system log: new users, level changes, password resets, disabling and enabling. */
class UserRecordsTest {
    private static final String NEW_USER_PASSWORD = "erin-password-4417";

    @TempDir
    Path folder;

    @Test
    void management_actions_record_the_manager() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", Level.USERS_MANAGEMENT);
            node.http((server, client) -> {
                Browser manager = new Browser(client.getOrigin());
                manager.signIn("manager", TestNodePoint.PASSWORD);
                manager.get("/users");
                Map<String, String> form = new LinkedHashMap<>();
                form.put("name", "erin");
                form.put("email", "");
                form.put("level", "2");
                form.put("password", NEW_USER_PASSWORD);
                form.put("password2", NEW_USER_PASSWORD);

                manager.post("/users", form);
                manager.post("/users/erin/level", Map.of("level", "3"));
                Browser.Page reset = manager.post("/users/erin/password", Map.of());
                String temporaryPassword = Jsoup.parse(reset.body()).select("#temporary-password").text();
                manager.post("/users/erin/disable", Map.of());
                manager.post("/users/erin/enable", Map.of());
                List<Row> rows = rows(signedInAdmin(client.getOrigin()));

                assertThat(rows).extracting(Row::category).containsOnly("Users");
                assertThat(rows).extracting(Row::actor).containsOnly("manager");
                assertThat(rows).extracting(Row::message).containsExactly(
                        "Enabled user erin",
                        "Disabled user erin; their sessions ended",
                        "Reset the password of erin; their sessions ended",
                        "Changed the level of erin from 2 to 3",
                        "Created user erin at level 2");
                assertThat(temporaryPassword).isNotBlank();
                assertThat(storedText(node)).doesNotContain(temporaryPassword).doesNotContain(NEW_USER_PASSWORD);
            });
        }
    }

    @Test
    void rejected_level_change_records_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("manager", Level.USERS_MANAGEMENT);
            node.user("erin", 1);
            node.http((server, client) -> {
                Browser manager = new Browser(client.getOrigin());
                manager.signIn("manager", TestNodePoint.PASSWORD);
                manager.get("/users/erin");

                Browser.Page tooHigh = manager.post("/users/erin/level", Map.of("level", "5"));

                assertThat(tooHigh.status()).isEqualTo(422);
                assertThat(rows(signedInAdmin(client.getOrigin()))).isEmpty();
            });
        }
    }
}
