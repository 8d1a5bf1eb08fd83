package org.nodepoint.forms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
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

/** Custom ticket forms under the Tools menu: the list, the editor, and which projects use a form. */
public final class FormRoutes implements FeatureRoutes {
    /** Signed-in users at or above customs_lvl, the rule of {@link FormService#canManage}. */
    public static final Requires MANAGERS = Requires.configured(Settings::customFormsLevel);
    /** The value of the editor's "required" select for a required question. */
    static final String REQUIRED = "yes";

    private final FormService forms;
    private final ProductService products;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;

    public FormRoutes(FormService forms, ProductService products, SettingsStore settings, Pages pages, ComponentGate gate) {
        this.forms = forms;
        this.products = products;
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/forms", gate.require(Component.TICKETS));
        routes.before("/forms/*", gate.require(Component.TICKETS));
        routes.get("/forms", this::list, MANAGERS);
        routes.get("/forms/new", this::newForm, MANAGERS);
        routes.post("/forms", this::create, MANAGERS);
        routes.get("/forms/{id}", this::show, MANAGERS);
        routes.get("/forms/{id}/edit", this::editForm, MANAGERS);
        routes.post("/forms/{id}", this::update, MANAGERS);
        routes.post("/forms/{id}/delete", this::delete, MANAGERS);
        routes.post("/forms/{id}/projects", this::assign, MANAGERS);
        routes.post("/forms/{id}/projects/remove", this::unassign, MANAGERS);
    }

    /** Returns the new-ticket route, which belongs to tickets but takes the files of these forms' file questions. */
    @Override
    public List<String> uploadPaths() {
        return List.of("/tickets");
    }

    private void list(Context ctx) {
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        FormService.FormList result = forms.list(CurrentViewer.of(ctx), (long) (page - 1) * pageSize, pageSize);
        pages.render(ctx, "forms/list.jte", new FormListPage(pages.chrome(ctx), result.rows(), new Paging(page, pageSize, result.total(), "")));
    }

    private void newForm(Context ctx) {
        String title = pages.text().plain("tickets.title");
        String description = pages.text().plain("tickets.description");
        renderEditor(ctx, null, 0, new FormDraft("", title, description, false, List.of()), null);
    }

    private void create(Context ctx) {
        FormDraft draft = readDraft(ctx);
        Forms.onInvalid(ctx, errors -> renderEditor(ctx, null, 0, draft, errors));
        TicketForm form = forms.create(CurrentViewer.of(ctx), draft);
        Flash.success(ctx, "forms.created", form.name());
        ctx.redirect("/forms/" + form.id());
    }

    private void show(Context ctx) {
        renderForm(ctx, PathIds.of(ctx, "id"), "", null);
    }

    private void editForm(Context ctx) {
        TicketForm form = forms.find(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        List<FormDraft.Row> rows = form.fields().stream()
                .map(field -> new FormDraft.Row(field.question(), field.type().key(), field.required()))
                .toList();
        FormDraft draft = new FormDraft(form.name(), form.titleQuestion(), form.descriptionQuestion(), form.isDefault(), rows);
        renderEditor(ctx, form.id(), form.version(), draft, null);
    }

    private void update(Context ctx) {
        long id = PathIds.of(ctx, "id");
        FormDraft draft = readDraft(ctx);
        Long version = PathIds.parseNumber(ctx.formParam("version"));
        Forms.onInvalid(ctx, errors -> renderEditor(ctx, id, version == null ? -1 : version, draft, errors));
        TicketForm form = forms.update(CurrentViewer.of(ctx), id, version == null ? -1 : version, draft);
        Flash.success(ctx, "forms.updated", form.name());
        ctx.redirect("/forms/" + id);
    }

    private void delete(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Forms.onInvalid(ctx, errors -> renderForm(ctx, id, "", errors));
        String name = forms.delete(CurrentViewer.of(ctx), id);
        Flash.success(ctx, "forms.deleted", name);
        ctx.redirect("/forms");
    }

    private void assign(Context ctx) {
        long id = PathIds.of(ctx, "id");
        String productId = Forms.field(ctx, "productId");
        Forms.onInvalid(ctx, errors -> renderForm(ctx, id, productId, errors));
        FormService.Assignment assignment = forms.assign(CurrentViewer.of(ctx), id, PathIds.parseNumber(productId));
        Flash.success(ctx, assignment.previousFormName().isPresent() ? "forms.assigned.replacing" : "forms.assigned",
                assignment.product().name());
        ctx.redirect("/forms/" + id);
    }

    private void unassign(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Forms.onInvalid(ctx, errors -> renderForm(ctx, id, "", errors));
        Product product = forms.unassign(CurrentViewer.of(ctx), id, PathIds.parseNumber(ctx.formParam("productId")));
        Flash.success(ctx, "forms.unassigned", product.name());
        ctx.redirect("/forms/" + id);
    }

    private void renderEditor(Context ctx, Long id, long version, FormDraft draft, FieldErrors errors) {
        pages.render(ctx, "forms/edit.jte", new FormEditPage(pages.chrome(ctx), id, version, draft, errors));
    }

    private void renderForm(Context ctx, long id, String productId, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        TicketForm form = forms.find(viewer, id);
        FormService.FormProjects projects = forms.projectsOf(viewer, id);
        List<Product> assignable = products.listVisible(viewer).stream().filter(product -> !projects.visible().contains(product)).toList();
        pages.render(ctx, "forms/show.jte", new FormPage(pages.chrome(ctx), form, projects, assignable, productId, errors));
    }

    /**
     * Reads the editor's rows. Each row sends its question, type and required select under the
     * same three names, so the n-th value of each list belongs to the n-th row.
     */
    private static FormDraft readDraft(Context ctx) {
        List<String> questions = ctx.formParams("question");
        List<String> types = ctx.formParams("type");
        List<String> required = ctx.formParams("required");
        List<FormDraft.Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(questions.size(), TicketForm.MAX_QUESTIONS); i++) {
            rows.add(new FormDraft.Row(questions.get(i), i < types.size() ? types.get(i) : "",
                    i < required.size() && REQUIRED.equals(required.get(i))));
        }
        return new FormDraft(Forms.field(ctx, "name"), Forms.field(ctx, "titleQuestion"), Forms.field(ctx, "descriptionQuestion"),
                "on".equals(ctx.formParam("isDefault")), rows);
    }
}
