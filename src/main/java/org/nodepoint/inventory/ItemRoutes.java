package org.nodepoint.inventory;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.ProductService;
import org.nodepoint.submissions.FormSubmissions;
import org.nodepoint.submissions.Submission;
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

/**
 * The inventory pages: the item list with its add form, an item's page with the actions its state
 * allows, the edit form and the requests that await approval. Every change is a POST that
 * redirects back to the page it came from.
 */
public final class ItemRoutes implements FeatureRoutes {
    /** The purpose of the add form's single-use submission token. */
    static final String NEW_ITEM = "item:new";
    /** The form field that names the page to go back to after an action: "approvals" or "home". */
    static final String BACK_FIELD = "back";
    private static final Requires MANAGER = Requires.level(ItemService.MANAGER_LEVEL);

    private final ItemService items;
    private final ProductService products;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;
    private final FormSubmissions submissions;

    public ItemRoutes(ItemService items, ProductService products, SettingsStore settings, Pages pages, ComponentGate gate,
            FormSubmissions submissions) {
        this.items = items;
        this.products = products;
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
        this.submissions = submissions;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/items", gate.require(Component.ITEMS));
        routes.before("/items/*", gate.require(Component.ITEMS));
        routes.get("/items", this::list, Requires.SIGNED_IN);
        routes.post("/items", this::create, MANAGER);
        // Before /items/{id}, which would take "approvals" for an id.
        routes.get("/items/approvals", this::approvals, MANAGER);
        routes.get("/items/{id}", this::show, Requires.SIGNED_IN);
        routes.get("/items/{id}/edit", this::editForm, MANAGER);
        routes.post("/items/{id}", this::update, MANAGER);
        routes.post("/items/{id}/delete", this::delete, MANAGER);
        routes.post("/items/{id}/checkout", this::checkOut, Requires.level(Level.AUTHORIZED));
        routes.post("/items/{id}/withdraw", this::withdraw, Requires.SIGNED_IN);
        routes.post("/items/{id}/return", this::returnItem, Requires.SIGNED_IN);
        routes.post("/items/{id}/approve", this::approve, MANAGER);
        routes.post("/items/{id}/deny", this::deny, MANAGER);
        routes.post("/items/{id}/assign", this::assign, MANAGER);
        routes.post("/items/{id}/available", this::makeAvailable, MANAGER);
        routes.post("/items/{id}/unavailable", this::makeUnavailable, MANAGER);
        routes.post("/items/{id}/expiry", this::setExpiry, MANAGER);
    }

    private void list(Context ctx) {
        renderList(ctx, ItemForm.blank(), null);
    }

    private void create(Context ctx) {
        ItemForm form = readForm(ctx);
        Forms.onInvalid(ctx, errors -> renderList(ctx, form, errors));
        Viewer viewer = CurrentViewer.of(ctx);
        Submission submission = submissions.read(ctx, NEW_ITEM);
        long id = submissions.once(submission, once -> items.add(viewer, form, ItemRules.TypeRule.LISTED, once), itemId -> itemId);
        Flash.success(ctx, "inventory.flash.added", form.name().strip());
        ctx.redirect("/items/" + id);
    }

    private void show(Context ctx) {
        renderItem(ctx, PathIds.of(ctx, "id"), null, "", "");
    }

    private void editForm(Context ctx) {
        Item item = items.find(PathIds.of(ctx, "id"));
        renderEdit(ctx, item, item.version(), ItemForm.of(item), null);
    }

    private void update(Context ctx) {
        long id = PathIds.of(ctx, "id");
        ItemForm form = readForm(ctx);
        Long version = PathIds.parseNumber(ctx.formParam("version"));
        long expectedVersion = version == null ? -1L : version;
        Forms.onInvalid(ctx, errors -> renderEdit(ctx, items.find(id), expectedVersion, form, errors));
        boolean changed = items.edit(CurrentViewer.of(ctx), id, form, expectedVersion, ItemRules.TypeRule.LISTED);
        Flash.success(ctx, changed ? "inventory.flash.updated" : "inventory.flash.unchanged", id);
        ctx.redirect("/items/" + id);
    }

    private void delete(Context ctx) {
        long id = PathIds.of(ctx, "id");
        String name = items.find(id).name();
        onActionInvalid(ctx, id);
        if (!"yes".equals(Forms.field(ctx, "confirm"))) {
            throw ValidationException.of("confirm", "inventory.delete.unconfirmed");
        }
        items.delete(CurrentViewer.of(ctx), id);
        Flash.success(ctx, "inventory.flash.deleted", name);
        ctx.redirect("/items");
    }

    private void checkOut(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        ItemStatus status = items.checkouts().checkOut(CurrentViewer.of(ctx), id, Origin.WEB);
        Flash.success(ctx, status == ItemStatus.WAITING ? "inventory.flash.requested" : "inventory.flash.checked_out", id);
        redirectBack(ctx, id);
    }

    private void withdraw(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        items.checkouts().withdraw(CurrentViewer.of(ctx), id);
        Flash.success(ctx, "inventory.flash.withdrawn", id);
        redirectBack(ctx, id);
    }

    private void returnItem(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        items.checkouts().returnItem(CurrentViewer.of(ctx), id, Origin.WEB);
        Flash.success(ctx, "inventory.flash.returned", id);
        redirectBack(ctx, id);
    }

    private void approve(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        items.checkouts().approve(CurrentViewer.of(ctx), id, Origin.WEB);
        Flash.success(ctx, "inventory.flash.approved", id);
        redirectBack(ctx, id);
    }

    private void deny(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        items.checkouts().deny(CurrentViewer.of(ctx), id, Origin.WEB);
        Flash.success(ctx, "inventory.flash.denied", id);
        redirectBack(ctx, id);
    }

    private void assign(Context ctx) {
        long id = PathIds.of(ctx, "id");
        items.find(id);
        String name = Forms.field(ctx, Checkouts.USER_FIELD);
        Forms.onInvalid(ctx, errors -> renderItem(ctx, id, errors, name, Forms.field(ctx, "expiresOn")));
        if (name.isEmpty()) {
            throw ValidationException.of(Checkouts.USER_FIELD, "inventory.assign.user.missing");
        }
        items.checkouts().assignByName(CurrentViewer.of(ctx), id, name, Origin.WEB);
        Flash.success(ctx, "inventory.flash.assigned", name);
        ctx.redirect("/items/" + id);
    }

    private void makeAvailable(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        boolean changed = items.makeAvailable(CurrentViewer.of(ctx), id);
        Flash.success(ctx, changed ? "inventory.flash.made_available" : "inventory.flash.already_available", id);
        ctx.redirect("/items/" + id);
    }

    private void makeUnavailable(Context ctx) {
        long id = PathIds.of(ctx, "id");
        onActionInvalid(ctx, id);
        boolean changed = items.makeUnavailable(CurrentViewer.of(ctx), id);
        Flash.success(ctx, changed ? "inventory.flash.made_unavailable" : "inventory.flash.already_unavailable", id);
        ctx.redirect("/items/" + id);
    }

    private void setExpiry(Context ctx) {
        long id = PathIds.of(ctx, "id");
        items.find(id);
        String text = Forms.field(ctx, "expiresOn");
        Forms.onInvalid(ctx, errors -> renderItem(ctx, id, errors, "", text));
        Optional<java.time.LocalDate> lastDay = ItemService.parseExpiry(text);
        boolean changed = items.setExpiry(CurrentViewer.of(ctx), id, lastDay.orElse(null));
        String message = !changed ? "inventory.flash.expiry_unchanged" : lastDay.isPresent() ? "inventory.flash.expiry_set" : "inventory.flash.expiry_removed";
        Flash.success(ctx, message, lastDay.map(Object::toString).orElse(""));
        ctx.redirect("/items/" + id);
    }

    private void approvals(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        Paging paging = new Paging(page, pageSize, items.countWaiting(viewer), "");
        pages.render(ctx, "inventory/approvals.jte",
                new ApprovalsPage(pages.chrome(ctx), items.approvals(viewer, paging.offset(), pageSize), paging));
    }

    /**
     * Shows the item page again with the action's errors above the actions, when the service
     * rejects it. Handlers that check a field before the service looks the item up call
     * {@link ItemService#find} first, so that an unknown id is a 404 rather than a failing error page.
     */
    private void onActionInvalid(Context ctx, long id) {
        Forms.onInvalid(ctx, errors -> renderItem(ctx, id, errors, "", ""));
    }

    /** Redirects to the page named by the back field, or to the item. */
    private static void redirectBack(Context ctx, long id) {
        String back = Forms.field(ctx, BACK_FIELD);
        ctx.redirect(switch (back) {
            case "approvals" -> "/items/approvals";
            case "home" -> "/";
            default -> "/items/" + id;
        });
    }

    private void renderList(Context ctx, ItemForm form, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        ItemListQuery query = ItemListQuery.read(ctx);
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        ItemList result = items.list(viewer, query.filter(), (long) (page - 1) * pageSize, pageSize);
        Paging paging = new Paging(page, pageSize, result.total(), query.queryString());
        boolean canAdd = viewer.hasLevel(ItemService.MANAGER_LEVEL);
        ItemChoices choices = canAdd ? choices(viewer, null) : ItemChoices.NONE;
        pages.render(ctx, "inventory/list.jte", new ItemListPage(pages.chrome(ctx), result.rows(), paging, query, typeFilter(),
                canAdd, form, errors, choices, canAdd ? submissions.issue(ctx, NEW_ITEM) : ""));
    }

    /** Returns the types offered by the list filter: the listed ones and any other that an item has. */
    private List<String> typeFilter() {
        List<String> types = new ArrayList<>(ItemTypes.LISTED);
        items.typesInUse().stream().filter(type -> !types.contains(type)).forEach(types::add);
        return types;
    }

    private void renderItem(Context ctx, long id, FieldErrors actionErrors, String assignee, String expiresOn) {
        Viewer viewer = CurrentViewer.of(ctx);
        ItemDetails details = items.show(viewer, id);
        String expiryInput = expiresOn.isEmpty() && actionErrors == null && details.item().expiresOn() != null
                ? details.item().expiresOn() : expiresOn;
        pages.render(ctx, "inventory/show.jte", new ItemPage(pages.chrome(ctx), details, ItemActions.of(viewer, details),
                actionErrors, assignee, expiryInput));
    }

    private void renderEdit(Context ctx, Item item, long version, ItemForm form, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        pages.render(ctx, "inventory/edit.jte", new ItemEditPage(pages.chrome(ctx), item.id(), version, form, errors,
                choices(viewer, item.type())));
    }

    private ItemChoices choices(Viewer viewer, String currentType) {
        List<String> types = new ArrayList<>(ItemTypes.LISTED);
        if (currentType != null && !types.contains(currentType)) {
            types.add(currentType);
        }
        return new ItemChoices(types, products.listVisible(viewer), items.clientOptions());
    }

    private static ItemForm readForm(Context ctx) {
        return new ItemForm(Forms.field(ctx, "name"), Forms.field(ctx, "type"), Forms.field(ctx, "serial"), Forms.field(ctx, "productId"),
                Forms.field(ctx, "clientId"), "yes".equals(Forms.field(ctx, "needsApproval")), Forms.field(ctx, "info"));
    }
}
