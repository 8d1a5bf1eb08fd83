package org.nodepoint.tasks;

/**
 * A task of a project: its description, assignee, due day (yyyy-mm-dd) and completion in percent.
 * {@code overdue} was computed when the row was read: the due day has ended in the site's time
 * zone and the completion is below 100.
 */
public record Task(
        long id,
        long productId,
        String productName,
        String description,
        long assigneeId,
        String assigneeName,
        String dueDate,
        int completion,
        long createdAt,
        Long completedAt,
        boolean overdue) {

    public boolean isCompleted() {
        return completion == TaskService.COMPLETE;
    }
}
