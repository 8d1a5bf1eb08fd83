package org.nodepoint.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Plugin;
import org.nodepoint.db.Database;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.events.TaskCompleted;

/**
 * Queues the task completion plugin when a task reaches 100 %, with {@code %user%} (the assignee's
 * name), {@code %task%} (the description), {@code %product%} (the project's id, as in NodePoint 1.x)
 * and {@code %due%} (the due day as yyyy-mm-dd). The values come from the task as stored when the
 * event arrives, and nothing runs once the task is gone or below 100 % again.
 */
public final class TaskCompletionPlugin implements EventListener {
    private final PluginRunner runner;
    private final Jdbi read;

    public TaskCompletionPlugin(PluginRunner runner, Database database) {
        this.runner = runner;
        this.read = database.read();
    }

    /** The values of one run. */
    private record Completion(String assignee, String description, long productId, String dueDate) {
    }

    @Override
    public void on(DomainEvent event) {
        if (!(event instanceof TaskCompleted completed) || !runner.isConfigured(Plugin.TASK_COMPLETION)) {
            return;
        }
        findCompletion(completed.taskId(), completed.assigneeId()).ifPresent(completion -> {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("user", completion.assignee());
            values.put("task", completion.description());
            values.put("product", String.valueOf(completion.productId()));
            values.put("due", completion.dueDate());
            runner.submit(Plugin.TASK_COMPLETION, completion.assignee(), values);
        });
    }

    private Optional<Completion> findCompletion(long taskId, long assigneeId) {
        return read.withHandle(handle -> handle.createQuery("SELECT u.name, t.description, t.product_id, t.due_date "
                        + "FROM tasks t JOIN users u ON u.id = t.assignee_id "
                        + "WHERE t.id = :taskId AND t.assignee_id = :assigneeId AND t.completion = 100")
                .bind("taskId", taskId).bind("assigneeId", assigneeId)
                .map((row, context) -> new Completion(row.getString("name"), row.getString("description"), row.getLong("product_id"),
                        row.getString("due_date")))
                .findOne());
    }
}
