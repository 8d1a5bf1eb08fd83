package org.nodepoint.notifications;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.events.AttentionRequested;
import org.nodepoint.events.CommentAdded;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.events.TicketAssigned;
import org.nodepoint.events.TicketCreated;
import org.nodepoint.events.TicketUpdated;
import org.nodepoint.tickets.TicketChange;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns ticket events into one {@link Notification} per recipient. A new ticket goes to every
 * user who created a release of its product and to its assignees. An update or a comment goes to
 * the assignees, the creator and the followers. A new assignment goes to the assignee, and an
 * attention flag to the flagged user. Following a ticket notifies nobody. The user who acted,
 * built-in accounts, disabled accounts and level 0 users get nothing. Each recipient's current
 * level is checked against the ticket visibility rule when the notification is built, so nobody
 * is told about a ticket they may not read.
 */
public final class TicketNotifications implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(TicketNotifications.class);

    private final Jdbi read;
    private final TicketService tickets;
    private final SettingsStore settings;
    private final Text text;
    private final NotificationDispatcher dispatcher;

    /** {@code text} gives the wording; the bus thread has no request, so it is one fixed language. */
    public TicketNotifications(Database database, TicketService tickets, SettingsStore settings, Text text,
            NotificationDispatcher dispatcher) {
        this.read = database.read();
        this.tickets = tickets;
        this.settings = settings;
        this.text = text;
        this.dispatcher = dispatcher;
    }

    @Override
    public void on(DomainEvent event) {
        List<Notification> notifications;
        if (event instanceof TicketCreated created) {
            notifications = forNewTicket(created);
        } else if (event instanceof TicketUpdated updated) {
            notifications = forUpdate(updated);
        } else if (event instanceof CommentAdded added) {
            notifications = forComment(added);
        } else if (event instanceof TicketAssigned assigned) {
            notifications = forAssignment(assigned);
        } else if (event instanceof AttentionRequested requested) {
            notifications = forAttention(requested);
        } else {
            return;
        }
        if (!notifications.isEmpty()) {
            log.debug("{} notifications for {}", notifications.size(), event);
            dispatcher.dispatch(notifications);
        }
    }

    private List<Notification> forNewTicket(TicketCreated event) {
        return read.withExtension(TicketNotificationDao.class, dao -> {
            Optional<TicketFacts> ticket = dao.findTicket(event.ticketId(), event.actorId());
            if (ticket.isEmpty()) {
                return List.of();
            }
            List<User> recipients = dao.listNewTicketRecipients(event.ticketId(), event.actorId(), Level.AUTHORIZED);
            return build(ticket.get(), recipients, messages -> messages.created(ticket.get()));
        });
    }

    /** An update that only recorded time, with no changed field and no note, notifies nobody. */
    private List<Notification> forUpdate(TicketUpdated event) {
        return read.withExtension(TicketNotificationDao.class, dao -> {
            Optional<TicketFacts> ticket = dao.findTicket(event.ticketId(), event.actorId());
            List<TicketChange.FieldChange> fields = dao.listChangedFields(event.changeId());
            String note = dao.findChangeNote(event.changeId()).orElse("");
            if (ticket.isEmpty() || (fields.isEmpty() && note.isEmpty())) {
                return List.of();
            }
            List<User> recipients = dao.listParticipants(event.ticketId(), event.actorId(), Level.AUTHORIZED);
            return build(ticket.get(), recipients, messages -> messages.updated(ticket.get(), fields, note));
        });
    }

    private List<Notification> forComment(CommentAdded event) {
        return read.withExtension(TicketNotificationDao.class, dao -> {
            Optional<TicketFacts> ticket = dao.findTicket(event.ticketId(), event.actorId());
            Optional<String> comment = dao.findCommentBody(event.commentId());
            if (ticket.isEmpty() || comment.isEmpty()) {
                return List.of();
            }
            List<User> recipients = dao.listParticipants(event.ticketId(), event.actorId(), Level.AUTHORIZED);
            return build(ticket.get(), recipients, messages -> messages.commented(ticket.get(), comment.get()));
        });
    }

    /** Notifies the new assignee, unless they assigned themselves or were removed again since. */
    private List<Notification> forAssignment(TicketAssigned event) {
        return read.withExtension(TicketNotificationDao.class, dao -> {
            Optional<TicketFacts> ticket = dao.findTicket(event.ticketId(), event.actorId());
            if (ticket.isEmpty()) {
                return List.of();
            }
            List<User> recipients = dao.listAssignee(event.ticketId(), event.userId(), event.actorId(), Level.AUTHORIZED);
            return build(ticket.get(), recipients, messages -> messages.assigned(ticket.get()));
        });
    }

    /** Notifies the flagged user, unless they flagged themselves or cleared the flag since. */
    private List<Notification> forAttention(AttentionRequested event) {
        return read.withExtension(TicketNotificationDao.class, dao -> {
            Optional<TicketFacts> ticket = dao.findTicket(event.ticketId(), event.actorId());
            if (ticket.isEmpty()) {
                return List.of();
            }
            List<User> recipients = dao.listFlaggedUser(event.ticketId(), event.userId(), event.actorId(), Level.AUTHORIZED);
            return build(ticket.get(), recipients, messages -> messages.attention(ticket.get()));
        });
    }

    /** Keeps the recipients who may read the ticket now and gives each of them the same message. */
    private List<Notification> build(TicketFacts ticket, List<User> recipients, Function<TicketMessages, TicketMessages.Message> write) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        Set<Long> readers = tickets.readersAmong(ticket.id(), recipients.stream().map(Viewer::of).toList());
        List<User> allowed = recipients.stream().filter(user -> readers.contains(user.id())).toList();
        if (allowed.isEmpty()) {
            return List.of();
        }
        Settings current = settings.current();
        TicketMessages.Message message = write.apply(new TicketMessages(text.withTerms(current.terminology()), current.publicUrl()));
        return allowed.stream().map(user -> new Notification(user.id(), user.name(), message.title(), message.body())).toList();
    }
}
