package org.nodepoint.legacyapi;

import java.util.Map;
import java.util.regex.Pattern;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.tickets.Assignments;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * The assign_ticket call. Parameters are checked in the order id, key, from_user, user, with the
 * messages and status codes of NodePoint 1.x. Unlike 1.x, the user must be an enabled account of
 * level 3 or higher, and assigning an assignee again adds no second entry.
 */
final class AssignmentCalls {
    /** The characters that NodePoint 1.x dropped from user names ("John Smith" named JohnSmith). */
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[^A-Za-z0-9._@-]");

    private final LegacyApi api;
    private final Assignments assignments;

    AssignmentCalls(LegacyApi api, Assignments assignments) {
        this.api = api;
        this.assignments = assignments;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("assign_ticket", this::assignTicket);
    }

    private LegacyJson assignTicket(ApiRequest request) {
        long id = request.requiredId("id");
        api.checkWriteKey(request);
        Viewer actor = api.actor(request, Level.TICKETS_MANAGEMENT);
        String user = NAME_CHARACTERS.matcher(request.optional("user")).replaceAll("");
        if (user.isEmpty()) {
            // The 1.x text and code for this one parameter, unlike the "Missing '...' argument." of the others.
            throw new ApiError("ERR_INVALID_ARGUMENT", "Missing 'user' value.");
        }
        boolean added;
        try {
            added = assignments.assignByName(actor, id, user, Origin.API);
        } catch (NotFoundException missing) {
            throw ApiError.ticketNotFound();
        } catch (ValidationException invalid) {
            throw translate(invalid);
        }
        api.logWrite("assign_ticket", actor, request, "user " + user + " on ticket " + id + (added ? "" : " (already assigned)"));
        return LegacyJson.envelope("Ticket updated.", "OK");
    }

    private static ApiError translate(ValidationException invalid) {
        String key = invalid.errors().asMap().values().iterator().next().key();
        String rule = switch (key) {
            case "assign.user.level" -> "only users of access level " + Assignments.MIN_LEVEL + " and up can be assigned";
            case "assign.user.cannotRead" -> "the user may not read this ticket";
            default -> "no enabled user has this name";
        };
        return new ApiError("ERR_INVALID_ARGUMENT", "Invalid 'user' value (" + rule + ").");
    }
}
