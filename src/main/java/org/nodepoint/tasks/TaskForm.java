package org.nodepoint.tasks;

/** The add-task form as submitted: the description, the assignee's user id and the due day (yyyy-mm-dd) as text. */
public record TaskForm(String description, String assigneeId, String due) {
    public static TaskForm blank() {
        return new TaskForm("", "", "");
    }
}
