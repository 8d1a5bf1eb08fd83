package org.nodepoint.notifications;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.db.Database;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.events.TaskAssigned;
import org.nodepoint.projects.ProductService;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifies the assignee of a new task, from the web pages or the API, as NodePoint 1.x mailed it.
 * Nothing is sent to a user who assigned the task to themselves. The task and the assignee are
 * read when the notification is built, and nothing is sent once the task is gone or assigned to
 * someone else, to a built-in, disabled or level 0 account, or to a user who can no longer see
 * the project.
 */
public final class TaskNotifications implements EventListener {
    private static final Logger log = LoggerFactory.getLogger(TaskNotifications.class);

    private final Jdbi read;
    private final ProductService products;
    private final SettingsStore settings;
    private final Text text;
    private final NotificationDispatcher dispatcher;

    /** {@code text} gives the wording; the bus thread has no request, so it is one fixed language. */
    public TaskNotifications(Database database, ProductService products, SettingsStore settings, Text text,
            NotificationDispatcher dispatcher) {
        this.read = database.read();
        this.products = products;
        this.settings = settings;
        this.text = text;
        this.dispatcher = dispatcher;
    }

    @Override
    public void on(DomainEvent event) {
        if (!(event instanceof TaskAssigned assigned) || assigned.assigneeId() == assigned.actorId()) {
            return;
        }
        List<Notification> notifications = read.withExtension(TaskNotificationDao.class, dao -> {
            Optional<TaskFacts> task = dao.findTask(assigned.taskId(), assigned.actorId())
                    .filter(found -> found.assigneeId() == assigned.assigneeId());
            Optional<User> assignee = task.isEmpty() ? Optional.empty() : dao.findRecipient(assigned.assigneeId(), Level.AUTHORIZED);
            if (assignee.isEmpty() || !seesProject(assignee.get(), task.get().productId())) {
                return List.of();
            }
            Settings current = settings.current();
            TaskMessages messages = new TaskMessages(text.withTerms(current.terminology()), current.publicUrl());
            return List.of(messages.assigned(assignee.get().id(), assignee.get().name(), task.get()));
        });
        if (!notifications.isEmpty()) {
            log.debug("Notifying the assignee of task {}", assigned.taskId());
            dispatcher.dispatch(notifications);
        }
    }

    private boolean seesProject(User user, long productId) {
        return products.findById(productId).filter(product -> products.isVisible(Viewer.of(user), product)).isPresent();
    }
}
