package org.nodepoint.tickets;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TicketFollowed;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Followers of tickets. Any signed-in user who may read a ticket can follow it, which lists the
 * ticket on their home page while it is not closed and sends them its update and comment
 * notifications.
 */
public final class Following {
    private static final Logger log = LoggerFactory.getLogger(Following.class);
    private static final RowMapper<TicketSummary> SUMMARY = ConstructorMapper.of(TicketSummary.class);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final TicketService tickets;
    private final SettingsStore settings;
    private final EventBus events;

    public Following(Database database, TicketService tickets, SettingsStore settings, EventBus events) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.tickets = tickets;
        this.settings = settings;
        this.events = events;
    }

    /** Adds the viewer to the ticket's followers and publishes TicketFollowed; returns false if they already follow it. */
    public boolean follow(Viewer viewer, long ticketId, Origin origin) {
        requireSignedIn(viewer);
        tickets.findVisible(viewer, ticketId);
        boolean added = writer.withExtension(TicketPeopleDao.class, dao -> dao.insertFollower(ticketId, viewer.userId())) > 0;
        if (added) {
            log.info("User {} follows ticket {}", viewer.userId(), ticketId);
            events.publish(new TicketFollowed(ticketId, viewer.userId(), origin));
        }
        return added;
    }

    /** Removes the viewer from the ticket's followers; returns false if they did not follow it. */
    public boolean unfollow(Viewer viewer, long ticketId) {
        requireSignedIn(viewer);
        tickets.findVisible(viewer, ticketId);
        boolean removed = writer.withExtension(TicketPeopleDao.class, dao -> dao.deleteFollower(ticketId, viewer.userId())) > 0;
        if (removed) {
            log.info("User {} stopped following ticket {}", viewer.userId(), ticketId);
        }
        return removed;
    }

    public boolean isFollowing(Viewer viewer, long ticketId) {
        return viewer.isSignedIn() && read.withExtension(TicketPeopleDao.class, dao -> dao.isFollower(ticketId, viewer.userId()));
    }

    /**
     * Returns a page of the tickets that the viewer follows, newest first, with their total: those
     * that are not closed and that the viewer may still read.
     */
    public TicketList followedBy(Viewer viewer, long offset, int limit) {
        if (viewer.isGuest()) {
            return new TicketList(List.of(), 0);
        }
        TicketAccess.Condition access = TicketAccess.forViewer(viewer, settings.current().ticketVisibility());
        // ticket_followers_user (user_id, ticket_id) gives the viewer's followed tickets in id order.
        String joinAndFilter = "JOIN ticket_followers f ON f.ticket_id = t.id AND f.user_id = :userId "
                + "WHERE t.status <> 'Closed' AND " + access.sql() + " ";
        return read.withHandle(handle -> {
            long total = handle.createQuery("SELECT count(*) FROM tickets t " + joinAndFilter)
                    .bindMap(access.binds()).bind("userId", viewer.userId())
                    .mapTo(Long.class).one();
            String page = "ORDER BY t.id DESC LIMIT :limit OFFSET :offset";
            List<TicketSummary> rows = handle.createQuery(TicketDao.SUMMARY + joinAndFilter + page)
                    .bindMap(access.binds()).bind("userId", viewer.userId()).bind("limit", limit).bind("offset", offset)
                    .map(SUMMARY).list();
            return new TicketList(rows, total);
        });
    }

    private static void requireSignedIn(Viewer viewer) {
        if (viewer.isGuest()) {
            throw new ForbiddenException("following.signInRequired");
        }
    }
}
