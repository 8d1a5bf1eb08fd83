package org.nodepoint.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nodepoint.articles.ArticleService;
import org.nodepoint.billing.BillingService;
import org.nodepoint.clients.ClientService;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.inventory.ItemService;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.tasks.TaskService;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tickets.TicketAddition;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.uploads.AttachmentService;
import org.nodepoint.uploads.IncomingFile;
import org.nodepoint.uploads.StoredFile;
import org.nodepoint.users.Level;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;

/**
 * Filing tickets through custom forms: which form the new-ticket page shows for a project, and
 * filing with its answers checked and stored as rows of ticket_answers next to the ticket. The
 * files of file questions become attachments of the ticket in the same transaction.
 */
public final class FormFiling {
    /**
     * The maximum number of names that a user or assignee field suggests. Any other valid name may
     * still be typed in, so the page stays small on sites with many users.
     */
    static final int MAX_SUGGESTED_NAMES = 500;
    /** The maximum number of articles that an article field offers, by title. */
    static final int MAX_ARTICLE_CHOICES = 200;

    private final FormService forms;
    private final TicketService tickets;
    private final ProductService products;
    private final UserService users;
    private final AttachmentService attachments;
    private final ItemService items;
    private final ClientService clients;
    private final BillingService billing;
    private final TaskService tasks;
    private final ArticleService articles;
    private final AnswerRules rules;

    public FormFiling(FormService forms, TicketService tickets, ProductService products, UserService users,
            AttachmentService attachments, ItemService items, ClientService clients, BillingService billing, TaskService tasks,
            ArticleService articles) {
        this.forms = forms;
        this.tickets = tickets;
        this.products = products;
        this.users = users;
        this.attachments = attachments;
        this.items = items;
        this.clients = clients;
        this.billing = billing;
        this.tasks = tasks;
        this.articles = articles;
        this.rules = new AnswerRules(users::findByName, attachments, items::checkedOutBy, clients::findById, tasks::openTasksOf,
                articles::findPublishedFor);
    }

    /**
     * Returns the custom form that the new-ticket page shows the viewer for the product, filled with
     * the given answers, or empty for the plain form. The caller has checked that the viewer may
     * file tickets in the product.
     */
    public Optional<FilingForm> filingForm(Viewer viewer, Product product, AnswerSet answers, String submitterAddress) {
        return forms.formFor(product.id()).map(form -> new FilingForm(form, answers, submitterAddress,
                hasField(form, FieldType.USER) ? users.listActiveNames(Level.UNAUTHORIZED, MAX_SUGGESTED_NAMES) : List.of(),
                hasField(form, FieldType.ASSIGNEE) ? users.listActiveNames(Level.TICKETS_MANAGEMENT, MAX_SUGGESTED_NAMES) : List.of(),
                attachments.limits(viewer),
                hasField(form, FieldType.OWN_ITEMS) && viewer.isSignedIn() ? items.checkedOutBy(viewer.userId()) : List.of(),
                hasField(form, FieldType.CLIENT) ? clients.listOpen() : List.of(),
                hasField(form, FieldType.OWN_TASKS) && viewer.isSignedIn() ? tasks.openTasksOf(viewer.userId(), product.id()) : List.of(),
                hasField(form, FieldType.ARTICLE) ? articles.publishedFor(viewer, product.id(), MAX_ARTICLE_CHOICES) : List.of()));
    }

    /**
     * Files a ticket from the new-ticket page. When the product has a custom form, the answers
     * must have been given on that form at its current version; they are checked with the title
     * and description, and a priority field sets the ticket's priority. Users named in assignee
     * fields become assignees, and the ticket becomes billable to the client of the first client
     * field. Throws ValidationException and stores nothing when any value is invalid.
     */
    public long file(Viewer viewer, NewTicket ticket, AnswerSet answers, String submitterAddress, Origin origin) {
        return file(viewer, ticket, answers, submitterAddress, origin, Submission.NONE);
    }

    /**
     * Files a ticket like {@link #file(Viewer, NewTicket, AnswerSet, String, Origin)}, once per
     * submitted form token. The files of valid answers are written to the upload folder before the
     * ticket's transaction and deleted again when it fails, so no file outlives a rejected ticket.
     */
    public long file(Viewer viewer, NewTicket ticket, AnswerSet answers, String submitterAddress, Origin origin, Submission submission) {
        Optional<Product> product = products.findById(ticket.productId())
                .filter(found -> products.isVisible(viewer, found) && !found.isArchived());
        if (product.isEmpty()) {
            // TicketService rejects the product; a hidden product's form is never read, so its questions never show.
            return tickets.file(viewer, ticket, origin, submission);
        }
        Optional<TicketForm> form = forms.formFor(product.get().id());
        boolean sameForm = form.map(answers::isFor).orElse(answers.formId() == null);
        if (!sameForm) {
            throw ValidationException.of("form", "forms.filing.changed");
        }
        if (form.isEmpty()) {
            return tickets.file(viewer, ticket, origin, submission);
        }
        AnswerRules.Checked checked = rules.check(form.get(), product.get().id(), answers, submitterAddress, viewer);
        NewTicket withPriority = new NewTicket(ticket.productId(), ticket.release(), ticket.title(), ticket.description(),
                checked.priority());
        long creatorId = viewer.isGuest() ? users.builtinId("guest") : viewer.userId();
        // Invalid answers fail the filing below without any file being written.
        Map<Integer, StoredFile> stored = checked.errors().isEmpty() ? save(viewer, checked.files()) : Map.of();
        try {
            return tickets.file(viewer, withPriority, origin, new AnswersAddition(checked, stored, attachments, viewer, billing, creatorId), submission);
        } catch (RuntimeException failure) {
            attachments.discard(List.copyOf(stored.values()));
            throw failure;
        }
    }

    /** Writes the files to the upload folder by position; when one fails, deletes those already written. */
    private Map<Integer, StoredFile> save(Viewer viewer, Map<Integer, IncomingFile> files) {
        Map<Integer, StoredFile> stored = new LinkedHashMap<>();
        try {
            for (Map.Entry<Integer, IncomingFile> file : files.entrySet()) {
                String field = AnswerSet.fieldName(file.getKey());
                stored.put(file.getKey(), attachments.save(viewer, field, List.of(file.getValue())).get(0));
            }
        } catch (RuntimeException failure) {
            attachments.discard(List.copyOf(stored.values()));
            throw failure;
        }
        return stored;
    }

    private static boolean hasField(TicketForm form, FieldType type) {
        return form.fields().stream().anyMatch(field -> field.type() == type);
    }

    /**
     * The checked answers as a ticket addition: their errors join the ticket's, and their rows go in
     * its transaction, with an attachment row for each saved file that its answer names and the
     * billing of the chosen client. A client closed after the check rejects the whole filing.
     */
    private record AnswersAddition(AnswerRules.Checked checked, Map<Integer, StoredFile> files, AttachmentService attachments,
            Viewer viewer, BillingService billing, long creatorId) implements TicketAddition {
        @Override
        public void validate(FieldErrors errors) {
            checked.errors().asMap().forEach((field, message) -> errors.add(field, message.key(), message.args().toArray()));
        }

        @Override
        public void store(Handle handle, long ticketId) {
            FormDao dao = handle.attach(FormDao.class);
            for (TicketAnswer answer : checked.answers()) {
                StoredFile file = files.get(answer.position());
                Long attachmentId = file == null ? null : attachments.insert(handle, viewer, ticketId, null, List.of(file)).get(0);
                dao.insertAnswer(ticketId, answer.position(), answer.question(), answer.type(), answer.value(), attachmentId);
            }
            checked.assigneeIds().forEach(userId -> dao.insertAssignee(ticketId, userId));
            AnswerRules.ClientChoice client = checked.client();
            if (client != null && !billing.billNewTicket(handle, ticketId, client.clientId(), creatorId)) {
                throw ValidationException.of(client.fieldName(), "forms.answer.client", client.question());
            }
        }
    }
}
