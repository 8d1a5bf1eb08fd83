package org.nodepoint.clients;

import io.javalin.http.Context;
import org.nodepoint.billing.BillingService;
import org.nodepoint.billing.BillingStatement;
import org.nodepoint.billing.TermsForm;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.Pages;
import org.nodepoint.web.Paging;

/**
 * Renders a client's page, for its own route and again, with status 422 and field messages,
 * when the event form or the billing terms form on it was rejected.
 */
final class ClientPageView {
    /** The query parameter that pages the billing lines; "page" pages the events. */
    static final String BILLING_PAGE = "billing_page";

    private final ClientService clients;
    private final ClientEvents events;
    private final BillingService billing;
    private final SettingsStore settings;
    private final Pages pages;

    ClientPageView(ClientService clients, ClientEvents events, BillingService billing, SettingsStore settings, Pages pages) {
        this.clients = clients;
        this.events = events;
        this.billing = billing;
        this.settings = settings;
        this.pages = pages;
    }

    void render(Context ctx, long clientId) {
        render(ctx, clientId, EventForm.blank(), null, null, null);
    }

    void renderWithEventErrors(Context ctx, long clientId, EventForm eventForm, FieldErrors errors) {
        render(ctx, clientId, eventForm, errors, null, null);
    }

    void renderWithTermsErrors(Context ctx, long clientId, TermsForm termsForm, FieldErrors errors) {
        render(ctx, clientId, EventForm.blank(), null, termsForm, errors);
    }

    private void render(Context ctx, long clientId, EventForm eventForm, FieldErrors eventErrors, TermsForm termsForm,
            FieldErrors termsErrors) {
        Viewer viewer = CurrentViewer.of(ctx);
        Client client = clients.find(viewer, clientId);
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        EventList eventList = events.canManage(viewer) ? events.list(viewer, clientId, (long) (page - 1) * pageSize, pageSize) : null;
        Paging eventPaging = new Paging(page, pageSize, eventList == null ? 0 : eventList.total(), "");
        BillingStatement statement = billing.isEnabled() ? billing.statement(viewer, clientId) : null;
        Paging billingPaging = new Paging(Paging.parsePage(ctx.queryParam(BILLING_PAGE)), pageSize,
                statement == null ? 0 : statement.lines().size(), "", BILLING_PAGE);
        TermsForm shownTerms = termsForm != null || statement == null ? termsForm : TermsForm.of(statement.terms());
        ClientService.ClientItems items = settings.current().isEnabled(Component.ITEMS) ? clients.items(clientId) : null;
        pages.render(ctx, "clients/show.jte", new ClientPage(pages.chrome(ctx), client, clients.canManage(viewer), eventList, eventPaging,
                eventForm, eventErrors, statement, billingPaging, billing.canEditTerms(viewer), shownTerms, termsErrors, items));
    }
}
