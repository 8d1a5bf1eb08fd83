package org.nodepoint.projects;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.forms.FormService;
import org.nodepoint.forms.TicketForm;
import org.nodepoint.submissions.FormSubmissions;
import org.nodepoint.tasks.TaskForm;
import org.nodepoint.tasks.TaskPanel;
import org.nodepoint.tasks.TaskRoutes;
import org.nodepoint.tasks.TaskService;
import org.nodepoint.tickets.TicketFilter;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.uploads.ProductImageService;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/** Products (projects) and their releases. */
public final class ProductRoutes implements FeatureRoutes {
    private final ProductService products;
    private final TicketService tickets;
    private final Pages pages;
    private final FormService forms;
    private final AutoAssignees autoAssignees;
    private final ProductImageService images;
    private final TaskService tasks;
    private final FormSubmissions submissions;
    private final SettingsStore settings;

    public ProductRoutes(ProductService products, TicketService tickets, Pages pages, FormService forms, AutoAssignees autoAssignees,
            ProductImageService images, TaskService tasks, FormSubmissions submissions, SettingsStore settings) {
        this.products = products;
        this.tickets = tickets;
        this.pages = pages;
        this.forms = forms;
        this.autoAssignees = autoAssignees;
        this.images = images;
        this.tasks = tasks;
        this.submissions = submissions;
        this.settings = settings;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/projects", this::list, Requires.ANYONE);
        routes.get("/projects/new", this::newForm, Requires.level(Level.PROJECTS_MANAGEMENT));
        routes.post("/projects", this::create, Requires.level(Level.PROJECTS_MANAGEMENT));
        routes.get("/projects/{id}", this::show, Requires.ANYONE);
        routes.get("/projects/{id}/edit", this::editForm, Requires.level(Level.PROJECTS_MANAGEMENT));
        routes.post("/projects/{id}", this::update, Requires.level(Level.PROJECTS_MANAGEMENT));
        routes.post("/projects/{id}/releases", this::addRelease, Requires.level(Level.TICKETS_MANAGEMENT));
    }

    private void list(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        pages.render(ctx, "projects/list.jte", new ProductListPage(pages.chrome(ctx), products.listVisible(viewer),
                viewer.hasLevel(Level.PROJECTS_MANAGEMENT)));
    }

    private void newForm(Context ctx) {
        pages.render(ctx, "projects/form.jte", new ProductFormPage(pages.chrome(ctx), null, ProductForm.blank(), null, null));
    }

    private void create(Context ctx) {
        ProductForm form = readForm(ctx);
        Forms.onInvalid(ctx, errors -> pages.render(ctx, "projects/form.jte", new ProductFormPage(pages.chrome(ctx), null, form, errors, null)));
        Product product = products.create(CurrentViewer.of(ctx), form);
        Flash.success(ctx, "projects.created", product.name());
        ctx.redirect("/projects/" + product.id());
    }

    private void show(Context ctx) {
        renderProduct(ctx, PathIds.of(ctx, "id"), "", "", null);
    }

    private void editForm(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Product product = products.findVisible(viewer, PathIds.of(ctx, "id"));
        pages.render(ctx, "projects/form.jte", new ProductFormPage(pages.chrome(ctx), product.id(), ProductForm.of(product), null,
                images.form(viewer, product.id(), null)));
    }

    private void update(Context ctx) {
        long id = PathIds.of(ctx, "id");
        ProductForm form = readForm(ctx);
        Forms.onInvalid(ctx, errors -> pages.render(ctx, "projects/form.jte", new ProductFormPage(pages.chrome(ctx), id, form, errors,
                images.form(CurrentViewer.of(ctx), id, null))));
        Product product = products.update(CurrentViewer.of(ctx), id, form);
        Flash.success(ctx, "projects.updated", product.name());
        ctx.redirect("/projects/" + id);
    }

    private void addRelease(Context ctx) {
        long id = PathIds.of(ctx, "id");
        String version = Forms.field(ctx, "version");
        String notes = Forms.field(ctx, "notes");
        Forms.onInvalid(ctx, errors -> renderProduct(ctx, id, version, notes, errors));
        Release release = products.addRelease(CurrentViewer.of(ctx), id, version, notes);
        Flash.success(ctx, "projects.release.added", release.version());
        ctx.redirect("/projects/" + id);
    }

    /** Renders a project page whose add-task form failed validation, with the form's values and errors. */
    public void showWithTaskForm(Context ctx, long id, TaskForm taskForm, FieldErrors taskErrors) {
        renderProduct(ctx, id, "", "", null, taskForm, taskErrors);
    }

    private void renderProduct(Context ctx, long id, String version, String notes, FieldErrors errors) {
        renderProduct(ctx, id, version, notes, errors, TaskForm.blank(), null);
    }

    private void renderProduct(Context ctx, long id, String version, String notes, FieldErrors errors, TaskForm taskForm,
            FieldErrors taskErrors) {
        Viewer viewer = CurrentViewer.of(ctx);
        Product product = products.findVisible(viewer, id);
        long ticketCount = tickets.count(viewer, new TicketFilter(product.id(), null, null, TicketFilter.Sort.NEWEST));
        boolean showsTicketForm = forms.canManage(viewer);
        TicketForm ticketForm = showsTicketForm ? forms.formFor(product.id()).orElse(null) : null;
        pages.render(ctx, "projects/show.jte", new ProductPage(pages.chrome(ctx), product, products.releases(id), ticketCount,
                showsTicketForm, ticketForm,
                viewer.hasLevel(Level.TICKETS_MANAGEMENT), viewer.hasLevel(Level.PROJECTS_MANAGEMENT), version, notes, errors,
                autoAssignees.panel(viewer, id), images.hasImage(viewer, product.id()),
                taskPanel(ctx, viewer, product, taskForm, taskErrors)));
    }

    private TaskPanel taskPanel(Context ctx, Viewer viewer, Product product, TaskForm form, FieldErrors errors) {
        if (!settings.current().isEnabled(Component.TASKS)) {
            return TaskPanel.HIDDEN;
        }
        String token = viewer.hasLevel(settings.current().tasksLevel()) ? submissions.issue(ctx, TaskRoutes.newTaskPurpose(product.id())) : "";
        return tasks.panel(viewer, product, form, errors, token);
    }

    private static ProductForm readForm(Context ctx) {
        return new ProductForm(Forms.field(ctx, "name"), Forms.field(ctx, "model"), Forms.field(ctx, "description"),
                Forms.field(ctx, "visibility"), Forms.field(ctx, "firstRelease"));
    }
}
