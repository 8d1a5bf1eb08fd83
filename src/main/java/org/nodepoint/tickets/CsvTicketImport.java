package org.nodepoint.tickets;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jdbi.v3.core.Handle;
import org.nodepoint.csv.BatchedImport;
import org.nodepoint.csv.CsvColumns;
import org.nodepoint.csv.CsvInput;
import org.nodepoint.csv.ImportProgress;
import org.nodepoint.csv.ImportResult;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.projects.ProductService;
import org.nodepoint.text.UserText;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;

/**
 * Imports tickets from a headed CSV file. Each row is checked completely before it is written,
 * and rows are committed in batches, so a bad row is reported and skipped and never leaves half a
 * ticket, and a crash loses at most the batch in progress.
 */
public final class CsvTicketImport {
    /** The ticket fields a CSV column can be mapped to. */
    public static final Set<String> FIELDS = Set.of("title", "description", "product", "release", "priority", "status", "created_by");
    /** Columns of the CSV layout that NodePoint 1.x's import script reads; product_id is a product's id there. */
    static final List<String> LEGACY_COLUMNS = List.of("product_id", "release_id", "title", "description");
    static final int BATCH_SIZE = 1_000;
    public static final int MAX_TITLE_WORDS = 50;

    /** The import plan of one file: the column that feeds each field, and the fallback product. */
    public record Plan(Map<String, String> columns, boolean productIsId, String defaultProduct, int titleWords) {
    }

    private final GroupCommitWriter writer;
    private final ProductService products;
    private final UserService users;

    public CsvTicketImport(Database database, ProductService products, UserService users) {
        this.writer = database.groupCommitWriter();
        this.products = products;
        this.users = users;
    }

    /**
     * Decides which column feeds each field: NodePoint 1.x's layout as it is, otherwise columns named
     * like a field, then the explicit {@code --map} entries. Throws IllegalArgumentException with a
     * message that names the bad mapping.
     */
    public static Plan plan(List<String> header, Map<String, String> mappings, String defaultProduct, int titleWords) {
        CsvColumns columns = new CsvColumns(header);
        boolean legacy = columns.hasAll(LEGACY_COLUMNS);
        if (legacy) {
            columns.feed("product", columns.named("product_id").orElseThrow());
            columns.feed("release", columns.named("release_id").orElseThrow());
        }
        columns.matchByName(FIELDS);
        columns.applyMappings(mappings, FIELDS);
        columns.require("description");
        boolean productIsId = legacy && mappings.keySet().stream().noneMatch(field -> field.strip().equalsIgnoreCase("product"));
        if (!columns.chosen().containsKey("product") && (defaultProduct == null || defaultProduct.isBlank())) {
            throw new IllegalArgumentException("no product: add --map product=COLUMN or --product NAME");
        }
        if (titleWords < 1 || titleWords > MAX_TITLE_WORDS) {
            throw new IllegalArgumentException("--title-words must be between 1 and " + MAX_TITLE_WORDS);
        }
        return new Plan(columns.chosen(), productIsId, defaultProduct == null ? "" : defaultProduct.strip(), titleWords);
    }

    /** Reads every row of the CSV and imports the valid ones. The reader must be positioned after any byte-order mark. */
    public ImportResult run(Reader csv, Map<String, String> mappings, String defaultProduct, int titleWords, ImportProgress progress) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(CsvInput.headedFormat()).get()) {
            Plan plan = plan(parser.getHeaderNames(), mappings, defaultProduct, titleWords);
            RowReader rows = new RowReader(plan, users.builtinId("system"));
            return new BatchedImport<>(BATCH_SIZE, rows::read, this::insert).run(parser, progress);
        }
    }

    /**
     * Writes one batch as one task of the group commit writer, so that it commits in turn with live
     * writes. A row that still fails is rolled back alone and rejected.
     */
    private int insert(List<ImportRow> batch, List<ImportResult.Rejection> rejections) {
        int inserted = writer.inTransaction(handle -> {
            Map<String, Long> productIds = new HashMap<>();
            TicketDao dao = handle.attach(TicketDao.class);
            long now = System.currentTimeMillis();
            int count = 0;
            for (ImportRow row : batch) {
                handle.savepoint("import_row");
                try {
                    long productId = productId(handle, row, productIds);
                    dao.insert(productId, row.release(), row.createdBy(), row.title(), row.description(),
                            row.priority().code(), row.status().label(), now);
                    handle.releaseSavepoint("import_row");
                    count++;
                } catch (IllegalArgumentException | IllegalStateException failure) {
                    // Jdbi drops its record of a savepoint once it has rolled back to it, so releasing it here would
                    // throw. SQLite keeps it on its stack until the writer releases the task's own savepoint,
                    // which is harmless.
                    // The rollback may also undo a product this row created, so its cached id must go.
                    handle.rollbackToSavepoint("import_row");
                    productIds.clear();
                    rejections.add(new ImportResult.Rejection(row.line(), failure.getMessage()));
                }
            }
            return count;
        });
        return inserted;
    }

    private long productId(Handle handle, ImportRow row, Map<String, Long> cache) {
        if (row.productId() != null) {
            Long exists = handle.createQuery("SELECT id FROM products WHERE id = :id").bind("id", row.productId())
                    .mapTo(Long.class).findOne().orElse(null);
            if (exists == null) {
                throw new IllegalArgumentException("product " + row.productId() + " not found");
            }
            return exists;
        }
        String key = row.productName().toLowerCase(Locale.ROOT);
        Long cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long id = products.findOrCreate(handle, row.productName());
        cache.put(key, id);
        return id;
    }

    /** A checked row, ready to insert: exactly one of productId and productName is set. */
    record ImportRow(long line, Long productId, String productName, String release, long createdBy, String title,
            String description, Priority priority, TicketStatus status) {
    }

    /** Checks one CSV record against the plan; throws IllegalArgumentException with the reason. */
    private final class RowReader {
        private final Plan plan;
        private final long systemUser;
        private final Map<String, Long> userIds = new HashMap<>();

        RowReader(Plan plan, long systemUser) {
            this.plan = plan;
            this.systemUser = systemUser;
        }

        ImportRow read(CSVRecord record, long line) {
            if (!record.isConsistent()) {
                throw new IllegalArgumentException("has " + record.size() + " columns, the header has " + record.getParser().getHeaderNames().size());
            }
            String description = value(record, "description");
            if (description.isEmpty()) {
                throw new IllegalArgumentException("description is empty");
            }
            if (description.length() > TicketService.MAX_DESCRIPTION_LENGTH) {
                throw new IllegalArgumentException("description is longer than " + TicketService.MAX_DESCRIPTION_LENGTH + " characters");
            }
            String title = value(record, "title");
            if (title.isEmpty()) {
                title = firstWords(description, plan.titleWords());
            }
            if (title.length() > TicketService.MAX_TITLE_LENGTH) {
                throw new IllegalArgumentException("title is longer than " + TicketService.MAX_TITLE_LENGTH + " characters");
            }
            String release = value(record, "release");
            if (release.length() > TicketService.MAX_RELEASE_LENGTH) {
                throw new IllegalArgumentException("release is longer than " + TicketService.MAX_RELEASE_LENGTH + " characters");
            }
            String priorityText = value(record, "priority");
            Priority priority = priorityText.isEmpty() ? Priority.NORMAL : Priority.parse(priorityText)
                    .orElseThrow(() -> new IllegalArgumentException("priority '" + priorityText + "' is not Low, Normal or High"));
            String statusText = value(record, "status");
            TicketStatus status = statusText.isEmpty() ? TicketStatus.NEW : TicketStatus.parse(statusText)
                    .orElseThrow(() -> new IllegalArgumentException("status '" + statusText + "' is not one of New, Open, Invalid, Hold, Duplicate, Resolved, Closed"));
            long createdBy = creator(value(record, "created_by"));

            String product = value(record, "product");
            if (product.isEmpty()) {
                product = plan.defaultProduct();
            }
            if (product.isEmpty()) {
                throw new IllegalArgumentException("product is empty and no --product was given");
            }
            if (plan.productIsId() && !product.equals(plan.defaultProduct())) {
                if (!product.chars().allMatch(Character::isDigit) || product.length() > 18) {
                    throw new IllegalArgumentException("product_id '" + product + "' is not a number");
                }
                return new ImportRow(line, Long.parseLong(product), null, release, createdBy, title, description, priority, status);
            }
            if (product.length() > ProductService.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("product name is longer than " + ProductService.MAX_NAME_LENGTH + " characters");
            }
            return new ImportRow(line, null, product, release, createdBy, title, description, priority, status);
        }

        private long creator(String name) {
            if (name.isEmpty()) {
                return systemUser;
            }
            return userIds.computeIfAbsent(name.toLowerCase(Locale.ROOT), ignored -> users.findByName(name)
                    .filter(user -> !user.isBuiltin() || name.equalsIgnoreCase("system"))
                    .map(User::id)
                    .orElseThrow(() -> new IllegalArgumentException("user '" + name + "' not found")));
        }

        private String value(CSVRecord record, String field) {
            String column = plan.columns().get(field);
            if (column == null || !record.isSet(column)) {
                return "";
            }
            String value = record.get(column);
            return "description".equals(field) ? UserText.multiLine(value) : UserText.singleLine(value);
        }
    }

    /** Returns the first {@code count} white-space separated words, cut to the maximum title length. */
    static String firstWords(String text, int count) {
        String[] words = text.strip().split("\\s+", count + 1);
        String title = String.join(" ", java.util.Arrays.copyOf(words, Math.min(count, words.length)));
        return title.length() > TicketService.MAX_TITLE_LENGTH ? title.substring(0, TicketService.MAX_TITLE_LENGTH).strip() : title;
    }
}
