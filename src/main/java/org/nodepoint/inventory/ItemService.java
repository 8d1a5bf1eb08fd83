package org.nodepoint.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nodepoint.calendar.CalendarDates;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.ProductVisibility;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.submissions.Submission;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inventory items: adding, editing and deleting them (level 4), making them available or
 * unavailable and setting their expiry (level 4), and the reads of the pages, the home page and the
 * API. Checkouts, requests, approvals, returns and assignments are in {@link Checkouts}.
 *
 * <p>An item expires at the end of its expiry day in the time zone of the settings (time_zone);
 * from the next day on it can no longer be checked out, requested, approved or assigned.
 */
public final class ItemService {
    private static final Logger log = LoggerFactory.getLogger(ItemService.class);

    /** The field of errors about the item's state, such as "not available". */
    public static final String STATUS_FIELD = "status";
    /** The lowest level that manages the inventory. */
    public static final int MANAGER_LEVEL = Level.PROJECTS_MANAGEMENT;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final Clock clock;
    private final Checkouts checkouts;
    private final SystemLog systemLog;

    public ItemService(Database database, SettingsStore settings, UserService users, EventBus events, SystemLog systemLog, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        // The list query runs on a plain handle, which needs the row mapper that ItemDao declares.
        read.registerRowMapper(ConstructorMapper.factory(ItemSummary.class));
        this.settings = settings;
        this.clock = clock;
        this.checkouts = new Checkouts(this, writer, users, events, clock);
        this.systemLog = systemLog;
    }

    /** The state transitions: checkout, request, approval, denial, withdrawal, return and assignment. */
    public Checkouts checkouts() {
        return checkouts;
    }

    /** Returns today's date (yyyy-mm-dd) in the site's time zone, the day that expiry dates are compared with. */
    public String today() {
        return CalendarDates.today(clock.instant(), settings.current().zone()).toString();
    }

    /**
     * Adds an item and returns its id, once per submitted form token. Needs level 4. The web form
     * checks the type against the list ({@link ItemRules.TypeRule#LISTED}), the API and imports
     * take any word.
     */
    public long add(Viewer actor, ItemForm form, ItemRules.TypeRule typeRule, Submission submission) {
        requireManager(actor);
        ItemRules.Valid item = ItemRules.check(form, typeRule, null);
        long now = clock.millis();
        long id = writer.inTransaction(handle -> submission.storeOnce(handle, now, () -> {
            ItemDao dao = handle.attach(ItemDao.class);
            checkReferences(dao, item, 0);
            long itemId = dao.insert(item.name(), item.type(), item.serial(), item.productId(), item.clientId(), item.needsApproval(),
                    item.info(), now);
            dao.insertHistory(itemId, "added", actor.userId(), null, "", now);
            return itemId;
        }));
        log.info("User {} added item {}", actor.userId(), id);
        return id;
    }

    /**
     * Changes an item's fields and returns false when nothing changed. Needs level 4. With an
     * {@code expectedVersion}, the item must still be at the version that the form was loaded with;
     * otherwise nothing is stored. The history names the changed fields, never their values, because
     * the hand-over information is secret.
     */
    public boolean edit(Viewer actor, long id, ItemForm form, Long expectedVersion, ItemRules.TypeRule typeRule) {
        requireManager(actor);
        Item current = find(id);
        ItemRules.Valid item = ItemRules.check(form, typeRule, current.type());
        long now = clock.millis();
        List<String> changed = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            Item stored = dao.findById(id).orElseThrow(ItemService::notFound);
            if (expectedVersion != null && expectedVersion != stored.version()) {
                throw ValidationException.of("version", "inventory.edit.stale");
            }
            checkReferences(dao, item, id);
            List<String> fields = changedFields(stored, item);
            if (fields.isEmpty()) {
                return fields;
            }
            if (dao.update(id, stored.version(), item.name(), item.type(), item.serial(), item.productId(), item.clientId(),
                    item.needsApproval(), item.info(), now) == 0) {
                throw ValidationException.of("version", "inventory.edit.stale");
            }
            dao.insertHistory(id, "edited", actor.userId(), null, String.join(", ", fields), now);
            return fields;
        });
        if (!changed.isEmpty()) {
            log.info("User {} edited item {}: {}", actor.userId(), id, changed);
        }
        return !changed.isEmpty();
    }

    /**
     * Deletes an item with its history, and records that in the system log, which outlives the
     * history. Needs level 4. An item that is checked out or requested must be returned or denied first.
     */
    public void delete(Viewer actor, long id) {
        requireManager(actor);
        Item deleted = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            Item item = dao.findById(id).orElseThrow(ItemService::notFound);
            if (dao.deleteUnheld(id) == 0) {
                throw ValidationException.of(STATUS_FIELD, "inventory.delete.held");
            }
            return item;
        });
        log.info("User {} deleted item {}", actor.userId(), id);
        String serial = deleted.serial() == null ? "" : ", serial " + deleted.serial();
        systemLog.record(LogCategory.INVENTORY, actor.name(), "Deleted item " + deleted.name() + " (id " + id + serial + ")");
    }

    /** Makes an unavailable item available; returns false when it was available already. Needs level 4. */
    public boolean makeAvailable(Viewer actor, long id) {
        return switchAvailability(actor, id, ItemStatus.UNAVAILABLE, ItemStatus.AVAILABLE, "made_available");
    }

    /** Makes an available item unavailable; returns false when it was unavailable already. Needs level 4. */
    public boolean makeUnavailable(Viewer actor, long id) {
        return switchAvailability(actor, id, ItemStatus.AVAILABLE, ItemStatus.UNAVAILABLE, "made_unavailable");
    }

    private boolean switchAvailability(Viewer actor, long id, ItemStatus from, ItemStatus to, String action) {
        requireManager(actor);
        long now = clock.millis();
        boolean switched = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            if (dao.switchAvailability(id, from.stored(), to.stored(), now) == 0) {
                ItemStatus status = dao.findById(id).orElseThrow(ItemService::notFound).state();
                if (status.isHeld()) {
                    throw ValidationException.of(STATUS_FIELD, "inventory.availability.held");
                }
                return false;
            }
            dao.insertHistory(id, action, actor.userId(), null, "", now);
            return true;
        });
        if (switched) {
            log.info("User {} made item {} {}", actor.userId(), id, to.stored());
        }
        return switched;
    }

    /** Sets the last day on which the item can be checked out, or removes it with null; returns false when it was so already. Needs level 4. */
    public boolean setExpiry(Viewer actor, long id, LocalDate lastDay) {
        requireManager(actor);
        long now = clock.millis();
        String stored = lastDay == null ? null : lastDay.toString();
        boolean changed = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            if (dao.setExpiry(id, stored, now) == 0) {
                dao.findById(id).orElseThrow(ItemService::notFound);
                return false;
            }
            dao.insertHistory(id, stored == null ? "expiry_removed" : "expiry_set", actor.userId(), null, stored == null ? "" : stored, now);
            return true;
        });
        if (changed) {
            log.info("User {} set the expiry of item {} to {}", actor.userId(), id, stored);
        }
        return changed;
    }

    /** Reads the date of the expiry form (yyyy-mm-dd, "" for none), or throws ValidationException on field expiresOn. */
    public static Optional<LocalDate> parseExpiry(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CalendarDates.parseIso(clean).orElseThrow(() -> ValidationException.of("expiresOn", "inventory.expiry.invalid")));
    }

    /**
     * Returns an item with its history to a signed-in viewer. The hand-over information is left out
     * unless the viewer holds the checked-out item or is at level 4 or higher.
     */
    public ItemDetails show(Viewer viewer, long id) {
        requireSignedIn(viewer);
        Item item = find(id);
        boolean infoVisible = mayReadInfo(viewer, item);
        List<ItemHistoryEntry> history = read.withExtension(ItemDao.class, dao -> dao.listHistory(id));
        Item visibleParts = namesVisibleTo(viewer, infoVisible ? item : item.withoutInfo());
        return new ItemDetails(visibleParts, infoVisible, item.isExpiredOn(today()), history);
    }

    /**
     * Leaves out the project of an item when the viewer may not see that project, and the client when
     * the viewer is below client_lvl, as the project and client pages would refuse them.
     */
    private Item namesVisibleTo(Viewer viewer, Item item) {
        boolean projectHidden = item.productId() != null && !projectVisible(viewer, item.productId());
        boolean clientHidden = item.clientId() != null && !viewer.hasLevel(settings.current().clientsLevel());
        return item.withoutNames(projectHidden, clientHidden);
    }

    private boolean projectVisible(Viewer viewer, long productId) {
        Set<String> visible = ProductVisibility.labelsVisibleTo(viewer);
        return read.withHandle(handle -> handle.createQuery("SELECT visibility FROM products WHERE id = ?").bind(0, productId)
                .mapTo(String.class).findOne()).filter(visible::contains).isPresent();
    }

    /** True when the viewer may read the item's hand-over information: its holder while it is checked out, and level 4 and up. */
    public static boolean mayReadInfo(Viewer viewer, Item item) {
        return viewer.hasLevel(MANAGER_LEVEL) || (item.state() == ItemStatus.CHECKED_OUT && item.isHeldBy(viewer.userId()));
    }

    /** Returns one page of items, sorted by name, for a signed-in viewer. */
    public ItemList list(Viewer viewer, ItemFilter filter, long offset, int limit) {
        requireSignedIn(viewer);
        ItemListing listing = new ItemListing(filter, today());
        return read.withHandle(handle -> listing.read(handle, offset, limit));
    }

    /** Returns the types that items have, for the list's type filter. */
    public List<String> typesInUse() {
        return read.withExtension(ItemDao.class, ItemDao::listTypesInUse);
    }

    /** Returns every client by name, for the client field of the item form. */
    public List<ClientOption> clientOptions() {
        return read.withExtension(ItemDao.class, ItemDao::listClients);
    }

    /** Returns the items that the viewer has checked out or asked for, by name. */
    public List<ItemSummary> heldBy(Viewer viewer) {
        if (viewer.isGuest()) {
            return List.of();
        }
        String today = today();
        return read.withExtension(ItemDao.class, dao -> dao.listHeldBy(viewer.userId(), today));
    }

    /** Returns the home page's inventory panel for the viewer. */
    public HomeItems homeItems(Viewer viewer) {
        if (viewer.isGuest()) {
            return HomeItems.NONE;
        }
        long awaiting = viewer.hasLevel(MANAGER_LEVEL) ? countWaiting(viewer) : 0;
        return new HomeItems(heldBy(viewer), awaiting);
    }

    /** Returns the items that the user has checked out (not those they only asked for), by name. */
    public List<ItemSummary> checkedOutBy(long userId) {
        String today = today();
        return read.withExtension(ItemDao.class, dao -> dao.listCheckedOutBy(userId, today));
    }

    /** Returns one page of the requests that await approval, oldest first. Needs level 4. */
    public List<ApprovalRequest> approvals(Viewer viewer, long offset, int limit) {
        requireManager(viewer);
        String today = today();
        return read.withExtension(ItemDao.class, dao -> dao.listWaiting(today, offset, limit));
    }

    /** Returns how many requests await approval. Needs level 4. */
    public long countWaiting(Viewer viewer) {
        requireManager(viewer);
        return read.withExtension(ItemDao.class, ItemDao::countWaiting);
    }

    /** Returns every item with its hand-over information, for the legacy API, which reads everything. */
    public List<Item> listAll() {
        return read.withExtension(ItemDao.class, ItemDao::listAll);
    }

    /** Returns the item, or throws NotFoundException. */
    public Item find(long id) {
        return read.withExtension(ItemDao.class, dao -> dao.findById(id)).orElseThrow(ItemService::notFound);
    }

    private static List<String> changedFields(Item stored, ItemRules.Valid item) {
        List<String> fields = new ArrayList<>();
        addIfChanged(fields, "name", stored.name(), item.name());
        addIfChanged(fields, "type", stored.type(), item.type());
        addIfChanged(fields, "serial", stored.serial(), item.serial());
        addIfChanged(fields, "project", stored.productId(), item.productId());
        addIfChanged(fields, "client", stored.clientId(), item.clientId());
        addIfChanged(fields, "approval", stored.needsApproval(), item.needsApproval());
        addIfChanged(fields, "info", stored.info(), item.info());
        return fields;
    }

    private static void addIfChanged(List<String> fields, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(field);
        }
    }

    /**
     * Checks, inside the write transaction, that the serial number is free (compared by the key
     * that the items_serial_key index keeps unique) and that the project and the client exist.
     */
    private static void checkReferences(ItemDao dao, ItemRules.Valid item, long exceptId) {
        FieldErrors errors = new FieldErrors();
        if (item.serial() != null) {
            dao.findIdBySerial(item.serial(), exceptId).ifPresent(other -> errors.add("serial", "inventory.serial.taken", other));
        }
        if (item.productId() != null && dao.countProduct(item.productId()) == 0) {
            errors.add("productId", "inventory.product.unknown");
        }
        if (item.clientId() != null && dao.countClient(item.clientId()) == 0) {
            errors.add("clientId", "inventory.client.unknown");
        }
        errors.throwIfAny();
    }

    static NotFoundException notFound() {
        return new NotFoundException("inventory.notFound");
    }

    static void requireManager(Viewer actor) {
        if (!actor.hasLevel(MANAGER_LEVEL)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    private static void requireSignedIn(Viewer viewer) {
        if (viewer.isGuest()) {
            throw new NotFoundException("inventory.notFound");
        }
    }

    /** True when the user may hold items: an enabled account of level 1 or higher. */
    static boolean mayHold(User user) {
        return user.canSignIn() && user.level() >= Level.AUTHORIZED;
    }
}
