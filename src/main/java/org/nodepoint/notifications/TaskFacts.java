package org.nodepoint.notifications;

/**
 * The task details that a task notification contains, read when it is built: the description, the
 * due day (yyyy-mm-dd), the project, the assignee's id and the name of the user who acted.
 */
record TaskFacts(long id, String description, String dueDate, long productId, String productName, long assigneeId,
        String actorName) {
}
