package org.nodepoint.forms;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.inventory.ItemService;
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
    private final ItemService items;
    private final AnswerRules rules;

    public FormFiling(FormService forms, TicketService tickets, ProductService products, UserService users, ItemService items) {
        this.forms = forms;
        this.tickets = tickets;
        this.products = products;
        this.users = users;
        this.items = items;
        this.rules = new AnswerRules(users::findByName, items::checkedOutBy);
    }

    /**
     * Returns the custom form that the new-ticket page shows for the product, filled with the
     * given answers, or empty for the plain form. The caller has checked that the viewer may file
     * tickets in the product.
     */
    public Optional<FilingForm> filingForm(Product product, AnswerSet answers, String submitterAddress, Viewer submitter) {
        return forms.formFor(product.id()).map(form -> new FilingForm(form, answers, submitterAddress,
                hasField(form, FieldType.USER) ? users.listActiveNames(Level.UNAUTHORIZED, MAX_SUGGESTED_NAMES) : List.of(),
                hasField(form, FieldType.ASSIGNEE) ? users.listActiveNames(Level.TICKETS_MANAGEMENT, MAX_SUGGESTED_NAMES) : List.of(),
                hasField(form, FieldType.OWN_ITEMS) && submitter.isSignedIn() ? items.checkedOutBy(submitter.userId()) : List.of()));
    }

    /**
     * Files a ticket from the new-ticket page. When the product has a custom form, the answers
     * must have been given on that form at its current version; they are checked with the title
     * and description, and a priority field sets the ticket's priority. Users named in assignee
     * fields become assignees. Throws ValidationException and stores nothing when any value is invalid.
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
        AnswerRules.Checked checked = rules.check(form.get(), answers, submitterAddress, viewer);
        NewTicket withPriority = new NewTicket(ticket.productId(), ticket.release(), ticket.title(), ticket.description(),
                checked.priority());
        return tickets.file(viewer, withPriority, origin, new AnswersAddition(checked), submission);
    }

    private static boolean hasField(TicketForm form, FieldType type) {
        return form.fields().stream().anyMatch(field -> field.type() == type);
    }

    /** The checked answers as a ticket addition: their errors join the ticket's, and their rows go in its transaction. */
    private record AnswersAddition(AnswerRules.Checked checked) implements TicketAddition {
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
        }
    }
}
