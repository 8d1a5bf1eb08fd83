package org.nodepoint.events;

/** The assignee (assigneeId, who is also the actor) set the completion of a task to 100 %. */
public record TaskCompleted(long taskId, long assigneeId, long actorId, Origin origin) implements DomainEvent {
}
