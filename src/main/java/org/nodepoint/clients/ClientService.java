package org.nodepoint.clients;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.text.UserText;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients directory. Every signed-in user may list it, details need client_lvl, and adding,
 * editing and deleting need level 5. Names are unique, compared as product names are.
 */
public final class ClientService {
    private static final Logger log = LoggerFactory.getLogger(ClientService.class);

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_CONTACT_LENGTH = 200;
    public static final int MAX_NOTES_LENGTH = 5_000;
    /** The maximum number of items that a client page lists. The page names how many more there are. */
    public static final int MAX_ITEMS_SHOWN = 100;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final SystemLog systemLog;
    private final Clock clock;

    /** A client to delete, with the number of its events and of the tickets billed to it, which go with it. */
    public record ClientDeletion(Client client, long events, long billableTickets) {
    }

    /** The first items of a client and how many it has in all. */
    public record ClientItems(List<ClientItem> rows, long total) {
    }

    public ClientService(Database database, SettingsStore settings, SystemLog systemLog, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /** Returns true when the viewer may open client pages: signed in and at client_lvl or above. */
    public boolean canSeeDetails(Viewer viewer) {
        return viewer.isSignedIn() && viewer.hasLevel(settings.current().clientsLevel());
    }

    public boolean canManage(Viewer viewer) {
        return viewer.hasLevel(Level.USERS_MANAGEMENT);
    }

    /** Returns one page of the directory, sorted by name, with all statuses or one. */
    public ClientList list(ClientStatus status, long offset, int limit) {
        return read.withExtension(ClientDao.class, dao -> status == null
                ? new ClientList(dao.listPage(limit, offset), dao.count())
                : new ClientList(dao.listPageByStatus(status.label(), limit, offset), dao.countByStatus(status.label())));
    }

    /** Returns the client to a viewer at client_lvl. Throws ForbiddenException below that level and NotFoundException for no such client. */
    public Client find(Viewer viewer, long id) {
        if (!canSeeDetails(viewer)) {
            throw new ForbiddenException("error.forbidden.level");
        }
        return findById(id).orElseThrow(() -> new NotFoundException("clients.notFound"));
    }

    public Optional<Client> findById(long id) {
        return read.withExtension(ClientDao.class, dao -> dao.findById(id));
    }

    public Optional<Client> findByName(String name) {
        return read.withExtension(ClientDao.class, dao -> dao.findByName(name));
    }

    /** Returns every client in the order they were added, for the legacy API. */
    public List<Client> listAll() {
        return read.withExtension(ClientDao.class, ClientDao::listAll);
    }

    /** Returns the clients that are not Closed, by name: those that tickets may be billed to. */
    public List<Client> listOpen() {
        return read.withExtension(ClientDao.class, ClientDao::listOpen);
    }

    /** Returns the first {@link #MAX_ITEMS_SHOWN} inventory items linked to the client, and their count. */
    public ClientItems items(long clientId) {
        return read.withExtension(ClientDao.class, dao -> new ClientItems(dao.listItems(clientId, MAX_ITEMS_SHOWN), dao.countItems(clientId)));
    }

    /** Adds a client. Needs level 5. Throws ValidationException, or ConflictException for a taken name, and then stores nothing. */
    public Client create(Viewer viewer, ClientForm form) {
        requireManager(viewer);
        ClientForm clean = validate(form);
        long id = writer.inTransaction(handle -> {
            ClientDao dao = handle.attach(ClientDao.class);
            if (dao.findByName(clean.name()).isPresent()) {
                throw new ConflictException("name", "clients.name.taken");
            }
            return dao.insert(clean.name(), UserText.nameKey(clean.name()), clean.status(), clean.contact(), clean.notes(), clock.millis());
        });
        log.info("User {} added client {}", viewer.userId(), id);
        return findById(id).orElseThrow();
    }

    /**
     * Changes a client, but only if it is still at {@code expectedVersion}, the version that the
     * edit form was loaded with, so that one editor does not silently undo another's change.
     */
    public Client update(Viewer viewer, long id, long expectedVersion, ClientForm form) {
        requireManager(viewer);
        if (findById(id).isEmpty()) {
            throw new NotFoundException("clients.notFound");
        }
        ClientForm clean = validate(form);
        writer.useTransaction(handle -> {
            ClientDao dao = handle.attach(ClientDao.class);
            dao.findById(id).orElseThrow(() -> new NotFoundException("clients.notFound"));
            Optional<Client> sameName = dao.findByName(clean.name());
            if (sameName.isPresent() && sameName.get().id() != id) {
                throw new ConflictException("name", "clients.name.taken");
            }
            if (dao.update(id, expectedVersion, clean.name(), UserText.nameKey(clean.name()), clean.status(), clean.contact(),
                    clean.notes(), clock.millis()) == 0) {
                throw ValidationException.of("version", "clients.update.stale");
            }
        });
        log.info("User {} updated client {}", viewer.userId(), id);
        return findById(id).orElseThrow();
    }

    /** Returns what deleting the client would remove, for the confirmation page. Needs level 5. */
    public ClientDeletion deletion(Viewer viewer, long id) {
        requireManager(viewer);
        return read.withExtension(ClientDao.class, dao -> deletionOf(dao, id));
    }

    /**
     * Deletes a client with its events, its billing terms and the rows that bill tickets to it. The
     * tickets stay, and inventory items lose their link. The deletion is recorded in the system log.
     */
    public ClientDeletion delete(Viewer viewer, long id) {
        requireManager(viewer);
        ClientDeletion deleted = writer.inTransaction(handle -> {
            ClientDao dao = handle.attach(ClientDao.class);
            ClientDeletion removed = deletionOf(dao, id);
            dao.delete(id);
            return removed;
        });
        log.info("User {} deleted client {}", viewer.userId(), id);
        systemLog.record(LogCategory.CLIENTS, viewer.name(), "Deleted client " + deleted.client().name() + " (id " + id + ") with "
                + deleted.events() + " events and " + deleted.billableTickets() + " billable tickets");
        return deleted;
    }

    private static ClientDeletion deletionOf(ClientDao dao, long id) {
        Client client = dao.findById(id).orElseThrow(() -> new NotFoundException("clients.notFound"));
        return new ClientDeletion(client, dao.countEvents(id), dao.countBillableTickets(id));
    }

    private static ClientForm validate(ClientForm form) {
        String name = UserText.singleLine(form.name());
        String contact = UserText.singleLine(form.contact());
        String notes = UserText.multiLine(form.notes());
        FieldErrors errors = new FieldErrors();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "clients.name.length", MAX_NAME_LENGTH);
        }
        Optional<ClientStatus> status = ClientStatus.parse(form.status());
        if (status.isEmpty()) {
            errors.add("status", "clients.status.invalid");
        }
        if (contact.length() > MAX_CONTACT_LENGTH) {
            errors.add("contact", "clients.contact.length", MAX_CONTACT_LENGTH);
        }
        if (notes.length() > MAX_NOTES_LENGTH) {
            errors.add("notes", "clients.notes.length", MAX_NOTES_LENGTH);
        }
        errors.throwIfAny();
        return new ClientForm(name, status.get().label(), contact, notes);
    }

    private void requireManager(Viewer viewer) {
        if (!canManage(viewer)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }
}
