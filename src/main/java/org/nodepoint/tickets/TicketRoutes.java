package org.nodepoint.tickets;

import org.nodepoint.events.Origin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nodepoint.articles.ArticleLinks;
import org.nodepoint.billing.BillingService;
import org.nodepoint.clients.Client;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.forms.AnswerSet;
import org.nodepoint.forms.FilingForm;
import org.nodepoint.forms.FormAnswers;
import org.nodepoint.forms.FormFiling;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.uploads.AttachmentService;
import org.nodepoint.uploads.IncomingFile;
import org.nodepoint.uploads.UploadedFiles;
import org.nodepoint.submissions.FormSubmissions;
import org.nodepoint.submissions.Submission;
import org.nodepoint.users.Level;
import org.nodepoint.users.UserRef;
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

/** The ticket list, filing a ticket, the ticket page, updates and comments. */
public final class TicketRoutes implements FeatureRoutes {
    private final TicketService tickets;
    private final ProductService products;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;
    private final FormFiling formFiling;
    private final FormAnswers formAnswers;
    private final TicketPeoplePanel people;
    private final AttentionFlags attention;
    private final AttachmentService attachments;
    private final TimeTracking time;
    private final FormSubmissions submissions;
    private final BillingService billing;
    private final ArticleLinks articleLinks;

    public TicketRoutes(TicketService tickets, ProductService products, SettingsStore settings, Pages pages, ComponentGate gate,
            FormFiling formFiling, FormAnswers formAnswers, TicketPeoplePanel people, AttentionFlags attention,
            AttachmentService attachments, TimeTracking time, FormSubmissions submissions, BillingService billing,
            ArticleLinks articleLinks) {
        this.tickets = tickets;
        this.products = products;
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
        this.formFiling = formFiling;
        this.formAnswers = formAnswers;
        this.people = people;
        this.attention = attention;
        this.attachments = attachments;
        this.time = time;
        this.submissions = submissions;
        this.billing = billing;
        this.articleLinks = articleLinks;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/tickets", gate.require(Component.TICKETS));
        routes.before("/tickets/*", gate.require(Component.TICKETS));
        routes.get("/tickets", this::list, Requires.ANYONE);
        routes.get("/tickets/new", this::newForm, Requires.ANYONE);
        routes.post("/tickets", this::create, Requires.ANYONE);
        routes.get("/tickets/{id}", this::show, Requires.ANYONE);
        routes.post("/tickets/{id}", this::update, Requires.level(Level.TICKETS_MANAGEMENT));
        routes.post("/tickets/{id}/comments", this::comment, Requires.level(Level.AUTHORIZED));
        routes.post("/tickets/{id}/billing", this::bill, Requires.level(Level.TICKETS_MANAGEMENT));
    }

    private void list(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Long productId = PathIds.parseNumber(ctx.queryParam("product"));
        Optional<TicketStatus> status = TicketStatus.parse(ctx.queryParam("status"));
        Optional<Priority> priority = Priority.parse(ctx.queryParam("priority"));
        TicketFilter.Sort sort = TicketFilter.Sort.parse(ctx.queryParam("sort")).orElse(TicketFilter.Sort.NEWEST);
        TicketFilter filter = new TicketFilter(productId, status.orElse(null), priority.orElse(null), sort);

        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        TicketList result = tickets.list(viewer, filter, (long) (page - 1) * pageSize, pageSize);
        List<String> query = new ArrayList<>();
        addParam(query, "product", productId == null ? "" : productId.toString());
        addParam(query, "status", status.map(TicketStatus::label).orElse(""));
        addParam(query, "priority", priority.map(Priority::label).orElse(""));
        addParam(query, "sort", sort == TicketFilter.Sort.NEWEST ? "" : sort.key());
        Paging paging = new Paging(page, pageSize, result.total(), String.join("&", query));

        pages.render(ctx, "tickets/list.jte", new TicketListPage(pages.chrome(ctx), result.rows(), paging, products.listVisible(viewer),
                productId == null ? "" : productId.toString(), status.map(TicketStatus::label).orElse(""),
                priority.map(Priority::label).orElse(""), sort.key()));
    }

    private void newForm(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        if (viewer.isGuest() && !tickets.canFile(viewer)) {
            ctx.redirect("/login?next=" + URLEncoder.encode("/tickets/new", StandardCharsets.UTF_8));
            return;
        }
        requireCanFile(viewer);
        Long productId = PathIds.parseNumber(ctx.queryParam("product"));
        NewTicket blank = new NewTicket(productId == null ? 0 : productId, "", "", "", Priority.NORMAL.label());
        renderNewForm(ctx, viewer, blank, AnswerSet.NONE, null);
    }

    private void create(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        requireCanFile(viewer);
        Long productId = PathIds.parseNumber(ctx.formParam("productId"));
        NewTicket form = new NewTicket(productId == null ? 0 : productId, Forms.field(ctx, "release"), Forms.field(ctx, "title"),
                Forms.field(ctx, "description"), Forms.field(ctx, "priority"));
        AnswerSet answers = AnswerSet.read(ctx::formParam, field -> UploadedFiles.of(ctx, field));
        Forms.onInvalid(ctx, errors -> renderNewForm(ctx, viewer, form, answers, errors));
        Submission submission = submissions.read(ctx, TicketFormTokens.NEW_TICKET);
        long id = submissions.once(submission,
                once -> formFiling.file(viewer, form, answers, ctx.req().getRemoteAddr(), Origin.WEB, once), ticketId -> ticketId);
        Flash.success(ctx, "tickets.created", id);
        ctx.redirect(viewer.isGuest() && !canRead(viewer, id) ? "/" : "/tickets/" + id);
    }

    private void show(Context ctx) {
        renderTicket(ctx, PathIds.of(ctx, "id"), null, null, "", null, null);
    }

    private void update(Context ctx) {
        long id = PathIds.of(ctx, "id");
        // The form leaves out the description for editors below past_lvl, who see it read-only, so a missing one stays unchanged.
        String description = ctx.formParam("description") == null ? null : Forms.field(ctx, "description");
        TicketUpdate update = new TicketUpdate(Forms.field(ctx, "title"), description, Forms.field(ctx, "status"),
                Forms.field(ctx, "resolution"), Forms.field(ctx, "priority"), Forms.field(ctx, "release"), Forms.field(ctx, "note"),
                Forms.field(ctx, "time"));
        Forms.onInvalid(ctx, errors -> renderTicket(ctx, id, update, errors, "", null, null));
        TicketTime.requireEnabled(settings.current(), update.hours());
        Viewer viewer = CurrentViewer.of(ctx);
        // The notify field is checked first, so that a rejected user leaves the ticket unchanged.
        Optional<UserRef> notify = attention.recipient(viewer, id, ctx.formParam(AttentionFlags.FIELD));
        Submission submission = submissions.read(ctx, TicketFormTokens.update(id));
        Long version = PathIds.parseNumber(ctx.formParam("version"));
        long expectedVersion = version == null ? -1L : version;
        boolean changed = submissions.once(submission,
                once -> tickets.update(viewer, id, update, Origin.WEB, expectedVersion, once), changeId -> true);
        notify.ifPresent(user -> attention.flag(viewer, id, user, Origin.WEB));
        if (changed || notify.isEmpty()) {
            Flash.success(ctx, changed ? "tickets.updated" : "tickets.unchanged", id);
        } else {
            Flash.success(ctx, "attention.requested", notify.get().name());
        }
        ctx.redirect("/tickets/" + id);
    }

    private void comment(Context ctx) {
        long id = PathIds.of(ctx, "id");
        String text = ctx.formParam("comment") == null ? "" : ctx.formParam("comment");
        Forms.onInvalid(ctx, errors -> renderTicket(ctx, id, null, null, text, errors, null));
        List<IncomingFile> files = UploadedFiles.of(ctx, AttachmentService.COMMENT_FIELD);
        Submission submission = submissions.read(ctx, TicketFormTokens.comment(id));
        long commentId = submissions.once(submission,
                once -> attachments.comment(CurrentViewer.of(ctx), id, text, files, Origin.WEB, once), storedId -> storedId);
        Flash.success(ctx, "tickets.commented", id);
        ctx.redirect("/tickets/" + id + "#comment-" + commentId);
    }

    private void bill(Context ctx) {
        long id = PathIds.of(ctx, "id");
        if (!billing.isEnabled()) {
            throw new NotFoundException("error.notFound.page");
        }
        Viewer viewer = CurrentViewer.of(ctx);
        // The ticket is looked up first, so that a hidden one is a 404 and never a page shown again with the error.
        tickets.findVisible(viewer, id);
        Forms.onInvalid(ctx, errors -> renderTicket(ctx, id, null, null, "", null, errors));
        String field = Forms.field(ctx, "clientId");
        Long clientId = PathIds.parseNumber(field);
        if (!field.isEmpty() && clientId == null) {
            throw ValidationException.of("clientId", "billing.ticket.client.invalid");
        }
        Optional<Client> client = billing.billTicket(viewer, id, clientId);
        if (client.isPresent()) {
            Flash.success(ctx, "billing.ticket.set", client.get().name());
        } else {
            Flash.success(ctx, "billing.ticket.cleared", id);
        }
        ctx.redirect("/tickets/" + id + "#billing");
    }

    private void renderNewForm(Context ctx, Viewer viewer, NewTicket form, AnswerSet answers, FieldErrors formErrors) {
        FieldErrors errors = formErrors;
        List<Product> open = products.listVisible(viewer).stream().filter(product -> !product.isArchived()).toList();
        Product selected = open.stream().filter(product -> product.id() == form.productId()).findFirst().orElse(null);
        if (selected == null && form.productId() != 0 && errors == null) {
            errors = new FieldErrors().add("productId", "tickets.product.invalid");
        }
        FilingForm customForm = selected == null ? null
                : formFiling.filingForm(viewer, selected, answers, ctx.req().getRemoteAddr()).orElse(null);
        pages.render(ctx, "tickets/new.jte", new NewTicketPage(pages.chrome(ctx), open, selected,
                selected == null ? List.of() : products.releases(selected.id()), form, customForm, errors,
                submissions.issue(ctx, TicketFormTokens.NEW_TICKET)));
    }

    private void renderTicket(Context ctx, long id, TicketUpdate edit, FieldErrors editErrors, String commentText, FieldErrors commentErrors,
            FieldErrors billingErrors) {
        Viewer viewer = CurrentViewer.of(ctx);
        TicketDetails details = tickets.show(viewer, id);
        Ticket ticket = details.ticket();
        TicketUpdate shown = edit != null ? edit : new TicketUpdate(ticket.title(), ticket.description(), ticket.status(),
                ticket.resolution(), ticket.priorityLevel().label(), ticket.release(), "", "");
        boolean canComment = viewer.hasLevel(Level.AUTHORIZED) && (!ticket.isClosed() || viewer.hasLevel(Level.TICKETS_MANAGEMENT));
        pages.render(ctx, "tickets/show.jte", new TicketPage(pages.chrome(ctx), details, formAnswers.list(viewer, id),
                viewer.hasLevel(Level.TICKETS_MANAGEMENT),
                canComment, products.releases(ticket.productId()), shown, editErrors, commentText, commentErrors,
                people.load(viewer, ticket, Forms.field(ctx, AttentionFlags.FIELD)), attachments.forTicketPage(viewer, id),
                viewer.hasLevel(settings.current().pastEditLevel()), TicketTime.forViewer(viewer, settings.current(), time, id),
                new TicketFormTokens(submissions, ctx, id), billing.panel(viewer, id, billingErrors),
                articleLinks.panel(viewer, ticket)));
    }

    private void requireCanFile(Viewer viewer) {
        if (!tickets.canFile(viewer)) {
            throw new ForbiddenException("tickets.file.forbidden");
        }
    }

    private boolean canRead(Viewer viewer, long id) {
        return !tickets.summariesVisibleTo(viewer, List.of(id)).isEmpty();
    }


    private static void addParam(List<String> query, String name, String value) {
        if (!value.isEmpty()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
