package org.nodepoint.legacyapi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.nodepoint.calendar.CalendarDates;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.tasks.Task;
import org.nodepoint.tasks.TaskService;
import org.nodepoint.users.Viewer;

/**
 * The task calls add_task and list_tasks, with the parameters, messages and status codes of
 * NodePoint 1.x. add_task goes through the same rules as the project page, so it rejects an
 * unknown project or user and an impossible due day, which 1.x stored as given.
 */
final class TaskCalls {
    private final LegacyApi api;
    private final TaskService tasks;

    TaskCalls(LegacyApi api, TaskService tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("add_task", this::addTask);
        calls.put("list_tasks", this::listTasks);
    }

    /**
     * Checks product_id, description, due, user and key in that order. As in 1.x, the due day is
     * the first mm/dd/yyyy found anywhere in {@code due}; unlike 1.x, it must be a real date.
     */
    private LegacyJson addTask(ApiRequest request) {
        long productId = request.requiredId("product_id");
        String description = request.required("description");
        String due = request.required("due");
        String user = request.required("user");
        api.checkWriteKey(request);
        LocalDate dueDay = CalendarDates.findUs(due)
                .orElseThrow(() -> new ApiError("ERR_INVALID_FORMAT", "Argument 'due' must be in format 'mm/dd/yyyy'."));
        Viewer actor = api.apiActor();
        long id;
        try {
            id = tasks.addByName(actor, productId, description, dueDay, user);
        } catch (NotFoundException missing) {
            throw ApiError.invalidProduct();
        } catch (ValidationException invalid) {
            throw translate(invalid);
        }
        api.logWrite("add_task", actor, request, "task " + id + " of product " + productId);
        return LegacyJson.envelope("Task added.", "OK");
    }

    /** Lists every task of the user, by due day, without task ids, as 1.x did. */
    private LegacyJson listTasks(ApiRequest request) {
        String user = request.required("user");
        api.checkReadKey(request);
        List<Task> found = tasks.tasksOfUserNamed(user)
                .orElseThrow(() -> new ApiError("ERR_INVALID_CRED", "Invalid user name."));
        List<List<LegacyJson.Field>> rows = found.stream()
                .map(task -> LegacyJson.object(
                        "product_id", String.valueOf(task.productId()),
                        "description", task.description(),
                        "completion", String.valueOf(task.completion()),
                        "due", CalendarDates.toUs(task.dueDate())))
                .toList();
        return LegacyJson.envelope("Tasks list.", "OK").put("tasks", rows);
    }

    /** Turns the service's first error into the NodePoint 1.x error for that parameter. */
    private static ApiError translate(ValidationException invalid) {
        Map.Entry<String, FieldErrors.Message> first = invalid.asMap().entrySet().iterator().next();
        return switch (first.getKey()) {
            case TaskService.DESCRIPTION_FIELD -> ApiError.badLength("description",
                    "between 1 and " + TaskService.MAX_DESCRIPTION_LENGTH + " characters");
            case TaskService.ASSIGNEE_FIELD -> new ApiError("ERR_INVALID_ARGUMENT",
                    "Invalid 'user' value (no enabled user of level 1 or higher who can see the project has this name).");
            case TaskService.PRODUCT_FIELD -> new ApiError("ERR_INVALID_PRODUCT_ID",
                    "Invalid 'product_id' value (the project is archived).");
            default -> ApiError.invalid(first.getKey());
        };
    }
}
