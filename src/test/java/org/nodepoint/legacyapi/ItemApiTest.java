package org.nodepoint.legacyapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.testing.TestNodePoint.READ_KEY;
import static org.nodepoint.testing.TestNodePoint.WRITE_KEY;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nodepoint.events.Origin;
import org.nodepoint.inventory.Item;
import org.nodepoint.inventory.ItemForm;
import org.nodepoint.inventory.ItemRules;
import org.nodepoint.inventory.ItemStatus;
import org.nodepoint.projects.Product;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;

/** The inventory calls add_item, list_items, update_item, assign_item and return_item: every response body, exactly. */
class ItemApiTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private User rita;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        rita = node.user("rita", Level.AUTHORIZED);
        node.user("zero", Level.UNAUTHORIZED);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static String envelope(String message, String status) {
        return "{\n \"message\": \"" + message + "\",\n \"status\": \"" + status + "\"\n}\n";
    }

    private long item(String name, String serial) {
        return node.wiring.items.add(node.admin(), new ItemForm(name, "Laptop", serial, "", "", false, "Shelf 4"),
                ItemRules.TypeRule.LISTED, Submission.NONE);
    }

    private String call(String... namesAndValues) {
        String[] body = new String[1];
        node.http((server, client) -> body[0] = new ApiClient(client.getOrigin()).post("/nodepoint/", namesAndValues).body());
        return body[0];
    }

    @Test
    void add_item_stores_item() {
        Product product = node.product("Desks", "Public");

        String answer = call("api", "add_item", "key", WRITE_KEY, "type", "web server!", "name", "Rack 7", "serial", "R-7",
                "info", "Row 2", "approval", "1", "product_id", String.valueOf(product.id()), "client_id", "0");

        assertThat(answer).isEqualTo(envelope("Item added.", "OK"));
        Item item = node.wiring.items.listAll().get(0);
        assertThat(item.name()).isEqualTo("Rack 7");
        assertThat(item.type()).isEqualTo("Web server");
        assertThat(item.serial()).isEqualTo("R-7");
        assertThat(item.info()).isEqualTo("Row 2");
        assertThat(item.needsApproval()).isTrue();
        assertThat(item.productId()).isEqualTo(product.id());
        assertThat(item.clientId()).isNull();
        assertThat(item.state()).isEqualTo(ItemStatus.AVAILABLE);
    }

    @Test
    void add_item_takes_empty_optional_values() {
        String answer = call("api", "add_item", "key", WRITE_KEY, "type", "LAPTOP", "name", "Spare", "serial", "", "info", "",
                "approval", "", "product_id", "", "client_id", "");

        assertThat(answer).isEqualTo(envelope("Item added.", "OK"));
        Item item = node.wiring.items.listAll().get(0);
        assertThat(item.type()).isEqualTo("Laptop");
        assertThat(item.serial()).isNull();
        assertThat(item.needsApproval()).isFalse();
    }

    static Stream<Arguments> addItemErrors() {
        return Stream.of(
                Arguments.of(new String[] {"name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Missing 'type' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Missing 'name' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Missing 'serial' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Missing 'info' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Missing 'approval' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "approval", "0", "client_id", "0", "key", "$write"},
                        envelope("Missing 'product_id' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "0", "key", "$write"},
                        envelope("Missing 'client_id' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "0"},
                        envelope("Missing 'key' argument.", "ERR_MISSING_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$read"},
                        envelope("Invalid 'key' value.", "ERR_INVALID_KEY")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "taken-1", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Serial number already exist.", "ERR_INVALID_ARGUMENT")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "999", "client_id", "0", "key", "$write"},
                        envelope("Invalid 'product_id' value.", "ERR_INVALID_PRODUCT_ID")),
                Arguments.of(new String[] {"type", "Laptop", "name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "999", "key", "$write"},
                        envelope("Invalid 'client_id' value.", "ERR_INVALID_ARGUMENT")),
                Arguments.of(new String[] {"type", "!!!", "name", "N", "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Bad length for 'type' argument (between 1 and 30 letters or digits).", "ERR_ARGUMENT_LENGTH")),
                Arguments.of(new String[] {"type", "Laptop", "name", "x".repeat(101), "serial", "S", "info", "", "approval", "0", "product_id", "0", "client_id", "0", "key", "$write"},
                        envelope("Bad length for 'name' argument (between 1 and 100 characters).", "ERR_ARGUMENT_LENGTH")));
    }

    @ParameterizedTest
    @MethodSource("addItemErrors")
    void add_item_error_answers(String[] parameters, String expected) {
        item("Existing", "TAKEN-1");
        String[] request = new String[parameters.length + 2];
        request[0] = "api";
        request[1] = "add_item";
        for (int i = 0; i < parameters.length; i++) {
            request[i + 2] = ApiClient.resolveKey(parameters[i]);
        }

        String answer = call(request);

        assertThat(answer).isEqualTo(expected);
        assertThat(node.wiring.items.listAll()).hasSize(1);
    }

    @Test
    void list_items_has_exact_layout() {
        long id = item("ThinkPad", "TP-1");
        node.wiring.items.setExpiry(node.admin(), id, LocalDate.parse("2026-12-31"));
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);
        long spare = item("Spare", null);
        node.wiring.items.makeUnavailable(node.admin(), spare);

        String answer = call("api", "list_items", "key", READ_KEY);

        assertThat(answer).isEqualTo("{\n \"message\": \"Items list.\",\n \"status\": \"OK\",\n \"items\": [\n"
                + "  {\n   \"id\": \"" + id + "\",\n   \"name\": \"ThinkPad\",\n   \"type\": \"Laptop\",\n   \"serial\": \"TP-1\",\n"
                + "   \"product_id\": \"0\",\n   \"client_id\": \"0\",\n   \"approval\": \"0\",\n   \"status\": \"3\",\n"
                + "   \"expiration\": \"12/31/2026\",\n   \"user\": \"rita\"\n  },\n"
                + "  {\n   \"id\": \"" + spare + "\",\n   \"name\": \"Spare\",\n   \"type\": \"Laptop\",\n   \"serial\": \"\",\n"
                + "   \"product_id\": \"0\",\n   \"client_id\": \"0\",\n   \"approval\": \"0\",\n   \"status\": \"0\",\n"
                + "   \"expiration\": \"\",\n   \"user\": \"\"\n  }\n ]\n}\n");
    }

    @Test
    void list_items_without_items_is_empty_array() {
        assertThat(call("api", "list_items", "key", READ_KEY))
                .isEqualTo("{\n \"message\": \"Items list.\",\n \"status\": \"OK\",\n \"items\": [\n\n ]\n}\n");
        assertThat(call("api", "list_items", "key", WRITE_KEY)).isEqualTo(envelope("Invalid 'key' value.", "ERR_INVALID_KEY"));
    }

    @Test
    void update_item_changes_given_values() {
        long id = item("ThinkPad", "TP-1");

        String answer = call("api", "update_item", "key", WRITE_KEY, "id", String.valueOf(id), "name", "ThinkPad T14",
                "expiration", "12/31/2026", "approval", "1", "serial", "0", "type", "desktop");

        assertThat(answer).isEqualTo(envelope("Item updated.", "OK"));
        Item item = node.wiring.items.find(id);
        assertThat(item.name()).isEqualTo("ThinkPad T14");
        assertThat(item.type()).isEqualTo("Desktop");
        assertThat(item.serial()).isEqualTo("TP-1");
        assertThat(item.info()).isEqualTo("Shelf 4");
        assertThat(item.needsApproval()).isTrue();
        assertThat(item.expiresOn()).isEqualTo("2026-12-31");
    }

    @Test
    void serial_differing_in_accented_case_is_taken() {
        item("Existing", "ÄBC-1");

        String answer = call("api", "add_item", "key", WRITE_KEY, "type", "Laptop", "name", "N", "serial", "äbc-1", "info", "",
                "approval", "0", "product_id", "0", "client_id", "0");

        assertThat(answer).isEqualTo(envelope("Serial number already exist.", "ERR_INVALID_ARGUMENT"));
    }

    @Test
    void update_item_error_answers() {
        long id = item("ThinkPad", "TP-1");
        item("Other", "TP-2");

        String impossible = call("api", "update_item", "key", WRITE_KEY, "id", String.valueOf(id), "expiration", "13/40/2024");
        String wrongLayout = call("api", "update_item", "key", WRITE_KEY, "id", String.valueOf(id), "expiration", "2024-12-31");
        String unknown = call("api", "update_item", "key", WRITE_KEY, "id", "999", "name", "X");
        String noId = call("api", "update_item", "key", WRITE_KEY, "name", "X");
        String taken = call("api", "update_item", "key", WRITE_KEY, "id", String.valueOf(id), "serial", "tp-2");
        String badKey = call("api", "update_item", "key", READ_KEY, "id", String.valueOf(id));

        assertThat(impossible).isEqualTo(envelope("Expiration format must be mm/dd/yyyy.", "ERR_INVALID_ARGUMENT"));
        assertThat(wrongLayout).isEqualTo(envelope("Expiration format must be mm/dd/yyyy.", "ERR_INVALID_ARGUMENT"));
        assertThat(unknown).isEqualTo(envelope("Item not found.", "ERR_INVALID_ID"));
        assertThat(noId).isEqualTo(envelope("Missing 'id' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(taken).isEqualTo(envelope("Serial number already exist.", "ERR_INVALID_ARGUMENT"));
        assertThat(badKey).isEqualTo(envelope("Invalid 'key' value.", "ERR_INVALID_KEY"));
        assertThat(node.wiring.items.find(id).expiresOn()).isNull();
        assertThat(node.wiring.items.find(id).serial()).isEqualTo("TP-1");
    }

    @Test
    void assign_item_checks_out_to_user() {
        long id = item("ThinkPad", "TP-1");

        String answer = call("api", "assign_item", "key", WRITE_KEY, "id", String.valueOf(id), "user", "RITA");

        assertThat(answer).isEqualTo(envelope("Item assigned.", "OK"));
        Item item = node.wiring.items.find(id);
        assertThat(item.state()).isEqualTo(ItemStatus.CHECKED_OUT);
        assertThat(item.holderId()).isEqualTo(rita.id());
        assertThat(node.wiring.items.show(node.admin(), id).history().get(0).actorName()).isEqualTo("api");
    }

    @Test
    void assign_item_error_answers() {
        long id = item("ThinkPad", "TP-1");
        long unavailable = item("Spare", "TP-2");
        node.wiring.items.makeUnavailable(node.admin(), unavailable);

        String noUser = call("api", "assign_item", "key", WRITE_KEY, "id", String.valueOf(id));
        String noId = call("api", "assign_item", "key", WRITE_KEY, "user", "rita");
        String levelZero = call("api", "assign_item", "key", WRITE_KEY, "id", String.valueOf(id), "user", "zero");
        String unknownUser = call("api", "assign_item", "key", WRITE_KEY, "id", String.valueOf(id), "user", "nobody");
        String unknownItem = call("api", "assign_item", "key", WRITE_KEY, "id", "999", "user", "rita");
        String notAvailable = call("api", "assign_item", "key", WRITE_KEY, "id", String.valueOf(unavailable), "user", "rita");

        assertThat(noUser).isEqualTo(envelope("Missing 'user' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(noId).isEqualTo(envelope("Missing 'id' argument.", "ERR_MISSING_ARGUMENT"));
        String invalidUser = envelope("Invalid 'user' value (no enabled user of level 1 or higher has this name).", "ERR_INVALID_ARGUMENT");
        assertThat(levelZero).isEqualTo(invalidUser);
        assertThat(unknownUser).isEqualTo(invalidUser);
        assertThat(unknownItem).isEqualTo(envelope("Item not found.", "ERR_INVALID_ID"));
        assertThat(notAvailable).isEqualTo(envelope("Item is not available.", "ERR_INVALID_ARGUMENT"));
        assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.AVAILABLE);
    }

    @Test
    void return_item_makes_item_available() {
        long id = item("ThinkPad", "TP-1");
        node.wiring.items.checkouts().checkOut(node.viewer(rita), id, Origin.WEB);

        String answer = call("api", "return_item", "key", WRITE_KEY, "id", String.valueOf(id));
        String again = call("api", "return_item", "key", WRITE_KEY, "id", String.valueOf(id));
        String unknown = call("api", "return_item", "key", WRITE_KEY, "id", "999");
        String noId = call("api", "return_item", "key", WRITE_KEY);

        assertThat(answer).isEqualTo(envelope("Item returned.", "OK"));
        assertThat(again).isEqualTo(envelope("Item is not checked out.", "ERR_INVALID_ARGUMENT"));
        assertThat(unknown).isEqualTo(envelope("Item not found.", "ERR_INVALID_ID"));
        assertThat(noId).isEqualTo(envelope("Missing 'id' argument.", "ERR_MISSING_ARGUMENT"));
        assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.AVAILABLE);
        assertThat(node.wiring.items.show(node.admin(), id).history().get(0).userName()).isEqualTo("rita");
    }
}
