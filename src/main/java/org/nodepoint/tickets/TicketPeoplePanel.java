package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.users.Level;
import org.nodepoint.users.UserRef;
import org.nodepoint.users.Viewer;

/** Loads the {@link TicketPeople} of a ticket page, with only the lists that the viewer's level uses. */
public final class TicketPeoplePanel {
    private final Following following;
    private final Assignments assignments;
    private final AttentionFlags attention;

    public TicketPeoplePanel(Following following, Assignments assignments, AttentionFlags attention) {
        this.following = following;
        this.assignments = assignments;
        this.attention = attention;
    }

    public TicketPeople load(Viewer viewer, Ticket ticket, String notifySelected) {
        boolean canAssign = viewer.hasLevel(Level.TICKETS_MANAGEMENT);
        List<UserRef> assignees = canAssign ? assignments.assignees(ticket.id()) : List.of();
        boolean viewerAssigned = assignees.stream().anyMatch(user -> viewer.userId() != null && user.id() == viewer.userId());
        return new TicketPeople(
                viewer.isSignedIn(),
                following.isFollowing(viewer, ticket.id()),
                canAssign,
                viewerAssigned,
                assignees,
                canAssign ? assignments.candidates(assignees) : List.of(),
                canAssign ? attention.candidates(ticket) : List.of(),
                notifySelected);
    }
}
