package org.nodepoint.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.calendar.CalendarDates;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.events.TaskAssigned;
import org.nodepoint.events.TaskCompleted;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.projects.ProductVisibility;
import org.nodepoint.submissions.Submission;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.text.UserText;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.PathIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tasks of projects. Users at the "Can assign tasks" level (tasks_lvl) add and delete them, and
 * only the assignee sets the completion, in steps of 10 from 0 to 100. Each change made through this
 * service is one transaction on the group-commit writer with a row in the project's completion
 * log. Adding publishes TaskAssigned, and reaching 100 publishes TaskCompleted once.
 *
 * <p>A task is overdue while its completion is below 100 and its due day has ended in the time
 * zone of the settings (time_zone), that is from midnight at the start of the next day there.
 */
public final class TaskService {
    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    public static final int COMPLETE = 100;
    public static final int STEP = 10;
    public static final int MAX_DESCRIPTION_LENGTH = 500;
    public static final String DESCRIPTION_FIELD = "description";
    public static final String ASSIGNEE_FIELD = "assigneeId";
    public static final String DUE_FIELD = "due";
    public static final String COMPLETION_FIELD = "completion";
    public static final String PRODUCT_FIELD = "product";
    /** Clearing a project's log needs tasks_lvl, or this level when tasks_lvl is set higher. */
    public static final int LOG_CLEARING_LEVEL = Level.USERS_MANAGEMENT;

    /** How many tasks and log lines a project page shows; the page states the totals. */
    static final int PROJECT_LIST_LENGTH = 50;
    static final int PROJECT_LOG_LENGTH = 50;
    /** How many open tasks the home page shows, and how many completed ones from the last {@link #RECENTLY_COMPLETED}. */
    static final int HOME_OPEN_LENGTH = 20;
    static final int HOME_COMPLETED_LENGTH = 10;
    static final Duration RECENTLY_COMPLETED = Duration.ofDays(7);
    /** How many open tasks a custom form's own-tasks question offers. */
    static final int FORM_CHOICE_LENGTH = 100;

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final SettingsStore settings;
    private final ProductService products;
    private final UserService users;
    private final EventBus events;
    private final SystemLog systemLog;
    private final Clock clock;

    public TaskService(Database database, SettingsStore settings, ProductService products, UserService users, EventBus events,
            SystemLog systemLog, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.settings = settings;
        this.products = products;
        this.users = users;
        this.events = events;
        this.systemLog = systemLog;
        this.clock = clock;
    }

    /**
     * Adds a task from the project page, once per submitted form token, and returns its id. Needs
     * tasks_lvl. Throws ValidationException naming each invalid field. The description needs 1 to
     * 500 characters, the assignee must be an enabled user of level 1 or higher who can see the
     * project, and the due day a real date (yyyy-mm-dd). An archived product takes no tasks.
     */
    public long add(Viewer actor, long productId, TaskForm form, Submission submission) {
        requireTasksLevel(actor);
        Product product = products.findVisible(actor, productId);
        FieldErrors errors = new FieldErrors();
        String description = checkDescription(form.description(), errors);
        Optional<LocalDate> due = CalendarDates.parseIso(form.due());
        if (due.isEmpty()) {
            errors.add(DUE_FIELD, "tasks.due.invalid");
        }
        Long assigneeId = PathIds.parseNumber(UserText.singleLine(form.assigneeId()));
        Optional<User> assignee = assigneeId == null ? Optional.empty() : users.findById(assigneeId);
        checkAssignee(assignee, product, errors);
        checkOpen(product, errors);
        errors.throwIfAny();
        return insert(actor, product, description, assignee.get(), due.get(), Origin.WEB, submission);
    }

    /**
     * Adds a task for the legacy API with the assignee given by name, as NodePoint 1.x did, and
     * with the rules of {@link #add}. The caller has parsed the due day. Throws NotFoundException
     * when the product does not exist.
     */
    public long addByName(Viewer actor, long productId, String description, LocalDate due, String assigneeName) {
        requireTasksLevel(actor);
        Product product = products.findVisible(actor, productId);
        FieldErrors errors = new FieldErrors();
        String clean = checkDescription(description, errors);
        Optional<User> assignee = users.findByName(UserText.singleLine(assigneeName));
        checkAssignee(assignee, product, errors);
        checkOpen(product, errors);
        errors.throwIfAny();
        return insert(actor, product, clean, assignee.get(), due, Origin.API, Submission.NONE);
    }

    private long insert(Viewer actor, Product product, String description, User assignee, LocalDate due, Origin origin,
            Submission submission) {
        long now = clock.millis();
        long id = writer.inTransaction(handle -> submission.storeOnce(handle, now, () -> {
            TaskDao dao = handle.attach(TaskDao.class);
            long taskId = dao.insert(product.id(), description, assignee.id(), due.toString(), actor.userId(), now);
            dao.insertLog(product.id(), taskId, actor.userId(), "added", null, description, now);
            return taskId;
        }));
        log.info("User {} added task {} to product {} for user {}", actor.userId(), id, product.id(), assignee.id());
        events.publish(new TaskAssigned(id, assignee.id(), actor.userId(), origin));
        return id;
    }

    /**
     * Sets the completion of the actor's own task and returns false when it had that value
     * already. Throws ValidationException on {@link #COMPLETION_FIELD} for anything but 0, 10, ...
     * 100, NotFoundException when the task's project is hidden from the actor (as for a missing
     * task), and ForbiddenException when the actor is not the assignee. Reaching 100 records the
     * completion time and publishes TaskCompleted; when two requests race, only the one whose
     * update changed the row publishes it. Going back below 100 clears the completion time.
     */
    public boolean setCompletion(Viewer actor, long taskId, String value, Origin origin) {
        int completion = parseCompletion(value);
        Task task = find(taskId);
        if (products.findById(task.productId()).filter(product -> products.isVisible(actor, product)).isEmpty()) {
            throw notFound();
        }
        if (actor.isGuest() || task.assigneeId() != actor.userId()) {
            throw new ForbiddenException("tasks.completion.notAssignee");
        }
        long now = clock.millis();
        boolean changed = writer.inTransaction(handle -> {
            TaskDao dao = handle.attach(TaskDao.class);
            if (dao.setCompletion(taskId, actor.userId(), completion, now) == 0) {
                return false;
            }
            dao.insertLog(task.productId(), taskId, actor.userId(), "completion", completion, task.description(), now);
            return true;
        });
        if (changed) {
            log.info("User {} set the completion of task {} to {}", actor.userId(), taskId, completion);
        }
        if (changed && completion == COMPLETE) {
            events.publish(new TaskCompleted(taskId, actor.userId(), actor.userId(), origin));
        }
        return changed;
    }

    /** Reads a completion: a whole number from 0 to 100 in steps of 10. */
    static int parseCompletion(String value) {
        Long number = PathIds.parseNumber(UserText.singleLine(value));
        if (number == null || number < 0 || number > COMPLETE || number % STEP != 0) {
            throw ValidationException.of(COMPLETION_FIELD, "tasks.completion.invalid", STEP, COMPLETE);
        }
        return number.intValue();
    }

    /** Deletes a task and returns it as it was. Needs tasks_lvl. The completion log keeps a line with its description. */
    public Task delete(Viewer actor, long taskId) {
        requireTasksLevel(actor);
        Task task = find(taskId);
        products.findVisible(actor, task.productId());
        long now = clock.millis();
        writer.useTransaction(handle -> {
            TaskDao dao = handle.attach(TaskDao.class);
            dao.insertLog(task.productId(), taskId, actor.userId(), "deleted", null, task.description(), now);
            if (dao.delete(taskId) == 0) {
                throw notFound();
            }
        });
        log.info("User {} deleted task {} of product {}", actor.userId(), taskId, task.productId());
        return task;
    }

    /**
     * Deletes every line of a project's completion log and returns how many there were. Needs
     * tasks_lvl or level 5, whichever is lower. The system log records who cleared it.
     */
    public int clearLog(Viewer actor, long productId) {
        if (!actor.hasLevel(clearingLevel())) {
            throw new ForbiddenException("error.forbidden.level");
        }
        products.findVisible(actor, productId);
        int cleared = writer.withExtension(TaskDao.class, dao -> dao.clearLog(productId));
        log.info("User {} cleared the completion log of product {} ({} lines)", actor.userId(), productId, cleared);
        systemLog.record(LogCategory.TASKS, actor.name(),
                "Cleared the task completion log of project " + productId + " (" + cleared + " lines)");
        return cleared;
    }

    /** Returns the level that clearing a completion log needs under the current settings. */
    public int clearingLevel() {
        return Math.min(settings.current().tasksLevel(), LOG_CLEARING_LEVEL);
    }

    /**
     * Returns the tasks part of a project page for a signed-in viewer (guests see no tasks), with
     * the add form filled with {@code form} and its {@code errors} when the viewer may add tasks.
     */
    public TaskPanel panel(Viewer viewer, Product product, TaskForm form, FieldErrors errors, String submissionToken) {
        if (!viewer.isSignedIn()) {
            return TaskPanel.HIDDEN;
        }
        String today = today();
        boolean canManage = viewer.hasLevel(settings.current().tasksLevel());
        // TODO: offer a search field instead of a select of every assignable user once sites with thousands of users need it.
        return read.withExtension(TaskDao.class, dao -> new TaskPanel(true,
                dao.listByProduct(product.id(), today, PROJECT_LIST_LENGTH), dao.countByProduct(product.id()),
                dao.listLog(product.id(), PROJECT_LOG_LENGTH), dao.countLog(product.id()),
                canManage && !product.isArchived(), canManage, viewer.hasLevel(clearingLevel()),
                canManage && !product.isArchived() ? dao.listAssignable(minimumAssigneeLevel(product)) : List.of(),
                form, errors, submissionToken));
    }

    /**
     * Returns the home page's tasks panel: the viewer's open tasks by due day, then those completed
     * in the last week. Tasks of projects that the viewer may no longer see, after a change of the
     * project's visibility or of the viewer's level, are left out.
     */
    public HomeTasks homeTasks(Viewer viewer) {
        if (!viewer.isSignedIn()) {
            return HomeTasks.NONE;
        }
        String today = today();
        long since = clock.millis() - RECENTLY_COMPLETED.toMillis();
        Set<String> visible = ProductVisibility.labelsVisibleTo(viewer);
        return read.withExtension(TaskDao.class, dao -> new HomeTasks(
                dao.listOpenByAssignee(viewer.userId(), visible, today, HOME_OPEN_LENGTH), dao.countOpenByAssignee(viewer.userId(), visible),
                dao.listCompletedByAssignee(viewer.userId(), visible, since, today, HOME_COMPLETED_LENGTH)));
    }

    /** Returns a user's open tasks in one project by due day, for a custom form's own-tasks question. */
    public List<Task> openTasksOf(long userId, long productId) {
        String today = today();
        return read.withExtension(TaskDao.class, dao -> dao.listOpenByAssigneeInProduct(userId, productId, today, FORM_CHOICE_LENGTH));
    }

    /** Returns every task of the user with this name by due day, or empty when no account has the name. */
    public Optional<List<Task>> tasksOfUserNamed(String name) {
        Optional<User> user = users.findByName(UserText.singleLine(name));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String today = today();
        return Optional.of(read.withExtension(TaskDao.class, dao -> dao.listByAssignee(user.get().id(), today)));
    }

    /** Returns the task, or throws NotFoundException. */
    public Task find(long id) {
        String today = today();
        return read.withExtension(TaskDao.class, dao -> dao.findById(id, today)).orElseThrow(TaskService::notFound);
    }

    /** Returns today's date (yyyy-mm-dd) in the site's time zone; a task due before it is overdue unless complete. */
    public String today() {
        return CalendarDates.today(clock.instant(), settings.current().zone()).toString();
    }

    /** Returns the lowest level from which a user can see the product, and at least 1, the lowest level that may hold tasks. */
    private int minimumAssigneeLevel(Product product) {
        for (int level = Level.AUTHORIZED; level < Level.ADMIN; level++) {
            if (products.isVisible(new Viewer(0L, "", level), product)) {
                return level;
            }
        }
        return Level.ADMIN;
    }

    private String checkDescription(String text, FieldErrors errors) {
        String description = UserText.singleLine(text);
        if (description.isEmpty() || description.codePointCount(0, description.length()) > MAX_DESCRIPTION_LENGTH) {
            errors.add(DESCRIPTION_FIELD, "tasks.description.length", MAX_DESCRIPTION_LENGTH);
        }
        return description;
    }

    private void checkAssignee(Optional<User> assignee, Product product, FieldErrors errors) {
        boolean valid = assignee.filter(User::canSignIn).filter(user -> user.level() >= minimumAssigneeLevel(product)).isPresent();
        if (!valid) {
            errors.add(ASSIGNEE_FIELD, "tasks.assignee.invalid", minimumAssigneeLevel(product));
        }
    }

    private static void checkOpen(Product product, FieldErrors errors) {
        if (product.isArchived()) {
            errors.add(PRODUCT_FIELD, "tasks.product.archived");
        }
    }

    private void requireTasksLevel(Viewer actor) {
        if (actor.isGuest() || !actor.hasLevel(settings.current().tasksLevel())) {
            throw new ForbiddenException("error.forbidden.level");
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException("tasks.notFound");
    }
}
