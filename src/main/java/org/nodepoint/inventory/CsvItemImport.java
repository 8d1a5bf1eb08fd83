package org.nodepoint.inventory;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nodepoint.calendar.CalendarDates;
import org.nodepoint.csv.BatchedImport;
import org.nodepoint.csv.CsvColumns;
import org.nodepoint.csv.CsvInput;
import org.nodepoint.csv.ImportProgress;
import org.nodepoint.csv.ImportResult;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.text.UserText;
import org.nodepoint.users.UserService;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Text;

/**
 * Imports inventory items from a headed CSV file. Each row is checked with the rules of the item
 * form ({@link ItemRules}, any word as type, as the API takes it), its project and client must
 * exist, and its serial number must be new. Rows are committed in batches; a bad row is reported
 * with its line number and skipped.
 */
public final class CsvItemImport {
    /** The item fields a CSV column can be mapped to. */
    public static final Set<String> FIELDS = Set.of("name", "type", "serial", "product", "client", "approval", "info", "expiration");
    static final int BATCH_SIZE = 1_000;
    /** Rows without a type get this one. */
    static final String DEFAULT_TYPE = "Other";
    /** yyyy-mm-dd, optionally followed by a time of day, which the date part is taken from. */
    private static final Pattern ISO_DATE_TIME = Pattern.compile("([0-9]{4}-[0-9]{2}-[0-9]{2})([T ][0-9:.]+Z?)?");
    private static final Map<String, Boolean> APPROVAL_WORDS = Map.of("", false, "0", false, "no", false, "false", false, "off", false,
            "1", true, "yes", true, "true", true, "on", true);

    private final GroupCommitWriter writer;
    private final UserService users;
    private final Text text = new Text(Locale.ENGLISH);

    public CsvItemImport(Database database, UserService users) {
        this.writer = database.groupCommitWriter();
        this.users = users;
    }

    /**
     * Decides which column feeds each field: columns named like a field, then the {@code --map}
     * entries. Throws IllegalArgumentException with a message that names the bad mapping.
     */
    public static Map<String, String> plan(List<String> header, Map<String, String> mappings) {
        CsvColumns columns = new CsvColumns(header);
        columns.matchByName(FIELDS);
        columns.applyMappings(mappings, FIELDS);
        columns.require("name");
        return columns.chosen();
    }

    /** Reads every row of the CSV and imports the valid ones. The reader must be positioned after any byte-order mark. */
    public ImportResult run(Reader csv, Map<String, String> mappings, ImportProgress progress) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(CsvInput.headedFormat()).get()) {
            Map<String, String> columns = plan(parser.getHeaderNames(), mappings);
            long systemUser = users.builtinId("system");
            Map<String, Long> serialLines = new HashMap<>();
            BatchedImport<ImportRow> rows = new BatchedImport<>(BATCH_SIZE, (record, line) -> {
                ImportRow row = readRow(record, columns, line);
                checkRepeatedSerial(row, serialLines);
                return row;
            }, (batch, rejections) -> insert(batch, systemUser, rejections));
            return rows.run(parser, progress);
        }
    }

    /** Rejects a serial number that an earlier row of the file has, compared by the key that the database keeps unique. */
    private static void checkRepeatedSerial(ImportRow row, Map<String, Long> serialLines) {
        if (row.item().serial() == null) {
            return;
        }
        Long earlier = serialLines.putIfAbsent(ItemDao.serialKey(row.item().serial()), row.line());
        if (earlier != null) {
            throw new IllegalArgumentException("serial '" + row.item().serial() + "' repeats the serial of line " + earlier);
        }
    }

    /**
     * Writes one batch as one task of the group commit writer. A row whose project, client or
     * serial number fails the checks inside the transaction is rejected before any of it is written.
     */
    private int insert(List<ImportRow> batch, long systemUser, List<ImportResult.Rejection> rejections) {
        int inserted = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            long now = System.currentTimeMillis();
            int count = 0;
            for (ImportRow row : batch) {
                try {
                    insertRow(dao, row, systemUser, now);
                    count++;
                } catch (IllegalArgumentException invalid) {
                    rejections.add(new ImportResult.Rejection(row.line(), invalid.getMessage()));
                }
            }
            return count;
        });
        return inserted;
    }

    /** Checks the references of one row and inserts it; throws IllegalArgumentException, before writing anything, when a check fails. */
    private static void insertRow(ItemDao dao, ImportRow row, long systemUser, long now) {
        Long productId = row.product().isEmpty() ? null : reference(row.product(), "project", dao::countProduct, dao::findProductIdByNameKey);
        Long clientId = row.client().isEmpty() ? null : reference(row.client(), "client", dao::countClient, dao::findClientIdByNameKey);
        ItemRules.Valid item = row.item();
        if (item.serial() != null) {
            dao.findIdBySerial(item.serial(), 0).ifPresent(other -> {
                throw new IllegalArgumentException("serial '" + item.serial() + "' is already used by item " + other);
            });
        }
        long id = dao.insert(item.name(), item.type(), item.serial(), productId, clientId, item.needsApproval(), item.info(), now);
        if (row.expiresOn() != null) {
            dao.setExpiry(id, row.expiresOn().toString(), now);
        }
        dao.insertHistory(id, "added", systemUser, null, "", now);
    }

    /** Finds a project or client by id (digits) or by name; throws IllegalArgumentException when there is none. */
    private static long reference(String value, String what, LongToIntFunction countById, Function<String, Optional<Long>> findByNameKey) {
        Long id = PathIds.parseNumber(value);
        if (id != null && countById.applyAsInt(id) > 0) {
            return id;
        }
        return findByNameKey.apply(UserText.nameKey(value))
                .orElseThrow(() -> new IllegalArgumentException(what + " '" + value + "' not found"));
    }

    /** One checked row, ready to insert once its project, client and serial number are checked. */
    record ImportRow(long line, ItemRules.Valid item, String product, String client, LocalDate expiresOn) {
    }

    /** Checks one CSV record with the item rules; throws IllegalArgumentException with every reason. */
    private ImportRow readRow(CSVRecord record, Map<String, String> columns, long line) {
        if (!record.isConsistent()) {
            throw new IllegalArgumentException("has " + record.size() + " columns, the header has " + record.getParser().getHeaderNames().size());
        }
        String type = value(record, columns, "type");
        String approval = value(record, columns, "approval").toLowerCase(Locale.ROOT);
        ItemForm form = new ItemForm(value(record, columns, "name"), type.isEmpty() ? DEFAULT_TYPE : type, value(record, columns, "serial"),
                "", "", Boolean.TRUE.equals(APPROVAL_WORDS.get(approval)), value(record, columns, "info"));
        FieldErrors errors = new FieldErrors();
        ItemRules.Valid item = ItemRules.check(form, ItemRules.TypeRule.FREE, null, errors);
        List<String> reasons = new ArrayList<>();
        errors.asMap().forEach((field, message) -> reasons.add(field + ": " + text.plain(message.key(), message.args())));
        if (!APPROVAL_WORDS.containsKey(approval)) {
            reasons.add("approval: '" + approval + "' is not yes, no, 1, 0, true, false, on or off");
        }
        String expiration = value(record, columns, "expiration");
        LocalDate expiresOn = null;
        if (!expiration.isEmpty()) {
            expiresOn = parseDate(expiration).orElse(null);
            if (expiresOn == null) {
                reasons.add("expiration: '" + expiration + "' is not a real date in the form yyyy-mm-dd or mm/dd/yyyy");
            }
        }
        if (!reasons.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", reasons));
        }
        return new ImportRow(line, item, value(record, columns, "product"), value(record, columns, "client"), expiresOn);
    }

    /** Reads yyyy-mm-dd (a time after it is ignored) or mm/dd/yyyy. */
    static Optional<LocalDate> parseDate(String text) {
        Matcher iso = ISO_DATE_TIME.matcher(text);
        if (iso.matches()) {
            return CalendarDates.parseIso(iso.group(1));
        }
        return CalendarDates.parseUs(text);
    }

    private static String value(CSVRecord record, Map<String, String> columns, String field) {
        String column = columns.get(field);
        if (column == null || !record.isSet(column)) {
            return "";
        }
        String value = record.get(column);
        return "info".equals(field) ? UserText.multiLine(value) : UserText.singleLine(value);
    }
}
