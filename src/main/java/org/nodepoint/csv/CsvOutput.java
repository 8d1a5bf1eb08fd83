package org.nodepoint.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV files that NodePoint offers for download: UTF-8 with a byte-order mark, so that
 * spreadsheets detect the encoding, and RFC 4180 quoting with CR LF between records.
 *
 * <p>A text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR gets a
 * single quote in front, so that a spreadsheet shows it as text instead of evaluating it as a
 * formula (CSV injection). Numbers ({@link Long}, {@link Integer}, {@link BigDecimal}) are written
 * as plain numbers with a decimal point, so {@code -0.5} stays a number.
 */
public final class CsvOutput implements AutoCloseable {
    /** The byte-order mark, written once before the first record. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    private CsvOutput(Writer writer) throws IOException {
        writer.write(BYTE_ORDER_MARK);
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    /** Starts a CSV file on {@code out}. Closing the writer flushes it and closes {@code out}. */
    public static CsvOutput to(OutputStream out) {
        try {
            return new CsvOutput(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Writes one record. Each value is a number as described above or text, and null is an empty cell. */
    public void record(List<?> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            cells.add(cell(value));
        }
        try {
            printer.printRecord(cells);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns the cell's text: a number in plain notation, or text made safe from formula evaluation. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        return neutralise(value.toString());
    }

    /** Puts a single quote in front of text that a spreadsheet would read as the start of a formula. */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaStart ? "'" + text : text;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
