package org.nodepoint.tasks;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nodepoint.config.Component;
import org.nodepoint.config.Settings;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.ProductRoutes;
import org.nodepoint.submissions.FormSubmissions;
import org.nodepoint.submissions.Submission;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.ComponentGate;
import org.nodepoint.web.CurrentViewer;
import org.nodepoint.web.FeatureRoutes;
import org.nodepoint.web.Flash;
import org.nodepoint.web.Forms;
import org.nodepoint.web.PathIds;
import org.nodepoint.web.Requires;

/**
 * The task actions: adding a task and clearing the completion log from the project page, setting
 * the completion of one's own task from the home page, and deleting a task. Each is a POST that
 * redirects back; an invalid add form re-renders the project page with the field errors.
 */
public final class TaskRoutes implements FeatureRoutes {
    /** The form field that names the page to go back to after a completion change: "project", or the home page otherwise. */
    static final String BACK_FIELD = "back";
    private static final Requires TASKS_LEVEL = Requires.configured(Settings::tasksLevel);
    private static final Requires LOG_CLEARING_LEVEL = Requires.configured(
            settings -> Math.min(settings.tasksLevel(), TaskService.LOG_CLEARING_LEVEL));

    private final TaskService tasks;
    private final ProductRoutes projectPages;
    private final ComponentGate gate;
    private final FormSubmissions submissions;

    public TaskRoutes(TaskService tasks, ProductRoutes projectPages, ComponentGate gate, FormSubmissions submissions) {
        this.tasks = tasks;
        this.projectPages = projectPages;
        this.gate = gate;
        this.submissions = submissions;
    }

    /** Returns the purpose of the add form's single-use submission token for a project. */
    public static String newTaskPurpose(long productId) {
        return "task:new:" + productId;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before("/projects/{id}/tasks", gate.require(Component.TASKS));
        routes.before("/projects/{id}/tasks/*", gate.require(Component.TASKS));
        routes.before("/tasks/*", gate.require(Component.TASKS));
        routes.post("/projects/{id}/tasks", this::create, TASKS_LEVEL);
        routes.post("/projects/{id}/tasks/log/clear", this::clearLog, LOG_CLEARING_LEVEL);
        routes.post("/tasks/{id}/completion", this::setCompletion, Requires.level(Level.AUTHORIZED));
        routes.post("/tasks/{id}/delete", this::delete, TASKS_LEVEL);
    }

    private void create(Context ctx) {
        long productId = PathIds.of(ctx, "id");
        TaskForm form = new TaskForm(Forms.field(ctx, TaskService.DESCRIPTION_FIELD), Forms.field(ctx, TaskService.ASSIGNEE_FIELD),
                Forms.field(ctx, TaskService.DUE_FIELD));
        Forms.onInvalid(ctx, errors -> projectPages.showWithTaskForm(ctx, productId, form, errors));
        Viewer viewer = CurrentViewer.of(ctx);
        Submission submission = submissions.read(ctx, newTaskPurpose(productId));
        submissions.once(submission, once -> tasks.add(viewer, productId, form, once), taskId -> taskId);
        Flash.success(ctx, "tasks.flash.added", form.description().strip());
        ctx.redirect("/projects/" + productId + "#tasks");
    }

    private void setCompletion(Context ctx) {
        long id = PathIds.of(ctx, "id");
        String completion = Forms.field(ctx, TaskService.COMPLETION_FIELD);
        boolean changed = tasks.setCompletion(CurrentViewer.of(ctx), id, completion, Origin.WEB);
        Task task = tasks.find(id);
        Flash.success(ctx, changed ? "tasks.flash.completion" : "tasks.flash.unchanged", task.description());
        ctx.redirect("project".equals(Forms.field(ctx, BACK_FIELD)) ? "/projects/" + task.productId() + "#tasks" : "/#tasks");
    }

    private void delete(Context ctx) {
        Task task = tasks.delete(CurrentViewer.of(ctx), PathIds.of(ctx, "id"));
        Flash.success(ctx, "tasks.flash.deleted", task.description());
        ctx.redirect("/projects/" + task.productId() + "#tasks");
    }

    private void clearLog(Context ctx) {
        long productId = PathIds.of(ctx, "id");
        int cleared = tasks.clearLog(CurrentViewer.of(ctx), productId);
        Flash.success(ctx, "tasks.flash.logCleared", cleared);
        ctx.redirect("/projects/" + productId + "#task-log");
    }
}
