package org.nodepoint.uploads;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductForm;
import org.nodepoint.projects.ProductFormPage;
import org.nodepoint.projects.ProductService;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.Pages;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/** The image of a product: shown to everyone who may see the product, changed on its edit page from level 4. */
public final class ProductImageRoutes implements FeatureRoutes {
    private final ProductImageService images;
    private final ProductService products;
    private final Pages pages;

    public ProductImageRoutes(ProductImageService images, ProductService products, Pages pages) {
        this.images = images;
        this.products = products;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/projects/{id}/image", this::show, Requires.ANYONE);
        routes.post("/projects/{id}/image", this::upload, Requires.level(Level.PROJECTS_MANAGEMENT));
        routes.post("/projects/{id}/image/delete", this::remove, Requires.level(Level.PROJECTS_MANAGEMENT));
    }

    @Override
    public List<String> uploadPaths() {
        return List.of("/projects/{id}/image");
    }

    /**
     * Sends the image with the type its leading bytes showed, which is always PNG, JPEG or GIF, so
     * it may be shown inline. Browsers revalidate it on each view (ETag), so a new image shows at once.
     */
    private void show(Context ctx) {
        ImageDownload image = images.open(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        String etag = "\"" + image.sha256() + "\"";
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", AttachmentRoutes.DOWNLOAD_POLICY);
        if (etag.equals(ctx.header("If-None-Match"))) {
            closeQuietly(image);
            ctx.status(304);
            return;
        }
        ctx.disableCompression();
        ctx.contentType(image.contentType());
        ctx.header("Content-Length", String.valueOf(image.size()));
        ctx.result(image.content());
    }

    private void upload(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Viewer viewer = CurrentViewer.of(ctx);
        Forms.onInvalid(ctx, errors -> renderEditForm(ctx, viewer, id, errors));
        Product product = images.replace(viewer, id, UploadedFiles.of(ctx, ProductImageService.FIELD));
        Flash.success(ctx, "uploads.image.saved", product.name());
        ctx.redirect("/projects/" + id + "/edit");
    }

    private void remove(Context ctx) {
        long id = PathIds.of(ctx, "id");
        Product product = images.remove(CurrentViewer.of(ctx), id);
        Flash.success(ctx, "uploads.image.removed", product.name());
        ctx.redirect("/projects/" + id + "/edit");
    }

    private void renderEditForm(Context ctx, Viewer viewer, long id, FieldErrors errors) {
        Product product = products.findVisible(viewer, id);
        pages.render(ctx, "projects/form.jte", new ProductFormPage(pages.chrome(ctx), id, ProductForm.of(product), null,
                images.form(viewer, id, errors)));
    }

    private static void closeQuietly(ImageDownload image) {
        try {
            image.content().close();
        } catch (IOException ignored) {
            // Nothing was read from the stream, so there is nothing to lose.
        }
    }
}
