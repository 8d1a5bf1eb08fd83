package org.nodepoint.articles;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nodepoint.config.Component;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
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

/** The article list, article pages, the editor, publishing, deleting and favourites. */
public final class ArticleRoutes implements FeatureRoutes {
    static final Requires MANAGERS = Requires.level(Level.PROJECTS_MANAGEMENT);
    /** The value of the delete form's confirmation checkbox, without which nothing is deleted. */
    static final String CONFIRMED = "yes";

    private final ArticleService articles;
    private final ArticleLinks links;
    private final ProductService products;
    private final SettingsStore settings;
    private final Pages pages;
    private final ComponentGate gate;

    public ArticleRoutes(ArticleService articles, ArticleLinks links, ProductService products, SettingsStore settings, Pages pages,
            ComponentGate gate) {
        this.articles = articles;
        this.links = links;
        this.products = products;
        this.settings = settings;
        this.pages = pages;
        this.gate = gate;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/articles", gate.require(Component.ARTICLES));
        routes.before("/articles/*", gate.require(Component.ARTICLES));
        routes.get("/articles", this::list, Requires.ANYONE);
        routes.post("/articles", this::create, MANAGERS);
        routes.get("/articles/{id}", this::show, Requires.ANYONE);
        routes.get("/articles/{id}/edit", this::editForm, MANAGERS);
        routes.post("/articles/{id}", this::update, MANAGERS);
        routes.post("/articles/{id}/publish", ctx -> setPublished(ctx, true), MANAGERS);
        routes.post("/articles/{id}/unpublish", ctx -> setPublished(ctx, false), MANAGERS);
        routes.post("/articles/{id}/delete", this::delete, MANAGERS);
        routes.post("/articles/{id}/favourite", this::favourite, Requires.SIGNED_IN);
        routes.post("/articles/{id}/unfavourite", this::unfavourite, Requires.SIGNED_IN);
    }

    private void list(Context ctx) {
        renderList(ctx, ArticleForm.blank(), null);
    }

    private void create(Context ctx) {
        ArticleForm form = new ArticleForm(Forms.field(ctx, "title"), "", Forms.field(ctx, "product"), false);
        Forms.onInvalid(ctx, errors -> renderList(ctx, form, errors));
        long id = articles.create(CurrentViewer.of(ctx), form);
        Flash.success(ctx, "articles.created", form.title().strip());
        ctx.redirect("/articles/" + id + "/edit");
    }

    private void show(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Article article = articles.find(viewer, PathIds.of(ctx, "id"));
        pages.render(ctx, "articles/show.jte", new ArticlePage(pages.chrome(ctx), article, articles.bodyHtml(article),
                articles.isFavourite(viewer, article.id()), articles.canManage(viewer), links.openTickets(viewer, article.id())));
    }

    private void editForm(Context ctx) {
        Article article = articles.find(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        renderEditor(ctx, article, article.version(), ArticleForm.of(article), null);
    }

    private void update(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Article article = articles.find(viewer, PathIds.of(ctx, "id"));
        ArticleForm form = new ArticleForm(Forms.field(ctx, "title"), ctx.formParam("body") == null ? "" : ctx.formParam("body"),
                Forms.field(ctx, "product"), "on".equals(ctx.formParam("published")));
        Long version = PathIds.parseNumber(ctx.formParam("version"));
        long expectedVersion = version == null ? -1 : version;
        Forms.onInvalid(ctx, errors -> renderEditor(ctx, article, expectedVersion, form, errors));
        Article saved = articles.save(viewer, article.id(), expectedVersion, form);
        Flash.success(ctx, "articles.saved", saved.title());
        ctx.redirect("/articles/" + saved.id());
    }

    private void setPublished(Context ctx, boolean published) {
        Article article = articles.setPublished(CurrentViewer.of(ctx), PathIds.of(ctx, "id"), published);
        Flash.success(ctx, published ? "articles.published" : "articles.unpublished", article.title());
        ctx.redirect("/articles/" + article.id());
    }

    /** Deletes the article when the confirmation box is ticked, and otherwise shows the editor again with a message. */
    private void delete(Context ctx) {
        Viewer viewer = CurrentViewer.of(ctx);
        Article article = articles.find(viewer, PathIds.of(ctx, "id"));
        if (!CONFIRMED.equals(ctx.formParam("confirm"))) {
            ctx.status(422);
            renderEditor(ctx, article, article.version(), ArticleForm.of(article),
                    new FieldErrors().add("confirm", "articles.delete.unconfirmed"));
            return;
        }
        articles.delete(viewer, article.id());
        Flash.success(ctx, "articles.deleted", article.title());
        ctx.redirect("/articles");
    }

    private void favourite(Context ctx) {
        Article article = articles.favourite(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        Flash.success(ctx, "articles.favourite.added", article.title());
        ctx.redirect("/articles/" + article.id());
    }

    private void unfavourite(Context ctx) {
        long id = PathIds.of(ctx, "id");
        articles.unfavourite(CurrentViewer.of(ctx), id);
        Flash.success(ctx, "articles.favourite.removed", "");
        ctx.redirect("/articles/" + id);
    }

    private void renderList(Context ctx, ArticleForm form, FieldErrors errors) {
        Viewer viewer = CurrentViewer.of(ctx);
        String filter = ctx.queryParam("product") == null ? "" : ctx.queryParam("product").strip();
        int pageSize = settings.current().pageLength();
        int page = Paging.parsePage(ctx.queryParam("page"));
        ArticleList result = articles.list(viewer, filter, (long) (page - 1) * pageSize, pageSize);
        String query = filter.isEmpty() ? "" : "product=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
        boolean canManage = articles.canManage(viewer);
        List<Product> allProducts = canManage ? products.listAll() : List.of();
        pages.render(ctx, "articles/list.jte", new ArticleListPage(pages.chrome(ctx), result, new Paging(page, pageSize, result.total(), query),
                filter, products.listVisible(viewer), canManage, allProducts, form, errors));
    }

    private void renderEditor(Context ctx, Article article, long version, ArticleForm form, FieldErrors errors) {
        pages.render(ctx, "articles/edit.jte", new ArticleEditPage(pages.chrome(ctx), article, version, form, products.listAll(), errors));
    }
}
