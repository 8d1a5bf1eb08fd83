package org.nodepoint.tickets;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TicketAssigned;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserRef;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assignees of tickets. A user of level 3 or higher assigns themselves or another enabled user of
 * level 3 or higher who may read the ticket, and removes assignees. Each change is recorded in
 * the ticket's history as a change of the "assignees" field and sets the ticket's update time.
 */
public final class Assignments {
    private static final Logger log = LoggerFactory.getLogger(Assignments.class);
    /** The lowest level that may assign, be assigned and be auto-assigned. */
    public static final int MIN_LEVEL = Level.TICKETS_MANAGEMENT;
    /** The form field, and the field of validation errors, that names the user. */
    public static final String USER_FIELD = "userId";

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final TicketService tickets;
    private final UserService users;
    private final EventBus events;
    private final Clock clock;

    public Assignments(Database database, TicketService tickets, UserService users, EventBus events, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.tickets = tickets;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds the user to the ticket's assignees and publishes TicketAssigned. Returns false when the
     * user was assigned already. Throws ValidationException on {@link #USER_FIELD} for a user who
     * does not exist, is disabled, is below level 3 or may not read the ticket.
     */
    public boolean assign(Viewer actor, long ticketId, long userId, Origin origin) {
        requireManager(actor);
        tickets.findVisible(actor, ticketId);
        User user = users.findById(userId).filter(User::canSignIn).orElseThrow(() -> invalidUser("assign.user.unknown"));
        checkAssignable(user, ticketId);
        boolean added = writer.inTransaction(handle -> {
            TicketPeopleDao dao = handle.attach(TicketPeopleDao.class);
            List<UserRef> before = dao.listAssignees(ticketId);
            if (dao.insertAssignee(ticketId, userId) == 0) {
                return false;
            }
            recordChange(handle, ticketId, actor, before, dao.listAssignees(ticketId));
            return true;
        });
        if (added) {
            log.info("User {} assigned user {} to ticket {}", actor.userId(), userId, ticketId);
            events.publish(new TicketAssigned(ticketId, userId, actor.userId(), origin));
        }
        return added;
    }

    /** Assigns the user with this name, compared without regard to case, like {@link #assign}. */
    public boolean assignByName(Viewer actor, long ticketId, String name, Origin origin) {
        requireManager(actor);
        tickets.findVisible(actor, ticketId);
        User user = users.findByName(name).filter(User::canSignIn).orElseThrow(() -> invalidUser("assign.user.unknown"));
        return assign(actor, ticketId, user.id(), origin);
    }

    /** Removes the user from the ticket's assignees; returns false when they were not assigned. */
    public boolean unassign(Viewer actor, long ticketId, long userId) {
        requireManager(actor);
        tickets.findVisible(actor, ticketId);
        boolean removed = writer.inTransaction(handle -> {
            TicketPeopleDao dao = handle.attach(TicketPeopleDao.class);
            List<UserRef> before = dao.listAssignees(ticketId);
            if (dao.deleteAssignee(ticketId, userId) == 0) {
                return false;
            }
            recordChange(handle, ticketId, actor, before, dao.listAssignees(ticketId));
            return true;
        });
        if (removed) {
            log.info("User {} removed user {} from the assignees of ticket {}", actor.userId(), userId, ticketId);
        }
        return removed;
    }

    /** Returns the ticket's assignees by name. */
    public List<UserRef> assignees(long ticketId) {
        return read.withExtension(TicketPeopleDao.class, dao -> dao.listAssignees(ticketId));
    }

    /** Returns the users that may be assigned to a ticket, by name, leaving out those in {@code assigned}. */
    public List<UserRef> candidates(List<UserRef> assigned) {
        Set<Long> assignedIds = assigned.stream().map(UserRef::id).collect(Collectors.toSet());
        return read.withExtension(TicketPeopleDao.class, dao -> dao.listActiveFromLevel(MIN_LEVEL)).stream()
                .filter(user -> !assignedIds.contains(user.id()))
                .toList();
    }

    /**
     * Assigns a newly filed ticket to its product's auto-assignees who are enabled and at level 3
     * or higher, on the handle of the transaction that inserts the ticket.
     */
    static void assignAutoAssignees(Handle handle, long ticketId, long productId) {
        handle.attach(TicketPeopleDao.class).insertAutoAssignees(ticketId, productId, MIN_LEVEL);
    }

    private void checkAssignable(User user, long ticketId) {
        if (user.level() < MIN_LEVEL) {
            throw invalidUser("assign.user.level");
        }
        if (!tickets.readersAmong(ticketId, List.of(Viewer.of(user))).contains(user.id())) {
            throw invalidUser("assign.user.cannotRead");
        }
    }

    private void recordChange(Handle handle, long ticketId, Viewer actor, List<UserRef> before, List<UserRef> after) {
        long now = clock.millis();
        TicketDao history = handle.attach(TicketDao.class);
        long changeId = history.insertChange(ticketId, actor.userId(), now, "");
        history.insertChangeField(changeId, "assignees", names(before), names(after));
        handle.attach(TicketPeopleDao.class).touch(ticketId, now);
    }

    private static String names(List<UserRef> users) {
        return users.stream().map(UserRef::name).collect(Collectors.joining(", "));
    }

    private static void requireManager(Viewer actor) {
        if (!actor.hasLevel(MIN_LEVEL)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    private static ValidationException invalidUser(String messageKey) {
        return ValidationException.of(USER_FIELD, messageKey, MIN_LEVEL);
    }
}
