package org.nodepoint.events;

/** A user of the "Can assign tasks" level, or the API, added a task and assigned it to a user (assigneeId). */
public record TaskAssigned(long taskId, long assigneeId, long actorId, Origin origin) implements DomainEvent {
}
