package org.nodepoint.tasks;

import java.util.List;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.users.UserRef;

/**
 * The tasks part of a project page: the first tasks by due day with their total, the newest lines
 * of the completion log with their total, and what the viewer may do. {@code canAdd} is false for
 * an archived project; {@code assignees} are the users the add form offers.
 */
public record TaskPanel(
        boolean visible,
        List<Task> tasks,
        long total,
        List<TaskLogEntry> log,
        long logTotal,
        boolean canAdd,
        boolean canDelete,
        boolean canClearLog,
        List<UserRef> assignees,
        TaskForm form,
        FieldErrors errors,
        String submissionToken) {

    /** The panel for a guest, who sees no tasks. */
    public static final TaskPanel HIDDEN = new TaskPanel(false, List.of(), 0, List.of(), 0, false, false, false, List.of(),
            TaskForm.blank(), null, "");

    public boolean hasMoreTasks() {
        return total > tasks.size();
    }

    public boolean hasMoreLog() {
        return logTotal > log.size();
    }

    public boolean hasError(String field) {
        return errors != null && errors.has(field);
    }
}
