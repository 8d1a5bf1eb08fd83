package org.nodepoint.inventory;

import java.time.Clock;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.ItemApproved;
import org.nodepoint.events.ItemAssigned;
import org.nodepoint.events.ItemCheckedOut;
import org.nodepoint.events.ItemDenied;
import org.nodepoint.events.ItemRequested;
import org.nodepoint.events.ItemReturned;
import org.nodepoint.events.Origin;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds an item: checkout, requests and their approval, denial or withdrawal, returns and
 * assignments. Each change is one transaction on the group-commit writer: a conditional UPDATE on
 * the status it expects, a check of the updated row count, and a history row. The event goes out
 * after the commit. When two users press Check out together, exactly one UPDATE matches, and the
 * other user gets a "not available" error.
 */
public final class Checkouts {
    private static final Logger log = LoggerFactory.getLogger(Checkouts.class);
    /** The form field, and the field of validation errors, that names the assignee. */
    public static final String USER_FIELD = "user";

    private final ItemService items;
    private final GroupCommitWriter writer;
    private final UserService users;
    private final EventBus events;
    private final Clock clock;

    Checkouts(ItemService items, GroupCommitWriter writer, UserService users, EventBus events, Clock clock) {
        this.items = items;
        this.writer = writer;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks an available item out to the actor (level 1), or records the actor's request when the
     * item needs approval. Returns the new status: CHECKED_OUT (publishes ItemCheckedOut) or WAITING
     * (publishes ItemRequested). Throws ValidationException on {@link ItemService#STATUS_FIELD}
     * when the item is not available, has expired, or someone got it first.
     */
    public ItemStatus checkOut(Viewer actor, long id, Origin origin) {
        requireLevel(actor, Level.AUTHORIZED);
        String today = items.today();
        long now = clock.millis();
        ItemStatus status = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            if (dao.checkOut(id, actor.userId(), today, now) == 0) {
                throw notAvailable(dao.findById(id).orElseThrow(ItemService::notFound), actor, today);
            }
            ItemStatus result = dao.findById(id).orElseThrow().state();
            dao.insertHistory(id, result == ItemStatus.WAITING ? "requested" : "checked_out", actor.userId(), null, "", now);
            return result;
        });
        if (status == ItemStatus.WAITING) {
            log.info("User {} asked to check out item {}", actor.userId(), id);
            events.publish(new ItemRequested(id, actor.userId(), actor.userId(), origin));
        } else {
            log.info("User {} checked out item {}", actor.userId(), id);
            events.publish(new ItemCheckedOut(id, actor.userId(), actor.userId(), origin));
        }
        return status;
    }

    /**
     * Approves the request that awaits approval (level 4): the requester now holds the item.
     * Publishes ItemApproved. An item that expired since the request cannot be approved; the
     * request must be denied instead.
     */
    public void approve(Viewer actor, long id, Origin origin) {
        ItemService.requireManager(actor);
        String today = items.today();
        long now = clock.millis();
        long requester = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            Item item = dao.findById(id).orElseThrow(ItemService::notFound);
            if (item.state() != ItemStatus.WAITING) {
                throw ValidationException.of(ItemService.STATUS_FIELD, "inventory.approve.notWaiting");
            }
            if (item.isExpiredOn(today)) {
                throw ValidationException.of(ItemService.STATUS_FIELD, "inventory.approve.expired", item.expiresOn());
            }
            if (dao.approve(id, item.holderId(), today, now) == 0) {
                throw ValidationException.of(ItemService.STATUS_FIELD, "inventory.approve.notWaiting");
            }
            dao.insertHistory(id, "approved", actor.userId(), item.holderId(), "", now);
            return item.holderId();
        });
        log.info("User {} approved the request of user {} for item {}", actor.userId(), requester, id);
        events.publish(new ItemApproved(id, requester, actor.userId(), origin));
    }

    /** Denies the request that awaits approval (level 4): the item is available again. Publishes ItemDenied. */
    public void deny(Viewer actor, long id, Origin origin) {
        ItemService.requireManager(actor);
        long requester = endRequest(actor, id, "inventory.deny.notWaiting");
        log.info("User {} denied the request of user {} for item {}", actor.userId(), requester, id);
        events.publish(new ItemDenied(id, requester, actor.userId(), origin));
    }

    /**
     * Withdraws the actor's own request that awaits approval: the item is available again. The
     * history records it as a denial by the requester. Publishes no event, because the requester
     * made the change and no other user is affected.
     */
    public void withdraw(Viewer actor, long id) {
        requireLevel(actor, Level.UNAUTHORIZED);
        Item item = items.find(id);
        if (item.state() != ItemStatus.WAITING || !item.isHeldBy(actor.userId())) {
            throw ValidationException.of(ItemService.STATUS_FIELD, "inventory.withdraw.none");
        }
        endRequest(actor, id, "inventory.withdraw.none", item.holderId());
        log.info("User {} withdrew their request for item {}", actor.userId(), id);
    }

    private long endRequest(Viewer actor, long id, String notWaitingKey) {
        return endRequest(actor, id, notWaitingKey, null);
    }

    /** Makes a waiting item available again, if its requester is still {@code expectedRequester} (any requester when null). */
    private long endRequest(Viewer actor, long id, String notWaitingKey, Long expectedRequester) {
        long now = clock.millis();
        return writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            Item item = dao.findById(id).orElseThrow(ItemService::notFound);
            boolean sameRequester = expectedRequester == null || expectedRequester.equals(item.holderId());
            if (item.state() != ItemStatus.WAITING || !sameRequester
                    || dao.release(id, ItemStatus.WAITING.stored(), item.holderId(), now) == 0) {
                throw ValidationException.of(ItemService.STATUS_FIELD, notWaitingKey);
            }
            dao.insertHistory(id, "denied", actor.userId(), item.holderId(), "", now);
            return item.holderId();
        });
    }

    /**
     * Returns a checked-out item: the item is available again. The holder may return it, and a user
     * of level 4 may return it for them. Publishes ItemReturned with the former holder.
     */
    public void returnItem(Viewer actor, long id, Origin origin) {
        requireLevel(actor, Level.UNAUTHORIZED);
        long now = clock.millis();
        long holder = writer.inTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            Item item = dao.findById(id).orElseThrow(ItemService::notFound);
            if (item.state() != ItemStatus.CHECKED_OUT) {
                throw ValidationException.of(ItemService.STATUS_FIELD, "inventory.return.notCheckedOut");
            }
            if (!item.isHeldBy(actor.userId()) && !actor.hasLevel(ItemService.MANAGER_LEVEL)) {
                throw new ForbiddenException("inventory.return.forbidden");
            }
            if (dao.release(id, ItemStatus.CHECKED_OUT.stored(), item.holderId(), now) == 0) {
                throw ValidationException.of(ItemService.STATUS_FIELD, "inventory.return.notCheckedOut");
            }
            Long concerned = item.holderId().equals(actor.userId()) ? null : item.holderId();
            dao.insertHistory(id, "returned", actor.userId(), concerned, "", now);
            return item.holderId();
        });
        log.info("User {} returned item {} held by user {}", actor.userId(), id, holder);
        events.publish(new ItemReturned(id, holder, actor.userId(), origin));
    }

    /**
     * Checks an available item out to a user (level 4), without approval: an enabled account of
     * level 1 or higher. Publishes ItemAssigned. Throws ValidationException on {@link #USER_FIELD}
     * for any other user, and on {@link ItemService#STATUS_FIELD} when the item is not available.
     */
    public void assign(Viewer actor, long id, long userId, Origin origin) {
        ItemService.requireManager(actor);
        User user = users.findById(userId).filter(ItemService::mayHold).orElseThrow(Checkouts::invalidAssignee);
        assign(actor, id, user, origin);
    }

    /** Assigns like {@link #assign(Viewer, long, long, Origin)} the user with this name, compared without regard to case. */
    public void assignByName(Viewer actor, long id, String name, Origin origin) {
        ItemService.requireManager(actor);
        User user = users.findByName(name == null ? "" : name.strip()).filter(ItemService::mayHold).orElseThrow(Checkouts::invalidAssignee);
        assign(actor, id, user, origin);
    }

    private void assign(Viewer actor, long id, User user, Origin origin) {
        String today = items.today();
        long now = clock.millis();
        writer.useTransaction(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            if (dao.assign(id, user.id(), today, now) == 0) {
                throw notAvailable(dao.findById(id).orElseThrow(ItemService::notFound), null, today);
            }
            dao.insertHistory(id, "assigned", actor.userId(), user.id(), "", now);
        });
        log.info("User {} assigned item {} to user {}", actor.userId(), id, user.id());
        events.publish(new ItemAssigned(id, user.id(), actor.userId(), origin));
    }

    /**
     * Returns the error for an item that cannot be handed out now. Every message states that the
     * item is not available, except the two for an item that the actor has already checked out or requested.
     */
    private static ValidationException notAvailable(Item item, Viewer actor, String today) {
        boolean own = actor != null && item.isHeldBy(actor.userId());
        String key = switch (item.state()) {
            case WAITING -> own ? "inventory.checkout.ownRequest" : "inventory.notAvailable.waiting";
            case CHECKED_OUT -> own ? "inventory.checkout.ownItem" : "inventory.notAvailable.checkedOut";
            case UNAVAILABLE -> "inventory.notAvailable.unavailable";
            case AVAILABLE -> item.isExpiredOn(today) ? "inventory.notAvailable.expired" : "inventory.notAvailable.changed";
        };
        return ValidationException.of(ItemService.STATUS_FIELD, key, item.expiresOn() == null ? "" : item.expiresOn());
    }

    private static ValidationException invalidAssignee() {
        return ValidationException.of(USER_FIELD, "inventory.assign.user", Level.AUTHORIZED);
    }

    private static void requireLevel(Viewer actor, int level) {
        if (actor.isGuest() || !actor.hasLevel(level)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }
}
