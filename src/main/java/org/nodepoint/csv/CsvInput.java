package org.nodepoint.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The format of the CSV files that NodePoint imports: RFC 4180 with a header row, blank lines skipped. */
public final class CsvInput {
    private CsvInput() {
    }

    public static CSVFormat headedFormat() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    }

    /**
     * Returns the line of the file that a record starts on. The parser's line number is the record's
     * last line, so the line breaks inside its quoted values are taken off, counted as commons-csv
     * counts them (CR LF is one break). Skipped blank lines before the record are thus included.
     */
    public static long firstLine(CSVParser parser, CSVRecord record) {
        return parser.getCurrentLineNumber() - lineBreaks(record);
    }

    static long lineBreaks(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }
}
