package org.nodepoint.forms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Custom ticket forms: creating, editing and deleting them, which project uses which form, and
 * the default form for projects without one. Managing forms needs the level of customs_lvl.
 */
public final class FormService {
    private static final Logger log = LoggerFactory.getLogger(FormService.class);

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final ProductService products;
    private final Clock clock;

    /** A page of the forms list and the number of forms in all. */
    public record FormList(List<FormSummary> rows, long total) {
    }

    /** The projects that use a form: those the viewer may see, and how many others there are. */
    public record FormProjects(List<Product> visible, int hiddenCount) {
    }

    /** A project that now uses a form, and the form it used before, if it had its own. */
    public record Assignment(Product product, Optional<String> previousFormName) {
    }

    public FormService(Database database, SettingsStore settings, ProductService products, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.products = products;
        this.clock = clock;
    }

    /** Returns true for signed-in users at or above customs_lvl, the rule that FormRoutes gives every route. */
    public boolean canManage(Viewer viewer) {
        return viewer.isSignedIn() && viewer.hasLevel(settings.current().customFormsLevel());
    }

    public FormList list(Viewer viewer, long offset, int limit) {
        requireManager(viewer);
        return read.withExtension(FormDao.class, dao -> new FormList(dao.listSummaries(limit, offset), dao.count()));
    }

    /** Returns a form with its fields for its managers; NotFoundException when there is no such form. */
    public TicketForm find(Viewer viewer, long id) {
        requireManager(viewer);
        return read.withExtension(FormDao.class, dao -> load(dao, id)).orElseThrow(() -> new NotFoundException("forms.notFound"));
    }

    /**
     * Returns the form that new tickets of the product use: the product's own, else the default
     * form, else none (the plain form). The caller checks that the viewer may see the product.
     */
    public Optional<TicketForm> formFor(long productId) {
        return read.withExtension(FormDao.class, dao -> dao.findFormIdOfProduct(productId)
                .flatMap(id -> load(dao, id))
                .or(() -> dao.findDefault().map(row -> withFields(dao, row))));
    }

    public TicketForm create(Viewer viewer, FormDraft draft) {
        requireManager(viewer);
        FormRules.CleanForm clean = FormRules.check(draft);
        long id = writer.inTransaction(handle -> {
            FormDao dao = handle.attach(FormDao.class);
            long formId = dao.insertForm(clean.name(), clean.titleQuestion(), clean.descriptionQuestion(), viewer.userId(), clock.millis());
            storeFields(dao, formId, clean);
            return formId;
        });
        log.info("User {} created ticket form {}", viewer.userId(), id);
        return find(viewer, id);
    }

    /**
     * Replaces the form's texts and fields, but only if it is still at {@code expectedVersion}, the
     * version that the editor was loaded with. Tickets filed earlier keep their questions.
     */
    public TicketForm update(Viewer viewer, long id, long expectedVersion, FormDraft draft) {
        requireExisting(viewer, id);
        FormRules.CleanForm clean = FormRules.check(draft);
        writer.useTransaction(handle -> {
            FormDao dao = handle.attach(FormDao.class);
            dao.findById(id).orElseThrow(() -> new NotFoundException("forms.notFound"));
            if (dao.updateForm(id, expectedVersion, clean.name(), clean.titleQuestion(), clean.descriptionQuestion(), clock.millis()) == 0) {
                throw ValidationException.of("version", "forms.update.stale");
            }
            dao.deleteFields(id);
            storeFields(dao, id, clean);
        });
        log.info("User {} updated ticket form {}", viewer.userId(), id);
        return find(viewer, id);
    }

    /** Deletes a form that no project uses and that is not the default; returns its name. */
    public String delete(Viewer viewer, long id) {
        requireManager(viewer);
        String name = writer.inTransaction(handle -> {
            FormDao dao = handle.attach(FormDao.class);
            FormDao.FormRow form = dao.findById(id).orElseThrow(() -> new NotFoundException("forms.notFound"));
            if (form.isDefault() || !dao.listProductIds(id).isEmpty()) {
                throw new ConflictException("delete", "forms.delete.inUse");
            }
            dao.deleteForm(id);
            return form.name();
        });
        log.info("User {} deleted ticket form {}", viewer.userId(), id);
        return name;
    }

    /** Makes the product use this form; the form it used before no longer applies to it. */
    public Assignment assign(Viewer viewer, long formId, Long productId) {
        requireExisting(viewer, formId);
        Product product = visibleProduct(viewer, productId, "productId");
        Optional<String> previous = writer.inTransaction(handle -> {
            FormDao dao = handle.attach(FormDao.class);
            dao.findById(formId).orElseThrow(() -> new NotFoundException("forms.notFound"));
            Optional<String> previousName = dao.findFormIdOfProduct(product.id())
                    .filter(previousId -> previousId != formId)
                    .flatMap(dao::findById)
                    .map(FormDao.FormRow::name);
            dao.assign(product.id(), formId);
            return previousName;
        });
        log.info("User {} gave product {} ticket form {}", viewer.userId(), product.id(), formId);
        return new Assignment(product, previous);
    }

    /** Stops the product from using this form, so that it uses the default form again. */
    public Product unassign(Viewer viewer, long formId, Long productId) {
        requireExisting(viewer, formId);
        Product product = visibleProduct(viewer, productId, "remove");
        writer.useTransaction(handle -> {
            FormDao dao = handle.attach(FormDao.class);
            dao.findById(formId).orElseThrow(() -> new NotFoundException("forms.notFound"));
            if (dao.unassign(product.id(), formId) == 0) {
                throw ValidationException.of("remove", "forms.unassign.notAssigned");
            }
        });
        log.info("User {} took ticket form {} from product {}", viewer.userId(), formId, product.id());
        return product;
    }

    /** Returns the projects that use the form, leaving out those the viewer may not see. */
    public FormProjects projectsOf(Viewer viewer, long formId) {
        requireManager(viewer);
        List<Long> ids = read.withExtension(FormDao.class, dao -> dao.listProductIds(formId));
        List<Product> visible = products.listVisible(viewer).stream().filter(product -> ids.contains(product.id())).toList();
        return new FormProjects(visible, ids.size() - visible.size());
    }

    /** Returns the product if the viewer may see it; otherwise a validation error on {@code field}, so that hidden products look absent. */
    private Product visibleProduct(Viewer viewer, Long productId, String field) {
        Optional<Product> product = productId == null ? Optional.empty()
                : products.findById(productId).filter(found -> products.isVisible(viewer, found));
        return product.orElseThrow(() -> new ValidationException(new FieldErrors().add(field, "forms.product.invalid")));
    }

    private static void storeFields(FormDao dao, long formId, FormRules.CleanForm clean) {
        for (FormField field : clean.fields()) {
            dao.insertField(formId, field.position(), field.question(), field.type().key(), field.required());
        }
        // The partial unique index on is_default allows one default form, so the old one is cleared first.
        if (clean.isDefault()) {
            dao.clearOtherDefault(formId);
        }
        dao.setDefault(formId, clean.isDefault());
    }

    private static Optional<TicketForm> load(FormDao dao, long id) {
        return dao.findById(id).map(row -> withFields(dao, row));
    }

    private static TicketForm withFields(FormDao dao, FormDao.FormRow row) {
        List<FormField> fields = dao.listFields(row.id()).stream()
                .map(field -> new FormField(field.position(), field.question(),
                        FieldType.parse(field.type()).orElseThrow(), field.required()))
                .toList();
        return new TicketForm(row.id(), row.name(), row.titleQuestion(), row.descriptionQuestion(), row.isDefault(), row.version(),
                row.createdAt(), row.updatedAt(), fields);
    }

    /**
     * Checks the viewer's level and that the form exists, before any input is checked, so that an
     * unknown form is a 404 and never a form page that cannot be shown again with the errors.
     */
    private void requireExisting(Viewer viewer, long formId) {
        requireManager(viewer);
        if (read.withExtension(FormDao.class, dao -> dao.findById(formId)).isEmpty()) {
            throw new NotFoundException("forms.notFound");
        }
    }

    private void requireManager(Viewer viewer) {
        if (!canManage(viewer)) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }
}
