package org.nodepoint.tasks;

/**
 * One line of a project's completion log: who did what to which task and when. {@code event} is
 * added, completion or deleted; {@code completion} is the new value of a completion event and null
 * otherwise; {@code description} is the task's description at that moment.
 */
public record TaskLogEntry(long id, Long taskId, String actorName, String event, Integer completion, String description,
        long createdAt) {
}
