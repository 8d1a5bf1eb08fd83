package org.nodepoint.clients;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.nodepoint.billing.BillingService;
import org.nodepoint.billing.TermsForm;
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/** The clients directory, client pages, adding, editing and deleting clients, and their billing terms. */
public final class ClientRoutes implements FeatureRoutes {
    /** Signed-in users at client_lvl or above, the rule of {@link ClientService#canSeeDetails}. */
    static final Requires DETAILS = Requires.configured(Settings::clientsLevel);
    static final Requires MANAGERS = Requires.level(Level.USERS_MANAGEMENT);
    /** The value of the confirmation page's hidden field, without which a deletion is not made. */
    static final String CONFIRMED = "yes";

    private final ClientService clients;
    private final BillingService billing;
    private final ClientPageView clientPage;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;

    public ClientRoutes(ClientService clients, ClientEvents events, BillingService billing, SettingsStore settings, Pages pages,
            ComponentGate gate) {
        this.clients = clients;
        this.billing = billing;
        this.clientPage = new ClientPageView(clients, events, billing, settings, pages);
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/clients", gate.require(Component.CLIENTS));
        routes.before("/clients/*", gate.require(Component.CLIENTS));
        routes.get("/clients", this::list, Requires.SIGNED_IN);
        routes.post("/clients", this::create, MANAGERS);
        routes.get("/clients/{id}", this::show, DETAILS);
        routes.get("/clients/{id}/edit", this::editForm, MANAGERS);
        routes.post("/clients/{id}", this::update, MANAGERS);
        routes.get("/clients/{id}/delete", this::confirmDelete, MANAGERS);
        routes.post("/clients/{id}/delete", this::delete, MANAGERS);
        routes.post("/clients/{id}/billing", this::updateTerms, MANAGERS);
    }

    private void list(Context ctx) {
        renderList(ctx, ClientForm.blank(), null);
    }

    private void create(Context ctx) {
        ClientForm form = readForm(ctx);
        Forms.onInvalid(ctx, errors -> renderList(ctx, form, errors));
        Client client = clients.create(CurrentViewer.of(ctx), form);
        Flash.success(ctx, "clients.created", client.name());
        ctx.redirect("/clients/" + client.id());
    }

    private void show(Context ctx) {
        clientPage.render(ctx, PathIds.of(ctx, "id"));
    }

    private void editForm(Context ctx) {
        Client client = clients.find(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        renderEditor(ctx, client.id(), client.version(), ClientForm.of(client), null);
    }

    private void update(Context ctx) {
        long id = PathIds.of(ctx, "id");
        ClientForm form = readForm(ctx);
        Long version = PathIds.parseNumber(ctx.formParam("version"));
        long expectedVersion = version == null ? -1 : version;
        Forms.onInvalid(ctx, errors -> renderEditor(ctx, id, expectedVersion, form, errors));
        Client client = clients.update(CurrentViewer.of(ctx), id, expectedVersion, form);
        Flash.success(ctx, "clients.updated", client.name());
        ctx.redirect("/clients/" + id);
    }

    private void confirmDelete(Context ctx) {
        ClientService.ClientDeletion deletion = clients.deletion(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        pages.render(ctx, "clients/delete.jte", new ClientDeletePage(pages.chrome(ctx), deletion, null));
    }

    /** Deletes the client when the request comes from the confirmation page, and otherwise shows that page again. */
    private void delete(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Viewer viewer = CurrentViewer.of(ctx);
        ClientService.ClientDeletion deletion = clients.deletion(viewer, id);
        if (!CONFIRMED.equals(ctx.formParam("confirm"))) {
            ctx.status(422);
            FieldErrors errors = new FieldErrors().add("confirm", "clients.delete.unconfirmed");
            pages.render(ctx, "clients/delete.jte", new ClientDeletePage(pages.chrome(ctx), deletion, errors));
            return;
        }
        ClientService.ClientDeletion deleted = clients.delete(viewer, id);
        Flash.success(ctx, "clients.deleted", deleted.client().name());
        ctx.redirect("/clients");
    }

    private void updateTerms(Context ctx) {
        long id = PathIds.of(ctx, "id");
        if (!billing.isEnabled()) {
            throw new NotFoundException("error.notFound.page");
        }
        TermsForm form = new TermsForm(Forms.field(ctx, "type"), Forms.field(ctx, "rate"), Forms.field(ctx, "currency"));
        Forms.onInvalid(ctx, errors -> clientPage.renderWithTermsErrors(ctx, id, form, errors));
        billing.updateTerms(CurrentViewer.of(ctx), id, form);
        Flash.success(ctx, "billing.terms.saved", clients.findById(id).map(Client::name).orElse(""));
        ctx.redirect("/clients/" + id + "#billing");
    }

    private void renderList(Context ctx, ClientForm form, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        Optional<ClientStatus> status = ClientStatus.parse(ctx.queryParam("status"));
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        ClientList result = clients.list(status.orElse(null), (long) (page - 1) * pageSize, pageSize);
        String query = status.map(found -> "status=" + URLEncoder.encode(found.label(), StandardCharsets.UTF_8)).orElse("");
        pages.render(ctx, "clients/list.jte", new ClientListPage(pages.chrome(ctx), result.rows(), new Paging(page, pageSize, result.total(), query),
                status.map(ClientStatus::label).orElse(""), clients.canSeeDetails(viewer), clients.canManage(viewer), form, errors));
    }

    private void renderEditor(Context ctx, long id, long version, ClientForm form, FieldErrors errors) {
        pages.render(ctx, "clients/edit.jte", new ClientFormPage(pages.chrome(ctx), id, version, form, errors));
    }

    private static ClientForm readForm(Context ctx) {
        return new ClientForm(Forms.field(ctx, "name"), Forms.field(ctx, "status"), Forms.field(ctx, "contact"),
                ctx.formParam("notes") == null ? "" : ctx.formParam("notes"));
    }
}
