package org.nodepoint.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV writer: byte-order mark, RFC 4180 quoting, formula neutralisation and plain numbers. */
class CsvOutputTest {
    private static String write(List<?>... records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.to(bytes)) {
            for (List<?> record : records) {
                csv.record(record);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String file) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(file.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    void file_starts_with_byte_order_mark() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvOutput csv = CsvOutput.to(bytes)) {
            csv.record(List.of("a"));
        }

        byte[] written = bytes.toByteArray();

        assertThat(written).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("\uFEFFa\r\n");
    }

    @Test
    void records_end_with_crlf() {
        assertThat(write(List.of("a", "b"), List.of("c", "d"))).isEqualTo("\uFEFFa,b\r\nc,d\r\n");
    }

    @Test
    void quotes_commas_quotes_and_newlines() throws IOException {
        String file = write(List.of("a,b", "say \"hi\"", "line 1\nline 2", "cr\r\nlf"));

        assertThat(file).isEqualTo("\uFEFF\"a,b\",\"say \"\"hi\"\"\",\"line 1\nline 2\",\"cr\r\nlf\"\r\n");
        assertThat(parse(file).get(0).values()).containsExactly("a,b", "say \"hi\"", "line 1\nline 2", "cr\r\nlf");
    }

    @Test
    void formula_corpus_is_neutralised() throws IOException {
        List<String> corpus = List.of("=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")", "-0.5");

        List<CSVRecord> records = parse(write(corpus));

        assertThat(records.get(0).values()).containsExactly("'=1+1", "'+1", "'-1+1", "'@SUM(A1)", "'\t=1", "'\r=1",
                "'=HYPERLINK(\"http://x\")", "'-0.5");
    }

    @Test
    void harmless_text_is_unchanged() {
        assertThat(CsvOutput.neutralise("Printer 1 = broken")).isEqualTo("Printer 1 = broken");
        assertThat(CsvOutput.neutralise("")).isEmpty();
        assertThat(CsvOutput.neutralise("'quoted")).isEqualTo("'quoted");
    }

    @Test
    void numbers_are_written_plain() {
        String file = write(List.of(new BigDecimal("-0.5"), new BigDecimal("1.25"), new BigDecimal("1E+1"), -3L, 42));

        assertThat(file).isEqualTo("\uFEFF-0.5,1.25,10,-3,42\r\n");
    }

    @Test
    void null_is_empty_cell() {
        assertThat(write(java.util.Arrays.asList("a", null, "b"))).isEqualTo("\uFEFFa,,b\r\n");
    }

    @Test
    void accents_and_scripts_round_trip() throws IOException {
        List<String> names = List.of("Zoë", "Ünïcødé", "日本語", "עברית", "Zoë, Ünïcødé, 日本語, עברית");

        List<CSVRecord> records = parse(write(names));

        assertThat(records.get(0).values()).containsExactlyElementsOf(names);
    }
}
