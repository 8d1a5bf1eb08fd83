package org.nodepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.Wiring;
import org.nodepoint.inventory.Item;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.SharedData;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Viewer;

/** import-csv --kind items: inventory items from a CSV file, checked with the rules of the item form. */
class ItemImportCommandTest {
    private static final String SUMMARY = "imported \\d+ items, rejected \\d+ rows in \\d+\\.\\d s";

    @TempDir
    Path temp;

    @BeforeEach
    void initialiseDataFolder() {
        assertThat(CommandRun.of("init", "--data", data().toString(), "--admin-password", "import-password-1").status()).isEqualTo(0);
    }

    private Path data() {
        return temp.resolve("data");
    }

    private Path csv(String content) throws IOException {
        Path file = temp.resolve("items.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private CommandRun importItems(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("import-csv", "--kind", "items", "--data", data().toString()));
        args.addAll(List.of(options));
        args.add(file.toString());
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Wiring open() {
        return new Wiring(data(), TestNodePoint.FAST_HASHING, Clock.systemUTC());
    }

    private List<Item> items() {
        try (Wiring wiring = open()) {
            return wiring.items.listAll();
        }
    }

    @Test
    void named_columns_import_every_field() throws IOException {
        try (Wiring wiring = open()) {
            Viewer admin = Viewer.of(wiring.users.findByName("admin").orElseThrow());
            wiring.products.create(admin, new ProductForm("Desks", "", "", "Public", ""));
        }
        Path file = csv("name,type,serial,product,client,approval,info,expiration\n"
                + "ThinkPad T14,laptop,TP-1,desks,,yes,Locker 4,2026-12-31\n"
                + "Label printer,,,,,no,,12/31/2027\n");

        CommandRun run = importItems(file);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.outLines()).singleElement().asString().matches("imported 2 items, rejected 0 rows in \\d+\\.\\d s");
        List<Item> items = items();
        assertThat(items).extracting(Item::name, Item::type, Item::serial, Item::productName, Item::needsApproval, Item::info, Item::expiresOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ThinkPad T14", "Laptop", "TP-1", "Desks", true, "Locker 4", "2026-12-31"),
                        org.assertj.core.groups.Tuple.tuple("Label printer", "Other", null, null, false, "", "2027-12-31"));
    }

    @Test
    void repeated_serial_is_rejected_with_line() throws IOException {
        Path file = csv("name,serial\n"
                + "Dock A,SN-1\n"
                + "Dock B,\n"
                + "Dock C,sn-1\n"
                + "Dock D,\n"
                + "Dock E,ÄBC\n"
                + "Dock F,äbc\n");

        CommandRun run = importItems(file);

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).isEqualTo("line 4: serial 'sn-1' repeats the serial of line 2");
        assertThat(run.outLines().get(1)).isEqualTo("line 7: serial 'äbc' repeats the serial of line 6");
        assertThat(run.outLines().get(2)).matches("imported 4 items, rejected 2 rows in \\d+\\.\\d s");
        assertThat(items()).extracting(Item::name).containsExactly("Dock A", "Dock B", "Dock D", "Dock E");
    }

    @Test
    void serial_of_stored_item_is_rejected() throws IOException {
        importItems(csv("name,serial\nDock A,SN-1\n"));

        CommandRun again = importItems(csv("name,serial\nDock A again,Sn-1\n"));

        assertThat(again.outLines().get(0)).isEqualTo("line 2: serial 'Sn-1' is already used by item 1");
        assertThat(items()).extracting(Item::name).containsExactly("Dock A");
    }

    @Test
    void invalid_rows_name_each_reason() throws IOException {
        Path file = csv("name,type,approval,expiration,product\n"
                + ",Laptop,maybe,2026-02-30,\n"
                + "Van,Vehicle,,,Unknown project\n"
                + "Drill,Tool,,,\n");

        CommandRun run = importItems(file);

        assertThat(run.outLines().get(0)).isEqualTo("line 2: name: The name is required and may have at most 100 characters.; "
                + "approval: 'maybe' is not yes, no, 1, 0, true, false, on or off; "
                + "expiration: '2026-02-30' is not a real date in the form yyyy-mm-dd or mm/dd/yyyy");
        assertThat(run.outLines().get(1)).isEqualTo("line 3: project 'Unknown project' not found");
        assertThat(run.outLines().get(2)).matches("imported 1 items, rejected 2 rows in \\d+\\.\\d s");
        assertThat(items()).extracting(Item::name).containsExactly("Drill");
    }

    @Test
    void missing_name_column_exits_with_usage_error() throws IOException {
        CommandRun run = importItems(csv("title,serial\nDock,SN-1\n"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no name column: add --map name=COLUMN (header: title, serial)");
    }

    @Test
    void product_option_is_for_tickets_only() throws IOException {
        CommandRun run = importItems(csv("name\nDock\n"), "--product", "Desks");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--product applies to tickets only");
    }

    @Test
    void import_is_recorded_in_system_log() throws IOException {
        importItems(csv("name,serial\nDock A,SN-1\nDock B,SN-1\n"));

        try (Wiring wiring = open()) {
            assertThat(wiring.systemLog.newest(0, 5)).extracting(LogEntry::message)
                    .contains("Imported 1 items from items.csv with import-csv; rejected 1 rows");
        }
    }

    @Test
    void real_hardware_assets_import() {
        Path assets = SharedData.require("insightbench_hardware_assets_flag16.csv");

        CommandRun run = importItems(assets, "--map", "name=display_name", "--map", "serial=serial_number",
                "--map", "type=model_category", "--map", "expiration=warranty_expiration");

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.outLines()).last().asString().matches(SUMMARY);
        List<Item> items = items();
        assertThat(items).hasSize(500 - (run.outLines().size() - 1));
        assertThat(items).extracting(Item::type).contains("Computer", "Storage Device", "Web Server");
        assertThat(items).filteredOn(item -> item.serial() == null).isNotEmpty();
    }
}
