package org.nodepoint.clients;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.text.UserText;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM log of each client: contacts by e-mail, phone or meeting. Reading, adding, editing and
 * deleting events need events_lvl, and client_lvl as well, because the events belong to a client
 * page. An edit records who made it and when.
 */
public final class ClientEvents {
    private static final Logger log = LoggerFactory.getLogger(ClientEvents.class);

    public static final int MAX_SUMMARY_LENGTH = 200;
    public static final int MAX_NOTES_LENGTH = 5_000;
    /** The maximum length of a type that the legacy API stores. */
    public static final int MAX_TYPE_LENGTH = 50;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final Clock clock;

    public ClientEvents(Database database, SettingsStore settings, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns the level that event pages and forms need: the higher of client_lvl and events_lvl. */
    public static int requiredLevel(Settings settings) {
        return Math.max(settings.clientsLevel(), settings.clientEventsLevel());
    }

    public boolean canManage(Viewer viewer) {
        return viewer.isSignedIn() && viewer.hasLevel(requiredLevel(settings.current()));
    }

    /** Returns one page of the client's events, newest first. Throws NotFoundException for an unknown client. */
    public EventList list(Viewer viewer, long clientId, long offset, int limit) {
        requireManager(viewer);
        return read.withExtension(ClientEventDao.class, dao -> {
            requireClient(dao, clientId);
            return new EventList(dao.listPage(clientId, limit, offset), dao.count(clientId));
        });
    }

    /** Returns every event of a client, oldest first, without an access check, for the legacy API. */
    public List<ClientEvent> listAll(long clientId) {
        return read.withExtension(ClientEventDao.class, dao -> dao.listAll(clientId));
    }

    public ClientEvent find(Viewer viewer, long clientId, long eventId) {
        requireManager(viewer);
        return read.withExtension(ClientEventDao.class, dao -> dao.findById(clientId, eventId))
                .orElseThrow(() -> new NotFoundException("clients.event.notFound"));
    }

    /** Adds an event of one of the web form's kinds and returns its id. */
    public long add(Viewer viewer, long clientId, EventForm form) {
        requireManager(viewer);
        EventForm clean = validate(form, null);
        return insert(viewer, clientId, clean);
    }

    /**
     * Adds an event for the legacy API, whose type may be any text of up to {@value #MAX_TYPE_LENGTH}
     * characters, and returns its id. The caller has checked the actor's level.
     */
    public long addFromApi(Viewer actor, long clientId, EventForm form) {
        String type = UserText.singleLine(form.type());
        FieldErrors errors = new FieldErrors();
        if (type.isEmpty() || type.length() > MAX_TYPE_LENGTH) {
            errors.add("type", "clients.event.type.length", MAX_TYPE_LENGTH);
        }
        EventForm clean = checkTexts(new EventForm(type, form.summary(), form.notes()), errors);
        return insert(actor, clientId, clean);
    }

    /**
     * Changes an event and records the viewer as its last editor. Its type may stay a text that the
     * legacy API stored. {@code expectedVersion} is the version that the edit form showed; when
     * someone else saved the event since, nothing is stored.
     */
    public ClientEvent update(Viewer viewer, long clientId, long eventId, EventForm form, long expectedVersion) {
        ClientEvent event = find(viewer, clientId, eventId);
        EventForm clean = validate(form, event.type());
        writer.useTransaction(handle -> {
            ClientEventDao dao = handle.attach(ClientEventDao.class);
            if (dao.update(clientId, eventId, expectedVersion, clean.type(), clean.summary(), clean.notes(), viewer.userId(),
                    clock.millis()) == 0) {
                if (dao.findById(clientId, eventId).isEmpty()) {
                    throw new NotFoundException("clients.event.notFound");
                }
                throw ValidationException.of("version", "clients.event.stale");
            }
        });
        log.info("User {} edited event {} of client {}", viewer.userId(), eventId, clientId);
        return find(viewer, clientId, eventId);
    }

    /** Deletes an event and returns it as it was. */
    public ClientEvent delete(Viewer viewer, long clientId, long eventId) {
        ClientEvent event = find(viewer, clientId, eventId);
        writer.useTransaction(handle -> {
            if (handle.attach(ClientEventDao.class).delete(clientId, eventId) == 0) {
                throw new NotFoundException("clients.event.notFound");
            }
        });
        log.info("User {} deleted event {} of client {}", viewer.userId(), eventId, clientId);
        return event;
    }

    private long insert(Viewer viewer, long clientId, EventForm clean) {
        long id = writer.inTransaction(handle -> {
            ClientEventDao dao = handle.attach(ClientEventDao.class);
            requireClient(dao, clientId);
            return dao.insert(clientId, clean.type(), clean.summary(), clean.notes(), viewer.userId(), clock.millis());
        });
        log.info("User {} added event {} to client {}", viewer.userId(), id, clientId);
        return id;
    }

    /** Checks a form of the web; {@code storedType} is the event's current type, which an edit may keep. */
    private static EventForm validate(EventForm form, String storedType) {
        FieldErrors errors = new FieldErrors();
        String type = form.type() == null ? "" : form.type().strip();
        boolean keepsStoredType = storedType != null && storedType.equals(type);
        if (EventType.parse(type).isEmpty() && !keepsStoredType) {
            errors.add("type", "clients.event.type.invalid");
        }
        return checkTexts(new EventForm(type, form.summary(), form.notes()), errors);
    }

    private static EventForm checkTexts(EventForm form, FieldErrors errors) {
        String summary = UserText.singleLine(form.summary());
        String notes = UserText.multiLine(form.notes());
        if (summary.isEmpty() || summary.length() > MAX_SUMMARY_LENGTH) {
            errors.add("summary", "clients.event.summary.length", MAX_SUMMARY_LENGTH);
        }
        if (notes.length() > MAX_NOTES_LENGTH) {
            errors.add("notes", "clients.event.notes.length", MAX_NOTES_LENGTH);
        }
        errors.throwIfAny();
        return new EventForm(form.type(), summary, notes);
    }

    private static void requireClient(ClientEventDao dao, long clientId) {
        if (dao.countClient(clientId) == 0) {
            throw new NotFoundException("clients.notFound");
        }
    }

    private void requireManager(Viewer viewer) {
        if (!canManage(viewer)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }
}
