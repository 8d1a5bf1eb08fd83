package org.nodepoint.csv;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The reading loop of a CSV import: each record is checked into a row, bad rows are rejected with
 * their line, and good rows are written in batches. A CSV syntax error stops the import and keeps
 * the rows written before it, because the parser cannot resume after one.
 *
 * @param <R> a checked row, ready to write
 */
public final class BatchedImport<R> {

    /** Checks one record into a row. A bad row throws IllegalArgumentException with the reason as its message. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(CSVRecord record, long line);
    }

    /** Writes a batch and returns how many rows it wrote. A row that fails is added to the rejections. */
    @FunctionalInterface
    public interface BatchWriter<R> {
        int write(List<R> batch, List<ImportResult.Rejection> rejections);
    }

    private final int batchSize;
    private final RowReader<R> reader;
    private final BatchWriter<R> writer;

    public BatchedImport(int batchSize, RowReader<R> reader, BatchWriter<R> writer) {
        this.batchSize = batchSize;
        this.reader = reader;
        this.writer = writer;
    }

    /** Reads every record of the parser and returns the outcome, with the rejections in line order. */
    public ImportResult run(CSVParser parser, ImportProgress progress) {
        List<ImportResult.Rejection> rejections = new ArrayList<>();
        List<R> batch = new ArrayList<>(batchSize);
        int imported = 0;
        long read = 0;
        String malformed = "";
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException failure) {
                if (!(failure.getCause() instanceof CSVException syntax)) {
                    throw failure;
                }
                malformed = syntax.getMessage();
                break;
            }
            long line = CsvInput.firstLine(parser, record);
            read++;
            try {
                batch.add(reader.read(record, line));
            } catch (IllegalArgumentException invalid) {
                rejections.add(new ImportResult.Rejection(line, invalid.getMessage()));
            }
            if (batch.size() == batchSize) {
                imported += flush(batch, rejections);
                progress.rowsRead(read);
            }
        }
        imported += flush(batch, rejections);
        progress.rowsRead(read);
        rejections.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(imported, rejections, malformed);
    }

    private int flush(List<R> batch, List<ImportResult.Rejection> rejections) {
        if (batch.isEmpty()) {
            return 0;
        }
        int written = writer.write(batch, rejections);
        batch.clear();
        return written;
    }
}
