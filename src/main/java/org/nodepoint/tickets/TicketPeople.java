package org.nodepoint.tickets;

import java.util.List;
import org.nodepoint.users.UserRef;

/**
 * The people part of the ticket page: following for signed-in users, the assignees with the
 * assign and remove forms for level 3 and up, and the users that the update form can flag.
 * {@code notifySelected} is the notify value to show again after an invalid update, or "".
 */
public record TicketPeople(
        boolean canFollow,
        boolean following,
        boolean canAssign,
        boolean viewerAssigned,
        List<UserRef> assignees,
        List<UserRef> assignable,
        List<UserRef> notifiable,
        String notifySelected) {

    public boolean isSelected(UserRef user) {
        return String.valueOf(user.id()).equals(notifySelected);
    }
}
