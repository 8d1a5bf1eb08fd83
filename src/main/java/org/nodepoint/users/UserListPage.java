package org.nodepoint.users;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * The user list with its level filter (null for all levels), and the form for a new account with
 * the levels that the viewer may grant.
 */
public record UserListPage(Chrome chrome, List<User> users, Paging paging, Integer levelFilter, int maxGrantableLevel,
        NewUser form, FieldErrors errors) {
}
