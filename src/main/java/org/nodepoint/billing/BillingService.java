package org.nodepoint.billing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.clients.Client;
import org.nodepoint.clients.ClientService;
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.tickets.Hours;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.tickets.TimeTracking;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing tickets to clients: each client's terms (level 5), which client a ticket is billable
 * to (level 3), and the statement of a client's billable tickets with their cost and total.
 */
public final class BillingService {
    private static final Logger log = LoggerFactory.getLogger(BillingService.class);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final ClientService clients;
    private final TicketService tickets;
    private final TimeTracking time;
    private final SystemLog systemLog;
    private final Clock clock;

    /** A billable ticket as read, before its hours are added. */
    private record TicketRow(long id, String title, String status, boolean visible) {
    }

    public BillingService(Database database, SettingsStore settings, ClientService clients, TicketService tickets, TimeTracking time,
            SystemLog systemLog, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.clients = clients;
        this.tickets = tickets;
        this.time = time;
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /** True when the pages offer billing: the billing, clients and tickets components are all on. */
    public boolean isEnabled() {
        Settings current = settings.current();
        return current.isEnabled(Component.BILLING) && current.isEnabled(Component.CLIENTS) && current.isEnabled(Component.TICKETS);
    }

    public boolean canEditTerms(Viewer viewer) {
        return viewer.hasLevel(Level.USERS_MANAGEMENT);
    }

    /** Returns the client's stored terms, or the defaults when it has none. */
    public BillingTerms terms(long clientId) {
        boolean timeTracking = settings.current().isEnabled(Component.TIME_TRACKING);
        return read.withExtension(BillingDao.class, dao -> dao.findTerms(clientId))
                .map(row -> new BillingTerms(BillingType.parse(row.type()).orElseThrow(), row.rateCents(), row.currency(), false))
                .orElseGet(() -> BillingTerms.defaults(timeTracking));
    }

    /** Stores a client's terms and records the change in the system log. Needs level 5. */
    public BillingTerms updateTerms(Viewer viewer, long clientId, TermsForm form) {
        if (!canEditTerms(viewer)) {
            throw new ForbiddenException("error.forbidden.level");
        }
        Client client = clients.findById(clientId).orElseThrow(() -> new NotFoundException("clients.notFound"));
        BillingTerms before = terms(clientId);
        BillingTerms after = validate(form);
        writer.useTransaction(handle -> {
            BillingDao dao = handle.attach(BillingDao.class);
            dao.deleteTerms(clientId);
            dao.insertTerms(clientId, after.type().key(), after.rateCents(), after.currency(), viewer.userId(), clock.millis());
        });
        log.info("User {} changed the billing terms of client {}", viewer.userId(), clientId);
        systemLog.record(LogCategory.CLIENTS, viewer.name(), "Changed the billing terms of client " + client.name() + " (id " + clientId
                + ") from " + before.describe() + " to " + after.describe());
        return after;
    }

    /**
     * Returns the client's billable tickets with their hours and cost, and the total. Every line
     * counts, but titles are left out of tickets that the viewer may not read. The tickets cost
     * one query, their hours one more per 500 tickets.
     */
    public BillingStatement statement(Viewer viewer, long clientId) {
        BillingTerms terms = terms(clientId);
        boolean billsHours = terms.type() == BillingType.HOURLY && settings.current().isEnabled(Component.TIME_TRACKING);
        List<TicketRow> rows = billableTickets(viewer, clientId);
        Map<Long, Hours> hours = time.hoursByTicket(rows.stream().map(TicketRow::id).toList());
        List<BillingLine> lines = new ArrayList<>();
        long total = 0;
        for (TicketRow row : rows) {
            Hours spent = hours.getOrDefault(row.id(), Hours.ZERO);
            long cost = billsHours ? Money.costOfHours(spent, terms.rateCents()) : terms.rateCents();
            total = Math.addExact(total, cost);
            lines.add(new BillingLine(row.id(), row.visible() ? row.title() : null, row.status(), spent, cost));
        }
        return new BillingStatement(terms, billsHours, lines, total);
    }

    /** Returns the billing panel of a ticket page that the caller has shown to the viewer. */
    public TicketBilling panel(Viewer viewer, long ticketId, FieldErrors errors) {
        if (!isEnabled() || !viewer.hasLevel(Level.TICKETS_MANAGEMENT)) {
            return TicketBilling.HIDDEN;
        }
        return new TicketBilling(true, clientOf(ticketId).orElse(null), clients.listOpen(), errors);
    }

    /** Returns the client that the ticket is billable to, if any; the caller checks who may see it. */
    public Optional<Client> clientOf(long ticketId) {
        return read.withExtension(BillingDao.class, dao -> dao.findClientOfTicket(ticketId)).flatMap(clients::findById);
    }

    /**
     * Makes a ticket that the viewer may read billable to a client, or to none when
     * {@code clientId} is null. Needs level 3. A Closed client takes no new tickets, but a ticket
     * billed to a client that was closed later stays billed to it. Returns the client, if any.
     */
    public Optional<Client> billTicket(Viewer viewer, long ticketId, Long clientId) {
        if (!viewer.hasLevel(Level.TICKETS_MANAGEMENT)) {
            throw new ForbiddenException("error.forbidden.level");
        }
        tickets.findVisible(viewer, ticketId);
        if (clientId == null) {
            writer.useTransaction(handle -> handle.attach(BillingDao.class).deleteTicket(ticketId));
            log.info("User {} made ticket {} billable to no client", viewer.userId(), ticketId);
            return Optional.empty();
        }
        Client client = clients.findById(clientId)
                .orElseThrow(() -> ValidationException.of("clientId", "billing.ticket.client.invalid"));
        writer.useTransaction(handle -> {
            BillingDao dao = handle.attach(BillingDao.class);
            if (dao.findClientOfTicket(ticketId).filter(clientId::equals).isPresent()) {
                return;
            }
            dao.deleteTicket(ticketId);
            if (dao.insertTicketIfOpen(ticketId, clientId, viewer.userId(), clock.millis()) == 0) {
                throw ValidationException.of("clientId", "billing.ticket.client.closed", client.name());
            }
        });
        log.info("User {} made ticket {} billable to client {}", viewer.userId(), ticketId, clientId);
        return Optional.of(client);
    }

    /**
     * Makes a ticket being filed billable to a client, on the filing transaction's handle. Returns
     * false, and stores nothing, when the client is Closed or gone, so that the caller can reject
     * the filing. While the billing component is off, the client is checked but nothing is stored.
     */
    public boolean billNewTicket(Handle handle, long ticketId, long clientId, long creatorId) {
        if (!settings.current().isEnabled(Component.BILLING)) {
            return handle.createQuery("SELECT count(*) FROM clients WHERE id = :id AND status <> 'Closed'")
                    .bind("id", clientId).mapTo(Integer.class).one() > 0;
        }
        return handle.attach(BillingDao.class).insertTicketIfOpen(ticketId, clientId, creatorId, clock.millis()) > 0;
    }

    private List<TicketRow> billableTickets(Viewer viewer, long clientId) {
        Map<String, Object> binds = new LinkedHashMap<>();
        String readable = tickets.accessCondition(viewer, binds);
        return read.withHandle(handle -> handle.createQuery("SELECT t.id, t.title, t.status, CASE WHEN " + readable
                        + " THEN 1 ELSE 0 END AS visible FROM ticket_billing b JOIN tickets t ON t.id = b.ticket_id "
                        + "WHERE b.client_id = :clientId ORDER BY b.ticket_id")
                .bindMap(binds).bind("clientId", clientId)
                .map((rs, ctx) -> new TicketRow(rs.getLong("id"), rs.getString("title"), rs.getString("status"), rs.getInt("visible") == 1))
                .list());
    }

    private static BillingTerms validate(TermsForm form) {
        FieldErrors errors = new FieldErrors();
        Optional<BillingType> type = BillingType.parse(form.type() == null ? "" : form.type().strip());
        if (type.isEmpty()) {
            errors.add("type", "billing.type.invalid");
        }
        Optional<Long> rate = Money.parseRate(form.rate());
        if (rate.isEmpty()) {
            errors.add("rate", "billing.rate.invalid", Money.MAX_RATE_UNITS);
        }
        Optional<String> currency = Money.parseCurrency(form.currency());
        if (currency.isEmpty()) {
            errors.add("currency", "billing.currency.invalid");
        }
        errors.throwIfAny();
        return new BillingTerms(type.get(), rate.get(), currency.get(), false);
    }
}
