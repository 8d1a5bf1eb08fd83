package org.nodepoint.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nodepoint.NodePoint;
import org.nodepoint.Wiring;
import org.nodepoint.csv.ImportResult;
import org.nodepoint.inventory.CsvItemImport;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.tickets.CsvTicketImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-csv", mixinStandardHelpOptions = true,
        description = {
            "Imports tickets, or with --kind items inventory items, from a CSV file or from a .zip that holds one CSV file.",
            "NodePoint 1.x's layout (product_id,release_id,title,description,custom) is read as it is;",
            "columns named like a field (tickets: title, description, product, release, priority, status, created_by;",
            "items: name, type, serial, product, client, approval, info, expiration)",
            "are used directly, and --map connects any other column to a field."})
public final class ImportCsvCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirectory data;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .csv file, or a .zip holding one .csv file.")
    private Path file;

    /** The kind of record that each row of the file is. The constants are lower case because picocli matches them as typed. */
    enum Kind { tickets, items }

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "tickets",
            description = "The kind of record in each row: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private Kind kind;

    @Option(names = "--product", paramLabel = "NAME",
            description = "Tickets only: product for rows without one (created when missing).")
    private String product;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN",
            description = "Reads FIELD from the CSV column COLUMN; repeat for each field.")
    private Map<String, String> mappings = new LinkedHashMap<>();

    @Option(names = "--title-words", paramLabel = "N", defaultValue = "8",
            description = "Tickets only: rows without a title get the first N words of their description (1-50). Default: ${DEFAULT-VALUE}.")
    private int titleWords;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(file)) {
            err.println("import-csv: " + file + " is a folder; name a .csv or .zip file");
            return NodePoint.USAGE_ERROR;
        }
        if (!Files.isRegularFile(file)) {
            err.println("import-csv: file not found: " + file);
            return NodePoint.USAGE_ERROR;
        }
        if (!Files.exists(Wiring.settingsFile(data.path()))) {
            err.println("import-csv: " + data.path() + " has no nodepoint.cfg; run 'init' or the first-run setup first");
            return NodePoint.USAGE_ERROR;
        }
        if (kind == Kind.items && product != null) {
            err.println("import-csv: --product applies to tickets only; map a column with --map product=COLUMN");
            return NodePoint.USAGE_ERROR;
        }
        long started = System.nanoTime();
        try (Wiring wiring = Wiring.open(data.path()); Source source = Source.open(file)) {
            ProgressBar bar = new ProgressBar(err, source.size(), System.console() != null);
            if (kind == Kind.items) {
                return importItems(wiring, source, bar, started);
            }
            ImportResult result;
            try {
                CsvTicketImport importer = new CsvTicketImport(wiring.database, wiring.products, wiring.users);
                result = importer.run(source.reader(), mappings, product, titleWords, rows -> bar.update(source.bytesRead(), rows));
            } catch (IllegalArgumentException invalid) {
                bar.finish();
                err.println("import-csv: " + invalid.getMessage());
                return NodePoint.USAGE_ERROR;
            }
            bar.finish();
            return report(wiring, "tickets", result, started);
        } catch (Source.InvalidArchive invalid) {
            err.println("import-csv: " + invalid.getMessage());
            return NodePoint.USAGE_ERROR;
        }
    }

    /** Imports the file as inventory items and prints the rejected rows and a summary line. */
    private int importItems(Wiring wiring, Source source, ProgressBar bar, long started) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportResult result;
        try {
            result = new CsvItemImport(wiring.database, wiring.users).run(source.reader(), mappings,
                    rows -> bar.update(source.bytesRead(), rows));
        } catch (IllegalArgumentException invalid) {
            bar.finish();
            err.println("import-csv: " + invalid.getMessage());
            return NodePoint.USAGE_ERROR;
        }
        bar.finish();
        return report(wiring, "items", result, started);
    }

    /** Records the import in the system log, prints the rejected rows and a summary line, and returns the exit code. */
    private int report(Wiring wiring, String records, ImportResult result, long started) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String message = "Imported " + result.imported() + " " + records + " from " + file.getFileName() + " with import-csv; rejected "
                + result.rejections().size() + " rows" + (result.stoppedEarly() ? "; stopped at invalid CSV " + result.malformed() : "");
        wiring.systemLog.record(LogCategory.IMPORT, "", message);
        for (ImportResult.Rejection rejection : result.rejections()) {
            out.println("line " + rejection.line() + ": " + rejection.reason());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println(String.format(Locale.ROOT, "imported %d %s, rejected %d rows in %.1f s",
                result.imported(), records, result.rejections().size(), seconds));
        if (result.stoppedEarly()) {
            err.println("import-csv: stopped at invalid CSV " + result.malformed()
                    + "; the rows before it were imported, fix the file and import the rest");
            return NodePoint.USAGE_ERROR;
        }
        return 0;
    }

    /** The CSV text of a .csv file or of the single .csv inside a .zip, with its size for the progress bar. */
    static final class Source implements AutoCloseable {
        static final class InvalidArchive extends IOException {
            InvalidArchive(String message) {
                super(message);
            }
        }

        private final ZipFile zip;
        private final CountingStream stream;
        private final long size;

        private Source(ZipFile zip, InputStream input, long size) {
            this.zip = zip;
            this.stream = new CountingStream(new BufferedInputStream(input, 1 << 16));
            this.size = size;
        }

        static Source open(Path file) throws IOException {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return new Source(null, Files.newInputStream(file), Files.size(file));
            }
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
            } catch (ZipException invalid) {
                throw new InvalidArchive(file + " is not a valid .zip archive (" + invalid.getMessage() + ")");
            }
            List<? extends ZipEntry> csvFiles = zip.stream()
                    .filter(entry -> !entry.isDirectory() && !entry.getName().startsWith("__MACOSX/"))
                    .filter(entry -> entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .toList();
            if (csvFiles.size() != 1) {
                zip.close();
                throw new InvalidArchive(file + " contains " + csvFiles.size() + " .csv files; it must contain exactly one");
            }
            ZipEntry entry = csvFiles.get(0);
            return new Source(zip, zip.getInputStream(entry), entry.getSize());
        }

        /** Returns a UTF-8 reader that skips a leading byte-order mark. */
        Reader reader() throws IOException {
            stream.mark(3);
            byte[] start = stream.readNBytes(3);
            boolean bom = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
            if (!bom) {
                stream.reset();
            }
            return new InputStreamReader(stream, StandardCharsets.UTF_8);
        }

        long size() {
            return size;
        }

        long bytesRead() {
            return stream.count;
        }

        @Override
        public void close() throws IOException {
            stream.close();
            if (zip != null) {
                zip.close();
            }
        }
    }

    /** Counts the bytes read through it, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private long count;
        private long markedCount;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count++;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count += read;
            }
            return read;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            markedCount = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = markedCount;
        }
    }
}
