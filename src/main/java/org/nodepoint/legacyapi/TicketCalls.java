package org.nodepoint.legacyapi;

import org.nodepoint.events.Origin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.forms.FormAnswers;
import org.nodepoint.tickets.Hours;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.tickets.Priority;
import org.nodepoint.tickets.ProductListing;
import org.nodepoint.tickets.Ticket;
import org.nodepoint.tickets.TicketDetails;
import org.nodepoint.tickets.TicketService;
import org.nodepoint.tickets.TicketStatus;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/** API calls on tickets: list_tickets, show_ticket, add_ticket, update_ticket and add_comment. */
final class TicketCalls {
    /** The lists of all projects of the 100,000-ticket benchmark data take 13.8 MB, its largest project 3.6 MB. */
    private static final long LISTING_CACHE_BYTES = 32L * 1024 * 1024;

    private final LegacyApi api;
    private final TicketService tickets;
    private final FormAnswers formAnswers;
    private final ListingCache listings = new ListingCache(LISTING_CACHE_BYTES);

    TicketCalls(LegacyApi api, TicketService tickets, FormAnswers formAnswers) {
        this.api = api;
        this.tickets = tickets;
        this.formAnswers = formAnswers;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("list_tickets", this::listTickets);
        calls.put("show_ticket", this::showTicket);
        calls.put("add_ticket", this::addTicket);
        calls.put("update_ticket", this::updateTicket);
        calls.put("add_comment", this::addComment);
    }

    private LegacyJson listTickets(ApiRequest request) {
        long productId = request.requiredId("product_id");
        api.checkReadKey(request);
        ListingCache.Key key = new ListingCache.Key(productId, tickets.listingHidesClosed());
        Optional<byte[]> cached = listings.find(key, tickets.listingStamp(productId));
        if (cached.isPresent()) {
            return LegacyJson.rendered(cached.get());
        }
        ProductListing listing = tickets.listByProduct(productId);
        List<List<LegacyJson.Field>> items = listing.tickets().stream()
                .map(ticket -> LegacyJson.object(
                        "id", String.valueOf(ticket.id()),
                        "product_id", String.valueOf(ticket.productId()),
                        "release_id", ticket.release(),
                        "title", ticket.title()))
                .toList();
        byte[] body = LegacyJson.envelope("Tickets list.", "OK").put("tickets", items).bytes();
        listings.store(new ListingCache.Key(productId, listing.closedHidden()), listing.stamp(), body);
        return LegacyJson.rendered(body);
    }

    private LegacyJson showTicket(ApiRequest request) {
        long id = request.requiredId("id");
        api.checkReadKey(request);
        TicketDetails details;
        try {
            details = tickets.show(api.apiActor(), id);
        } catch (NotFoundException missing) {
            throw ApiError.ticketNotFound();
        }
        Ticket ticket = details.ticket();
        // NodePoint 1.x wrote the answers to a custom form into the description, so scripts find them there.
        String description = FormAnswers.withAnswers(ticket.description(), formAnswers.listForApi(api.apiActor(), id));
        List<List<LegacyJson.Field>> comments = details.comments().stream()
                .map(comment -> LegacyJson.object(
                        "id", String.valueOf(comment.id()),
                        "name", comment.authorName(),
                        "comment", comment.body().replace("\r", ""),
                        "created_on", LegacyApi.ctime(comment.createdAt()),
                        "modified_on", LegacyApi.ctimeOrNever(comment.updatedAt())))
                .toList();
        // The second "status" key is deliberate: NodePoint 1.x sent the call status and then the
        // ticket status under the same key, and last-wins JSON parsers read the ticket status.
        return LegacyJson.envelope("Ticket showed.", "OK")
                .put("id", String.valueOf(ticket.id()))
                .put("product_id", String.valueOf(ticket.productId()))
                .put("release_id", ticket.release())
                .put("created_by", details.createdByName())
                .put("assigned_to", String.join(" ", details.assignees()))
                .put("title", ticket.title())
                .put("description", description.replace("\r", ""))
                .put("priority", ticket.priorityLevel().label())
                .put("status", ticket.status())
                .put("resolution", ticket.resolution())
                .put("followers", String.join(" ", details.followers()))
                .put("created_on", LegacyApi.ctime(ticket.createdAt()))
                .put("modified_on", LegacyApi.ctimeOrNever(ticket.updatedAt()))
                .put("comments", comments);
    }

    private LegacyJson addTicket(ApiRequest request) {
        String title = request.required("title");
        String description = request.required("description");
        long productId = request.requiredId("product_id");
        String release = request.required("release_id");
        api.checkWriteKey(request);
        Viewer actor = api.actor(request, Level.AUTHORIZED);
        String priority = request.optional("priority");
        if (!priority.isEmpty() && Priority.parse(priority).isEmpty()) {
            throw ApiError.invalid("priority");
        }
        long id;
        try {
            id = tickets.file(actor, new NewTicket(productId, release, title, description, priority), Origin.API);
        } catch (ValidationException invalid) {
            throw translate(invalid.errors());
        }
        api.logWrite("add_ticket", actor, request, "ticket " + id);
        return LegacyJson.envelope("Ticket " + id + " added.", "OK");
    }

    private LegacyJson updateTicket(ApiRequest request) {
        long id = request.requiredId("id");
        api.checkWriteKey(request);
        Viewer actor = api.actor(request, Level.TICKETS_MANAGEMENT);
        String status = request.optional("status");
        if (!status.isEmpty() && TicketStatus.parseExact(status).isEmpty()) {
            throw ApiError.invalid("status");
        }
        String priority = request.optional("priority");
        if (!priority.isEmpty() && Priority.parse(priority).isEmpty()) {
            throw ApiError.invalid("priority");
        }
        // NodePoint 1.x kept only the whole hours of time_spent; the hours are stored exactly here.
        String timeSpent = request.optional("time_spent");
        if (Hours.parseEntry(timeSpent).isEmpty()) {
            throw ApiError.invalid("time_spent");
        }
        TicketUpdate update = new TicketUpdate(null, null, status.isEmpty() ? null : status,
                request.isPresent("resolution") ? request.optional("resolution") : null,
                priority.isEmpty() ? null : priority, null, request.optional("summary"), timeSpent);
        try {
            tickets.update(actor, id, update, Origin.API);
        } catch (NotFoundException missing) {
            throw ApiError.ticketNotFound();
        } catch (ValidationException invalid) {
            throw translate(invalid.errors());
        }
        api.logWrite("update_ticket", actor, request, "ticket " + id);
        return LegacyJson.envelope("Ticket updated.", "OK");
    }

    private LegacyJson addComment(ApiRequest request) {
        String comment = request.required("comment");
        long id = request.requiredId("id");
        api.checkWriteKey(request);
        Viewer actor = api.apiActor();
        long commentId;
        try {
            commentId = tickets.comment(actor, id, comment, Origin.API);
        } catch (NotFoundException missing) {
            throw ApiError.ticketNotFound();
        } catch (ValidationException invalid) {
            throw translate(invalid.errors());
        }
        api.logWrite("add_comment", actor, request, "comment " + commentId + " on ticket " + id);
        return LegacyJson.envelope("Comment added.", "OK");
    }

    /** Maps the service's field errors to the API's parameter names and codes. */
    private static ApiError translate(FieldErrors errors) {
        String field = errors.asMap().keySet().iterator().next();
        return switch (field) {
            case "title" -> ApiError.badLength("title", "between 1 and " + TicketService.MAX_TITLE_LENGTH + " characters");
            case "description" -> ApiError.badLength("description", "between 1 and " + TicketService.MAX_DESCRIPTION_LENGTH + " characters");
            case "comment" -> ApiError.badLength("comment", "between 1 and " + TicketService.MAX_COMMENT_LENGTH + " characters");
            case "resolution" -> ApiError.badLength("resolution", "at most " + TicketService.MAX_RESOLUTION_LENGTH + " characters");
            case "note" -> ApiError.badLength("summary", "at most " + TicketService.MAX_NOTE_LENGTH + " characters");
            case "release" -> ApiError.badLength("release_id", "at most " + TicketService.MAX_RELEASE_LENGTH + " characters");
            case "productId" -> ApiError.invalidProduct();
            case "time" -> ApiError.invalid("time_spent");
            default -> ApiError.invalid(field);
        };
    }
}
