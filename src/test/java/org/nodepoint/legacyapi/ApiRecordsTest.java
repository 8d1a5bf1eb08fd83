package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.nodepoint.testing.SystemLogTable.LOOPBACK;
import static org.nodepoint.testing.SystemLogTable.rows;
import static org.nodepoint.testing.SystemLogTable.signedInAdmin;
import static org.nodepoint.testing.SystemLogTable.storedText;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.SystemLogTable.Row;
import org.nodepoint.testing.TestNodePoint;

/** What legacy API calls leave in the system log: every write, failed password checks, and nothing for reads. */
class ApiRecordsTest {
    private static final String NEW_USER_PASSWORD = "erin-password-5520";
    private static final String CHANGED_PASSWORD = "dana-password-9034";
    private static final String WRONG_PASSWORD = "wrong-password-2291";

    @TempDir
    Path folder;

    @Test
    void write_calls_record_key_and_impersonation() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.API_IMPERSONATION, "on"))) {
            node.user("dana", 1);
            Product desk = node.product("Desk", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                ApiClient.Response ticket = api.post("/", "api", "add_ticket", "key", TestNodePoint.WRITE_KEY, "product_id",
                        String.valueOf(desk.id()), "release_id", "1.0", "title", "Printer jammed", "description", "Tray 2", "from_user", "dana");
                String ticketId = ticket.message().replaceAll("\\D", "");
                api.post("/nodepoint/", "api", "add_comment", "key", TestNodePoint.WRITE_KEY, "id", ticketId, "comment", "Cleared");
                api.post("/", "api", "add_user", "key", TestNodePoint.WRITE_KEY, "user", "erin", "password", NEW_USER_PASSWORD);
                api.post("/", "api", "change_password", "key", TestNodePoint.WRITE_KEY, "user", "dana", "password", CHANGED_PASSWORD);
                List<Row> rows = rows(signedInAdmin(client.getOrigin()));
                long erinId = node.wiring.users.findByName("erin").orElseThrow().id();
                long danaId = node.wiring.users.findByName("dana").orElseThrow().id();

                assertThat(ticket.statusCode()).isEqualTo("OK");
                assertThat(rows).extracting(Row::category).containsExactly("API", "API", "Users", "API", "API");
                assertThat(rows.get(4).actor()).isEqualTo("dana");
                assertThat(rows.get(4).message()).matches("add_ticket with the write key from " + LOOPBACK + " as dana \\(from_user\\): ticket "
                        + ticketId);
                assertThat(rows.get(3).actor()).matches(LOOPBACK);
                assertThat(rows.get(3).message()).matches("add_comment with the write key from " + LOOPBACK + ": comment \\d+ on ticket "
                        + ticketId);
                assertThat(rows.get(2).message()).isEqualTo("Created user erin at level 1 through the API call add_user");
                assertThat(rows.get(1).message()).matches("add_user with the write key from " + LOOPBACK + ": user " + erinId);
                assertThat(rows.get(0).message()).matches("change_password with the write key from " + LOOPBACK + ": password of user "
                        + danaId + "; their sessions ended");
                for (String secret : List.of(TestNodePoint.WRITE_KEY, TestNodePoint.READ_KEY, NEW_USER_PASSWORD, CHANGED_PASSWORD)) {
                    assertThat(storedText(node)).doesNotContain(secret);
                }
            });
        }
    }

    @Test
    void reads_and_rejected_writes_record_nothing() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product desk = node.product("Desk", "Public");
            node.http((server, client) -> {
                ApiClient api = new ApiClient(client.getOrigin());

                api.get("/nodepoint/", "api", "list_products", "key", TestNodePoint.READ_KEY);
                ApiClient.Response readKey = api.post("/", "api", "add_ticket", "key", TestNodePoint.READ_KEY, "product_id",
                        String.valueOf(desk.id()), "release_id", "1.0", "title", "Printer jammed", "description", "Tray 2");
                ApiClient.Response noImpersonation = api.post("/", "api", "add_ticket", "key", TestNodePoint.WRITE_KEY, "product_id",
                        String.valueOf(desk.id()), "release_id", "1.0", "title", "Printer jammed", "description", "Tray 2", "from_user", "dana");

                assertThat(readKey.statusCode()).isEqualTo("ERR_INVALID_KEY");
                assertThat(noImpersonation.statusCode()).isEqualTo("ERR_INVALID_ARGUMENT");
                assertThat(rows(signedInAdmin(client.getOrigin()))).isEmpty();
            });
        }
    }

    @Test
    void failed_verify_password_records_name_and_address() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.user("dana", 1);
            node.http((server, client) -> {
                ApiClient.Response failed = new ApiClient(client.getOrigin()).get("/nodepoint/", "api", "verify_password",
                        "key", TestNodePoint.READ_KEY, "user", "dana", "password", WRONG_PASSWORD);

                List<Row> rows = rows(signedInAdmin(client.getOrigin()));

                assertThat(failed.statusCode()).isEqualTo("ERR_INVALID_CRED");
                assertThat(rows).extracting(Row::category, Row::actor).containsExactly(tuple("Sign-in", "dana"));
                assertThat(rows.get(0).message()).matches("Failed password check from " + LOOPBACK + " through the API call verify_password");
                assertThat(storedText(node)).doesNotContain(WRONG_PASSWORD);
            });
        }
    }
}
