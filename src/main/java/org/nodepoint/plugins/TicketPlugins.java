package org.nodepoint.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nodepoint.billing.BillingService;
import org.nodepoint.clients.Client;
import org.nodepoint.config.Plugin;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TicketCreated;
import org.nodepoint.events.TicketUpdated;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;

/**
 * Queues the new ticket plugin for each ticket filed in the web pages or through the API, but not
 * for bulk imports. Queues the ticket resolution plugin for each update made in the web pages, but
 * not through the API, as in NodePoint 1.x. The values come from the ticket as stored when the
 * event arrives.
 */
public final class TicketPlugins implements EventListener {
    private final PluginRunner runner;
    private final TicketService tickets;
    private final UserService users;
    private final BillingService billing;

    public TicketPlugins(PluginRunner runner, TicketService tickets, UserService users, BillingService billing) {
        this.runner = runner;
        this.billing = billing;
        this.tickets = tickets;
        this.users = users;
    }

    @Override
    public void on(DomainEvent event) {
        if (event instanceof TicketCreated created && created.origin() != Origin.IMPORT && runner.isConfigured(Plugin.NEW_TICKET)) {
            tickets.findById(created.ticketId()).ifPresent(this::submitNewTicket);
        } else if (event instanceof TicketUpdated updated && updated.origin() == Origin.WEB && runner.isConfigured(Plugin.TICKET_RESOLUTION)) {
            tickets.findById(updated.ticketId()).ifPresent(ticket -> submitResolution(ticket, userName(updated.actorId())));
        }
    }

    private void submitNewTicket(Ticket ticket) {
        String filer = userName(ticket.createdBy());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ticket", Long.toString(ticket.id()));
        values.put("user", filer);
        values.put("title", ticket.title());
        values.put("description", ticket.description());
        values.put("product", Long.toString(ticket.productId()));
        values.put("release", ticket.release());
        runner.submit(Plugin.NEW_TICKET, filer, values);
    }

    private void submitResolution(Ticket ticket, String editor) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ticket", Long.toString(ticket.id()));
        values.put("user", editor);
        values.put("status", ticket.status());
        values.put("resolution", ticket.resolution());
        values.put("client", billing.clientOf(ticket.id()).map(Client::name).orElse(""));
        runner.submit(Plugin.TICKET_RESOLUTION, editor, values);
    }

    private String userName(long id) {
        return users.findById(id).map(User::name).orElse("");
    }
}
