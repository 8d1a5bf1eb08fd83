package org.nodepoint.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Writes the generated rows of every table through one JDBC connection, which must have
 * auto-commit off. Every value comes from the one {@link Random} in a fixed order, so the same
 * seed, sizes, corpus and end time give the same rows. The FTS5 tables are filled by the
 * migration's triggers as the rows go in.
 */
final class RowGenerator {
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** Length of the period that ticket creation times are spread over, ending at the end time. */
    static final long TICKET_PERIOD = 730 * DAY;
    static final int TITLE_WORDS = 8;
    static final int MAX_COMMENTS_PER_TICKET = 200;
    /** Rows per transaction. Large transactions make SQLite's per-commit work rare. */
    private static final int ROWS_PER_COMMIT = 50_000;
    private static final int ROWS_PER_BATCH = 1_000;

    /** Exponents of the Zipf-like skews: the larger, the more the top items dominate. */
    private static final double PRODUCT_SKEW = 1.1;
    private static final double CREATOR_SKEW = 0.8;
    private static final double STAFF_SKEW = 0.8;

    private static final String[] PROJECT_SUFFIXES = {"", "Europe", "Americas", "Asia Pacific", "Mobile", "Legacy",
        "Cloud", "Onboarding", "Facilities", "Finance", "Field Service", "Data Centre"};
    private static final String[] RESOLVED = {"Replaced the faulty part and the requester confirmed the fix.",
        "Reset the account and sent new credentials.", "Granted the requested access.",
        "Applied the fix; the requester confirmed it works.", "Ordered the item and confirmed the delivery."};
    private static final String[] CLOSED = {"Closed after the requester confirmed the fix.",
        "Closed without a reply from the requester for 14 days.", "Completed as requested."};
    private static final String[] INVALID = {"Not a help desk request.", "Could not reproduce, and no further details were given."};
    private static final String[] HOLD = {"Waiting for the vendor.", "Waiting for approval from the line manager.", "Waiting for parts."};
    private static final String[] CHANGE_NOTES = {"", "", "Checked with the requester.", "Escalated to the second line.",
        "Remote session done.", "Updated after a phone call."};

    /** Sizes of the generated data. */
    record Sizes(int users, int projects, int tickets, long comments) {
    }

    private record Change(long at, long ticketId, long userId, String note, String status, String resolution) {
    }

    /** Time spent in hundredths of an hour, as time_entries stores it. */
    private record TimeEntry(long at, long ticketId, long userId, int hundredths) {
    }

    private record Comment(long at, long ticketId, long userId, String body) {
    }

    private final Connection connection;
    private final Random random;
    private final Corpus corpus;
    private final Sizes sizes;
    private final long end;
    private final long start;
    private final PrintStream out;
    private final boolean terminal;
    private final List<Inserter> inserters = new ArrayList<>();
    private long uncommittedRows;

    private long firstUserId;
    private int[] userLevels;
    private long[] staffIds;
    private ZipfPicker userPicker;
    private ZipfPicker staffPicker;

    private int[] productTopics;
    private List<List<String>> productReleases;
    private ZipfPicker productPicker;

    private long[] ticketCreated;
    private long[] ticketActivityEnd;
    private long[] ticketCreators;
    private int[] ticketTopics;
    private long[][] ticketAssignees;

    /** {@code end} is the epoch millisecond at which the generated activity stops. */
    RowGenerator(Connection connection, Random random, Corpus corpus, Sizes sizes, long end, PrintStream out, boolean terminal) {
        this.connection = connection;
        this.random = random;
        this.corpus = corpus;
        this.sizes = sizes;
        this.end = end;
        this.start = end - TICKET_PERIOD;
        this.out = out;
        this.terminal = terminal;
    }

    /** Writes every table, in an order that creates each row's parents before it, and commits. */
    void writeAll(String userPasswordHash) throws SQLException {
        writeUsers(userPasswordHash);
        writeProducts();
        List<Change> changes = new ArrayList<>();
        List<TimeEntry> timeEntries = new ArrayList<>();
        writeTickets(changes, timeEntries);
        writeChanges(changes);
        writeTimeEntries(timeEntries);
        writeComments();
        commit();
    }

    // ---- users ----

    private void writeUsers(String passwordHash) throws SQLException {
        firstUserId = queryLong("SELECT coalesce(max(id), 0) + 1 FROM users");
        int count = sizes.users();
        int width = Math.max(4, String.valueOf(count).length());
        long yearBefore = start - 365 * DAY;
        // init stored the wall-clock time as the administrator's creation time, which would differ
        // between runs, so the administrator now joins a day before the first user.
        execute("UPDATE users SET created_at = " + (yearBefore - DAY) + " WHERE kind = 'admin'");

        userLevels = new int[count];
        List<Long> staff = new ArrayList<>();
        Progress progress = new Progress(out, "users", count, terminal);
        try (Inserter users = inserter("INSERT INTO users (id, name, password_hash, email, level, kind, disabled, created_at, last_login_at) "
                + "VALUES (?, ?, ?, ?, ?, 'local', ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = firstUserId + i;
                // The first three accounts get levels 5, 4 and 3, so that even a tiny data set has
                // staff to assign tickets to.
                int level = i < 3 ? 5 - i : drawLevel();
                userLevels[i] = level;
                if (level >= 3) {
                    staff.add(id);
                }
                String name = String.format(Locale.ROOT, "user%0" + width + "d", i + 1);
                boolean disabled = level == 1 && random.nextDouble() < 0.005;
                long createdAt = yearBefore + i * (365 * DAY) / count;
                Long lastLogin = random.nextDouble() < 0.7 ? end - (long) (random.nextDouble() * 90 * DAY) : null;
                users.add(id, name, passwordHash, name + "@example.com", level, disabled ? 1 : 0, createdAt, lastLogin);
                progress.advance(1);
            }
        }
        progress.finish();
        staffIds = staff.stream().mapToLong(Long::longValue).toArray();
        userPicker = new ZipfPicker(count, CREATOR_SKEW, random);
        staffPicker = new ZipfPicker(staffIds.length, STAFF_SKEW, random);
    }

    /** Draws a level: about 80% level 1, 10% level 2, 7% level 3, 2% level 4 and 1% level 5. */
    private int drawLevel() {
        double draw = random.nextDouble();
        if (draw < 0.80) {
            return 1;
        } else if (draw < 0.90) {
            return 2;
        } else if (draw < 0.97) {
            return 3;
        } else if (draw < 0.99) {
            return 4;
        }
        return 5;
    }

    private long pickUser() {
        return firstUserId + userPicker.pick(random);
    }

    private long pickStaff() {
        return staffIds[staffPicker.pick(random)];
    }

    // ---- projects and releases ----

    private void writeProducts() throws SQLException {
        int count = sizes.projects();
        List<String> topics = corpus.topics();
        productPicker = new ZipfPicker(count, PRODUCT_SKEW, random);
        boolean[] popular = new boolean[count];
        for (int rank = 0; rank < Math.min(3, count); rank++) {
            popular[productPicker.itemAtRank(rank)] = true;
        }
        productTopics = new int[count];
        productReleases = new ArrayList<>();
        Progress progress = new Progress(out, "projects", count, terminal);
        try (Inserter products = inserter("INSERT INTO products (id, name, name_key, model, description, visibility, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)");
                Inserter releases = inserter("INSERT INTO releases (product_id, version, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = i + 1;
                int topic = i % topics.size();
                productTopics[i] = topic;
                String name = projectName(topics.get(topic), i / topics.size());
                // The three projects with the most tickets are Public, so that they take new tickets and
                // every viewer sees them.
                String visibility = popular[i] ? "Public" : drawVisibility();
                String model = initials(topics.get(topic)) + "-" + (100 + i);
                String description = "Requests about " + topics.get(topic).toLowerCase(Locale.ROOT) + " for " + name + ".";
                products.add(id, name, name.strip().toLowerCase(Locale.ROOT), model, description, visibility, start - (count - i) * DAY);
                productReleases.add(writeReleases(releases, id, name));
                progress.advance(1);
            }
        }
        progress.finish();
    }

    /** Returns "Topic", then "Topic Suffix" for later rounds, then "Topic Team N" once the suffixes run out. */
    private static String projectName(String topic, int round) {
        if (round < PROJECT_SUFFIXES.length) {
            return round == 0 ? topic : topic + " " + PROJECT_SUFFIXES[round];
        }
        return topic + " Team " + (round - PROJECT_SUFFIXES.length + 2);
    }

    private static String initials(String topic) {
        StringBuilder initials = new StringBuilder();
        for (String word : topic.split("\\s+")) {
            if (!word.isEmpty()) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.toString();
    }

    /** Draws a visibility: about 70% Public, 12% Private, 12% Restricted and 6% Archived. */
    private String drawVisibility() {
        double draw = random.nextDouble();
        if (draw < 0.70) {
            return "Public";
        } else if (draw < 0.82) {
            return "Private";
        } else if (draw < 0.94) {
            return "Restricted";
        }
        return "Archived";
    }

    /** Writes 1 to 5 releases spread over the ticket period and returns their versions. */
    private List<String> writeReleases(Inserter releases, long productId, String productName) throws SQLException {
        int count = 1 + random.nextInt(5);
        List<String> versions = new ArrayList<>();
        int major = 1;
        int minor = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && random.nextDouble() < 0.3) {
                major++;
                minor = 0;
            } else if (i > 0) {
                minor++;
            }
            String version = major + "." + minor;
            versions.add(version);
            long createdAt = start + (i + 1) * TICKET_PERIOD / (count + 1) - (long) (random.nextDouble() * 7 * DAY);
            releases.add(productId, version, "Version " + version + " of " + productName + ".", pickStaff(), createdAt);
        }
        return versions;
    }

    // ---- tickets, assignees and followers ----

    private void writeTickets(List<Change> changes, List<TimeEntry> timeEntries) throws SQLException {
        int count = sizes.tickets();
        ticketCreated = new long[count];
        ticketActivityEnd = new long[count];
        ticketCreators = new long[count];
        ticketTopics = new int[count];
        ticketAssignees = new long[count][];
        Progress progress = new Progress(out, "tickets", count, terminal);
        try (Inserter tickets = inserter("INSERT INTO tickets (id, product_id, release, created_by, title, description, priority, "
                + "status, resolution, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                Inserter assignees = inserter("INSERT INTO ticket_assignees (ticket_id, user_id) VALUES (?, ?)");
                Inserter followers = inserter("INSERT INTO ticket_followers (ticket_id, user_id) VALUES (?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = i + 1;
                int product = productPicker.pick(random);
                int topic = productTopics[product];
                String description = corpus.pick(topic, random);
                long creator = pickUser();
                // Each ticket gets a random time inside its own slot, so times increase with the id.
                long createdAt = start + (long) ((i + random.nextDouble()) * TICKET_PERIOD / count);
                int priority = drawPriority();
                String status = drawStatus();
                List<String> versions = productReleases.get(product);
                String release = random.nextDouble() < 0.7 ? versions.get(random.nextInt(versions.size())) : "";
                Long updatedAt = status.equals("New") ? null : Math.min(end, createdAt + delayUntilUpdate(status));
                String resolution = resolution(status, id);
                long[] assigned = drawAssignees(status);

                tickets.add(id, product + 1, release, creator, Corpus.firstWords(description, TITLE_WORDS), description,
                        priority, status, resolution, createdAt, updatedAt);
                for (long user : assigned) {
                    assignees.add(id, user);
                }
                for (long user : drawFollowers()) {
                    followers.add(id, user);
                }
                if (updatedAt != null) {
                    long changer = assigned.length > 0 ? assigned[0] : pickStaff();
                    changes.add(new Change(updatedAt, id, changer, CHANGE_NOTES[random.nextInt(CHANGE_NOTES.length)], status, resolution));
                    if (assigned.length > 0 && random.nextDouble() < 0.6) {
                        addTimeEntries(timeEntries, id, assigned, createdAt, updatedAt);
                    }
                }

                ticketCreated[i] = createdAt;
                ticketActivityEnd[i] = activityEnd(status, createdAt, updatedAt);
                ticketCreators[i] = creator;
                ticketTopics[i] = topic;
                ticketAssignees[i] = assigned;
                rowsWritten(1);
                progress.advance(1);
            }
        }
        progress.finish();
    }

    /** Draws a priority code: about 20% Low (0), 60% Normal (1) and 20% High (2). */
    private int drawPriority() {
        double draw = random.nextDouble();
        if (draw < 0.2) {
            return 0;
        } else if (draw < 0.8) {
            return 1;
        }
        return 2;
    }

    /** Draws a status: about 20% New, Open or Hold, and 80% Resolved, Closed, Invalid or Duplicate. */
    private String drawStatus() {
        double draw = random.nextDouble();
        if (draw < 0.10) {
            return "New";
        } else if (draw < 0.17) {
            return "Open";
        } else if (draw < 0.20) {
            return "Hold";
        } else if (draw < 0.60) {
            return "Resolved";
        } else if (draw < 0.90) {
            return "Closed";
        } else if (draw < 0.95) {
            return "Invalid";
        }
        return "Duplicate";
    }

    private static boolean isFinished(String status) {
        return !status.equals("New") && !status.equals("Open") && !status.equals("Hold");
    }

    /**
     * Draws the time from creation to the status change, log-normally distributed: a median of
     * 2 days for tickets that were finished, and 3 hours for tickets that were only opened or put
     * on hold. At least one minute.
     */
    private long delayUntilUpdate(String status) {
        double median = isFinished(status) ? 2 * DAY : 3 * HOUR;
        double sigma = isFinished(status) ? 1.5 : 1.2;
        return Math.max(MINUTE, (long) (median * StrictMath.exp(sigma * random.nextGaussian())));
    }

    private String resolution(String status, long id) {
        return switch (status) {
            case "Resolved" -> RESOLVED[random.nextInt(RESOLVED.length)];
            case "Closed" -> CLOSED[random.nextInt(CLOSED.length)];
            case "Invalid" -> INVALID[random.nextInt(INVALID.length)];
            case "Hold" -> HOLD[random.nextInt(HOLD.length)];
            case "Duplicate" -> id > 1 ? "Duplicate of ticket #" + (1 + random.nextInt((int) id - 1)) + "." : "Duplicate of an earlier request.";
            default -> "";
        };
    }

    /** Draws 0 to 3 distinct staff members: most New tickets have none, most others have one. */
    private long[] drawAssignees(String status) {
        double draw = random.nextDouble();
        int count;
        if (status.equals("New")) {
            count = draw < 0.9 ? 0 : 1;
        } else if (draw < 0.10) {
            count = 0;
        } else if (draw < 0.75) {
            count = 1;
        } else if (draw < 0.95) {
            count = 2;
        } else {
            count = 3;
        }
        return distinct(Math.min(count, staffIds.length), this::pickStaff);
    }

    /** Draws followers for about a quarter of the tickets, 1 to 3 each. */
    private long[] drawFollowers() {
        if (random.nextDouble() >= 0.25) {
            return new long[0];
        }
        return distinct(Math.min(1 + random.nextInt(3), sizes.users()), this::pickUser);
    }

    /** Draws until it has {@code count} different ids, in the order drawn. */
    private static long[] distinct(int count, LongSupplier draw) {
        long[] ids = new long[count];
        int found = 0;
        while (found < count) {
            long id = draw.getAsLong();
            boolean seen = false;
            for (int i = 0; i < found; i++) {
                seen |= ids[i] == id;
            }
            if (!seen) {
                ids[found++] = id;
            }
        }
        return ids;
    }

    /**
     * Returns the time until which a ticket gets comments: its status change for a finished ticket
     * (so that no comment comes after closing), otherwise up to 60 days after creation.
     */
    private long activityEnd(String status, long createdAt, Long updatedAt) {
        long last = isFinished(status) ? updatedAt : Math.min(end, createdAt + 60 * DAY);
        return Math.max(last, createdAt + MINUTE);
    }

    private void addTimeEntries(List<TimeEntry> entries, long ticketId, long[] assigned, long createdAt, long updatedAt) {
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            long user = assigned[random.nextInt(assigned.length)];
            int hundredths = 10 * (1 + random.nextInt(48));
            long at = createdAt + (long) (random.nextDouble() * (updatedAt - createdAt));
            entries.add(new TimeEntry(at, ticketId, user, hundredths));
        }
    }

    // ---- ticket history and time ----

    /** Writes the changes in time order, so that ids increase with time as they do in a live desk. */
    private void writeChanges(List<Change> changes) throws SQLException {
        changes.sort(Comparator.comparingLong(Change::at));
        Progress progress = new Progress(out, "ticket changes", changes.size(), terminal);
        try (Inserter changeRows = inserter("INSERT INTO ticket_changes (id, ticket_id, user_id, created_at, note) VALUES (?, ?, ?, ?, ?)");
                Inserter fields = inserter("INSERT INTO ticket_change_fields (change_id, field, old_value, new_value) VALUES (?, ?, ?, ?)")) {
            long id = 0;
            for (Change change : changes) {
                id++;
                changeRows.add(id, change.ticketId(), change.userId(), change.at(), change.note());
                fields.add(id, "status", "New", change.status());
                if (!change.resolution().isEmpty()) {
                    fields.add(id, "resolution", "", change.resolution());
                }
                rowsWritten(1);
                progress.advance(1);
            }
        }
        progress.finish();
    }

    private void writeTimeEntries(List<TimeEntry> entries) throws SQLException {
        entries.sort(Comparator.comparingLong(TimeEntry::at));
        Progress progress = new Progress(out, "time entries", entries.size(), terminal);
        try (Inserter rows = inserter("INSERT INTO time_entries (ticket_id, user_id, hundredths, created_at) VALUES (?, ?, ?, ?)")) {
            for (TimeEntry entry : entries) {
                rows.add(entry.ticketId(), entry.userId(), entry.hundredths(), entry.at());
                rowsWritten(1);
                progress.advance(1);
            }
        }
        progress.finish();
    }

    // ---- comments ----

    private void writeComments() throws SQLException {
        int[] counts = commentCounts();
        List<Comment> comments = new ArrayList<>((int) sizes.comments());
        for (int i = 0; i < counts.length; i++) {
            long window = ticketActivityEnd[i] - ticketCreated[i];
            for (int c = 0; c < counts[i]; c++) {
                long at = ticketCreated[i] + MINUTE + (long) (random.nextDouble() * Math.max(0, window - MINUTE));
                comments.add(new Comment(at, i + 1, commentAuthor(i), corpus.pick(ticketTopics[i], random)));
            }
        }
        // Ids follow time across all tickets, as they would in a live desk. The sort is stable, so
        // equal times keep the generated order.
        comments.sort(Comparator.comparingLong(Comment::at));
        Progress progress = new Progress(out, "comments", comments.size(), terminal);
        try (Inserter rows = inserter("INSERT INTO comments (ticket_id, user_id, body, created_at) VALUES (?, ?, ?, ?)")) {
            for (Comment comment : comments) {
                rows.add(comment.ticketId(), comment.userId(), comment.body(), comment.at());
                rowsWritten(1);
                progress.advance(1);
            }
        }
        progress.finish();
    }

    /** Picks the ticket's creator about 45% of the time, staff about 35% and anyone else about 20%. */
    private long commentAuthor(int ticket) {
        double draw = random.nextDouble();
        if (draw < 0.45) {
            return ticketCreators[ticket];
        } else if (draw < 0.80) {
            long[] assigned = ticketAssignees[ticket];
            return assigned.length > 0 ? assigned[random.nextInt(assigned.length)] : pickStaff();
        }
        return pickUser();
    }

    /**
     * Splits the requested number of comments over the tickets: each ticket gets a log-normal
     * weight, so most get a few comments, some none and a few many, capped at
     * {@link #MAX_COMMENTS_PER_TICKET}. The counts add up to the requested total exactly.
     */
    private int[] commentCounts() {
        int tickets = sizes.tickets();
        long total = sizes.comments();
        int[] counts = new int[tickets];
        if (tickets == 0 || total == 0) {
            return counts;
        }
        double[] cumulative = new double[tickets];
        double sum = 0;
        for (int i = 0; i < tickets; i++) {
            sum += StrictMath.exp(1.2 * random.nextGaussian());
            cumulative[i] = sum;
        }

        long assigned = 0;
        double previous = 0;
        for (int i = 0; i < tickets; i++) {
            double share = (cumulative[i] - previous) / sum;
            previous = cumulative[i];
            counts[i] = (int) Math.min(MAX_COMMENTS_PER_TICKET, (long) (total * share));
            assigned += counts[i];
        }

        // Hand out the rest one by one in proportion to the weights. Near the cap most draws can
        // land on full tickets, so after a bounded number of tries the rest go to tickets in order.
        long remaining = total - assigned;
        long tries = 20 * remaining + 1_000;
        while (remaining > 0 && tries-- > 0) {
            int ticket = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            ticket = Math.min(ticket < 0 ? -ticket - 1 : ticket, tickets - 1);
            if (counts[ticket] < MAX_COMMENTS_PER_TICKET) {
                counts[ticket]++;
                remaining--;
            }
        }
        for (int i = 0; remaining > 0 && i < tickets; i++) {
            int added = (int) Math.min(remaining, MAX_COMMENTS_PER_TICKET - counts[i]);
            counts[i] += added;
            remaining -= added;
        }
        return counts;
    }

    // ---- JDBC helpers ----

    private Inserter inserter(String sql) throws SQLException {
        Inserter inserter = new Inserter(connection.prepareStatement(sql));
        inserters.add(inserter);
        return inserter;
    }

    /** Counts rows of the main table of a step and commits every {@link #ROWS_PER_COMMIT} of them. */
    private void rowsWritten(int rows) throws SQLException {
        uncommittedRows += rows;
        if (uncommittedRows >= ROWS_PER_COMMIT) {
            commit();
        }
    }

    private void commit() throws SQLException {
        for (Inserter inserter : inserters) {
            inserter.flush();
        }
        connection.commit();
        uncommittedRows = 0;
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A prepared INSERT that sends its rows to SQLite in batches of {@link #ROWS_PER_BATCH}. */
    private final class Inserter implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Inserter(PreparedStatement statement) {
            this.statement = statement;
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending == ROWS_PER_BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            flush();
            inserters.remove(this);
            statement.close();
        }
    }
}
