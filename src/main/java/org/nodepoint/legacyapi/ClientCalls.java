package org.nodepoint.legacyapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nodepoint.billing.BillingService;
import org.nodepoint.billing.BillingStatement;
import org.nodepoint.billing.Money;
import org.nodepoint.clients.Client;
import org.nodepoint.clients.ClientEvents;
import org.nodepoint.clients.ClientForm;
import org.nodepoint.clients.ClientService;
import org.nodepoint.clients.ClientStatus;
import org.nodepoint.clients.EventForm;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.users.Viewer;

/**
 * API calls on clients: list_clients, add_client, list_events, add_event and show_billing. Each
 * checks its parameters in the order NodePoint 1.x did, which decides the error that a call with
 * several faults gets.
 */
final class ClientCalls {
    /** The statuses that add_client accepts, in the order of NodePoint 1.x's message. */
    private static final List<ClientStatus> API_STATUSES = List.of(ClientStatus.PROSPECT, ClientStatus.CONTACT, ClientStatus.SUPPLIER,
            ClientStatus.PAID, ClientStatus.UNPAID);
    private static final String STATUS_MESSAGE = "Invalid 'status' value. Must be one of: Prospect, Contact, Supplier, Paid, Unpaid.";

    private final LegacyApi api;
    private final ClientService clients;
    private final ClientEvents events;
    private final BillingService billing;
    private final SettingsStore settings;

    ClientCalls(LegacyApi api, ClientService clients, ClientEvents events, BillingService billing, SettingsStore settings) {
        this.api = api;
        this.clients = clients;
        this.events = events;
        this.billing = billing;
        this.settings = settings;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("list_clients", this::listClients);
        calls.put("add_client", this::addClient);
        calls.put("list_events", this::listEvents);
        calls.put("add_event", this::addEvent);
        calls.put("show_billing", this::showBilling);
    }

    private LegacyJson listClients(ApiRequest request) {
        api.checkReadKey(request);
        List<List<LegacyJson.Field>> items = clients.listAll().stream()
                .map(client -> LegacyJson.object(
                        "id", String.valueOf(client.id()),
                        "name", client.name(),
                        "status", client.status(),
                        "contact", client.contact(),
                        "notes", client.notes()))
                .toList();
        return LegacyJson.envelope("Clients list.", "OK").put("clients", items);
    }

    private LegacyJson addClient(ApiRequest request) {
        String status = request.required("status");
        String name = request.required("name");
        String contact = request.required("contact");
        api.checkWriteKey(request);
        Optional<ClientStatus> parsed = ClientStatus.parse(status).filter(API_STATUSES::contains);
        if (parsed.isEmpty()) {
            throw new ApiError("ERR_INVALID_ARGUMENT", STATUS_MESSAGE);
        }
        Viewer actor = api.apiActor();
        Client client;
        try {
            client = clients.create(actor, new ClientForm(name, parsed.get().label(), contact, request.optional("notes")));
        } catch (ValidationException invalid) {
            throw translate(invalid.errors(), ClientService.MAX_NOTES_LENGTH);
        } catch (ConflictException taken) {
            throw new ApiError("ERR_INVALID_ARGUMENT", "Invalid 'name' value (another client has this name).");
        }
        api.logWrite("add_client", actor, request, "client " + client.id());
        return LegacyJson.envelope("Client added.", "OK");
    }

    private LegacyJson listEvents(ApiRequest request) {
        request.required("key");
        long clientId = request.requiredId("client_id");
        api.checkReadKey(request);
        requireClient(clientId);
        List<List<LegacyJson.Field>> items = events.listAll(clientId).stream()
                .map(event -> LegacyJson.object(
                        "id", String.valueOf(event.id()),
                        "user", event.createdByName(),
                        "type", event.apiType(),
                        "summary", event.summary(),
                        "notes", event.notes(),
                        "date", LegacyApi.ctime(event.createdAt())))
                .toList();
        return LegacyJson.envelope("Events list.", "OK").put("events", items);
    }

    private LegacyJson addEvent(ApiRequest request) {
        String summary = request.required("summary");
        request.required("key");
        long clientId = request.requiredId("client_id");
        String type = request.required("type");
        api.checkWriteKey(request);
        Viewer actor = api.actor(request, ClientEvents.requiredLevel(settings.current()));
        requireClient(clientId);
        long id;
        try {
            id = events.addFromApi(actor, clientId, new EventForm(type, summary, request.optional("notes")));
        } catch (ValidationException invalid) {
            throw translate(invalid.errors(), ClientEvents.MAX_NOTES_LENGTH);
        }
        api.logWrite("add_event", actor, request, "event " + id + " of client " + clientId);
        return LegacyJson.envelope("Event " + id + " added.", "OK");
    }

    private LegacyJson showBilling(ApiRequest request) {
        String name = request.required("client");
        api.checkReadKey(request);
        Client client = clients.findByName(name).orElseThrow(ClientCalls::clientNotFound);
        BillingStatement statement = billing.statement(api.apiActor(), client.id());
        // NodePoint 1.x ended each line object with a comma, which made the whole response invalid JSON, so these end without one.
        List<List<LegacyJson.Field>> lines = statement.lines().stream()
                .map(line -> LegacyJson.object(
                        "ticket_id", String.valueOf(line.ticketId()),
                        "hours", line.hours().plain(),
                        "cost", Money.plain(line.costCents())))
                .toList();
        return LegacyJson.envelope("Billing.", "OK")
                .put("type", statement.terms().type().apiName())
                .put("currency", statement.terms().currency())
                .put("cost", Money.plain(statement.terms().rateCents()))
                .put("billable", lines)
                .put("total", Money.plain(statement.totalCents()));
    }

    private void requireClient(long clientId) {
        if (clients.findById(clientId).isEmpty()) {
            throw clientNotFound();
        }
    }

    private static ApiError clientNotFound() {
        return new ApiError("ERR_INVALID_ID", "Client not found.");
    }

    /** Maps the services' field errors to the API's parameter names and codes. {@code maxNotes} is the call's limit on notes. */
    private static ApiError translate(FieldErrors errors, int maxNotes) {
        String field = errors.asMap().keySet().iterator().next();
        return switch (field) {
            case "name" -> ApiError.badLength("name", "between 1 and " + ClientService.MAX_NAME_LENGTH + " characters");
            case "contact" -> ApiError.badLength("contact", "at most " + ClientService.MAX_CONTACT_LENGTH + " characters");
            case "notes" -> ApiError.badLength("notes", "at most " + maxNotes + " characters");
            case "summary" -> ApiError.badLength("summary", "between 1 and " + ClientEvents.MAX_SUMMARY_LENGTH + " characters");
            case "type" -> ApiError.badLength("type", "between 1 and " + ClientEvents.MAX_TYPE_LENGTH + " characters");
            default -> ApiError.invalid(field);
        };
    }
}
