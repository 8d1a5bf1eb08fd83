package org.nodepoint.tickets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.AttentionRequested;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserRef;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Needs your attention" flags. An editor of a ticket (level 3 and up) names a user of level 1 or
 * higher who may read the ticket. The ticket is then listed on that user's home page until they
 * clear the flag, and AttentionRequested is published so that the user is notified. Flagging a
 * user again renews the flag and notifies them again.
 */
public final class AttentionFlags {
    private static final Logger log = LoggerFactory.getLogger(AttentionFlags.class);
    /** The field of the ticket update form, and of its validation errors, that names the user. */
    public static final String FIELD = "notify";
    /** The lowest level that receives notifications, and so the lowest that can be flagged. */
    private static final int MIN_RECIPIENT_LEVEL = Level.AUTHORIZED;
    /** Ids of the probe viewers of {@link #candidates}; no user has a negative id. */
    private static final long PROBE_ID = -1;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final TicketService tickets;
    private final UserService users;
    private final SettingsStore settings;
    private final EventBus events;
    private final Clock clock;

    public AttentionFlags(Database database, TicketService tickets, UserService users, SettingsStore settings, EventBus events,
            Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.tickets = tickets;
        this.users = users;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Returns the user that the update form's notify field names, or empty when the field is
     * empty. Throws ValidationException on {@link #FIELD} unless the value is the id of an enabled
     * user of level 1 or higher who may read the ticket.
     */
    public Optional<UserRef> recipient(Viewer actor, long ticketId, String userId) {
        String text = userId == null ? "" : userId.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        requireEditor(actor);
        tickets.findVisible(actor, ticketId);
        Optional<User> user = parseId(text).flatMap(users::findById)
                .filter(User::canSignIn)
                .filter(found -> found.level() >= MIN_RECIPIENT_LEVEL)
                .filter(found -> tickets.readersAmong(ticketId, List.of(Viewer.of(found))).contains(found.id()));
        if (user.isEmpty()) {
            throw ValidationException.of(FIELD, "attention.user.invalid");
        }
        return user.map(found -> new UserRef(found.id(), found.name()));
    }

    /** Flags the ticket for the user that {@link #recipient} accepted, and publishes AttentionRequested. */
    public void flag(Viewer actor, long ticketId, UserRef user, Origin origin) {
        requireEditor(actor);
        recipient(actor, ticketId, String.valueOf(user.id()));
        writer.useExtension(TicketPeopleDao.class, dao -> dao.upsertAttention(user.id(), ticketId, actor.userId(), clock.millis()));
        log.info("User {} flagged ticket {} for the attention of user {}", actor.userId(), ticketId, user.id());
        events.publish(new AttentionRequested(ticketId, user.id(), actor.userId(), origin));
    }

    /** Clears the viewer's own flag on the ticket, the only flag a user can clear. Returns false when there was none. */
    public boolean clear(Viewer viewer, long ticketId) {
        if (viewer.isGuest()) {
            throw new ForbiddenException("error.forbidden.level");
        }
        boolean cleared = writer.withExtension(TicketPeopleDao.class, dao -> dao.deleteAttention(viewer.userId(), ticketId)) > 0;
        if (cleared) {
            log.info("User {} cleared the attention flag of ticket {}", viewer.userId(), ticketId);
        }
        return cleared;
    }

    /** Returns the viewer's newest flags on tickets that they may still read, with the number of such flags. */
    public AttentionList flagsOf(Viewer viewer, int limit) {
        if (viewer.isGuest()) {
            return new AttentionList(List.of(), 0);
        }
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        String fromWhere = "FROM ticket_attention a JOIN tickets t ON t.id = a.ticket_id "
                + "WHERE a.user_id = :userId AND " + access.sql() + " ";
        return read.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) " + fromWhere)
                    .bindMap(access.binds()).bind("userId", viewer.userId())
                    .mapTo(Long.class).one();
            List<AttentionFlag> flags = handle.createQuery("SELECT a.ticket_id, t.title, "
                            + "(SELECT name FROM users WHERE id = a.flagged_by) AS flagged_by_name, a.created_at " + fromWhere
                            + "ORDER BY a.created_at DESC, a.ticket_id DESC LIMIT :limit")
                    .bindMap(access.binds()).bind("userId", viewer.userId()).bind("limit", limit)
                    .map(ConstructorMapper.of(AttentionFlag.class)).list();
            return new AttentionList(flags, total);
        });
    }

    /**
     * Returns the users who can be flagged on the ticket, by name: enabled, level 1 or higher, and
     * allowed to read it.
     */
    public List<UserRef> candidates(Ticket ticket) {
        // Apart from its creator, whether a user may read a ticket depends on their level alone. So
        // one probe viewer per level, with an id that no creator has, finds the levels that may read it.
        List<Viewer> probes = new ArrayList<>();
        for (int level = MIN_RECIPIENT_LEVEL; level <= Level.ADMIN; level++) {
            probes.add(new Viewer(PROBE_ID - level, "", level));
        }
        Set<Long> readers = tickets.readersAmong(ticket.id(), probes);
        List<Integer> levels = probes.stream().filter(probe -> readers.contains(probe.userId())).map(Viewer::level).toList();
        // TODO: offer a search field instead of a select once sites have thousands of users who may read a ticket.
        return read.withExtension(TicketPeopleDao.class,
                dao -> dao.listActiveWithLevelsOrCreator(levels, ticket.createdBy(), MIN_RECIPIENT_LEVEL));
    }

    private static void requireEditor(Viewer actor) {
        if (!actor.hasLevel(Level.TICKETS_MANAGEMENT)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    private static Optional<Long> parseId(String text) {
        if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
