package org.nodepoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.syslog.LogEntry;
import org.nodepoint.testing.SharedData;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Viewer;

class ImportCsvCommandTest {
    private static final String FINAL_LINE = "imported \\d+ tickets, rejected \\d+ rows in \\d+\\.\\d s";

    @TempDir
    Path temp;

    /** One imported ticket as stored: its product's name and the fields the import sets. */
    record Stored(String product, String release, String title, String description, int priority, String status, String creator) {
    }

    @BeforeEach
    void initialiseDataFolder() {
        assertThat(CommandRun.of("init", "--data", data().toString(), "--admin-password", "import-password-1").status()).isEqualTo(0);
    }

    private Path data() {
        return temp.resolve("data");
    }

    private Path csv(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private CommandRun importCsv(Path file, String... options) {
        List<String> args = new ArrayList<>(List.of("import-csv", "--data", data().toString()));
        args.addAll(List.of(options));
        args.add(file.toString());
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Wiring open() {
        return new Wiring(data(), TestNodePoint.FAST_HASHING, Clock.systemUTC());
    }

    private List<Stored> tickets() {
        try (Wiring wiring = open()) {
            return wiring.database.read().withHandle(handle -> handle.createQuery(
                    "SELECT p.name, t.release, t.title, t.description, t.priority, t.status, u.name "
                            + "FROM tickets t JOIN products p ON p.id = t.product_id JOIN users u ON u.id = t.created_by ORDER BY t.id")
                    .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7)))
                    .list());
        }
    }

    private int count(String table) {
        try (Wiring wiring = open()) {
            return wiring.database.read().withHandle(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
        }
    }

    private Product product(String name) {
        try (Wiring wiring = open()) {
            Viewer admin = Viewer.of(wiring.users.findByName("admin").orElseThrow());
            return wiring.products.create(admin, new ProductForm(name, "", "", "Public", ""));
        }
    }

    private static String lastLine(CommandRun run) {
        List<String> lines = run.outLines();
        return lines.get(lines.size() - 1);
    }

    @Test
    void real_sample_imports_thousand_tickets() {
        Path sample = SharedData.require("endava_it_tickets_sample_1000.csv");

        CommandRun run = importCsv(sample, "--map", "description=Document", "--map", "product=Topic_group");

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.outLines()).hasSize(1);
        assertThat(lastLine(run)).matches("imported 1000 tickets, rejected 0 rows in \\d+\\.\\d s");
        List<Stored> tickets = tickets();
        assertThat(tickets).hasSize(1000);
        assertThat(tickets).extracting(Stored::product).containsOnly("Hardware", "HR Support", "Access", "Miscellaneous",
                "Storage", "Purchase", "Internal Project", "Administrative rights");
        assertThat(count("products")).isEqualTo(8);
        for (Stored ticket : tickets) {
            String[] words = ticket.description().strip().split("\\s+");
            String expected = String.join(" ", List.of(words).subList(0, Math.min(8, words.length)));
            assertThat(ticket.title()).isEqualTo(expected);
        }
    }

    @Test
    void named_columns_import_every_field() throws IOException {
        try (Wiring wiring = open()) {
            wiring.users.register("carla", "carla-password-1", "carla-password-1", "");
        }
        Path file = csv("named.csv", """
                title,description,product,release,priority,status,created_by
                Printer offline,The printer on floor two is offline,Printers,2.1,high,Open,carla
                """);

        CommandRun run = importCsv(file);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(tickets()).containsExactly(
                new Stored("Printers", "2.1", "Printer offline", "The printer on floor two is offline", 2, "Open", "carla"));
    }

    @Test
    void missing_creator_defaults_to_system() throws IOException {
        Path file = csv("plain.csv", "description,product\nDisk is full,Storage\n");

        importCsv(file);

        assertThat(tickets()).extracting(Stored::creator).containsExactly("system");
        assertThat(tickets()).extracting(Stored::status).containsExactly("New");
        assertThat(tickets()).extracting(Stored::priority).containsExactly(1);
    }

    @Test
    void legacy_layout_reads_product_ids() throws IOException {
        Product laptops = product("Laptops");
        Path file = csv("legacy.csv", "product_id,release_id,title,description,custom\n"
                + laptops.id() + ",1.0,Battery,Battery drains fast,\n"
                + "999,1.0,Ghost,Product does not exist,\n");

        CommandRun run = importCsv(file);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.outLines()).containsExactly("line 3: product 999 not found",
                run.outLines().get(1));
        assertThat(lastLine(run)).matches("imported 1 tickets, rejected 1 rows in .*");
        assertThat(tickets()).containsExactly(new Stored("Laptops", "1.0", "Battery", "Battery drains fast", 1, "New", "system"));
        assertThat(count("products")).isEqualTo(1);
    }

    @Test
    void import_and_init_are_recorded() throws IOException {
        Product laptops = product("Laptops");
        Path file = csv("legacy.csv", "product_id,release_id,title,description,custom\n"
                + laptops.id() + ",1.0,Battery,Battery drains fast,\n"
                + "999,1.0,Ghost,Product does not exist,\n");

        importCsv(file);

        try (Wiring wiring = open()) {
            assertThat(wiring.systemLog.newest(0, 10)).extracting(LogEntry::category, LogEntry::actor, LogEntry::message).containsExactly(
                    tuple("import", "", "Imported 1 tickets from legacy.csv with import-csv; rejected 1 rows"),
                    tuple("system", "", "Wrote the first configuration with the init command; the administrator is admin"));
        }
    }

    @Test
    void mapped_product_column_reads_names() throws IOException {
        Path file = csv("legacy.csv", "product_id,release_id,title,description,custom,team\n"
                + "7,1.0,Battery,Battery drains fast,,Laptops\n");

        CommandRun run = importCsv(file, "--map", "Product=team");

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(tickets()).extracting(Stored::product).containsExactly("Laptops");
    }

    @Test
    void legacy_product_id_must_be_number() throws IOException {
        product("Laptops");
        Path file = csv("legacy.csv", "product_id,release_id,title,description,custom\nLaptops,,Battery,Drains fast,\n");

        CommandRun run = importCsv(file);

        assertThat(run.outLines()).first().isEqualTo("line 2: product_id 'Laptops' is not a number");
        assertThat(count("tickets")).isEqualTo(0);
    }

    @Test
    void zip_with_one_csv_imports() throws IOException {
        Path file = zip("tickets.zip", Map.of("export/tickets.csv", "description,product\nMouse broken,Peripherals\n",
                "export/readme.txt", "not a csv"));

        CommandRun run = importCsv(file);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(lastLine(run)).startsWith("imported 1 tickets, rejected 0 rows");
        assertThat(tickets()).extracting(Stored::description).containsExactly("Mouse broken");
    }

    @Test
    void zip_without_csv_exits_with_usage_error() throws IOException {
        Path file = zip("empty.zip", Map.of("readme.txt", "nothing here"));

        CommandRun run = importCsv(file);

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("contains 0 .csv files");
        assertThat(count("tickets")).isEqualTo(0);
    }

    @Test
    void zip_with_two_csv_exits_with_usage_error() throws IOException {
        Path file = zip("two.zip", Map.of("a.csv", "description,product\nA,P\n", "b.csv", "description,product\nB,P\n"));

        CommandRun run = importCsv(file);

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("contains 2 .csv files");
        assertThat(count("tickets")).isEqualTo(0);
    }

    @Test
    void corrupt_zip_exits_with_usage_error() throws IOException {
        Path file = csv("broken.zip", "this is not a zip archive");

        CommandRun run = importCsv(file);

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("broken.zip");
    }

    @Test
    void byte_order_mark_is_skipped() throws IOException {
        Path file = csv("bom.csv", "\uFEFFtitle,description,product\nShort title,Longer description of it,Desk\n");

        CommandRun run = importCsv(file);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(tickets()).extracting(Stored::title).containsExactly("Short title");
    }

    @Test
    void quoted_fields_keep_line_numbers() throws IOException {
        Path file = csv("quoted.csv", """
                description,product,priority
                "First line, with a comma
                second line
                third line",Desk,Low
                Good row,Desk,Normal
                Bad row,Desk,Urgent
                """);

        CommandRun run = importCsv(file);

        assertThat(run.outLines()).first().isEqualTo("line 6: priority 'Urgent' is not Low, Normal or High");
        assertThat(tickets()).extracting(Stored::description)
                .containsExactly("First line, with a comma\nsecond line\nthird line", "Good row");
    }

    @Test
    void crlf_line_ends_keep_line_numbers() throws IOException {
        Path file = csv("crlf.csv", "description,product,priority\r\n\"Two\r\nlines\",Desk,Low\r\nBad row,Desk,Urgent\r\n");

        CommandRun run = importCsv(file);

        assertThat(run.outLines()).first().isEqualTo("line 4: priority 'Urgent' is not Low, Normal or High");
        assertThat(tickets()).extracting(Stored::description).containsExactly("Two\nlines");
    }

    @Test
    void unterminated_quote_stops_import_briefly() throws IOException {
        Path file = csv("open-quote.csv", "description,product\nGood row,Desk\n\"Never closed,Desk\n");

        CommandRun run = importCsv(file);

        assertThat(run.status()).as(run.err()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("startline 3");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(lastLine(run)).startsWith("imported 1 tickets, rejected 0 rows");
        assertThat(count("tickets")).isEqualTo(1);
    }

    @Test
    void blank_lines_keep_line_numbers() throws IOException {
        Path file = csv("blank.csv", "description,product,status\nGood row,Desk,New\n\n\nBad row,Desk,Pending\n");

        CommandRun run = importCsv(file);

        assertThat(run.outLines()).first().isEqualTo("line 5: status 'Pending' is not one of New, Open, Invalid, Hold, Duplicate, Resolved, Closed");
    }

    @Test
    void bad_rows_are_reported_above_summary() throws IOException {
        Path file = csv("mixed.csv", """
                description,product,priority,status,created_by
                Good one,Desk,High,Open,
                Bad priority,Desk,Urgent,Open,
                Bad status,Desk,Low,Pending,
                Unknown creator,Desk,Low,Open,nobody
                Built-in creator,Desk,Low,Open,api
                Empty description,Desk,Low,Open,
                ,Desk,Low,Open,
                Good two,Desk,low,closed,admin
                """);

        CommandRun run = importCsv(file);

        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.outLines()).containsExactly(
                "line 3: priority 'Urgent' is not Low, Normal or High",
                "line 4: status 'Pending' is not one of New, Open, Invalid, Hold, Duplicate, Resolved, Closed",
                "line 5: user 'nobody' not found",
                "line 6: user 'api' not found",
                "line 8: description is empty",
                run.outLines().get(5));
        assertThat(lastLine(run)).matches("imported 3 tickets, rejected 5 rows in \\d+\\.\\d s");
        assertThat(tickets()).extracting(Stored::description).containsExactly("Good one", "Empty description", "Good two");
    }

    @Test
    void row_with_wrong_column_count_is_rejected() throws IOException {
        Path file = csv("ragged.csv", "description,product\nGood,Desk\nToo,many,columns\n");

        CommandRun run = importCsv(file);

        assertThat(run.outLines()).first().isEqualTo("line 3: has 3 columns, the header has 2");
        assertThat(count("tickets")).isEqualTo(1);
    }

    @Test
    void title_words_option_shortens_titles() throws IOException {
        Path file = csv("words.csv", "description,product\none two three four five,Desk\nsingle,Desk\n");

        importCsv(file, "--title-words", "3");

        assertThat(tickets()).extracting(Stored::title).containsExactly("one two three", "single");
    }

    @Test
    void title_words_out_of_range_exits() throws IOException {
        Path file = csv("words.csv", "description,product\none two,Desk\n");

        CommandRun run = importCsv(file, "--title-words", "0");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--title-words");
    }

    @Test
    void unknown_map_field_exits_naming_it() throws IOException {
        Path file = csv("map.csv", "Body,Group\ntext,Desk\n");

        CommandRun run = importCsv(file, "--map", "description=Body", "--map", "colour=Group");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("'colour'");
        assertThat(count("tickets")).isEqualTo(0);
    }

    @Test
    void unknown_map_column_exits_naming_it() throws IOException {
        Path file = csv("map.csv", "Body,Group\ntext,Desk\n");

        CommandRun run = importCsv(file, "--map", "description=Body", "--map", "product=Team");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("'Team'");
        assertThat(count("tickets")).isEqualTo(0);
    }

    @Test
    void map_without_equals_sign_exits() throws IOException {
        Path file = csv("map.csv", "Body,Group\ntext,Desk\n");

        CommandRun run = importCsv(file, "--map", "description");

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--map");
    }

    @Test
    void missing_product_exits_with_usage_error() throws IOException {
        Path file = csv("noproduct.csv", "description\nSomething broke\n");

        CommandRun run = importCsv(file);

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("--product");
        assertThat(count("tickets")).isEqualTo(0);
    }

    @Test
    void product_option_fills_rows_without_product() throws IOException {
        Path file = csv("default.csv", "description,product\nWith product,Desk\nWithout product,\n");

        importCsv(file, "--product", "General");

        assertThat(tickets()).extracting(Stored::product).containsExactly("Desk", "General");
    }

    @Test
    void missing_file_exits_with_usage_error() {
        CommandRun run = importCsv(temp.resolve("absent.csv"));

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("absent.csv");
    }

    @Test
    void unconfigured_folder_exits_with_usage_error() throws IOException {
        Path file = csv("plain.csv", "description,product\nDisk is full,Storage\n");

        CommandRun run = CommandRun.of("import-csv", "--data", temp.resolve("empty").toString(), file.toString());

        assertThat(run.status()).isEqualTo(NodePoint.USAGE_ERROR);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("nodepoint.cfg");
    }

    @Test
    void repeated_import_gives_same_result() throws IOException {
        Path file = csv("repeat.csv", "description,product,priority\nFirst,Desk,High\nSecond,Lab,Nope\nThird,Desk,Low\n");
        CommandRun first = importCsv(file);
        List<Stored> firstTickets = tickets();
        Path otherData = temp.resolve("other");
        CommandRun.of("init", "--data", otherData.toString(), "--admin-password", "import-password-1");

        CommandRun second = CommandRun.of("import-csv", "--data", otherData.toString(), file.toString());

        assertThat(second.status()).isEqualTo(first.status());
        assertThat(second.outLines().subList(0, 1)).isEqualTo(first.outLines().subList(0, 1));
        assertThat(lastLine(second)).startsWith("imported 2 tickets, rejected 1 rows");
        assertThat(lastLine(first)).startsWith("imported 2 tickets, rejected 1 rows");
        try (Wiring wiring = new Wiring(otherData, TestNodePoint.FAST_HASHING, Clock.systemUTC())) {
            List<String> titles = wiring.database.read().withHandle(handle -> handle.createQuery(
                    "SELECT title FROM tickets ORDER BY id").mapTo(String.class).list());
            assertThat(titles).isEqualTo(firstTickets.stream().map(Stored::title).toList());
        }
    }

    @Test
    void rejected_row_leaves_no_partial_ticket() throws IOException {
        Path file = csv("partial.csv", "product,description\nNew product " + "x".repeat(200) + ",Name too long\n"
                + "Brand new,Fine\n");
        int ticketsBefore = count("tickets");
        int productsBefore = count("products");

        CommandRun run = importCsv(file);

        assertThat(run.outLines()).first().asString().startsWith("line 2: product name is longer than");
        assertThat(count("tickets")).isEqualTo(ticketsBefore + 1);
        assertThat(count("products")).isEqualTo(productsBefore + 1);
        assertThat(count("tickets_fts")).isEqualTo(ticketsBefore + 1);
    }
}
