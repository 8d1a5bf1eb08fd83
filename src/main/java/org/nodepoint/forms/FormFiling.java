package org.nodepoint.forms;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nodepoint.billing.BillingService;
import org.nodepoint.clients.ClientService;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.submissions.Submission;
import org.nodepoint.tickets.TicketAddition;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.users.Level;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;

/**
 * Filing tickets through custom forms: which form the new-ticket page shows for a project, and
 * filing with its answers checked and stored as rows of ticket_answers next to the ticket.
 */
public final class FormFiling {
    /**
     * The maximum number of names that a user or assignee field suggests. Any other valid name may
     * still be typed in, so the page stays small on sites with many users.
     */
    static final int MAX_SUGGESTED_NAMES = 500;

    private final FormService forms;
    private final TicketService tickets;
    private final ProductService products;
    private final UserService users;
    private final ClientService clients;
    private final BillingService billing;
    private final AnswerRules rules;

    public FormFiling(FormService forms, TicketService tickets, ProductService products, UserService users, ClientService clients,
            BillingService billing) {
        this.forms = forms;
        this.tickets = tickets;
        this.products = products;
        this.users = users;
        this.clients = clients;
        this.billing = billing;
        this.rules = new AnswerRules(users::findByName, clients::findById);
    }

    /**
     * Returns the custom form that the new-ticket page shows for the product, filled with the
     * given answers, or empty for the plain form. The caller has checked that the viewer may file
     * tickets in the product.
     */
    public Optional<FilingForm> filingForm(Product product, AnswerSet answers, String submitterAddress) {
        return forms.formFor(product.id()).map(form -> new FilingForm(form, answers, submitterAddress,
                hasField(form, FieldType.USER) ? users.listActiveNames(Level.UNAUTHORIZED, MAX_SUGGESTED_NAMES) : List.of(),
                hasField(form, FieldType.ASSIGNEE) ? users.listActiveNames(Level.TICKETS_MANAGEMENT, MAX_SUGGESTED_NAMES) : List.of(),
                hasField(form, FieldType.CLIENT) ? clients.listOpen() : List.of()));
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

    /** Files a ticket like {@link #file(Viewer, NewTicket, AnswerSet, String, Origin)}, once per submitted form token. */
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
        AnswerRules.Checked checked = rules.check(form.get(), answers, submitterAddress);
        NewTicket withPriority = new NewTicket(ticket.productId(), ticket.release(), ticket.title(), ticket.description(),
                checked.priority());
        long creatorId = viewer.isGuest() ? users.builtinId("guest") : viewer.userId();
        return tickets.file(viewer, withPriority, origin, new AnswersAddition(checked, billing, creatorId), submission);
    }

    private static boolean hasField(TicketForm form, FieldType type) {
        return form.fields().stream().anyMatch(field -> field.type() == type);
    }

    /**
     * The checked answers as a ticket addition: their errors join the ticket's, and their rows go in
     * its transaction, with the billing of the chosen client. A client closed after the check
     * rejects the whole filing.
     */
    private record AnswersAddition(AnswerRules.Checked checked, BillingService billing, long creatorId) implements TicketAddition {
        @Override
        public void validate(FieldErrors errors) {
            checked.errors().asMap().forEach((field, message) -> errors.add(field, message.key(), message.args().toArray()));
        }

        @Override
        public void store(Handle handle, long ticketId) {
            FormDao dao = handle.attach(FormDao.class);
            for (TicketAnswer answer : checked.answers()) {
                dao.insertAnswer(ticketId, answer.position(), answer.question(), answer.type(), answer.value());
            }
            checked.assigneeIds().forEach(userId -> dao.insertAssignee(ticketId, userId));
            AnswerRules.ClientChoice client = checked.client();
            if (client != null && !billing.billNewTicket(handle, ticketId, client.clientId(), creatorId)) {
                throw ValidationException.of(client.fieldName(), "forms.answer.client", client.question());
            }
        }
    }
}
