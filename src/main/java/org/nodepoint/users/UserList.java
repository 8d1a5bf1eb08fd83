package org.nodepoint.users;

import java.util.List;

/** One page of the user list and the number of users that match its filter. */
public record UserList(List<User> rows, long total) {
}
