package org.nodepoint.clients;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.billing.BillingService;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/**
 * Adding, editing and deleting the events of a client. The client routes' component gate covers
 * these paths too.
 */
public final class ClientEventRoutes implements FeatureRoutes {
    /** Signed-in users at both client_lvl and events_lvl, the rule of {@link ClientEvents#canManage}. */
    static final Requires EVENT_EDITORS = Requires.configured(ClientEvents::requiredLevel);

    private final ClientService clients;
    private final ClientEvents events;
    private final ClientPageView clientPage;
    private final Pages pages;

    public ClientEventRoutes(ClientService clients, ClientEvents events, BillingService billing, SettingsStore settings, Pages pages) {
        this.clients = clients;
        this.events = events;
        this.clientPage = new ClientPageView(clients, events, billing, settings, pages);
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/clients/{id}/events", this::create, EVENT_EDITORS);
        routes.get("/clients/{id}/events/{eventId}", this::editForm, EVENT_EDITORS);
        routes.post("/clients/{id}/events/{eventId}", this::update, EVENT_EDITORS);
        routes.post("/clients/{id}/events/{eventId}/delete", this::delete, EVENT_EDITORS);
    }

    private void create(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Client client = clients.find(viewer, PathIds.of(ctx, "id"));
        EventForm form = readForm(ctx);
        Forms.onInvalid(ctx, errors -> clientPage.renderWithEventErrors(ctx, client.id(), form, errors));
        events.add(viewer, client.id(), form);
        Flash.success(ctx, "clients.event.added", client.name());
        ctx.redirect("/clients/" + client.id() + "#events");
    }

    private void editForm(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Client client = clients.find(viewer, PathIds.of(ctx, "id"));
        ClientEvent event = events.find(viewer, client.id(), PathIds.of(ctx, "eventId"));
        renderEditor(ctx, client, event, EventForm.of(event), null);
    }

    private void update(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Client client = clients.find(viewer, PathIds.of(ctx, "id"));
        ClientEvent event = events.find(viewer, client.id(), PathIds.of(ctx, "eventId"));
        EventForm form = readForm(ctx);
        Forms.onInvalid(ctx, errors -> renderEditor(ctx, client, event, form, errors));
        Long version = PathIds.parseNumber(ctx.formParam("version"));
        events.update(viewer, client.id(), event.id(), form, version == null ? -1 : version);
        Flash.success(ctx, "clients.event.updated", client.name());
        ctx.redirect("/clients/" + client.id() + "#event-" + event.id());
    }

    private void delete(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Client client = clients.find(viewer, PathIds.of(ctx, "id"));
        ClientEvent deleted = events.delete(viewer, client.id(), PathIds.of(ctx, "eventId"));
        Flash.success(ctx, "clients.event.deleted", deleted.summary());
        ctx.redirect("/clients/" + client.id() + "#events");
    }

    private void renderEditor(Context ctx, Client client, ClientEvent event, EventForm form, FieldErrors errors) {
        pages.render(ctx, "clients/event.jte", new EventPage(pages.chrome(ctx), client, event, form, errors));
    }

    private static EventForm readForm(Context ctx) {
        return new EventForm(Forms.field(ctx, "type"), Forms.field(ctx, "summary"),
                ctx.formParam("notes") == null ? "" : ctx.formParam("notes"));
    }
}
