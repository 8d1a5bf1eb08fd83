package org.nodepoint.projects;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.text.UserText;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Products and their releases, with the visibility rules that decide which products a viewer may read. */
public final class ProductService {
    private static final Logger log = LoggerFactory.getLogger(ProductService.class);

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_MODEL_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    public static final int MAX_VERSION_LENGTH = 50;
    public static final int MAX_NOTES_LENGTH = 2_000;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final Clock clock;

    public ProductService(Database database, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.clock = clock;
    }

    public List<Product> listVisible(Viewer viewer) {
        Set<String> visibilities = labels(ProductVisibility.visibleTo(viewer));
        return read.withExtension(ProductDao.class, dao -> dao.listByVisibility(visibilities));
    }

    /** Returns the product if it exists and the viewer may see it; otherwise NotFoundException. */
    public Product findVisible(Viewer viewer, long id) {
        return findById(id)
                .filter(product -> isVisible(viewer, product))
                .orElseThrow(() -> new NotFoundException("projects.notFound"));
    }

    public Optional<Product> findById(long id) {
        return read.withExtension(ProductDao.class, dao -> dao.findById(id));
    }

    public boolean isVisible(Viewer viewer, Product product) {
        return ProductVisibility.parse(product.visibility())
                .map(visibility -> ProductVisibility.visibleTo(viewer).contains(visibility))
                .orElse(false);
    }

    public List<Release> releases(long productId) {
        return read.withExtension(ProductDao.class, dao -> dao.listReleases(productId));
    }

    /** Returns the releases of many products in one query, keyed by product id. */
    public Map<Long, List<Release>> releasesOf(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        List<Release> releases = read.withExtension(ProductDao.class, dao -> dao.listReleasesOf(Set.copyOf(productIds)));
        return releases.stream().collect(Collectors.groupingBy(Release::productId));
    }

    /** Returns true when the product has a release with exactly this version. */
    public boolean hasRelease(long productId, String version) {
        return read.withExtension(ProductDao.class, dao -> dao.countRelease(productId, version)) > 0;
    }

    public List<Product> listAll() {
        return read.withExtension(ProductDao.class, ProductDao::listAll);
    }

    /** Creates a product and, when the form names one, its first release. Needs level 4. */
    public Product create(Viewer viewer, ProductForm form) {
        requireLevel(viewer, Level.PROJECTS_MANAGEMENT);
        ProductForm clean = validate(form, true);
        long id = writer.inTransaction(handle -> {
            ProductDao dao = handle.attach(ProductDao.class);
            if (dao.findByName(clean.name()).isPresent()) {
                throw new ConflictException("name", "projects.name.taken");
            }
            long now = clock.millis();
            long productId = dao.insert(clean.name(), clean.model(), clean.description(), clean.visibility(), now);
            if (!clean.firstRelease().isEmpty()) {
                dao.insertRelease(productId, clean.firstRelease(), "", viewer.userId(), now);
            }
            return productId;
        });
        log.info("User {} created product {}", viewer.userId(), id);
        return findById(id).orElseThrow();
    }

    /** Changes a product's name, model, description and visibility. Needs level 4. */
    public Product update(Viewer viewer, long id, ProductForm form) {
        requireLevel(viewer, Level.PROJECTS_MANAGEMENT);
        ProductForm clean = validate(form, false);
        writer.useTransaction(handle -> {
            ProductDao dao = handle.attach(ProductDao.class);
            dao.findById(id).orElseThrow(() -> new NotFoundException("projects.notFound"));
            Optional<Product> sameName = dao.findByName(clean.name());
            if (sameName.isPresent() && sameName.get().id() != id) {
                throw new ConflictException("name", "projects.name.taken");
            }
            dao.update(id, clean.name(), clean.model(), clean.description(), clean.visibility(), clock.millis());
        });
        log.info("User {} updated product {}", viewer.userId(), id);
        return findById(id).orElseThrow();
    }

    /** Adds a release to a product the viewer can see. Needs level 3; versions are unique per product. */
    public Release addRelease(Viewer viewer, long productId, String version, String notes) {
        requireLevel(viewer, Level.TICKETS_MANAGEMENT);
        Product product = findVisible(viewer, productId);
        String cleanVersion = UserText.singleLine(version);
        String cleanNotes = UserText.multiLine(notes);
        FieldErrors errors = new FieldErrors();
        if (cleanVersion.isEmpty() || cleanVersion.length() > MAX_VERSION_LENGTH) {
            errors.add("version", "projects.release.version.length", MAX_VERSION_LENGTH);
        }
        if (cleanNotes.length() > MAX_NOTES_LENGTH) {
            errors.add("notes", "projects.release.notes.length", MAX_NOTES_LENGTH);
        }
        errors.throwIfAny();
        long releaseId = writer.inTransaction(handle -> {
            ProductDao dao = handle.attach(ProductDao.class);
            if (dao.countRelease(product.id(), cleanVersion) > 0) {
                throw new ConflictException("version", "projects.release.taken");
            }
            return dao.insertRelease(product.id(), cleanVersion, cleanNotes, viewer.userId(), clock.millis());
        });
        log.info("User {} added release {} to product {}", viewer.userId(), releaseId, product.id());
        return releases(product.id()).stream().filter(release -> release.id() == releaseId).findFirst().orElseThrow();
    }

    /**
     * Returns the id of the product with this name, creating a public product when there is none.
     * Runs inside the caller's transaction; used by bulk imports.
     */
    public long findOrCreate(Handle handle, String name) {
        ProductDao dao = handle.attach(ProductDao.class);
        String clean = UserText.singleLine(name);
        return dao.findByName(clean)
                .map(Product::id)
                .orElseGet(() -> dao.insert(clean, "", "", ProductVisibility.PUBLIC.label(), clock.millis()));
    }

    private ProductForm validate(ProductForm form, boolean creating) {
        String name = UserText.singleLine(form.name());
        String model = UserText.singleLine(form.model());
        String description = UserText.multiLine(form.description());
        String release = UserText.singleLine(form.firstRelease());
        FieldErrors errors = new FieldErrors();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            errors.add("name", "projects.name.length", MAX_NAME_LENGTH);
        }
        if (model.length() > MAX_MODEL_LENGTH) {
            errors.add("model", "projects.model.length", MAX_MODEL_LENGTH);
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add("description", "projects.description.length", MAX_DESCRIPTION_LENGTH);
        }
        Optional<ProductVisibility> visibility = ProductVisibility.parse(form.visibility());
        if (visibility.isEmpty()) {
            errors.add("visibility", "projects.visibility.invalid");
        }
        if (creating && release.length() > MAX_VERSION_LENGTH) {
            errors.add("firstRelease", "projects.release.version.length", MAX_VERSION_LENGTH);
        }
        errors.throwIfAny();
        return new ProductForm(name, model, description, visibility.get().label(), creating ? release : "");
    }

    private static void requireLevel(Viewer viewer, int level) {
        if (!viewer.hasLevel(level)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    private static Set<String> labels(Set<ProductVisibility> visibilities) {
        return visibilities.stream().map(ProductVisibility::label).collect(Collectors.toSet());
    }

}
