package org.nodepoint.events;

/**
 * A user was added to ({@code added} true) or removed from the auto-assignment list of a product,
 * whose users become assignees of every ticket filed in it.
 */
public record AutoAssignmentChanged(long productId, long userId, boolean added, long actorId, Origin origin) implements DomainEvent {
}
