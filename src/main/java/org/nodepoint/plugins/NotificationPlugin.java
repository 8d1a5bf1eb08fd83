package org.nodepoint.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nodepoint.config.Plugin;
import org.nodepoint.notifications.Notification;
import org.nodepoint.notifications.NotificationChannel;

/** Passes each notification to the notification plugin with {@code %user%}, {@code %title%} and {@code %message%}. */
public final class NotificationPlugin implements NotificationChannel {
    private final PluginRunner runner;

    public NotificationPlugin(PluginRunner runner) {
        this.runner = runner;
    }

    /** Queues a run and returns at once; does nothing while the plugin has no command. */
    @Override
    public void deliver(Notification notification) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("user", notification.recipientName());
        values.put("title", notification.title());
        values.put("message", notification.message());
        runner.submit(Plugin.NOTIFICATION, notification.recipientName(), values);
    }
}
