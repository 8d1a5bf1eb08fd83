package org.nodepoint.tickets;

import java.util.List;

/** The newest attention flags of a user, and how many there are in all. */
public record AttentionList(List<AttentionFlag> flags, long total) {
}
