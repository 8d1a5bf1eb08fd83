package org.nodepoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The permission matrix of src/test/resources/permission-matrix.csv: one row per route and
 * request, with the expected outcome for each actor. The header of the file explains the columns.
 */
public final class PermissionTable {
    public static final String RESOURCE = "/permission-matrix.csv";
    /** The actor columns, in order: a guest, users of levels 0 to 5, and the administrator. */
    public static final List<String> ACTORS = List.of("guest", "0", "1", "2", "3", "4", "5", "admin");
    private static final List<String> FIRST_COLUMNS = List.of("method", "route", "request", "form");
    private static final Set<String> OUTCOMES = Set.of("ok", "login", "403", "404", "api");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$[A-Za-z]+");

    /** One row. The {@code line} is its record number, for messages. */
    public record Row(long line, String method, String route, String request, String form, Map<String, String> outcomes) {
        public String describe() {
            return method + " " + request + (form.isEmpty() ? "" : " [" + form + "]") + " (row " + line + " of " + RESOURCE + ")";
        }
    }

    private PermissionTable() {
    }

    public static List<Row> read() {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(PermissionTable.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> columns = new ArrayList<>(FIRST_COLUMNS);
            columns.addAll(ACTORS);
            assertThat(parser.getHeaderNames()).as("columns of %s", RESOURCE).containsExactlyElementsOf(columns);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(toRow(record));
            }
            return rows;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns the rows of one method, such as "GET". */
    public static List<Row> read(String method) {
        return read().stream().filter(row -> row.method().equals(method)).toList();
    }

    /** Replaces each placeholder such as $ticket with its value. A placeholder without a value fails the test. */
    public static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group());
            if (value == null) {
                throw new AssertionError("Unknown placeholder " + matcher.group() + " in '" + text + "' of " + RESOURCE
                        + "; the header of the file lists the known ones");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static Row toRow(CSVRecord record) {
        assertThat(record.isConsistent()).as("row %d of %s has %d columns, expected %d", record.getRecordNumber(), RESOURCE,
                record.size(), FIRST_COLUMNS.size() + ACTORS.size()).isTrue();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String actor : ACTORS) {
            String outcome = record.get(actor);
            assertThat(OUTCOMES).as("outcome '%s' for %s in row %d of %s", outcome, actor, record.getRecordNumber(), RESOURCE)
                    .contains(outcome);
            outcomes.put(actor, outcome);
        }
        return new Row(record.getRecordNumber(), record.get("method"), record.get("route"), record.get("request"),
                record.get("form"), outcomes);
    }
}
