package org.nodepoint.notifications;

import java.util.List;
import java.util.Optional;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.events.AutoAssignmentChanged;
import org.nodepoint.events.DomainEvent;
import org.nodepoint.events.EventListener;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.Text;

/**
 * Tells a user that they were added to or removed from the auto-assignment list of a product,
 * unless they made the change themselves. The user must be enabled, at level 1 or higher and
 * allowed to see the product when the notification is built.
 */
public final class AutoAssignNotifications implements EventListener {
    private final UserService users;
    private final ProductService products;
    private final SettingsStore settings;
    private final Text text;
    private final NotificationDispatcher dispatcher;

    /** {@code text} gives the wording; the bus thread has no request, so it is one fixed language. */
    public AutoAssignNotifications(UserService users, ProductService products, SettingsStore settings, Text text,
            NotificationDispatcher dispatcher) {
        this.users = users;
        this.products = products;
        this.settings = settings;
        this.text = text;
        this.dispatcher = dispatcher;
    }

    @Override
    public void on(DomainEvent event) {
        if (!(event instanceof AutoAssignmentChanged changed) || changed.userId() == changed.actorId()) {
            return;
        }
        Optional<User> recipient = users.findById(changed.userId())
                .filter(User::canSignIn)
                .filter(user -> user.level() >= Level.AUTHORIZED);
        if (recipient.isEmpty()) {
            return;
        }
        Optional<Product> product = products.findById(changed.productId())
                .filter(found -> products.isVisible(Viewer.of(recipient.get()), found));
        if (product.isEmpty()) {
            return;
        }
        dispatcher.dispatch(List.of(notification(changed, recipient.get(), product.get())));
    }

    private Notification notification(AutoAssignmentChanged changed, User recipient, Product product) {
        Settings current = settings.current();
        Text terms = text.withTerms(current.terminology());
        String actor = users.findById(changed.actorId()).map(User::name).orElse("?");
        String key = changed.added() ? "notifications.autoAssign.added" : "notifications.autoAssign.removed";
        StringBuilder body = new StringBuilder(terms.plain(key + ".body", actor, product.name()));
        if (!current.publicUrl().isEmpty()) {
            body.append("\n\n").append(terms.plain("notifications.autoAssign.link", current.publicUrl() + "/projects/" + product.id()));
        }
        return new Notification(recipient.id(), recipient.name(), terms.plain(key + ".title", product.name()), body.toString());
    }
}
