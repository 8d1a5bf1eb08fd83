package org.nodepoint.tickets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ObjLongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.config.TicketVisibility;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.events.CommentAdded;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TicketCreated;
import org.nodepoint.events.TicketUpdated;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.submissions.Submission;
import org.nodepoint.text.UserText;
import org.nodepoint.users.Level;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets and comments: filing, listing, reading, updating with a change history, and commenting.
 * Every read goes through {@link TicketAccess}, so pages, search, the API and counts share one
 * visibility rule.
 */
public final class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 20_000;
    public static final int MAX_COMMENT_LENGTH = 10_000;
    public static final int MAX_RESOLUTION_LENGTH = 2_000;
    public static final int MAX_NOTE_LENGTH = 10_000;
    public static final int MAX_RELEASE_LENGTH = 50;
    /**
     * Viewers checked per query by {@link #readersAmong}: one result column and at most four
     * parameters each, well below SQLite's default limits of 2000 columns and 32766 parameters.
     */
    private static final int READERS_PER_QUERY = 200;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final UserService users;
    private final ProductService products;
    private final EventBus events;
    private final Clock clock;

    public TicketService(Database database, SettingsStore settings, UserService users, ProductService products,
            EventBus events, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        // The dynamic queries below run on plain handles, which need the row mappers that TicketDao declares.
        read.registerRowMapper(ConstructorMapper.factory(Ticket.class));
        read.registerRowMapper(ConstructorMapper.factory(TicketSummary.class));
        read.registerRowMapper(ConstructorMapper.factory(TicketListing.class));
        this.settings = settings;
        this.users = users;
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    /** Returns true when the viewer may file tickets: level 1 and up, or a guest while guest tickets are on. */
    public boolean canFile(Viewer viewer) {
        return viewer.hasLevel(Level.AUTHORIZED) || (viewer.isGuest() && settings.current().guestTickets());
    }

    /**
     * Files a ticket with status New, assigned to the product's auto-assignees, and returns its id.
     * From the web the release must be empty or one of the product's releases; the legacy API takes
     * any release text, as NodePoint 1.x did.
     */
    public long file(Viewer viewer, NewTicket ticket, Origin origin) {
        return file(viewer, ticket, origin, TicketAddition.NONE, Submission.NONE);
    }

    /** Files a ticket like {@link #file(Viewer, NewTicket, Origin)} together with another feature's data. */
    public long file(Viewer viewer, NewTicket ticket, Origin origin, TicketAddition addition) {
        return file(viewer, ticket, origin, addition, Submission.NONE);
    }

    /** Files a ticket like {@link #file(Viewer, NewTicket, Origin)}, once per submitted form token. */
    public long file(Viewer viewer, NewTicket ticket, Origin origin, Submission submission) {
        return file(viewer, ticket, origin, TicketAddition.NONE, submission);
    }

    /**
     * Files a ticket like {@link #file(Viewer, NewTicket, Origin)} together with another feature's
     * data, once per submitted form token.
     */
    public long file(Viewer viewer, NewTicket ticket, Origin origin, TicketAddition addition, Submission submission) {
        boolean knownReleaseOnly = origin == Origin.WEB;
        if (!canFile(viewer)) {
            throw new ForbiddenException("tickets.file.forbidden");
        }
        FieldErrors errors = new FieldErrors();
        String title = UserText.singleLine(ticket.title());
        String description = UserText.multiLine(ticket.description());
        String release = UserText.singleLine(ticket.release());
        checkLength(title, 1, MAX_TITLE_LENGTH, "title", "tickets.title.length", errors);
        checkLength(description, 1, MAX_DESCRIPTION_LENGTH, "description", "tickets.description.length", errors);
        Optional<Priority> priority = UserText.singleLine(ticket.priority()).isEmpty() ? Optional.of(Priority.NORMAL) : Priority.parse(ticket.priority());
        if (priority.isEmpty()) {
            errors.add("priority", "tickets.priority.invalid");
        }
        Optional<Product> product = products.findById(ticket.productId()).filter(p -> products.isVisible(viewer, p) && !p.isArchived());
        if (product.isEmpty()) {
            errors.add("productId", "tickets.product.invalid");
        } else if (knownReleaseOnly && !release.isEmpty() && !products.hasRelease(product.get().id(), release)) {
            errors.add("release", "tickets.release.invalid");
        }
        if (release.length() > MAX_RELEASE_LENGTH) {
            errors.add("release", "projects.release.version.length", MAX_RELEASE_LENGTH);
        }
        addition.validate(errors);
        errors.throwIfAny();

        long creator = viewer.isGuest() ? users.builtinId("guest") : viewer.userId();
        long now = clock.millis();
        long id = writer.inTransaction(handle -> submission.storeOnce(handle, now, () -> {
            long ticketId = handle.attach(TicketDao.class).insert(product.get().id(), release, creator, title,
                    description, priority.get().code(), TicketStatus.NEW.label(), now);
            // In the same transaction, so that no reader sees the ticket without its auto-assignees.
            Assignments.assignAutoAssignees(handle, ticketId, product.get().id());
            addition.store(handle, ticketId);
            return ticketId;
        }));
        log.info("User {} filed ticket {} in product {}", creator, id, product.get().id());
        events.publish(new TicketCreated(id, creator, origin));
        return id;
    }

    public TicketList list(Viewer viewer, TicketFilter filter, long offset, int limit) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String condition = listCondition(viewer, filter, binds);
        return read.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM tickets t " + condition)
                    .bindMap(binds).mapTo(Long.class).one();
            // The page's ids are found first on the indexes alone, so that rows skipped by a deep OFFSET
            // are never joined with products and users.
            List<TicketSummary> rows = handle.createQuery(TicketDao.SUMMARY + "WHERE t.id IN (SELECT t.id FROM tickets t " + condition
                            + "ORDER BY " + filter.sort().orderBy() + " LIMIT :limit OFFSET :offset) ORDER BY " + filter.sort().orderBy())
                    .bindMap(binds).bind("limit", limit).bind("offset", offset)
                    .mapTo(TicketSummary.class).list();
            return new TicketList(rows, total);
        });
    }

    /** Counts the tickets that the list would show with this filter. */
    public long count(Viewer viewer, TicketFilter filter) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String condition = listCondition(viewer, filter, binds);
        return read.withHandle(handle -> handle.createQuery("SELECT count(*) FROM tickets t " + condition)
                .bindMap(binds).mapTo(Long.class).one());
    }

    /** Builds the WHERE clause (or "") of the ticket list: visibility, filters and the hide_close setting. */
    private String listCondition(Viewer viewer, TicketFilter filter, Map<String, Object> binds) {
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        binds.putAll(access.binds());
        List<String> where = new ArrayList<>();
        if (!access.isAlwaysTrue()) {
            where.add(access.sql());
        }
        if (filter.productId() != null) {
            where.add("t.product_id = :productId");
            binds.put("productId", filter.productId());
        }
        if (filter.status() != null) {
            where.add("t.status = :status");
            binds.put("status", filter.status().label());
        } else if (settings.current().hideClosed()) {
            where.add("t.status <> 'Closed'");
        }
        if (filter.priority() != null) {
            where.add("t.priority = :priority");
            binds.put("priority", filter.priority().code());
        }
        return where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ";
    }

    /** Returns the ticket if the viewer may read it; otherwise NotFoundException, so that hidden tickets look absent. */
    public Ticket findVisible(Viewer viewer, long id) {
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        return read.withHandle(handle -> handle.createQuery("SELECT " + TicketDao.COLUMNS + " FROM tickets t WHERE t.id = :id AND " + access.sql())
                        .bindMap(access.binds()).bind("id", id)
                        .mapTo(Ticket.class).findOne())
                .orElseThrow(() -> new NotFoundException("tickets.notFound"));
    }

    /** Returns the ticket without an access check, for background work that acts for no viewer, such as plugins. */
    public Optional<Ticket> findById(long id) {
        return read.withExtension(TicketDao.class, dao -> dao.findById(id));
    }

    /** Returns a visible ticket with its product, people, comments and history. */
    public TicketDetails show(Viewer viewer, long id) {
        Ticket ticket = findVisible(viewer, id);
        Product product = products.findById(ticket.productId()).orElseThrow();
        return read.withExtension(TicketDao.class, dao -> new TicketDetails(
                ticket,
                product,
                users.findById(ticket.createdBy()).map(user -> user.name()).orElse("?"),
                dao.listAssigneeNames(id),
                dao.listFollowerNames(id),
                dao.listComments(id),
                dao.listChanges(id)));
    }

    /**
     * Applies the changes and records who made them, when, and each field's old and new value.
     * Needs level 3. From the web, a status other than New or Open needs a resolution; the legacy
     * API does not ask for one, as NodePoint 1.x did not. Below the past_lvl level a changed
     * description is rejected, because only that level may rewrite what earlier editors wrote.
     * Returns false when nothing changed and there was no note or time to record.
     */
    public boolean update(Viewer viewer, long id, TicketUpdate update, Origin origin) {
        return update(viewer, id, update, origin, null);
    }

    /**
     * Applies the changes like {@link #update(Viewer, long, TicketUpdate, Origin)}, but only if the
     * ticket is still at {@code expectedVersion}, the version that the editing form was loaded with;
     * otherwise the form is stale and nothing is stored. A null version skips the check.
     */
    public boolean update(Viewer viewer, long id, TicketUpdate update, Origin origin, Long expectedVersion) {
        return update(viewer, id, update, origin, expectedVersion, Submission.NONE);
    }

    /**
     * Applies the changes like {@link #update(Viewer, long, TicketUpdate, Origin, Long)}, once per
     * submitted form token.
     */
    public boolean update(Viewer viewer, long id, TicketUpdate update, Origin origin, Long expectedVersion, Submission submission) {
        boolean requireResolution = origin == Origin.WEB;
        if (!viewer.hasLevel(Level.TICKETS_MANAGEMENT)) {
            throw new ForbiddenException("error.forbidden.level");
        }
        Ticket current = findVisible(viewer, id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ValidationException.of("version", "tickets.update.stale");
        }
        FieldErrors errors = new FieldErrors();
        String title = update.title() == null ? current.title() : UserText.singleLine(update.title());
        String description = update.description() == null ? current.description() : UserText.multiLine(update.description());
        String resolution = update.resolution() == null ? current.resolution() : UserText.multiLine(update.resolution());
        String release = update.release() == null ? current.release() : UserText.singleLine(update.release());
        String note = UserText.multiLine(update.note());
        checkLength(title, 1, MAX_TITLE_LENGTH, "title", "tickets.title.length", errors);
        checkLength(description, 1, MAX_DESCRIPTION_LENGTH, "description", "tickets.description.length", errors);
        int pastEditLevel = settings.current().pastEditLevel();
        boolean rewritesDescription = update.description() != null && !description.equals(UserText.multiLine(current.description()));
        if (rewritesDescription && !viewer.hasLevel(pastEditLevel)) {
            errors.add("description", "tickets.description.locked", pastEditLevel);
        }
        checkLength(resolution, 0, MAX_RESOLUTION_LENGTH, "resolution", "tickets.resolution.length", errors);
        checkLength(note, 0, MAX_NOTE_LENGTH, "note", "tickets.note.length", errors);
        Optional<TicketStatus> status = update.status() == null ? TicketStatus.parse(current.status()) : TicketStatus.parse(update.status());
        if (status.isEmpty()) {
            errors.add("status", "tickets.status.invalid");
        } else if (requireResolution && status.get().needsResolution() && resolution.isEmpty()) {
            errors.add("resolution", "tickets.resolution.required", status.get().label());
        }
        Optional<Priority> priority = update.priority() == null ? Optional.of(current.priorityLevel()) : Priority.parse(update.priority());
        if (priority.isEmpty()) {
            errors.add("priority", "tickets.priority.invalid");
        }
        if (!release.equals(current.release()) && !release.isEmpty() && !products.hasRelease(current.productId(), release)) {
            errors.add("release", "tickets.release.invalid");
        }
        Optional<Hours> hours = Hours.parseEntry(update.hours());
        if (hours.isEmpty()) {
            errors.add("time", "tickets.time.invalid", Hours.MAX_ENTRY_HOURS);
        }
        errors.throwIfAny();

        Map<String, String[]> changed = new LinkedHashMap<>();
        addIfChanged(changed, "title", current.title(), title);
        addIfChanged(changed, "description", current.description(), description);
        addIfChanged(changed, "status", current.status(), status.get().label());
        addIfChanged(changed, "resolution", current.resolution(), resolution);
        addIfChanged(changed, "priority", current.priorityLevel().label(), priority.get().label());
        addIfChanged(changed, "release", current.release(), release);
        Hours time = hours.get();
        if (changed.isEmpty() && note.isEmpty() && time.isZero()) {
            return false;
        }
        long now = clock.millis();
        long changeId = writer.inTransaction(handle -> submission.storeOnce(handle, now, () -> {
            TicketDao dao = handle.attach(TicketDao.class);
            if (expectedVersion != null && dao.findById(id).map(Ticket::version).orElse(-1L) != expectedVersion.longValue()) {
                throw ValidationException.of("version", "tickets.update.stale");
            }
            dao.update(id, title, description, status.get().label(), resolution, priority.get().code(), release, now);
            long change = dao.insertChange(id, viewer.userId(), now, note);
            changed.forEach((field, values) -> dao.insertChangeField(change, field, values[0], values[1]));
            if (!time.isZero()) {
                dao.insertTimeEntry(id, viewer.userId(), time.hundredths(), now);
            }
            return change;
        }));
        log.info("User {} updated ticket {}: {}", viewer.userId(), id, changed.keySet());
        events.publish(new TicketUpdated(id, changeId, viewer.userId(), origin));
        return true;
    }

    /** Adds a comment to a visible ticket. Needs level 1; a closed ticket takes comments from level 3 only. */
    public long comment(Viewer viewer, long ticketId, String body, Origin origin) {
        return comment(viewer, ticketId, body, origin, (handle, commentId) -> { }, Submission.NONE);
    }

    /** Adds a comment like {@link #comment(Viewer, long, String, Origin)}, once per submitted form token. */
    public long comment(Viewer viewer, long ticketId, String body, Origin origin, Submission submission) {
        return comment(viewer, ticketId, body, origin, (handle, commentId) -> { }, submission);
    }

    /**
     * Adds a comment like {@link #comment(Viewer, long, String, Origin)}, once per submitted form
     * token, and runs {@code alsoInsert} with the new comment's id in the same transaction, so that
     * rows which belong to the comment, such as its attachments, are committed with it or not at all.
     */
    public long comment(Viewer viewer, long ticketId, String body, Origin origin, ObjLongConsumer<Handle> alsoInsert,
            Submission submission) {
        if (!viewer.hasLevel(Level.AUTHORIZED)) {
            throw new ForbiddenException("tickets.comment.forbidden");
        }
        Ticket ticket = findVisible(viewer, ticketId);
        String text = UserText.multiLine(body);
        FieldErrors errors = new FieldErrors();
        checkLength(text, 1, MAX_COMMENT_LENGTH, "comment", "tickets.comment.length", errors);
        if (ticket.isClosed() && !viewer.hasLevel(Level.TICKETS_MANAGEMENT)) {
            errors.add("comment", "tickets.comment.closed");
        }
        errors.throwIfAny();
        long now = clock.millis();
        long id = writer.inTransaction(handle -> submission.storeOnce(handle, now, () -> {
            long commentId = handle.attach(TicketDao.class).insertComment(ticketId, viewer.userId(), text, now);
            alsoInsert.accept(handle, commentId);
            return commentId;
        }));
        log.info("User {} commented on ticket {}", viewer.userId(), ticketId);
        events.publish(new CommentAdded(ticketId, id, viewer.userId(), origin));
        return id;
    }

    /** Returns the newest visible tickets that the viewer created. */
    public List<TicketSummary> createdBy(Viewer viewer, int limit) {
        if (viewer.isGuest()) {
            return List.of();
        }
        return read.withHandle(handle -> handle.createQuery(TicketDao.SUMMARY + "WHERE t.created_by = :userId ORDER BY t.id DESC LIMIT :limit")
                .bind("userId", viewer.userId()).bind("limit", limit)
                .mapTo(TicketSummary.class).list());
    }

    /** Returns the newest visible tickets assigned to the viewer that are not closed. */
    public List<TicketSummary> assignedTo(Viewer viewer, int limit) {
        if (viewer.isGuest()) {
            return List.of();
        }
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        return read.withHandle(handle -> handle.createQuery(TicketDao.SUMMARY
                        + "JOIN ticket_assignees a ON a.ticket_id = t.id AND a.user_id = :userId "
                        + "WHERE t.status <> 'Closed' AND " + access.sql() + " ORDER BY t.id DESC LIMIT :limit")
                .bindMap(access.binds()).bind("userId", viewer.userId()).bind("limit", limit)
                .mapTo(TicketSummary.class).list());
    }

    /** Returns summaries of these tickets, keeping only those the viewer may read, in the order of the ids. */
    public List<TicketSummary> summariesVisibleTo(Viewer viewer, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        Map<Long, TicketSummary> byId = new LinkedHashMap<>();
        read.useHandle(handle -> handle.createQuery(TicketDao.SUMMARY + "WHERE t.id IN (<ids>) AND " + access.sql())
                .bindList("ids", ids).bindMap(access.binds())
                .mapTo(TicketSummary.class)
                .forEach(row -> byId.put(row.id(), row)));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Returns the ids of the viewers who may read the ticket now, for background work such as
     * notifications, which checks many readers of one ticket. Each chunk of viewers costs one
     * query: a row with one visibility column per viewer. A missing ticket has no readers.
     */
    public Set<Long> readersAmong(long ticketId, List<Viewer> viewers) {
        TicketVisibility setting = settings.current().ticketVisibility();
        Set<Long> readers = new HashSet<>();
        for (int start = 0; start < viewers.size(); start += READERS_PER_QUERY) {
            List<Viewer> chunk = viewers.subList(start, Math.min(start + READERS_PER_QUERY, viewers.size()));
            Map<String, Object> binds = new LinkedHashMap<>();
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                TicketAccess.Condition access = TicketAccess.forViewer(chunk.get(i), setting, "reader" + i + "_");
                binds.putAll(access.binds());
                columns.add("CASE WHEN " + access.sql() + " THEN 1 ELSE 0 END");
            }
            Optional<List<Boolean>> row = read.withHandle(handle -> handle.createQuery(
                            "SELECT " + String.join(", ", columns) + " FROM tickets t WHERE t.id = :ticketId")
                    .bindMap(binds).bind("ticketId", ticketId)
                    .map((rs, ctx) -> {
                        List<Boolean> readable = new ArrayList<>();
                        for (int column = 1; column <= chunk.size(); column++) {
                            readable.add(rs.getInt(column) == 1);
                        }
                        return readable;
                    })
                    .findOne());
            if (row.isEmpty()) {
                return Set.of();
            }
            for (int i = 0; i < chunk.size(); i++) {
                if (row.get().get(i) && chunk.get(i).isSignedIn()) {
                    readers.add(chunk.get(i).userId());
                }
            }
        }
        return readers;
    }

    /** Returns true when the viewer may read only their own tickets, or none, so that a visibility filter passes few rows. */
    public boolean seesOnlyOwnTickets(Viewer viewer) {
        return TicketAccess.forViewer(viewer, settings.current().ticketVisibility()).narrow();
    }

    /** Returns true when the viewer may read every ticket, so that a count may skip the visibility condition. */
    public boolean seesEveryTicket(Viewer viewer) {
        return TicketAccess.passesEveryTicket(viewer, settings.current().ticketVisibility());
    }

    /** Returns the visibility condition on alias {@code t} for code that builds its own ticket query, such as search. */
    public String accessCondition(Viewer viewer, Map<String, Object> binds) {
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        binds.putAll(access.binds());
        return access.sql();
    }

    /**
     * Returns every ticket of a product, oldest first, for the legacy API. Closed ones are left out
     * while hide_close is on. The stamp is read in the same transaction as the tickets.
     */
    public ProductListing listByProduct(long productId) {
        boolean hideClosed = settings.current().hideClosed();
        String closed = hideClosed ? " AND t.status <> 'Closed'" : "";
        return read.inTransaction(handle -> {
            long stamp = readListingStamp(handle, productId);
            List<TicketListing> listed = handle.createQuery("SELECT t.id, t.product_id, t.release, t.title FROM tickets t "
                            + "WHERE t.product_id = :productId" + closed + " ORDER BY t.id")
                    .bind("productId", productId).mapTo(TicketListing.class).list();
            return new ProductListing(stamp, hideClosed, listed);
        });
    }

    /** Returns whether lists of a product for the legacy API leave closed tickets out. */
    public boolean listingHidesClosed() {
        return settings.current().hideClosed();
    }

    /**
     * Returns a number that changes whenever a ticket of the product is filed or deleted, or changes
     * its product, release, title or status. Database triggers maintain it.
     */
    public long listingStamp(long productId) {
        return read.withHandle(handle -> readListingStamp(handle, productId));
    }

    private static long readListingStamp(Handle handle, long productId) {
        return handle.createQuery("SELECT stamp FROM product_ticket_stamps WHERE product_id = :productId")
                .bind("productId", productId).mapTo(Long.class).findOne().orElse(0L);
    }


    private static void addIfChanged(Map<String, String[]> changed, String field, String oldValue, String newValue) {
        if (!oldValue.equals(newValue)) {
            changed.put(field, new String[] {oldValue, newValue});
        }
    }

    private static void checkLength(String value, int min, int max, String field, String key, FieldErrors errors) {
        if (value.length() < min || value.length() > max) {
            errors.add(field, key, max);
        }
    }
}
