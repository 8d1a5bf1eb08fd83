package org.nodepoint.projects;

import java.util.List;
import org.nodepoint.users.UserRef;

/**
 * The auto-assignment part of a product page, shown to level 3 and up: the list, whether the
 * viewer is on it, and for level 4 and up the users they may add.
 */
public record AutoAssignPanel(
        List<AutoAssignee> assignees,
        boolean canJoin,
        boolean viewerListed,
        boolean canManageOthers,
        List<UserRef> candidates) {
}
