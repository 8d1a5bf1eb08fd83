package org.nodepoint.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image of each product. Only PNG, JPEG and GIF files are accepted, as their leading bytes
 * show. The name and the type that the client declared are ignored. SVG is never accepted because
 * it can carry scripts. The upload_exts list does not apply, since the content itself is checked.
 */
public final class ProductImageService {
    private static final Logger log = LoggerFactory.getLogger(ProductImageService.class);
    /** The name of the edit page's file input, which error messages refer to. */
    public static final String FIELD = "image";

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final ProductService products;
    private final UploadFolder folder;
    private final Clock clock;

    public ProductImageService(Database database, SettingsStore settings, ProductService products, UploadFolder folder, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.products = products;
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * Saves the one uploaded file as the product's image, replacing the previous one, and returns
     * the product. Needs level 4 and upload_lvl, and the file may be at most max_size.
     */
    public Product replace(Viewer viewer, long productId, List<IncomingFile> files) {
        Product product = editable(viewer, productId);
        Settings current = settings.current();
        UploadRules.requireUploadLevel(viewer, current);
        if (files.isEmpty()) {
            throw ValidationException.of(FIELD, "uploads.image.missing");
        }
        if (files.size() > 1) {
            throw ValidationException.of(FIELD, "uploads.image.count");
        }
        FieldErrors errors = new FieldErrors();
        UploadRules.check(FIELD, files, current, false, errors);
        errors.throwIfAny();

        StoredFile stored = save(files.get(0));
        if (!FileSignatures.IMAGES.contains(stored.contentType())) {
            folder.delete(stored.storedName());
            log.warn("Rejected an image for product {} by user {}: the content is not PNG, JPEG or GIF", productId, viewer.userId());
            throw ValidationException.of(FIELD, "uploads.image.type", stored.originalName());
        }
        Optional<ProductImage> previous;
        try {
            previous = writer.inTransaction(handle -> {
                ProductImageDao dao = handle.attach(ProductImageDao.class);
                Optional<ProductImage> old = dao.findByProduct(productId);
                dao.save(productId, stored.storedName(), stored.size(), stored.contentType(), stored.sha256(), viewer.userId(), clock.millis());
                return old;
            });
        } catch (RuntimeException failure) {
            folder.delete(stored.storedName());
            throw failure;
        }
        previous.ifPresent(old -> folder.delete(old.storedName()));
        log.info("User {} saved a {} image for product {}", viewer.userId(), stored.contentType(), productId);
        return product;
    }

    /** Removes the product's image, if it has one, and returns the product. Needs level 4. */
    public Product remove(Viewer viewer, long productId) {
        Product product = editable(viewer, productId);
        Optional<ProductImage> previous = writer.inTransaction(handle -> {
            ProductImageDao dao = handle.attach(ProductImageDao.class);
            Optional<ProductImage> old = dao.findByProduct(productId);
            dao.delete(productId);
            return old;
        });
        previous.ifPresent(old -> folder.delete(old.storedName()));
        return product;
    }

    /**
     * Returns true when the product has an image that the viewer may see. A missing or hidden
     * product has none, without an exception, because pages that re-render an invalid form call it.
     */
    public boolean hasImage(Viewer viewer, long productId) {
        boolean visible = products.findById(productId).filter(product -> products.isVisible(viewer, product)).isPresent();
        return visible && read.withExtension(ProductImageDao.class, dao -> dao.findByProduct(productId)).isPresent();
    }

    /** Returns the image part of a product's edit page. */
    public ProductImageForm form(Viewer viewer, long productId, FieldErrors errors) {
        return new ProductImageForm(productId, hasImage(viewer, productId), settings.current().maxUploadBytes(), errors);
    }

    /** Opens the image of a visible product. A hidden product and one without an image both give NotFoundException. */
    public ImageDownload open(Viewer viewer, long productId) {
        products.findVisible(viewer, productId);
        ProductImage image = read.withExtension(ProductImageDao.class, dao -> dao.findByProduct(productId))
                .orElseThrow(() -> new NotFoundException("uploads.notFound"));
        Path path = folder.pathOf(image.storedName()).orElseThrow(() -> new NotFoundException("uploads.notFound"));
        try {
            return new ImageDownload(image.contentType(), Files.size(path), image.sha256(), Files.newInputStream(path));
        } catch (NoSuchFileException missing) {
            log.error("The image of product {} has a row but no file {} in the upload folder", productId, path);
            throw new NotFoundException("uploads.missing");
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to open the image of product " + productId, failure);
        }
    }

    private Product editable(Viewer viewer, long productId) {
        if (!viewer.hasLevel(Level.PROJECTS_MANAGEMENT)) {
            throw new ForbiddenException("error.forbidden.level");
        }
        return products.findVisible(viewer, productId);
    }

    private StoredFile save(IncomingFile file) {
        try {
            return folder.save(file);
        } catch (IOException failure) {
            throw new UncheckedIOException("Failed to save an upload in " + folder.path(), failure);
        }
    }
}
