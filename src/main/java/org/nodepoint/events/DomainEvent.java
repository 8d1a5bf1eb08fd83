package org.nodepoint.events;

/**
 * Something that happened and was committed, published on the {@link EventBus} so that mail and
 * plugins react to it without the request waiting for them. Each event carries ids, not rows:
 * listeners read the current state when they act.
 */
public sealed interface DomainEvent permits TicketCreated, TicketUpdated, CommentAdded,
        TicketAssigned, TicketFollowed, AttentionRequested, AutoAssignmentChanged,
        ItemRequested, ItemApproved, ItemDenied, ItemCheckedOut, ItemAssigned, ItemReturned,
        TaskAssigned, TaskCompleted {
    /** The user who caused the event: a person, or the built-in api or guest account. */
    long actorId();

    /** The channel the change came through. */
    Origin origin();
}
